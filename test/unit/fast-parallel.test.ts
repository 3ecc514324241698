/**
 * One file read on several threads (src/core/input/fast-parallel.ts) against the same file read
 * on one: the same records, diagnostics, quality warnings and file hashes, whatever the chunk size
 * and whichever thread takes which chunk. The threads here run in process (test/helpers/
 * in-process-runner.ts), so the chunk split is chosen and seeded; the CLI's worker threads are
 * tested end to end in test/e2e/parallel.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation } from '../../src/core/calc/run.js';
import { calcJson } from '../../src/core/format/calc.js';
import { FastFallback, readActivityFast, type FastResult, type FastSource } from '../../src/core/input/fast-read.js';
import { inProcessRunner, splittableSource } from '../helpers/in-process-runner.js';
import { plainResult } from '../helpers/plain-result.js';
import { prng } from '../helpers/prng.js';
import { randomFile } from '../helpers/random-activity.js';
import { repoRoot } from '../helpers/run-cli.js';

const { dict, registry } = loadBundled();
const tool = { name: 'jinchang-carbon', version: 'test' };
const fixtures = join(repoRoot, 'test/fixtures/fast');

const plain = plainResult;

type Outcome = ReturnType<typeof plain> | string;

function read(sources: FastSource[], options: Parameters<typeof readActivityFast>[2] = {}): { outcome: Outcome; result?: FastResult } {
  try {
    const result = readActivityFast(sources, dict, options);
    return { outcome: plain(result), result };
  } catch (e) {
    if (e instanceof FastFallback) return { outcome: e.reason };
    throw e;
  }
}

/** Reads the files on one thread, then on 1–3 more with random chunk sizes and splits; all must agree. */
function sameOnThreads(files: { path: string; bytes: Uint8Array }[], seed: number, keepColumns: string[] = [], tries = 3): number {
  const sources = files.map((f) => splittableSource(f.path, f.bytes));
  const single = read(sources, { keepColumns });
  const r = prng(seed);
  let parallelRuns = 0;
  for (let t = 0; t < tries; t++) {
    const threads = 1 + Math.floor(r() * 3);
    const chunkBytes = [1, 7, 40, 200, 4096][Math.floor(r() * 5)]!;
    const share = r();
    const picks = new Map<string, boolean>();
    const runner = inProcessRunner(sources, dict, {
      threads,
      chunkBytes,
      // which chunks each fake thread takes first: a seeded coin per (chunk, thread)
      pick: (k, th) => {
        const key = `${k}/${th}`;
        if (!picks.has(key)) picks.set(key, r() < share);
        return picks.get(key)!;
      },
    });
    const parallel = read(sources, { keepColumns, readers: runner });
    expect(parallel.outcome, `seed ${seed}, ${threads} threads, chunks of ${chunkBytes} B`).toEqual(single.outcome);
    if (parallel.result?.parallelFiles) parallelRuns++;
  }
  return parallelRuns;
}

describe('several threads = one thread', () => {
  it('on every fast-path fixture, with chunks from 1 byte to 4 kB', () => {
    const names = readdirSync(fixtures).filter((n) => n.endsWith('.csv'));
    let parallelRuns = 0;
    names.forEach((name, i) => {
      const bytes = readFileSync(join(fixtures, name));
      parallelRuns += sameOnThreads([{ path: `test/fixtures/fast/${name}`, bytes }], 1000 + i, [], 6);
    });
    // all but the files the fast path leaves to csv-parse went parallel
    expect(parallelRuns).toBeGreaterThan(names.length * 4);
  });

  it('on 60 random files (quoted, CRLF, BOM, comments, ragged rows, odd numbers, bad values)', () => {
    let parallelRuns = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { bytes, extras } = randomFile(seed * 104729);
      parallelRuns += sameOnThreads([{ path: `random-${seed}.csv`, bytes }], seed, extras.slice(0, 1));
    }
    expect(parallelRuns).toBeGreaterThan(150);
  });

  it('several files at once, duplicates across them, GBK and UTF-8 mixed', () => {
    const files = ['gbk.csv', 'multi-year.csv', 'tab-uses.csv', 'gbk.csv', 'quoted-crlf.csv'].map((name) => ({
      path: `test/fixtures/fast/${name}`,
      bytes: readFileSync(join(fixtures, name)),
    }));
    for (let seed = 1; seed <= 10; seed++) sameOnThreads(files, seed);
  });

  it('gives the same calc JSON, byte for byte, as the csv-parse path', () => {
    let jobs = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { bytes } = randomFile(seed * 31337);
      const files = [{ path: `random-${seed}.csv`, bytes }];
      const sources = files.map((f) => splittableSource(f.path, f.bytes));
      const runner = inProcessRunner(sources, dict, { threads: 1, chunkBytes: 64, pick: (k) => k % 2 === 1 });
      const json = (fast: boolean) => {
        try {
          const report = runCalculation(fast ? sources : files, dict, registry, { fast, readers: fast ? runner : undefined });
          return { json: calcJson(report, { lang: 'en', decimals: 'full', tool }), diagnostics: report.diagnostics };
        } catch (e) {
          return { threw: (e as Error).message };
        }
      };
      expect(json(true), `seed ${seed}`).toEqual(json(false));
      jobs += runner.jobs.length;
    }
    expect(jobs).toBeGreaterThan(30);
  });

  it('far more rows than the first lines suggest: the duplicate table grows, the result is the same', () => {
    // 1 row per 4 kB estimated from the first lines, but the rest of the file is short rows
    const header = 'year,sector,fuel,quantity,unit,note\n';
    const long = `2021,C32,柴油,1,吨,${'x'.repeat(4000)}\n`;
    const rows = Array.from({ length: 6000 }, (_, i) => `2021,C32,柴油,${i + 1},吨,n${i % 5000}\n`).join('');
    const bytes = new TextEncoder().encode(header + long.repeat(16) + rows);
    const sources = [splittableSource('short-rows.csv', bytes)];
    const single = read(sources);
    const runner = inProcessRunner(sources, dict, { threads: 1, chunkBytes: 8192, pick: (k) => k % 2 === 0 });
    const parallel = read(sources, { readers: runner });
    expect(parallel.outcome).toEqual(single.outcome);
    expect(parallel.result!.parallelFiles).toBe(1);
    // the 16 long rows are copies (15 duplicates); rows 5001–6000 repeat notes n0–n999 (1000 more), found across helpers
    expect(parallel.result!.quality.filter((d) => d.code === 'DUPLICATE_ROW')).toHaveLength(1015);
  });

  it('a GBK file that looks like UTF-8 at first restarts as GBK on every thread', () => {
    const head = 'year,sector,fuel,quantity,unit\n' + '2021,C32,柴油,1,t\n'.repeat(3000);
    const gbkTail = new Uint8Array([0x32, 0x30, 0x32, 0x31, 0x2c, 0xd3, 0xd0, 0xc9, 0xab, 0x2c, 0x43, 0x33, 0x32, 0x2c, 0x31, 0x2c, 0x74, 0x0a]);
    const ascii = new TextEncoder().encode(head.replace(/柴油/g, 'diesel'));
    const bytes = new Uint8Array(ascii.length + gbkTail.length);
    bytes.set(ascii);
    bytes.set(gbkTail, ascii.length);
    const sources = [splittableSource('late-gbk.csv', bytes)];
    const single = read(sources);
    const runner = inProcessRunner(sources, dict, { threads: 2, chunkBytes: 1000, pick: (k, t) => k % 3 === t + 1 });
    expect(read(sources, { readers: runner }).outcome).toEqual(single.outcome);
  });

  it('progress goes up with the chunks every reader has taken, and ends at the file size', () => {
    const { bytes } = randomFile(4242);
    const sources = [splittableSource('progress.csv', bytes)];
    const seen: [number, number][] = [];
    const runner = inProcessRunner(sources, dict, { threads: 1, chunkBytes: 200, pick: (k) => k % 3 === 0 });
    read(sources, { readers: runner, onProgress: (done, total) => seen.push([done, total]) });
    expect(runner.jobs.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    // one pass or two over the file: the bar ends full either way
    const [done, total] = seen.at(-1)!;
    expect(done).toBe(total);
    expect(total % bytes.length).toBe(0);
  });
});
