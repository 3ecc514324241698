import { describe, expect, it } from 'vitest';
import { error, formatDiagnostic, warning } from '../../src/core/diagnostics.js';
import { calcLimits, countProblems, summariseDiagnostics } from '../../src/core/quality/summarise.js';

const dup = (file: string, line: number) => warning('DUPLICATE_ROW', { other: 2, otherFile: file }, { file, line });

describe('summariseDiagnostics', () => {
  it('returns a list within the limits unchanged', () => {
    const list = [dup('a.csv', 3), error('BAD_YEAR', { value: 'x' }, { file: 'a.csv', line: 4, column: 1 })];
    expect(summariseDiagnostics(list, calcLimits)).toBe(list);
  });

  it('keeps ten of a kind, then one summary after the tenth, whatever comes between', () => {
    const list = [];
    for (let line = 3; line < 40; line++) list.push(dup('a.csv', line));
    list.splice(5, 0, error('BAD_YEAR', { value: 'x' }, { file: 'a.csv', line: 99, column: 1 }));
    const out = summariseDiagnostics(list, calcLimits);
    expect(out.map((d) => d.code)).toEqual(['DUPLICATE_ROW', 'DUPLICATE_ROW', 'DUPLICATE_ROW', 'DUPLICATE_ROW', 'DUPLICATE_ROW', 'BAD_YEAR', ...Array(5).fill('DUPLICATE_ROW'), 'MORE_OF_KIND']);
    // 37 duplicates (lines 3–39), 10 listed: 27 more, the next at lines 13–17
    expect(formatDiagnostic(out.at(-1)!, 'en')).toBe(
      'a.csv: warning: 27 more warnings of this kind (DUPLICATE_ROW: same year, sector, fuel and use as line 2 of a.csv; both are counted) not listed one by one; they are at lines 13, 14, 15, 16, 17, … (fix: `jinchang-carbon validate` lists up to 5,000 of each kind)',
    );
    expect(formatDiagnostic(out.at(-1)!, 'zh')).toMatch(/^a\.csv: 警告: 另有 27 条同类警告（DUPLICATE_ROW：.*）未逐条列出，位于第 13, 14, 15, 16, 17, … 行/);
    expect(countProblems(out)).toEqual({ errors: 1, warnings: 37 });
  });

  it('names file and line when the unlisted ones span files', () => {
    const list = [];
    for (let line = 3; line < 15; line++) list.push(dup('a.csv', line));
    list.push(dup('b.csv', 7));
    const out = summariseDiagnostics(list, calcLimits);
    // 13 in all, 10 listed: a.csv 13, a.csv 14, b.csv 7
    expect(out.at(-1)!.params).toMatchObject({ count: 3, at: 'a.csv:13, a.csv:14, b.csv:7', lines: 0 });
  });

  it('caps errors at 5,000 of a kind and counts them all', () => {
    const list = Array.from({ length: 6000 }, (_, i) => error('BAD_YEAR', { value: 'x' }, { file: 'a.csv', line: i + 2, column: 1 }));
    const out = summariseDiagnostics(list, calcLimits);
    expect(out).toHaveLength(5001);
    expect(out.at(-1)!.params).toMatchObject({ count: 1000, kind: 'BAD_YEAR' });
    expect(countProblems(out)).toEqual({ errors: 6000, warnings: 0 });
  });
});
