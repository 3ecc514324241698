import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { yearOfCell } from '../../src/core/year-cell.js';

const at = { file: 'a.csv', line: 3, column: 1 };

describe('yearOfCell', () => {
  it('reads 2020 and 2020年, with no problem', () => {
    const diagnostics: Diagnostic[] = [];
    expect(yearOfCell('2020', at, diagnostics)).toBe(2020);
    expect(yearOfCell('1995年', at, diagnostics)).toBe(1995);
    expect(diagnostics).toEqual([]);
  });

  it('an empty cell: EMPTY_VALUE for the year column, or the code given', () => {
    const diagnostics: Diagnostic[] = [];
    expect(yearOfCell('', at, diagnostics)).toBeUndefined();
    expect(yearOfCell('', { file: 'b.csv', line: 4 }, diagnostics, 'PATHWAY_EMPTY_VALUE')).toBeUndefined();
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'EMPTY_VALUE', params: { column: 'year' }, file: 'a.csv', line: 3, column: 1 },
      { severity: 'error', code: 'PATHWAY_EMPTY_VALUE', params: { column: 'year' }, file: 'b.csv', line: 4 },
    ]);
  });

  it('anything but a year from 1900 to 2099 is BAD_YEAR, quoting the cell as written', () => {
    const diagnostics: Diagnostic[] = [];
    for (const raw of ['2100', '1899', '20', '二〇二〇', '年', '2020年年', '2020.0']) expect(yearOfCell(raw, at, diagnostics)).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.params.value])).toEqual(
      ['2100', '1899', '20', '二〇二〇', '年', '2020年年', '2020.0'].map((raw) => ['BAD_YEAR', raw]),
    );
  });
});
