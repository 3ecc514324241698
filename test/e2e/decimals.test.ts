import { describe, expect, it } from 'vitest';
import { parseCsvLines } from '../../src/core/csv-text.js';
import { runCli } from '../helpers/run-cli.js';

const EXAMPLE = 'examples/jinchang-2021.csv';

describe('calc --decimals', () => {
  it('20 prints no more digits than a figure has: cell by cell, the full figure, padded to 6 decimals at most', () => {
    const twenty = runCli(['calc', EXAMPLE, '-f', 'csv', '--decimals', '20']);
    const full = runCli(['calc', EXAMPLE, '-f', 'csv', '--decimals', 'full']);
    expect(twenty.code).toBe(0);
    const rows20 = parseCsvLines(twenty.stdout).map((l) => l.fields);
    const rowsFull = parseCsvLines(full.stdout).map((l) => l.fields);
    expect(rows20.length).toBe(rowsFull.length);
    let longer = 0;
    const firstResult = rowsFull[0]!.indexOf('energy_tce');
    rows20.forEach((row, r) =>
      row.forEach((cell, c) => {
        const exact = rowsFull[r]![c]!;
        // the year, codes, names and the quantity (printed as entered) are the same
        if (r === 0 || c < firstResult) return expect(cell).toBe(exact);
        const places = exact.split('.')[1]?.length ?? 0;
        if (places > 20) {
          longer++;
          return expect(cell.split('.')[1]).toHaveLength(20);
        }
        // results padded to 6 decimals, never to 20
        const padded = places >= 6 ? exact : `${exact}${places === 0 ? '.' : ''}${'0'.repeat(6 - places)}`;
        expect(cell, `${rowsFull[0]![c]} of line ${r + 1}`).toBe(padded);
      }),
    );
    // some figures are quotients (44/12) with 50 significant digits: those are rounded to 20
    expect(longer).toBeGreaterThan(0);
    // the raw coal row: 24000 t × 0.7143 tce/t = 17143.2 tce exactly
    expect(rows20[1]!.slice(8, 11)).toEqual(['24000', 't', '17143.200000']);
  });

  it('refuses what its message refuses, and takes what it says it takes', () => {
    for (const v of ['-1', '21', '2.5', 'abc', '']) {
      const run = runCli(['calc', EXAMPLE, '--decimals', v]);
      expect(run.code, v).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr, v).toContain(`--decimals must be a whole number from 0 to 20, or full, not "${v}"`);
    }
    expect(runCli(['calc', EXAMPLE, '--decimals', '21', '--lang', 'zh']).stderr).toContain('--decimals 应为 0 到 20 的整数或 full，不是“21”');
    for (const v of ['0', '20', 'full']) expect(runCli(['calc', EXAMPLE, '--totals', '--decimals', v]).code, v).toBe(0);
  });
});
