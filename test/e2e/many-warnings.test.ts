/**
 * A file with hundreds of thousands of warnings (every row an unknown sector and a copy of an
 * earlier one) used to end in "internal error: Maximum call stack size exceeded": lists were
 * appended with push(...list), which passes every item as an argument. Both read paths.
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

  it.each([
    ['the fast path', {}],
    ['the csv-parse path', { JINCHANG_FAST: '0' }],
  ])('%s prints every warning and the totals', (_, env: Record<string, string>) => {
    const r = runCli(['calc', path, '--totals', '-f', 'csv'], { env });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    // one unknown-sector warning a row; every row after the first 7 repeats one of 7 keys
    expect(lines.filter((l) => / warning: sector "不存在的行业\d" is not a GB\/T 4754 division/.test(l))).toHaveLength(ROWS);
    expect(lines.filter((l) => / warning: same year, sector, fuel and use as line \d+ of /.test(l))).toHaveLength(ROWS - 7);
    expect(lines).toHaveLength(2 * ROWS - 7);
    expect(lines.at(-1)).toBe(`${path}:${ROWS + 1}: warning: same year, sector, fuel and use as line ${((ROWS - 1) % 7) + 2} of ${path}; both are counted (fix: delete one if it is a copy, or add a column (e.g. enterprise) that tells them apart)`);
    // 1,500 runs of 1..100 t of raw coal = 7,575,000 t; × 0.7143 tce/t (GB/T 2589-2020) = 5,410,822.5 tce
    expect(r.stdout).toMatch(/^\d{4},energy_tce,Total energy consumption,tce,5410822\.500000$/m);
  });
});
