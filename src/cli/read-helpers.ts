/**
 * The CLI's helpers for reading big files: child processes (bin/read-helper.js →
 * src/cli/read-helper.ts), started when calc sees a big file and ended when it has read it.
 * Processes, not worker threads: on these machines the threads of one process share a core, so a
 * worker thread made a 1M-row file no faster (measured). The calculation is synchronous, so the CLI
 * waits for a helper's answer file with short sleeps rather than events. A session's files live in a
 * temporary folder: each job, its chunk claims (chunk-claims.ts), each helper's fingerprints and
 * answer. A helper that took no chunk (it started too late) is not waited for.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { ParallelAbort, type ChunkAnswer, type ChunkFailure, type ChunkJob, type ChunkResult, type ParallelRunner } from '../core/input/fast-parallel.js';
import { packageRoot } from '../package-root.js';

/** the CLI's name among the claim owners; helpers are 0, 1, … */
const CALLER = 'c';
import { claimCount, claimOwners, fileClaims, type Claims } from './chunk-claims.js';
import { CHUNK_BYTES, MIN_BYTES, type HelperSettings } from './helper-settings.js';
import { endHelperProcesses, helperCount, startHelperProcesses, type HelperProcesses } from './helper-processes.js';

/** What the helpers did, for JINCHANG_DEBUG_READ (tests check that they really ran). */
export interface HelperStats {
  jobs: number;
  /** answers from helpers that took chunks */
  answers: number;
  /** the largest peak memory of a helper that answered, kB */
  helperPeakKB: number;
}

/**
 * The runner for calc's helpers: those the bin shim started early, if any (early-helpers.ts),
 * else new ones, started now so that they are up by the time there is work. Linux only: waiting
 * for a helper relies on /proc to tell a helper that died.
 */
export function helperRunner(settings: HelperSettings = {}, early?: HelperProcesses): (ParallelRunner & { stats: HelperStats; early: boolean }) | undefined {
  const started = early ?? startNow(settings);
  if (!started) return undefined;
  started.adopted = true;
  const { dir, pids } = started;
  const helpers = pids.length;
  const stats: HelperStats = { jobs: 0, answers: 0, helperPeakKB: 0 };
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let jobs = 0;
  return {
    stats,
    early: early !== undefined,
    helpers,
    minBytes: settings.minBytes ?? MIN_BYTES,
    chunkBytes: Math.max(1, settings.chunkBytes ?? CHUNK_BYTES),
    callerTakesChunks: settings.callerTakesChunks ?? true,
    start(job: ChunkJob) {
      // numbered here, not by the reader: a read that starts again (as GBK) must not meet old answers
      const n = ++jobs;
      const claimsDir = join(dir, `claims-${n}`);
      let claims: Claims;
      try {
        mkdirSync(claimsDir);
        claims = fileClaims(dir, claimsDir, CALLER, job.starts.length);
        writeFileSync(join(dir, `job-${n}.part`), serialize(job));
        renameSync(join(dir, `job-${n}.part`), join(dir, `job-${n}`));
      } catch (e) {
        throw new ParallelAbort(`cannot hand out the job: ${(e as Error).message}`);
      }
      stats.jobs++;
      const chunks = job.starts.length;
      const answered = (i: number) => existsSync(join(dir, `answer-${n}-${i}`));
      // how far each helper's fingerprint file has been read
      const fingerprintsRead = pids.map(() => ({ bytes: 0 }));
      return {
        fingerprintsSoFar: (sink) =>
          asAbort(() => {
            pids.forEach((_, i) => {
              for (const pairs of pairsIn(join(dir, `fingerprints-${n}-${i}`), fingerprintsRead[i]!)) sink(pairs);
            });
          }),
        claim: () => asAbort(() => claims.next()),
        taken: () => {
          try {
            return claimCount(claimsDir);
          } catch {
            return 0;
          }
        },
        cancel: () => {
          try {
            claims.takeAll();
          } catch {
            // a helper that cannot claim stops anyway
          }
        },
        wait: () =>
          asAbort(() => {
            // the CLI may have left chunks to the helpers (tests): wait until all are taken, or every helper has answered or died
            for (let wait = 0.2; claimCount(claimsDir) < chunks; wait = Math.min(wait * 1.5, 5)) {
              if (pids.every((pid, i) => pid === undefined || !alive(pid) || answered(i))) break;
              Atomics.wait(nap, 0, 0, wait);
            }
            const owners = claims.mine === chunks ? new Set<string>() : claimOwners(claimsDir);
            const answers: (ChunkAnswer | ChunkFailure)[] = [];
            pids.forEach((pid, i) => {
              // a helper that took chunks is waited for; one that took none counts only if it failed
              if (!owners.has(String(i)) && !answered(i)) return;
              const answer = answerOf(dir, `${n}-${i}`, pid, fingerprintsRead[i]!);
              if (!owners.has(String(i)) && !('failed' in answer)) return;
              answers.push(answer);
              const rss = join(dir, `rss-${n}-${i}`);
              if (existsSync(rss)) stats.helperPeakKB = Math.max(stats.helperPeakKB, Number(readFileSync(rss, 'utf8')));
            });
            stats.answers += answers.length;
            if (!answers.some((a) => 'failed' in a) && claimCount(claimsDir) < chunks) throw new ParallelAbort('chunks were left unread');
            return answers;
          }),
      };
    },
    close() {
      endHelperProcesses(dir);
    },
  };
}

function startNow(settings: HelperSettings): HelperProcesses | undefined {
  const count = helperCount(settings);
  return count > 0 ? startHelperProcesses(count, join(packageRoot, 'bin', 'read-helper.js'), () => spawn) : undefined;
}

/** A failure of the folder's files (full disk, removed folder) means: read alone. */
function asAbort<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ParallelAbort) throw e;
    throw new ParallelAbort(`the helpers' folder failed: ${(e as Error).message}`);
  }
}

/** Waits for helper i's answer; a helper that died without one sends the read back to the CLI alone. */
function answerOf(dir: string, name: string, pid: number | undefined, fingerprintsRead: { bytes: number }): ChunkAnswer | ChunkFailure {
  const path = join(dir, `answer-${name}`);
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (let wait = 0.2; !existsSync(path); wait = Math.min(wait * 1.5, 5)) {
    if (pid === undefined || !alive(pid)) {
      if (existsSync(path)) break;
      throw new ParallelAbort('a reading helper stopped without answering');
    }
    Atomics.wait(nap, 0, 0, wait);
  }
  const answer = deserialize(readFileSync(path)) as ChunkResult | ChunkFailure;
  if ('failed' in answer) return answer;
  return { result: answer, fingerprints: pairsIn(join(dir, `fingerprints-${name}`), fingerprintsRead) };
}

/** Whether a helper still runs (it stays a zombie when it exits: nobody reaps it while the CLI waits). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** read into for every batch of fingerprints (one at a time is in use: each is taken before the next is read) */
let pairBuffer: Int32Array | undefined;

/**
 * A helper's fingerprint file from `read.bytes` on, in batches of a, b pairs; `read.bytes` moves
 * past the whole pairs read. The helper may be writing it: bytes before the file's end are final
 * (the helper only appends), and a pair cut by the end is read next time.
 */
function* pairsIn(path: string, read: { bytes: number }): Generator<Int32Array> {
  pairBuffer ??= new Int32Array(1 << 18);
  const buf = pairBuffer;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing passed on yet
    throw e;
  }
  try {
    const bytes = new Uint8Array(buf.buffer);
    for (;;) {
      let n = 0;
      while (n < bytes.length) {
        const got = readSync(fd, bytes, n, bytes.length - n, read.bytes + n);
        if (got === 0) break;
        n += got;
      }
      const whole = n - (n % 8);
      if (whole === 0) return;
      read.bytes += whole;
      // the buffer is read into again for the next batch (a copy each time grew the CLI's memory
      // by tens of MB on 10M rows: garbage the collector was slow to take)
      yield buf.subarray(0, whole >> 2);
      if (n < bytes.length) return;
    }
  } finally {
    closeSync(fd);
  }
}
