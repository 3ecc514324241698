/**
 * The CLI's threads for reading big files: worker_threads running src/cli/read-worker.ts, started
 * on the first big file and reused for the second pass and later files. The calculation is
 * synchronous, so the caller waits for answers with Atomics.wait and receiveMessageOnPort rather
 * than events; a worker that took no chunk (it started too late) is not waited for.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { ParallelAbort, tookAny, type ChunkFailure, type ChunkJob, type ChunkResult, type ParallelRunner } from '../core/input/fast-parallel.js';
import { packageRoot } from '../package-root.js';

/** Below this a file is read on one thread: a worker takes ~60 ms to start. */
const MIN_BYTES = 24 << 20;
const CHUNK_BYTES = 4 << 20;
/** a worker that reads nothing for this long is given up on (the read starts again on one thread) */
const STALL_MS = 60_000;

interface Thread {
  worker: Worker;
  port: MessagePort;
  /** bumped by the worker after each answer */
  signal: Int32Array;
}

export interface ThreadSettings {
  /** worker threads (default: one less than the cores, at most 7); 0 reads on one thread */
  threads?: number | undefined;
  minBytes?: number | undefined;
  chunkBytes?: number | undefined;
  /** false: leave every chunk to the workers (tests) */
  callerTakesChunks?: boolean | undefined;
}

/** Settings from the environment: JINCHANG_THREADS, JINCHANG_PARALLEL_MIN_BYTES, JINCHANG_CHUNK_BYTES, JINCHANG_CALLER_CHUNKS=0 (tests and benchmarks). */
export function threadSettings(env: Record<string, string | undefined>): ThreadSettings {
  const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  return {
    threads: int(env.JINCHANG_THREADS),
    minBytes: int(env.JINCHANG_PARALLEL_MIN_BYTES),
    chunkBytes: int(env.JINCHANG_CHUNK_BYTES),
    callerTakesChunks: env.JINCHANG_CALLER_CHUNKS === '0' ? false : undefined,
  };
}

/** What the threads did, for JINCHANG_DEBUG_READ (tests check that they really ran). */
export interface RunnerStats {
  jobs: number;
  /** answers from workers that took chunks */
  answers: number;
}

export function workerRunner(settings: ThreadSettings = {}): (ParallelRunner & { stats: RunnerStats }) | undefined {
  const threads = settings.threads ?? Math.min(Math.max(availableParallelism() - 1, 0), 7);
  if (threads <= 0) return undefined;
  let pool: Thread[] | undefined;
  const stats: RunnerStats = { jobs: 0, answers: 0 };
  return {
    stats,
    threads,
    minBytes: settings.minBytes ?? MIN_BYTES,
    chunkBytes: Math.max(1, settings.chunkBytes ?? CHUNK_BYTES),
    callerTakesChunks: settings.callerTakesChunks ?? true,
    start(job: ChunkJob) {
      pool ??= Array.from({ length: threads }, () => startThread());
      pool.forEach((t, i) => t.port.postMessage({ job, me: 2 + i }));
      stats.jobs++;
      const threadsNow = pool;
      return {
        wait: () => {
          const answers = threadsNow.flatMap((t, i) => (tookAny(job.control, job.starts.length, 2 + i) ? [answerOf(t, job)] : []));
          stats.answers += answers.length;
          return answers;
        },
      };
    },
    close() {
      for (const t of pool ?? []) {
        t.port.postMessage(null);
        t.port.close();
        void t.worker.unref();
      }
      pool = undefined;
    },
  };
}

function startThread(): Thread {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(join(packageRoot, 'dist', 'cli', 'read-worker.js'), { workerData: { port: port2, signal }, transferList: [port2] });
  // a worker must never keep the process alive, nor crash it: its failures come back as answers
  worker.unref();
  worker.on('error', () => {});
  return { worker, port: port1, signal };
}

/** Blocks until the thread answers this job (answers to earlier jobs are dropped). */
function answerOf(t: Thread, job: ChunkJob): ChunkResult | ChunkFailure {
  let progress = Atomics.load(job.progress, 0);
  let since = Date.now();
  for (;;) {
    const seen = Atomics.load(t.signal, 0);
    for (let m = receiveMessageOnPort(t.port); m; m = receiveMessageOnPort(t.port)) {
      const answer = m.message as { id: number; answer: ChunkResult | ChunkFailure };
      if (answer.id === job.id) return answer.answer;
    }
    Atomics.wait(t.signal, 0, seen, 1000);
    const now = Atomics.load(job.progress, 0);
    if (now !== progress) {
      progress = now;
      since = Date.now();
    } else if (Date.now() - since > STALL_MS) throw new ParallelAbort('a reading thread stopped answering');
  }
}
