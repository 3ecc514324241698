/**
 * A file rewritten while it is read gives totals of neither version (issue 14, item 5): the CLI's
 * inputs remember the file's size, modification time and inode, and a change is an error.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openInputFiles } from '../../src/cli/io.js';
import { runCalculation } from '../../src/core/calc/run.js';
import { loadBundled } from '../../src/bundled.js';
import { bytesReader } from '../../src/core/input/fast-source.js';

const dir = mkdtempSync(join(tmpdir(), 'jinchang-changed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('an input knows when its file changed', () => {
  const path = join(dir, 'a.csv');
  writeFileSync(path, readFileSync('examples/jinchang-2021.csv'));
  const [input] = openInputFiles([path], 'en');
  expect(input && 'unchanged' in input && input.unchanged?.()).toBe(true);
  appendFileSync(path, '2021,有色金属冶炼和压延加工业,原煤,5,吨\n');
  expect(input && 'unchanged' in input && input.unchanged?.()).toBe(false);
});

it.each([true, false])('a change during the read is an error, not a total (fast path: %s)', (fast) => {
  const bytes = readFileSync('examples/jinchang-2021.csv');
  const { dict, registry } = loadBundled();
  const input = { path: 'moving.csv', size: bytes.length, open: () => bytesReader(bytes), unchanged: () => false };
  const report = runCalculation([input], dict, registry, { fast });
  expect(report.rows).toEqual([]);
  expect(report.diagnostics.map((d) => [d.severity, d.code, d.file])).toContainEqual(['error', 'FILE_CHANGED', 'moving.csv']);
});
