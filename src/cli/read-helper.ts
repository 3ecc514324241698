/**
 * A reading helper process (see read-helpers.ts), started by `bin/read-helper.js <folder> <number>`
 * as soon as calc sees a big file, so that it has started by the time there is work. It waits for
 * job-1, job-2, … in the session's folder; for each it takes chunks until none is left and writes
 * its fingerprints, its peak memory and its answer (or how it failed). It stops at `end`, when the
 * folder is gone, or when the CLI that started it is.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildFuelDictionary } from '../core/dictionary/fuels.js';
import { buildSectorDictionary } from '../core/dictionary/sectors.js';
import type { Dictionaries } from '../core/input/activity.js';
import type { ChunkFailure, ChunkJob } from '../core/input/fast-parallel.js';
import { runChunkJob } from '../core/input/fast-chunks.js';
import { fileClaims } from './chunk-claims.js';
import { fileReaderAt } from './file-reader.js';

/** a helper left alone this long (no job, no end) stops anyway, and removes the folder */
const IDLE_MS = 10 * 60_000;

/**
 * `parent` is the CLI's process id, as it passed it: by the time this code runs (~0.1 s after the
 * spawn) a CLI stopped by Ctrl-C may be gone already, and the parent then is another process.
 */
export function readHelper(dir: string, me: string, parent: number): void {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let dict: Dictionaries | undefined;
  try {
    for (let n = 1; ; n++) {
      const jobPath = join(dir, `job-${n}`);
      const since = Date.now();
      for (let wait = 0.1; !existsSync(jobPath); wait = Math.min(wait * 1.3, 2)) {
        if (process.ppid !== parent) return orphaned(dir);
        if (existsSync(join(dir, 'end')) || !existsSync(dir)) return afterEnd(dir, parent, nap);
        if (Date.now() - since > IDLE_MS) return orphaned(dir);
        Atomics.wait(nap, 0, 0, wait);
      }
      const job = deserialize(readFileSync(jobPath)) as ChunkJob;
      // the CLI's own dictionaries, sent with the job: parsing them cold took 30 ms, the tables' snapshot 18
      dict ??= { fuels: buildFuelDictionary([...job.dictionaries.fuels]), sectors: buildSectorDictionary([...job.dictionaries.sectors]) };
      runJob(dir, me, n, job, dict, () => process.ppid === parent);
    }
  } catch {
    // the CLI has finished and removed the folder: nothing is waiting for an answer
  }
}

/**
 * No more jobs: the CLI removes the folder as it exits. One stopped by a signal before that (its
 * `exit` handlers do not run) cannot: so wait until the folder is gone or the CLI is, and then
 * remove what is left.
 */
function afterEnd(dir: string, parent: number, nap: Int32Array): void {
  while (existsSync(dir)) {
    if (process.ppid !== parent) return orphaned(dir);
    Atomics.wait(nap, 0, 0, 20);
  }
}

/** The CLI is gone (Ctrl-C, killed) and cannot remove the folder: the helpers do. */
function orphaned(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 10 });
}

function runJob(dir: string, me: string, n: number, job: ChunkJob, dict: Dictionaries, parentAlive: () => boolean): void {
  const claims = fileClaims(dir, join(dir, `claims-${n}`), me, job.starts.length);
  // opened on the first fingerprints: a helper that takes no chunk writes nothing more
  let fingerprints: number | undefined;
  let answer;
  try {
    // no more chunks once the CLI is gone
    answer = runChunkJob(job, dict, (at) => fileReaderAt(job.path, at, job.identity), () => (parentAlive() ? claims.next() : -1), (pairs) => {
      fingerprints ??= openSync(join(dir, `fingerprints-${n}-${me}`), 'w');
      writeSync(fingerprints, new Uint8Array(pairs.buffer, pairs.byteOffset, pairs.byteLength));
    });
  } catch (e) {
    answer = { failed: true, kind: 'error', reason: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ChunkFailure;
  } finally {
    if (fingerprints !== undefined) closeSync(fingerprints);
  }
  // only a helper that took a chunk is waited for
  if (claims.mine === 0 && !('failed' in answer)) return;
  writeFileSync(join(dir, `rss-${n}-${me}`), String(process.resourceUsage().maxRSS));
  writeFileSync(join(dir, `answer-${n}-${me}.part`), serialize(answer));
  renameSync(join(dir, `answer-${n}-${me}.part`), join(dir, `answer-${n}-${me}`));
}
