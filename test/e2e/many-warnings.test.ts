/**
 * A file with hundreds of thousands of warnings (every row an unknown sector and a copy of an
 * earlier one) used to end in "internal error: Maximum call stack size exceeded" (lists appended
 * with push(...list)), and then printed one warning a row: 300,000 lines of stderr, and as many
 * entries in the JSON. Now each kind lists its first ten and one line with the count and where
 * the next ones are, on both read paths; validate lists up to 5,000 of each kind.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ROWS = 150_000;

const dir = mkdtempSync(join(tmpdir(), 'jinchang-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manyWarnings(): string {
  const path = join(dir, 'warnings.csv');
  const lines = ['年份,行业名称,能源品种,消费量,计量单位'];
  for (let i = 0; i < ROWS; i++) lines.push(`2021,不存在的行业${i % 7},原煤,${(i % 100) + 1},吨`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('calc on a file with 300,000 warnings', () => {
  const path = manyWarnings();
  const outputs: string[] = [];

  it.each([
    ['the fast path', {}],
    ['the csv-parse path', { JINCHANG_FAST: '0' }],
    ['the streaming csv-parse path', { JINCHANG_FAST: 'stream' }],
  ])('%s lists ten of each kind, then one summary line with the count', (_, env: Record<string, string>) => {
    const r = runCli(['calc', path, '--totals', '-f', 'csv'], { env });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => / warning: sector "不存在的行业\d" is not a GB\/T 4754 division/.test(l))).toHaveLength(10);
    expect(lines.filter((l) => / warning: same year, sector, fuel and use as line \d+ of /.test(l))).toHaveLength(10);
    // one unknown sector a row; every row after the first 7 repeats one of 7 keys
    expect(lines[10]).toBe(
      `${path}: warning: ${(ROWS - 10).toLocaleString('en-US')} more warnings of this kind (UNKNOWN_SECTOR: sector "不存在的行业3" is not a GB/T 4754 division or a household row; kept as its own label) not listed one by one; they are at lines 12, 13, 14, 15, 16, … (fix: \`jinchang-carbon validate\` lists up to 5,000 of each kind)`,
    );
    expect(lines.at(-1)).toMatch(new RegExp(`^${path}: warning: ${(ROWS - 17).toLocaleString('en-US')} more warnings of this kind \\(DUPLICATE_ROW: same year, sector, fuel and use as line \\d+ of .*\\) not listed one by one; they are at lines 19, 20, 21, 22, 23, …`));
    expect(lines).toHaveLength(22);
    // 1,500 runs of 1..100 t of raw coal = 7,575,000 t; × 0.7143 tce/t (GB/T 2589-2020) = 5,410,822.5 tce
    expect(r.stdout).toMatch(/^\d{4},energy_tce,Total energy consumption,tce,5410822\.500000$/m);
    outputs.push(r.stderr);
  });

  it('says the same on every path', () => {
    expect(outputs).toHaveLength(3);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('puts the summary and the whole count in the JSON', () => {
    const r = runCli(['calc', path, '--totals', '-f', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { warnings: { code: string; kind?: string; count?: number }[]; warning_count: number };
    expect(json.warnings).toHaveLength(22);
    expect(json.warnings.filter((w) => w.code === 'MORE_OF_KIND').map((w) => [w.kind, w.count])).toEqual([
      ['UNKNOWN_SECTOR', ROWS - 10],
      ['DUPLICATE_ROW', ROWS - 17],
    ]);
    expect(json.warning_count).toBe(2 * ROWS - 7);
  });

  it('validate lists 5,000 of each kind and counts them all', () => {
    const r = runCli(['validate', path]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2 * 5000 + 2 + 1);
    expect(lines.at(-1)).toBe(`valid: 1 file, ${ROWS} data rows, 0 errors, ${2 * ROWS - 7} warnings`);
  });
});
