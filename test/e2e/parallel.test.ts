/**
 * The CLI reading one file with worker threads (src/cli/worker-runner.ts) gives exactly what it
 * gives alone: stdout, stderr and exit code. The thresholds are lowered through the environment so
 * that small fixture files are cut into chunks of a few dozen bytes, and the CLI leaves every chunk
 * to the reading threads, so each row really goes through one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const readersOnly = { JINCHANG_HELPERS: '2', JINCHANG_PARALLEL_MIN_BYTES: '0', JINCHANG_CHUNK_BYTES: '61', JINCHANG_CALLER_CHUNKS: '0', JINCHANG_DEBUG_READ: '1' };
const alone = { JINCHANG_HELPERS: '0' };
const DEBUG = /^debug: (\d+) parallel jobs, (\d+) reader answers\n/m;

function compare(args: string[], extraEnv: Record<string, string> = {}): { jobs: number; answers: number } {
  const helped = runCli(args, { env: { ...readersOnly, ...extraEnv } });
  const single = runCli(args, { env: { ...alone, ...extraEnv } });
  const debug = DEBUG.exec(helped.stderr);
  expect(debug, helped.stderr).not.toBeNull();
  expect(helped.code).toBe(single.code);
  expect(helped.stdout).toBe(single.stdout);
  expect(helped.stderr.replace(DEBUG, '')).toBe(single.stderr);
  return { jobs: Number(debug![1]), answers: Number(debug![2]) };
}

describe('calc with reading threads = calc alone', () => {
  const fixtures = readdirSync('test/fixtures/fast').filter((n) => n.endsWith('.csv'));

  it.each(fixtures)('test/fixtures/fast/%s', (name) => {
    const { jobs, answers } = compare(['calc', `test/fixtures/fast/${name}`, '-f', 'json', '--decimals', 'full']);
    // multiline.csv goes the csv-parse way (a quoted field spans lines); every other file went through the readers
    if (name !== 'multiline.csv') {
      expect(jobs).toBeGreaterThan(0);
      expect(answers).toBeGreaterThan(0);
    }
  });

  it('the Jinchang example, as a table and in Chinese', () => {
    expect(compare(['calc', 'examples/jinchang-2021.csv']).answers).toBeGreaterThan(0);
    expect(compare(['calc', 'examples/jinchang-2021.csv', '--lang', 'zh', '--by', 'sector,scope']).answers).toBeGreaterThan(0);
  });

  it('several files, duplicates across them', () => {
    const r = compare(['calc', 'test/fixtures/fast/gbk.csv', 'test/fixtures/fast/multi-year.csv', 'test/fixtures/fast/gbk.csv', '-f', 'csv']);
    expect(r.answers).toBeGreaterThan(0);
  });

  it('a 3-year file with copied rows and a unit slip: both passes on the readers, same warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinchang-parallel-'));
    const path = join(dir, 'plants.csv');
    const r = prng(42);
    const lines = ['年份,企业代码,行业名称,能源品种,消费量,计量单位'];
    for (let i = 0; i < 3000; i++) {
      const year = 2021 + (i % 3);
      const quantity = (100 + r() * 900).toFixed(2);
      const fuel = Math.floor(i / 3) % 3;
      lines.push(`${year},E${String(i % 1000).padStart(4, '0')},有色金属冶炼和压延加工业,${['原煤', '柴油', '电力'][fuel]},${quantity},${['吨', '吨', '万千瓦时'][fuel]}`);
    }
    lines[1234] = lines[1234]!.replace(/,[\d.]+,吨$/, ',1234567,吨'); // a unit slip: the scale check's second pass
    lines.push(lines[10]!, lines[2000]!); // copies far from their originals: the duplicate check across chunks
    writeFileSync(path, lines.join('\n') + '\n');
    const { answers } = compare(['calc', path, '-f', 'json', '--decimals', 'full'], { JINCHANG_CHUNK_BYTES: '4096' });
    expect(answers).toBeGreaterThanOrEqual(2); // at least one answer in each pass
    // reading with threads writes nothing to the temporary folder
    const tmp = mkdtempSync(join(tmpdir(), 'jinchang-tmp-'));
    const out = runCli(['calc', path, '--totals'], { env: { ...readersOnly, TMPDIR: tmp } });
    expect(out.stderr).toMatch(/reader answers/);
    expect(readdirSync(tmp)).toEqual([]);
    expect(out.stderr).toMatch(/plants\.csv:3002: warning: same year, sector, fuel and use as line 11 of /);
    expect(out.stderr).toMatch(/plants\.csv:3003: warning: same year, sector, fuel and use as line 2001 of /);
    expect(out.stderr).toMatch(/plants\.csv:1235: warning: quantity is [\d.]+× the typical /);
    expect(out.stderr.match(/warning/g)).toHaveLength(3);
    rmSync(tmp, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI and a reading thread both reading, copies spread over the file: same output as alone', () => {
    // the CLI takes the thread's fingerprints between its own chunks and at the end (both ways are
    // taken when the thread's fingerprints come in batches while the CLI still reads)
    const dir = mkdtempSync(join(tmpdir(), 'jinchang-parallel-'));
    const path = join(dir, 'spread.csv');
    const r = prng(7);
    const lines = ['年份,月份,企业代码,行业名称,能源品种,消费量,计量单位'];
    for (let i = 0; i < 300_000; i++) {
      lines.push(`2022,${(i % 12) + 1},E${String(i).padStart(7, '0')},化学原料和化学制品制造业,${i % 2 ? '原煤' : '天然气'},${(r() * 1000).toFixed(3)},${i % 2 ? '吨' : '立方米'}`);
    }
    // 40 copies of rows far from them, in both directions
    for (let k = 0; k < 40; k++) {
      const from = 1 + Math.floor(r() * 300_000);
      const to = 1 + Math.floor(r() * 300_000);
      lines.splice(to, 0, lines[from]!);
    }
    writeFileSync(path, lines.join('\n') + '\n');
    const env = { JINCHANG_HELPERS: '1', JINCHANG_PARALLEL_MIN_BYTES: '0', JINCHANG_CHUNK_BYTES: '262144', JINCHANG_DEBUG_READ: '1' };
    const helped = runCli(['calc', path, '-f', 'json', '--decimals', 'full'], { env });
    const single = runCli(['calc', path, '-f', 'json', '--decimals', 'full'], { env: alone });
    expect(helped.stderr).toMatch(/debug: 2 parallel jobs, [12] reader answers/); // the duplicates take a second pass
    expect(helped.code).toBe(single.code);
    expect(helped.stdout).toBe(single.stdout);
    expect(helped.stderr.replace(DEBUG, '')).toBe(single.stderr);
    // ten listed, the other 30 counted in one line (and in the JSON, compared above)
    expect(single.stderr.match(/warning: same year, sector, fuel and use as line/g)).toHaveLength(10);
    expect(single.stderr).toMatch(/warning: 30 more warnings of this kind \(DUPLICATE_ROW: /);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a small file with the default thresholds starts no reading thread', () => {
    const out = runCli(['calc', 'examples/jinchang-2021.csv', '--totals'], { env: { JINCHANG_DEBUG_READ: '1' } });
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('debug: 0 parallel jobs, 0 reader answers');
  });
});

describe('reading threads end with the CLI', () => {
  const lowered = { JINCHANG_HELPERS: '1', JINCHANG_PARALLEL_MIN_BYTES: '0', JINCHANG_CHUNK_BYTES: '65536' };
  const dir = mkdtempSync(join(tmpdir(), 'jinchang-threads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const big = join(dir, 'big.csv');
  writeFileSync(big, '年份,企业代码,行业名称,能源品种,消费量,计量单位\n' + Array.from({ length: 200_000 }, (_, i) => `2021,E${i},有色金属冶炼和压延加工业,原煤,12.5,吨\n`).join(''));
  const spawnCli = (args: string[], env: Record<string, string>) =>
    spawn(process.execPath, ['bin/jinchang-carbon.js', ...args], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env } });

  it('Ctrl-C at any moment: the CLI dies of SIGINT (or has finished), nothing keeps it alive', async () => {
    for (const delay of [10, 60, 150]) {
      const child = spawnCli(['calc', big], lowered);
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGINT');
      await exited;
      expect(['SIGINT', 0], `SIGINT after ${delay} ms`).toContain(child.signalCode ?? child.exitCode);
    }
  }, 60_000);

  it('stdout closed before the answer (calc … | head): exit 0, nothing said', async () => {
    const child = spawnCli(['calc', big, '-f', 'csv'], lowered);
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.once('exit', r));
    expect([code, stderr]).toEqual([0, '']);
  }, 60_000);

  it('JINCHANG_FAST=0 (the csv-parse path) and JINCHANG_HELPERS=0 start none', () => {
    for (const env of [{ ...lowered, JINCHANG_FAST: '0' }, { ...lowered, JINCHANG_HELPERS: '0' }]) {
      const out = runCli(['calc', 'examples/jinchang-2021.csv', '--totals'], { env: { ...env, JINCHANG_DEBUG_READ: '1' } });
      expect(out.code).toBe(0);
      expect(out.stderr).toBe('debug: 0 parallel jobs, 0 reader answers\n');
    }
  });
});

describe('reading threads never change what calc says, whatever goes wrong around them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinchang-readers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rows = (n: number, year = 2021) =>
    Array.from({ length: n }, (_, i) => `${year},有色金属冶炼和压延加工业,原煤,${(i % 97) + 1}.5,吨,plant${i}`).join('\n');
  const header = '年份,行业名称,能源品种,消费量,计量单位,备注\n';
  const plain = join(dir, 'plain.csv');
  writeFileSync(plain, header + rows(20000) + '\n');
  const small = { JINCHANG_HELPERS: '1', JINCHANG_PARALLEL_MIN_BYTES: '0', JINCHANG_CHUNK_BYTES: '50000' };

  it('a file given as /dev/stdin is read by the CLI alone (a device, not a regular file)', () => {
    const run = (env: Record<string, string>) => {
      const fd = openSync(plain, 'r');
      try {
        const r = spawnSync(process.execPath, ['bin/jinchang-carbon.js', 'calc', '/dev/stdin', '--totals', '-f', 'json'], {
          cwd: repoRoot,
          stdio: [fd, 'pipe', 'pipe'],
          env: { PATH: process.env.PATH ?? '', LANG: 'C', NO_COLOR: '1', ...env },
          encoding: 'utf8',
        });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
      } finally {
        closeSync(fd);
      }
    };
    const helped = run({ ...small, JINCHANG_DEBUG_READ: '1' });
    const alone = run({ JINCHANG_HELPERS: '0' });
    expect(helped.code).toBe(0);
    expect(helped.stdout).toBe(alone.stdout);
    expect(helped.stderr).toContain('debug: 0 parallel jobs');
  });

  it('a GBK file that looks like UTF-8 for its first MB: the read starts again as GBK, with the readers', () => {
    const path = join(dir, 'late-gbk.csv');
    const head = Buffer.from('year,sector,fuel,quantity,unit,note\n' + Array.from({ length: 40000 }, (_, i) => `2021,C32,diesel,${i + 1},t,n${i}`).join('\n') + '\n');
    // "有色" in GBK, as a sector label in the last row
    const tail = Buffer.concat([Buffer.from('2021,'), Buffer.from([0xd3, 0xd0, 0xc9, 0xab]), Buffer.from(',diesel,1,t,last\n')]);
    writeFileSync(path, Buffer.concat([head, tail]));
    expect(head.length).toBeGreaterThan(1 << 20);
    const helped = runCli(['calc', path, '--totals', '-f', 'json'], { env: { ...small, JINCHANG_DEBUG_READ: '1' } });
    const alone = runCli(['calc', path, '--totals', '-f', 'json'], { env: { JINCHANG_HELPERS: '0' } });
    expect(helped.code).toBe(0);
    expect(helped.stdout).toBe(alone.stdout);
    expect(JSON.parse(helped.stdout).meta.inputs[0].encoding).toBe('gbk');
    expect(helped.stderr).toMatch(/debug: [2-9] parallel jobs/); // the UTF-8 attempt, then the GBK one
  });

  it('a quoted field spanning lines found by a reading thread: csv-parse reads it, no hang', () => {
    const path = join(dir, 'multiline.csv');
    writeFileSync(path, header + rows(5000) + '\n2021,有色金属冶炼和压延加工业,原煤,1,吨,"two\nlines"\n' + rows(5000) + '\n');
    const helped = runCli(['calc', path, '--totals', '-f', 'json'], { env: { ...small, JINCHANG_CALLER_CHUNKS: '0', JINCHANG_CHUNK_BYTES: '20000' } });
    const alone = runCli(['calc', path, '--totals', '-f', 'json'], { env: { JINCHANG_HELPERS: '0' } });
    expect(helped.code).toBe(alone.code);
    expect(helped.stdout).toBe(alone.stdout);
    expect(helped.stderr).toBe(alone.stderr);
  });
});
