import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { runCli } from '../helpers/run-cli.js';

const fx = (name: string) => `test/fixtures/decompose/${name}`;
const sig8 = (v: string) => new Decimal(v).toSignificantDigits(8).toString();
const dir = mkdtempSync(join(tmpdir(), 'jc-decompose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface EffectJson {
  factor: string;
  value?: string;
  ratio?: string;
  share_pct: string | null;
}

describe('decompose a factor table: the LMDIR test vectors through the CLI', () => {
  it('additive 1971→1972: 69.79006598, −9.455125793, 39.66505981, sum 100, residual 0', () => {
    const run = runCli(['decompose', fx('lmdir.csv'), '--from', '1971', '--to', '1972', '-f', 'json', '--decimals', 'full']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.effects.map((e: EffectJson) => sig8(e.value!))).toEqual(['69.790066', '-9.4551258', '39.66506']);
    expect(json.effects.map((e: EffectJson) => e.factor)).toEqual(['factor 1', 'factor 2', 'factor 3']);
    expect([json.start, json.end, json.change]).toEqual(['80', '180', '100']);
    expect(new Decimal(json.residual).abs().lessThan('1e-40')).toBe(true);
    expect(json.meta.options.method).toBe('additive');
  });

  it('multiplicative 1971→1972: 1.761117821, 0.926191306, 1.379410116 (ratio 2.25)', () => {
    const run = runCli(['decompose', fx('lmdir.csv'), '--from', '1971', '--to', '1972', '--method', 'multiplicative', '-f', 'json', '--decimals', '9']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.effects.map((e: EffectJson) => e.ratio)).toEqual(['1.761117821', '0.926191306', '1.379410116']);
    // 180/80 is exactly 2.25: padded to 6 decimals, not to the 9 asked for (src/core/format/number.ts, PAD_DECIMALS)
    expect(json.ratio).toBe('2.250000');
  });

  it('--chained 1971→1973 prints each year (1972→1973: 42.96021467, −34.31902656, 50.3588119) and their sum', () => {
    const run = runCli(['decompose', fx('lmdir.csv'), '--from', '1971', '--to', '1973', '--chained', '-f', 'csv', '--decimals', '8']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'from,to,period,start,end,change,ratio,factor 1,factor 2,factor 3,residual,co2_change_pct,gdp_change_pct,elasticity,state',
        // exact figures (80, 2.25, a zero residual) are padded to 6 decimals only; the computed ones show the 8 asked for
        '1971,1972,year,80.000000,180.000000,100.000000,2.250000,69.79006598,-9.45512579,39.66505981,0.000000,,,,',
        '1972,1973,year,180.000000,239.000000,59.000000,1.32777778,42.96021467,-34.31902656,50.35881190,0.00000000,,,,',
        // the sums of the unrounded yearly effects (69.79006598 + 42.96021467 ≈ 112.75028065, last digit from the digits not printed)
        '1971,1973,chained,80.000000,239.000000,159.000000,2.987500,112.75028064,-43.77415236,90.02387171,0.00000000,,,,',
        '',
      ].join('\n'),
    );
  });

  it('the people table says what the method is and that the residual is zero', () => {
    const run = runCli(['decompose', fx('lmdir.csv'), '--from', '1971', '--to', '1972', '-f', 'table']);
    expect(run.stdout).toContain('Residual (Σ effects − change)      0.00');
    expect(run.stdout).toContain('factor 2               −9.46');
    expect(run.stdout).toContain('Sum of effects       +100.00');
  });

  it('Chinese headers and labels (年份,分组,…), Markdown', () => {
    const run = runCli(['decompose', fx('zh-header.csv'), '--from', '2020', '--to', '2021', '-f', 'md', '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## 变化量分解（LMDI-I 加法）：总量，2020—2021');
    expect(run.stdout).toContain('| **各效应之和** | **+0.50** | **100.00** |');
  });

  it('tsv and an .xlsx file', () => {
    const tsv = runCli(['decompose', fx('lmdir.csv'), '--from', '1971', '--to', '1972', '-f', 'tsv']);
    expect(tsv.stdout.split('\n')[0]).toBe('from\tto\tperiod\tstart\tend\tchange\tratio\tfactor 1\tfactor 2\tfactor 3\tresidual\tco2_change_pct\tgdp_change_pct\telasticity\tstate');
    const out = join(dir, 'lmdi.xlsx');
    const run = runCli(['decompose', fx('lmdir.csv'), '--from', '1971', '--to', '1973', '--chained', '-o', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('decompose: bad input is refused with its message', () => {
  const fails = (args: string[], code: number, stderr: string[]) => {
    const run = runCli(['decompose', ...args]);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual(stderr);
    expect(run.code).toBe(code);
  };

  it('a negative factor, with the hint about net exports', () =>
    fails([fx('negative.csv'), '--from', '2020', '--to', '2021'], 1, [
      'test/fixtures/decompose/negative.csv:3:4: error: intensity -3 of "b" is negative: the LMDI logarithms are not defined for it (fix: a negative value usually means a net export (e.g. a city selling power): decompose on the territorial basis, or give imports and exports as separate groups with positive values)',
      '1 error in 1 file; nothing was written.',
    ]));

  it('no year column; no factor columns', () => {
    fails([fx('no-year.csv'), '--from', '2020', '--to', '2021'], 1, [
      'test/fixtures/decompose/no-year.csv:1: error: required column "year" is missing (found: yr, group, activity) (fix: add a column named "year" / "年份"; the table is year,group,<factor>,<factor>,… (one row per year and group; the aggregate is Σ over groups of the product of the factors))',
      '1 error in 1 file; nothing was written.',
    ]);
    fails([fx('no-factors.csv'), '--from', '2020', '--to', '2021'], 1, [
      'test/fixtures/decompose/no-factors.csv:1: error: the table has no factor columns after year and group (found: year, group) (fix: add one column per factor of your identity, e.g. activity,intensity,emission_factor)',
      '1 error in 1 file; nothing was written.',
    ]);
  });

  it('every bad cell at once: not a number, a duplicate row, an empty factor', () =>
    fails([fx('bad-cells.csv'), '--from', '2020', '--to', '2021'], 1, [
      'test/fixtures/decompose/bad-cells.csv:2:4: error: share "abc" is not a number (fix: write a plain number such as 1234.5 or 1,234.5, without units or notes)',
      'test/fixtures/decompose/bad-cells.csv:3: error: year 2020, group "a" appears twice (first on line 2) (fix: keep one row per year and group)',
      'test/fixtures/decompose/bad-cells.csv:4:3: error: activity of group "a" is empty (fix: write the value; a factor that is truly zero is written 0 (it is handled exactly, by the analytical limits of Ang & Liu 2007))',
      '3 errors in 1 file; nothing was written.',
    ]));

  it('a group without a row in one year: write 0 for the factor that was zero', () =>
    fails([fx('group-missing.csv'), '--from', '2020', '--to', '2021'], 1, [
      'test/fixtures/decompose/group-missing.csv:3: error: group "b" has a row for 2020 but none for 2021 (fix: give it a row in both years; where it did not exist, write 0 for the factor that was zero (e.g. its share), so the zero rule knows which factor made it appear or disappear)',
      '1 error in 1 file; nothing was written.',
    ]));

  it('a year not in the data; a gap in a chained series', () => {
    fails([fx('gap.csv'), '--from', '2020', '--to', '2021'], 1, [
      'test/fixtures/decompose/gap.csv: error: year 2021 is not in the data (years: 2020, 2022) (fix: choose --from and --to among the years of the data)',
      '1 error in 1 file; nothing was written.',
    ]);
    fails([fx('gap.csv'), '--from', '2020', '--to', '2022', '--chained'], 1, [
      'test/fixtures/decompose/gap.csv: error: --chained needs every year from 2020 to 2022, and 2021 is missing (fix: add the rows of that year, or leave out --chained to compare the two years directly)',
      '1 error in 1 file; nothing was written.',
    ]);
  });

  it('usage errors exit 2 before reading anything', () => {
    fails([fx('lmdir.csv'), '--from', '1972', '--to', '1971'], 2, ['usage error: --to 1971 must be after --from 1972']);
    fails([fx('lmdir.csv'), '--from', '1971', '--to', '1972', '--method', 'log'], 2, ['usage error: --method must be additive or multiplicative, not "log"']);
    fails(['--from', '1971', '--to', '1972'], 2, ['usage error: give a factor table (year,group,<factors…>) or --data <activity files> --indicators <csv>']);
    fails([fx('lmdir.csv'), '--to', '1972'], 2, ['usage error: --from <year> is required']);
    fails(['--data', 'examples/jinchang-2021.csv', '--from', '2020', '--to', '2021'], 2, [
      'usage error: --data needs --indicators <csv> with GDP by year (year,gdp,gdp_index[,population,gdp_primary,gdp_secondary,gdp_tertiary])',
    ]);
    fails([fx('lmdir.csv'), '--from', '1971', '--to', '1972', '--lang', 'zh', '--method', 'x'], 2, ['用法错误: --method 只能是 additive（加法）或 multiplicative（乘法），不是“x”']);
  });

  it('nothing is written on error', () => {
    const out = join(dir, 'never.json');
    const run = runCli(['decompose', fx('negative.csv'), '--from', '2020', '--to', '2021', '-o', out]);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('decompose: an input that is not text', () => {
  it('a binary factor table or indicators file: the file named, exit 1, nothing on stdout', () => {
    const binary = join(dir, 'binary.csv');
    writeFileSync(binary, Buffer.from('year,group\u0000\u0001\u0002\u0000\n', 'latin1'));
    for (const args of [[binary], [fx('lmdir.csv'), '--indicators', binary]]) {
      const run = runCli(['decompose', ...args, '--from', '1971', '--to', '1972', '-f', 'json']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${binary}: error: this is not a text (CSV) file`);
    }
  });
});
