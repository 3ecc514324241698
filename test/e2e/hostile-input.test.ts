/**
 * Hostile and broken input (issue 14, items 1–5 and the input side of 14): each is an exit 1 with
 * file:line:column, a message naming the limit and a fix — never Infinity, a crash or a stall —
 * and both read paths say the same. The limits live in src/core/input/row-rules.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jinchang-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = '年份,行业名称,能源品种,消费量,计量单位';
function file(name: string, row: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${HEADER}\n2021,有色金属冶炼和压延加工业,原煤,5,吨\n${row}\n`);
  return path;
}

/** calc on both paths and validate: the same stderr, exit 1, nothing on stdout */
function refused(path: string): string {
  const fast = runCli(['calc', path, '--totals']);
  const slow = runCli(['calc', path, '--totals'], { env: { JINCHANG_FAST: '0' } });
  const validate = runCli(['validate', path]);
  expect([fast.code, slow.code, validate.code]).toEqual([1, 1, 1]);
  expect(fast.stdout).toBe('');
  expect(slow.stderr).toBe(fast.stderr);
  expect(fast.stderr).not.toMatch(/Infinity|internal error/);
  expect(validate.stderr).toContain(fast.stderr.split('\n')[0]);
  return fast.stderr.split('\n')[0]!;
}

describe('quantities outside the plausible range of a row', () => {
  it.each([
    // item 1: used to give totals of "Infinity" with exit 0
    ['1e99999999999999999999', '原煤', '吨', 'below 1e11 t'],
    // item 2: used to run 151 s, reach 4.3 GB and abort
    ['1e1000000000', '原煤', '吨', 'below 1e11 t'],
    // item 14: used to print 1e+309 and 310-digit totals
    ['1e309', '电力', '千瓦时', 'below 1e15 kWh'],
    // item 14: used to become 0 without a word
    ['1E-400', '原煤', '吨', 'at least 1e-30'],
    // plain digits the fast path reads itself: 10^14 万吨 = 10^18 t
    ['99999999999999', '原煤', '万吨', 'below 1e11 t'],
  ])('%s %s %s: exit 1 at the quantity cell, on both paths', (value, fuel, unit, range) => {
    const path = file(`q-${value}.csv`, `2021,有色金属冶炼和压延加工业,${fuel},${value},${unit}`);
    const line = refused(path);
    expect(line).toContain(`${path}:3:4: error: quantity ${value} ${unit} is outside the plausible range of one row`);
    expect(line).toContain(range);
    expect(line).toContain('(fix: check the number and its unit');
  });

  it('a large but real figure passes: 9.9 × 10^10 t of coal (ten times the world\'s annual use is the limit)', () => {
    const path = file('q-ok.csv', '2021,有色金属冶炼和压延加工业,原煤,9900000,万吨');
    const r = runCli(['calc', path, '--totals', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/e\+|Infinity/);
  });

  it('a quantity of a million digits (item 2) is refused by its length, not computed', () => {
    const path = file('digits.csv', `2021,有色金属冶炼和压延加工业,原煤,${'1'.repeat(1_000_000)},吨`);
    const line = refused(path);
    expect(line).toBe(
      `${path}:3:4: error: quantity "${'1'.repeat(60)}… (1,000,000 characters)" has 1,000,000 characters; a quantity has at most 40 (fix: write the figure as a plain number such as 1234.5; check that the cell holds the quantity and not another column)`,
    );
  });
});

describe('unknown labels of any length (item 3: the "did you mean" search was quadratic)', () => {
  it.each([
    ['sector', 2, `2021,${'某'.repeat(100_000)},原煤,1,吨`],
    ['fuel', 3, `2021,有色金属冶炼和压延加工业,${'煤'.repeat(100_000)},1,吨`],
  ])('a 100,000-character %s: exit 1 naming the limit', (field, column, row) => {
    const path = file(`label-${field}.csv`, row);
    const line = refused(path);
    expect(line).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:${column}: error: the ${field} ".{60}… \\(100,000 characters\\)" has 100,000 characters; a ${field} name has at most 200 `));
  });

  it('an unknown label under the limit is still a warning with its suggestion', () => {
    const path = file('label-ok.csv', '2021,有色金属冶炼和压延加工, 原煤 ,1,吨');
    const r = runCli(['calc', path, '--totals', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('did you mean 有色金属冶炼和压延加工业?');
  });
});

describe('input that cannot be seeked (item 4: ESPIPE, exit 3)', () => {
  const totals = runCli(['calc', 'examples/jinchang-2021.csv', '--totals', '-f', 'csv']);
  const shell = (script: string) => {
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C', NO_COLOR: '1', DIR: dir } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('<(cat file), on both paths', () => {
    for (const env of ['', 'JINCHANG_FAST=0 ']) {
      const r = shell(`${env}node bin/jinchang-carbon.js calc <(cat examples/jinchang-2021.csv) --totals -f csv`);
      expect([r.code, r.stderr, r.stdout]).toEqual([0, '', totals.stdout]);
    }
  });

  it('a FIFO', () => {
    const r = shell('mkfifo "$DIR/fifo" && (cat examples/jinchang-2021.csv > "$DIR/fifo" &) && node bin/jinchang-carbon.js calc "$DIR/fifo" --totals -f csv; s=$?; rm -f "$DIR/fifo"; exit $s');
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', totals.stdout]);
  });

  it('cat file | calc /dev/stdin', () => {
    const r = shell('cat examples/jinchang-2021.csv | node bin/jinchang-carbon.js calc /dev/stdin --totals -f csv');
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', totals.stdout]);
  });
});
