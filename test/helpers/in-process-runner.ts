/**
 * A ParallelRunner whose "threads" run in this thread, for tests: each fake thread takes a chosen
 * set of chunks before the caller starts (so chunks are split between threads in a known,
 * seeded way), and its answer is handed back on wait(). The jobs, the shared tables and the merge
 * are the real ones; only worker_threads is left out.
 */
import { memorySource, runChunkJob, type FastSource } from '../../src/core/input/fast-read.js';
import { bytesReader } from '../../src/core/input/fast-source.js';
import { takeChunk, type ChunkFailure, type ChunkJob, type ChunkResult, type ParallelRunner } from '../../src/core/input/fast-parallel.js';
import type { Dictionaries } from '../../src/core/input/activity.js';

export function inProcessRunner(
  sources: readonly FastSource[],
  dict: Dictionaries,
  options: { threads: number; chunkBytes: number; minBytes?: number; pick: (chunk: number, thread: number) => boolean },
): ParallelRunner & { jobs: ChunkJob[] } {
  const jobs: ChunkJob[] = [];
  return {
    threads: options.threads,
    minBytes: options.minBytes ?? 0,
    chunkBytes: options.chunkBytes,
    jobs,
    start(job) {
      jobs.push(job);
      const source = sources[job.fileIndex]!;
      const answers: (ChunkResult | ChunkFailure)[] = [];
      const chunks = job.starts.length;
      for (let t = 0; t < options.threads; t++) {
        const me = 2 + t;
        // this fake thread's chunks: the ones picked for it that nobody has taken
        const mine: number[] = [];
        for (let k = 0; k < chunks; k++) if (options.pick(k, t) && takeChunk(job.control, k, me)) mine.push(k);
        if (mine.length === 0) continue;
        const view = new Int32Array(job.control.length);
        view.fill(99, 2);
        for (const k of mine) view[2 + k] = 0;
        answers.push(runChunkJob({ ...job, control: view }, dict, (at) => source.openAt!(at), me));
      }
      return { wait: () => answers };
    },
    close() {},
  };
}

/** A source over bytes that threads can open at any offset (the CLI's files are opened by path). */
export function splittableSource(path: string, bytes: Uint8Array): FastSource {
  return { ...memorySource(path, bytes), openAt: (position) => bytesReader(bytes.subarray(position)) };
}
