/**
 * A ParallelRunner whose other readers run in this thread, for tests: each fake helper takes a chosen
 * set of chunks before the caller starts (so chunks are split in a known, seeded way), and its
 * answer is handed back on wait(). The jobs, the chunking and the merge are the real ones; only
 * the CLI's worker threads are left out.
 */
import { memorySource, runChunkJob, type FastSource } from '../../src/core/input/fast-read.js';
import type { ChunkAnswer, ChunkFailure, ChunkJob, ParallelRunner } from '../../src/core/input/fast-parallel.js';
import type { Dictionaries } from '../../src/core/input/activity.js';
import { bytesReader } from '../../src/core/input/fast-source.js';

export function inProcessRunner(
  sources: readonly FastSource[],
  dict: Dictionaries,
  options: { threads: number; chunkBytes: number; minBytes?: number; pick: (chunk: number, thread: number) => boolean },
): ParallelRunner & { jobs: ChunkJob[] } {
  const jobs: ChunkJob[] = [];
  return {
    readers: options.threads,
    minBytes: options.minBytes ?? 0,
    chunkBytes: options.chunkBytes,
    jobs,
    start(job) {
      jobs.push(job);
      const source = sources[job.fileIndex]!;
      const chunks = job.starts.length;
      const taken = new Uint8Array(chunks);
      const answers: (ChunkAnswer | ChunkFailure)[] = [];
      for (let t = 0; t < options.threads; t++) {
        // this fake helper's chunks: the ones picked for it that nobody has taken
        const mine: number[] = [];
        for (let k = 0; k < chunks; k++) if (!taken[k] && options.pick(k, t)) mine.push(k);
        if (mine.length === 0) continue;
        for (const k of mine) taken[k] = 1;
        const fingerprints: Int32Array[] = [];
        const answer = runChunkJob(job, dict, (at) => source.openAt!(at), () => mine.shift() ?? -1, (pairs) => fingerprints.push(pairs.slice()));
        answers.push('failed' in answer ? answer : { result: answer, fingerprints });
      }
      let next = 0;
      return {
        claim: () => {
          while (next < chunks && taken[next]) next++;
          if (next >= chunks) return -1;
          taken[next] = 1;
          return next++;
        },
        cancel: () => taken.fill(1),
        answers: () => answers,
        // as the CLI's helpers do while they still read: each call passes on the first half of what
        // each fake helper has not passed on yet (its first batch's first pairs), so that the table
        // gets a helper's fingerprints partly between the caller's chunks and partly at the end
        fingerprintsSoFar: (sink) => {
          for (const a of answers) {
            if ('failed' in a) continue;
            const queue = a.fingerprints as Int32Array[];
            const first = queue[0];
            if (!first || first.length < 4) continue;
            const half = (first.length >> 2) << 1;
            queue[0] = first.subarray(half);
            sink(first.subarray(0, half));
          }
        },
        taken: () => taken.reduce((a, t) => a + t, 0),
      };
    },
    close() {},
  };
}

/** A source over bytes that helpers can open at any offset (the CLI's files are opened by path). */
export function splittableSource(path: string, bytes: Uint8Array): FastSource {
  return { ...memorySource(path, bytes), openAt: (position) => bytesReader(bytes.subarray(position)) };
}
