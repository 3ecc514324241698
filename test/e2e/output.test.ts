import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJSModule from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

// issue 14, output: a closed pipe, a full disk, an unwritable -o, signals during -o, a big workbook
const ExcelJS = ExcelJSModule as unknown as typeof import('exceljs');
const bin = fileURLToPath(new URL('../../bin/jinchang-carbon.js', import.meta.url));
const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C', TZ: 'UTC' };
const tmp = mkdtempSync(join(tmpdir(), 'jc-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const example = 'examples/jinchang-2021.csv';

/** n rows, one enterprise each: `--by year,sector,fuel,enterprise` gives n groups. */
function manyGroups(n: number): string {
  const path = join(tmp, `groups-${n}.csv`);
  if (existsSync(path)) return path;
  const lines = ['year,sector,fuel,quantity,unit,enterprise'];
  for (let i = 0; i < n; i++) lines.push(`2023,建筑业,柴油,${(i % 97) + 1},t,E${String(i).padStart(6, '0')}`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('standard output', () => {
  it('a reader that stops early (| head -1) ends the run quietly with exit 0', async () => {
    const input = manyGroups(3000);
    const child = spawn(process.execPath, [bin, 'calc', input, '--by', 'year,sector,fuel,enterprise', '-f', 'csv'], { cwd: repoRoot, env });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // like head -1: read the first chunk, then close the pipe
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('a write error on standard output (> /dev/full) is an output error, exit 4', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [bin, 'calc', example, '-f', 'csv'], { cwd: repoRoot, env, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('output error: cannot write to standard output (no space left on the device); the output is incomplete\n');
      expect(code).toBe(4);
    } finally {
      closeSync(full);
    }
  });
});

describe('-o errors are the user\'s to fix, not internal errors', () => {
  it('-o naming a folder is a usage error (exit 2), found before the work', () => {
    const dir = join(tmp, 'folder.csv');
    mkdirSync(dir);
    const run = runCli(['calc', example, '-o', dir]);
    expect(run.stderr).toBe(`usage error: -o ${dir} is a folder; give a file name, e.g. ${join(dir, 'result.csv')}\n`);
    expect(run.code).toBe(2);
  });

  it('-o under /proc is an output error (exit 4) with its reason', () => {
    const run = runCli(['calc', example, '-o', '/proc/r.csv']);
    expect(run.stderr).toMatch(/^output error: cannot write \/proc\/r\.csv \(.+\); choose a file in an ordinary, writable folder\n$/);
    expect(run.code).toBe(4);
    const zh = runCli(['--lang', 'zh', 'calc', example, '-o', '/proc/r.csv']);
    expect(zh.stderr).toMatch(/^输出错误: 无法写入 \/proc\/r\.csv（.+）；请改写到普通的、可写的文件夹中\n$/);
    expect(zh.code).toBe(4);
  });

  it('a read-only file is not replaced (exit 2) and stays as it was', () => {
    const dir = join(tmp, 'ro');
    mkdirSync(dir);
    const file = join(dir, 'r.csv');
    writeFileSync(file, 'old', { mode: 0o444 });
    const run = runCli(['calc', example, '-o', file]);
    expect(run.stderr).toBe(`usage error: ${file} is read-only, so it is not replaced; choose another file name, or make it writable (chmod u+w ${file})\n`);
    expect(run.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('a signal during -o', () => {
  // the workbook of 5000 groups takes long enough to write (~0.5 s) that the test sees its temporary file
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it.concurrent(`${signal} leaves no temporary file, the old file intact, and the process dies of it`, async () => {
      const input = manyGroups(5000);
      const dir = join(tmp, signal);
      mkdirSync(dir);
      const out = join(dir, 'r.xlsx');
      writeFileSync(out, 'old');
      const child = spawn(process.execPath, [bin, 'calc', input, '--by', 'year,sector,fuel,enterprise', '-o', out], { cwd: repoRoot, env, stdio: 'ignore' });
      const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
      let sawTemp = false;
      for (let i = 0; i < 3000 && child.exitCode === null; i++) {
        if (readdirSync(dir).some((f) => f.endsWith('.tmp'))) {
          sawTemp = true;
          child.kill(signal);
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      const [code, sig] = await closed;
      expect(sawTemp, 'the temporary file was seen while the workbook was written').toBe(true);
      expect([code, sig]).toEqual([null, signal]);
      expect(readdirSync(dir)).toEqual(['r.xlsx']);
      expect(readFileSync(out, 'utf8')).toBe('old');
    }, 60_000);
  }
});

describe('a workbook of many groups', () => {
  it('is streamed, and reads back with every group', async () => {
    const input = manyGroups(5000);
    const out = join(tmp, 'many.xlsx');
    const run = runCli(['calc', input, '--by', 'year,sector,fuel,enterprise', '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = wb.getWorksheet('Rows')!;
    expect(rows.rowCount).toBe(5001);
    const enterprise = (rows.getRow(1).values as unknown[]).indexOf('enterprise');
    const codes = new Set<unknown>();
    rows.eachRow((row, i) => i > 1 && codes.add(row.getCell(enterprise).value));
    expect(codes.size).toBe(5000);
    expect(codes.has('E004999')).toBe(true);
    expect(rows.autoFilter).toMatch(/^A1:[A-Z]+5001$/);
  }, 60_000);
});
