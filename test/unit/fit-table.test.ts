import { describe, expect, it } from 'vitest';
import { columnWidths, fitTable, tableWidth, truncate, wrapText } from '../../src/core/format/fit-table.js';
import type { Tabular } from '../../src/core/format/tabular.js';
import { toTextTable } from '../../src/core/format/text-table.js';
import { displayWidth } from '../../src/core/text.js';

const table: Tabular = {
  columns: [
    { key: 'year', label: 'Year', numeric: false },
    { key: 'sector', label: 'Sector', numeric: false, shrink: true },
    { key: 'quantity', label: 'Quantity', numeric: true, drop: 1 },
    { key: 'co2e_t', label: 'CO2e (t)', numeric: true, drop: 2 },
    { key: 'co2_t', label: 'CO2 (t)', numeric: true },
  ],
  rows: [['2021', '有色金属冶炼和压延加工业', '1,000', '12.00', '11.00']],
  total: ['Sum of rows', '', '', '12.00', '11.00'],
};

describe('fitting a table to a terminal', () => {
  it('measures a CJK character as two cells; the total label runs on into the empty cells', () => {
    // year 4, sector 24 (12 CJK characters), quantity 8, CO2e 8, CO2 7, four gaps of 2
    expect(columnWidths(table)).toEqual([4, 24, 8, 8, 7]);
    expect(tableWidth(columnWidths(table))).toBe(59);
  });

  it('cuts CJK text on whole characters, with …', () => {
    expect(truncate('有色金属冶炼', 7)).toBe('有色金…');
    expect(displayWidth(truncate('有色金属冶炼', 8))).toBeLessThanOrEqual(8);
    expect(truncate('Raw Coal', 8)).toBe('Raw Coal');
  });

  it('wraps at spaces, and CJK anywhere', () => {
    expect(wrapText('Consumption CO2 (scope 1 without power)', 16)).toEqual(['Consumption CO2', '(scope 1 without', 'power)']);
    expect(wrapText('范围一扣除电力热力生产', 10)).toEqual(['范围一扣除', '电力热力生', '产']);
  });

  it('cuts names to 24 cells, then hides by rank, then cuts names further', () => {
    // 59 wide: without quantity (rank 1) 49, without CO2e too 39; then the sector is cut (21 cells at 36)
    expect(fitTable(table, 59).fit).toEqual({ hidden: [], shortened: [] });
    const at49 = fitTable(table, 49);
    expect(at49.fit).toEqual({ hidden: ['Quantity'], shortened: [] });
    const at36 = fitTable(table, 36);
    expect(at36.fit).toEqual({ hidden: ['Quantity', 'CO2e (t)'], shortened: ['Sector'] });
    const lines = toTextTable(table, undefined, { width: 36, report: () => {} }).trimEnd().split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(36);
    expect(lines[2]).toBe('2021  有色金属冶炼和压延加…    11.00');
  });
});
