import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { chooseGrid } from '../../src/core/calc/factors-for-calc.js';
import { selectFactors } from '../../src/core/calc/select-factors.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { tableRef } from '../../src/core/factors/table.js';

/** The grid factor is chosen by region and by the data's year, with a warning when that year has none. */
const { registry } = loadBundled();
const candidates = selectFactors(registry, {}).grid;

describe('grid factor by region and year', () => {
  it('chooses among the non-historical grid tables only', () => {
    expect(candidates.map(tableRef).sort()).toEqual(['mee-grid-2021@2024-04', 'mee-grid-2022@2024-12', 'mee-grid-2023@2025-12']);
  });

  it.each([
    [2021, 'gansu', '0.4955', 'mee-grid-2021@2024-04'],
    [2022, 'gansu', '0.4772', 'mee-grid-2022@2024-12'],
    [2023, 'gansu', '0.4471', 'mee-grid-2023@2025-12'],
    [2022, 'northwest', '0.5857', 'mee-grid-2022@2024-12'],
    [2023, 'national', '0.5306', 'mee-grid-2023@2025-12'],
  ])('data of %i, %s → %s (%s), no warning', (year, region, factor, ref) => {
    const { choice, diagnostics } = chooseGrid(candidates, region, year, undefined);
    expect(choice!.factor.toString()).toBe(factor);
    expect(tableRef(choice!.table)).toBe(ref);
    expect(diagnostics).toEqual([]);
  });

  it('data of 2024 → the 2023 factor, with a warning that names both years and the table', () => {
    const { choice, diagnostics } = chooseGrid(candidates, 'gansu', 2024, undefined);
    expect(choice!.year).toBe(2023);
    expect(choice!.factor.toString()).toBe('0.4471');
    expect(diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'warning: grid factor of 2023 (gansu) used for 2024 data: no 2024 factor is published; nearest is 2023 (mee-grid-2023@2025-12) (fix: pass --grid-year to choose the year explicitly (published: 2021, 2022, 2023))',
    ]);
    expect(formatDiagnostic(diagnostics[0]!, 'zh')).toMatch(/^警告: 2024 年数据使用了 2023 年的电网因子（甘肃）：.*mee-grid-2023@2025-12.*（改法：可用 --grid-year 明确指定因子年份（已发布：2021, 2022, 2023））$/);
  });

  it('data of 2019 → the earliest published year, 2021, with a warning', () => {
    const { choice, diagnostics } = chooseGrid(candidates, 'gansu', 2019, undefined);
    expect(choice!.year).toBe(2021);
    expect(diagnostics[0]!.code).toBe('GRID_YEAR_MISMATCH');
  });

  it('--grid-year picks a published year, and warns nothing: the user chose it', () => {
    const { choice, diagnostics } = chooseGrid(candidates, 'gansu', 2021, 2022);
    expect(choice!.factor.toString()).toBe('0.4772');
    expect(diagnostics).toEqual([]);
  });

  it('an unknown region is an error listing the known ones', () => {
    const { choice, diagnostics } = chooseGrid(candidates, 'lanzhou', 2022, undefined);
    expect(choice).toBeUndefined();
    expect(diagnostics[0]!.code).toBe('NO_GRID_FACTOR');
    expect(formatDiagnostic(diagnostics[0]!, 'en')).toContain('choose one of: anhui, beijing, central');
  });

  it('Gansu is about 12–19 % below the Northwest and national averages (why the level matters)', () => {
    const pct = (year: number, other: string) => {
      const g = chooseGrid(candidates, 'gansu', year, undefined).choice!.factor;
      const o = chooseGrid(candidates, other, year, undefined).choice!.factor;
      return g.minus(o).dividedBy(o).times(100).toDecimalPlaces(1).toString();
    };
    expect([2021, 2022, 2023].map((y) => pct(y, 'northwest'))).toEqual(['-16.7', '-18.5', '-19.3']);
    expect([2021, 2022, 2023].map((y) => pct(y, 'national'))).toEqual(['-11', '-11.1', '-15.7']);
  });
});

describe('--grid-year for a year with no published factor', () => {
  it('says the requested year is not published and which year is used', async () => {
    const { loadBundled } = await import('../../src/bundled.js');
    const { chooseGrid } = await import('../../src/core/calc/factors-for-calc.js');
    const { formatDiagnostic } = await import('../../src/core/diagnostics.js');
    const grids = loadBundled().registry.ofKind('grid').filter((t) => t.meta.status !== 'historical');
    const { choice, diagnostics } = chooseGrid(grids, 'gansu', 2021, 2019);
    expect(choice!.year).toBe(2021);
    expect(diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'warning: --grid-year 2019: no gansu grid factor is published for 2019; the nearest, 2021 (mee-grid-2021@2024-04), is used for 2021 data (fix: choose a published year: 2021, 2022, 2023)',
    ]);
  });
});
