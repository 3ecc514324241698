/**
 * The CLI reading one file with helper processes (src/cli/read-helpers.ts) gives exactly what it
 * gives alone: stdout, stderr and exit code. The thresholds are lowered through the environment so
 * that small fixture files are cut into chunks of a few dozen bytes, and the CLI leaves every chunk
 * to the helpers, so each row really goes through a helper.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const helpersOnly = { JINCHANG_HELPERS: '2', JINCHANG_PARALLEL_MIN_BYTES: '0', JINCHANG_CHUNK_BYTES: '61', JINCHANG_CALLER_CHUNKS: '0', JINCHANG_DEBUG_READ: '1' };
const alone = { JINCHANG_HELPERS: '0' };
const DEBUG = /^debug: (\d+) parallel jobs, (\d+) helper answers, helper peak RSS \d+ MB(, helpers started early)?\n/m;

function compare(args: string[], extraEnv: Record<string, string> = {}): { jobs: number; answers: number } {
  const helped = runCli(args, { env: { ...helpersOnly, ...extraEnv } });
  const single = runCli(args, { env: { ...alone, ...extraEnv } });
  const debug = DEBUG.exec(helped.stderr);
  expect(debug, helped.stderr).not.toBeNull();
  expect(helped.code).toBe(single.code);
  expect(helped.stdout).toBe(single.stdout);
  expect(helped.stderr.replace(DEBUG, '')).toBe(single.stderr);
  return { jobs: Number(debug![1]), answers: Number(debug![2]) };
}

describe('calc with helper processes = calc alone', () => {
  const fixtures = readdirSync('test/fixtures/fast').filter((n) => n.endsWith('.csv'));

  it.each(fixtures)('test/fixtures/fast/%s', (name) => {
    const { jobs, answers } = compare(['calc', `test/fixtures/fast/${name}`, '-f', 'json', '--decimals', 'full']);
    // multiline.csv goes the csv-parse way (a quoted field spans lines); every other file went through the helpers
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

  it('a 3-year file with copied rows and a unit slip: both passes on the helpers, same warnings', () => {
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
    // the helpers' session folder is made under TMPDIR and gone when the CLI exits
    const tmp = mkdtempSync(join(tmpdir(), 'jinchang-tmp-'));
    const out = runCli(['calc', path, '--totals'], { env: { ...helpersOnly, TMPDIR: tmp } });
    expect(out.stderr).toMatch(/helper answers/);
    expect(readdirSync(tmp)).toEqual([]);
    expect(out.stderr).toMatch(/plants\.csv:3002: warning: same year, sector, fuel and use as line 11 of /);
    expect(out.stderr).toMatch(/plants\.csv:3003: warning: same year, sector, fuel and use as line 2001 of /);
    expect(out.stderr).toMatch(/plants\.csv:1235: warning: quantity is [\d.]+× the typical /);
    expect(out.stderr.match(/warning/g)).toHaveLength(3);
    rmSync(tmp, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI and a helper both reading, copies spread over the file: same output as alone', () => {
    // the CLI takes the helper's fingerprints between its own chunks and at the end (both ways are
    // taken when the helper's fingerprints come in batches while the CLI still reads)
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
    expect(helped.stderr).toMatch(/debug: 2 parallel jobs, [12] helper answers/); // the duplicates take a second pass
    expect(helped.code).toBe(single.code);
    expect(helped.stdout).toBe(single.stdout);
    expect(helped.stderr.replace(DEBUG, '')).toBe(single.stderr);
    // ten listed, the other 30 counted in one line (and in the JSON, compared above)
    expect(single.stderr.match(/warning: same year, sector, fuel and use as line/g)).toHaveLength(10);
    expect(single.stderr).toMatch(/warning: 30 more warnings of this kind \(DUPLICATE_ROW: /);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a small file with the default thresholds starts no helper', () => {
    const out = runCli(['calc', 'examples/jinchang-2021.csv', '--totals'], { env: { JINCHANG_DEBUG_READ: '1' } });
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('debug: 0 parallel jobs, 0 helper answers, helper peak RSS 0 MB');
  });
});

describe('helpers started by the bin shim, before the CLI loads', () => {
  const lowered = { JINCHANG_HELPERS: '1', JINCHANG_PARALLEL_MIN_BYTES: '0', JINCHANG_CHUNK_BYTES: '4096', JINCHANG_DEBUG_READ: '1' };
  /** runs with its own TMPDIR, and says what the helpers left there once they had time to stop */
  const runIn = (args: string[], env: Record<string, string>, input?: string) => {
    const tmp = mkdtempSync(join(tmpdir(), 'jinchang-early-'));
    const out = runCli(args, { env: { ...env, TMPDIR: tmp }, input });
    const deadline = Date.now() + 5000;
    while (readdirSync(tmp).length > 0 && Date.now() < deadline) spawnSync('sleep', ['0.05']);
    const left = readdirSync(tmp);
    rmSync(tmp, { recursive: true, force: true });
    return { ...out, left };
  };

  it('calc on a file big enough for helpers: started early, adopted, same output as alone', () => {
    // the CLI leaves every chunk to the helper, so that it surely reads
    const helped = runIn(['calc', 'examples/jinchang-2021.csv', '-f', 'json', '--decimals', 'full'], { ...lowered, JINCHANG_CALLER_CHUNKS: '0' });
    const single = runCli(['calc', 'examples/jinchang-2021.csv', '-f', 'json', '--decimals', 'full'], { env: alone });
    expect(helped.stderr).toMatch(/^debug: 1 parallel jobs, 1 helper answers, helper peak RSS \d+ MB, helpers started early\n/);
    expect(helped.code).toBe(0);
    expect(helped.stdout).toBe(single.stdout);
    expect(helped.left).toEqual([]);
  });

  it('a usage error after they started: exit 2, the message, and no helper or folder left', () => {
    const out = runIn(['calc', 'examples/jinchang-2021.csv', '-f', 'bogus'], lowered);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('usage error: --format must be one of table, csv, tsv, json, md, not "bogus"\n');
    expect(out.left).toEqual([]);
  });

  it('calc --help after a big file: help, and nothing left', () => {
    const out = runIn(['calc', 'examples/jinchang-2021.csv', '--help'], lowered);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: jinchang-carbon calc/);
    expect(out.left).toEqual([]);
  });

  it('a big file that is not an input (a factor table) and input on stdin: ended unused, same output', () => {
    const args = ['calc', '-', '--electricity-method', 'coal', '--factors', 'test/fixtures/user-factors/coal-rate-test.csv', '-f', 'json'];
    const input = readFileSync('test/fixtures/hand-check.csv', 'utf8');
    // (a threshold of 1 byte: stdin's unknown size does not count as big)
    const helped = runIn(args, { ...lowered, JINCHANG_PARALLEL_MIN_BYTES: '1' }, input);
    const single = runCli(args, { env: alone, input });
    expect(helped.stderr).toBe('debug: 0 parallel jobs, 0 helper answers, helper peak RSS 0 MB\n');
    expect(helped.code).toBe(0);
    expect(helped.stdout).toBe(single.stdout);
    expect(helped.left).toEqual([]);
  });

  it('Ctrl-C at any moment of the start: no helper keeps running, no folder is left', async () => {
    // a helper's own code runs ~0.1 s after it is spawned; a CLI stopped before that is gone by then
    const dir = mkdtempSync(join(tmpdir(), 'jinchang-sigint-'));
    const path = join(dir, 'big.csv');
    writeFileSync(path, '年份,行业名称,能源品种,消费量,计量单位\n' + '2021,有色金属冶炼和压延加工业,原煤,12.5,吨\n'.repeat(200_000));
    const tmp = join(dir, 'tmp');
    for (const delay of [10, 40, 80, 120, 200]) {
      mkdirSync(tmp);
      const child = spawn(process.execPath, ['bin/jinchang-carbon.js', 'calc', path], {
        cwd: repoRoot,
        stdio: 'ignore',
        env: { PATH: process.env.PATH ?? '', LANG: 'C', TMPDIR: tmp, JINCHANG_HELPERS: '1', JINCHANG_PARALLEL_MIN_BYTES: '0' },
      });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      const deadline = Date.now() + 5000;
      const helpers = () => spawnSync('pgrep', ['-f', `read-helper.js ${tmp}`], { encoding: 'utf8' }).stdout.trim();
      while ((readdirSync(tmp).length > 0 || helpers() !== '') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect([delay, readdirSync(tmp), helpers()]).toEqual([delay, [], '']);
      rmSync(tmp, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('SIGKILL, SIGTERM or SIGHUP while reading: the helpers remove the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinchang-sigkill-'));
    const path = join(dir, 'big.csv');
    writeFileSync(path, '年份,行业名称,能源品种,消费量,计量单位\n' + '2021,有色金属冶炼和压延加工业,原煤,12.5,吨\n'.repeat(300_000));
    const tmp = join(dir, 'tmp');
    for (const signal of ['SIGKILL', 'SIGTERM', 'SIGHUP'] as const) {
      mkdirSync(tmp);
      const child = spawn(process.execPath, ['bin/jinchang-carbon.js', 'calc', path], {
        cwd: repoRoot,
        stdio: 'ignore',
        env: { PATH: process.env.PATH ?? '', LANG: 'C', TMPDIR: tmp, JINCHANG_HELPERS: '1', JINCHANG_PARALLEL_MIN_BYTES: '0', JINCHANG_CHUNK_BYTES: '65536' },
      });
      const exited = new Promise((r) => child.once('exit', r));
      // killed once the first job is handed out: the helpers are reading
      const start = Date.now();
      const jobOut = () => readdirSync(tmp).some((d) => existsSync(join(tmp, d, 'job-1')));
      while (!jobOut() && Date.now() - start < 10_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
      await exited;
      const deadline = Date.now() + 5000;
      while (readdirSync(tmp).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect([signal, readdirSync(tmp)]).toEqual([signal, []]);
      rmSync(tmp, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('JINCHANG_FAST=0 (the csv-parse path) and JINCHANG_HELPERS=0 start none', () => {
    for (const env of [{ ...lowered, JINCHANG_FAST: '0' }, { ...lowered, JINCHANG_HELPERS: '0' }]) {
      const out = runIn(['calc', 'examples/jinchang-2021.csv', '--totals'], env);
      expect(out.code).toBe(0);
      expect(out.stderr).toBe('debug: 0 parallel jobs, 0 helper answers, helper peak RSS 0 MB\n');
      expect(out.left).toEqual([]);
    }
  });
});

describe('helpers never change what calc says, whatever goes wrong around them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinchang-helpers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rows = (n: number, year = 2021) =>
    Array.from({ length: n }, (_, i) => `${year},有色金属冶炼和压延加工业,原煤,${(i % 97) + 1}.5,吨,plant${i}`).join('\n');
  const header = '年份,行业名称,能源品种,消费量,计量单位,备注\n';
  const plain = join(dir, 'plain.csv');
  writeFileSync(plain, header + rows(20000) + '\n');
  const small = { JINCHANG_HELPERS: '1', JINCHANG_PARALLEL_MIN_BYTES: '0', JINCHANG_CHUNK_BYTES: '50000' };

  it('a file given as /dev/stdin is read by the CLI alone (a helper would open its own standard input)', () => {
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

  it('a temporary folder that cannot be made: read alone, same answer', () => {
    const helped = runCli(['calc', plain, '--totals', '-f', 'json'], { env: { ...small, TMPDIR: join(dir, 'no-such-folder') } });
    const alone = runCli(['calc', plain, '--totals', '-f', 'json'], { env: { JINCHANG_HELPERS: '0' } });
    expect(helped.code).toBe(0);
    expect(helped.stdout).toBe(alone.stdout);
  });

  it('a GBK file that looks like UTF-8 for its first MB: the read starts again as GBK, with helpers', () => {
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

  it('a quoted field spanning lines found by a helper: csv-parse reads it, no hang', () => {
    const path = join(dir, 'multiline.csv');
    writeFileSync(path, header + rows(5000) + '\n2021,有色金属冶炼和压延加工业,原煤,1,吨,"two\nlines"\n' + rows(5000) + '\n');
    const helped = runCli(['calc', path, '--totals', '-f', 'json'], { env: { ...small, JINCHANG_CALLER_CHUNKS: '0', JINCHANG_CHUNK_BYTES: '20000' } });
    const alone = runCli(['calc', path, '--totals', '-f', 'json'], { env: { JINCHANG_HELPERS: '0' } });
    expect(helped.code).toBe(alone.code);
    expect(helped.stdout).toBe(alone.stdout);
    expect(helped.stderr).toBe(alone.stderr);
  });
});
