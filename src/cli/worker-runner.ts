/**
 * The CLI's readers for big files: worker threads (src/cli/read-worker.ts, loaded by
 * bin/read-worker.js), started when calc sees a big file and ended when it has read it. They share
 * the process, so Ctrl-C, a closed pipe or any exit ends them with it, and they leave nothing behind.
 *
 * A job's chunks are handed out by one counter in shared memory (Atomics.add: the next free chunk).
 * A reader passes its duplicate fingerprints on through a ring in shared memory as it reads
 * (fingerprint-ring.ts), and posts its answer on a port of its own, the answer's buffers transferred,
 * not copied; after either it bumps a shared signal. The calculation is synchronous, so the CLI
 * waits on that signal with Atomics.wait and takes the answers with receiveMessageOnPort rather
 * than with events. Processes gave no faster read (measured: docs/PERFORMANCE.md) and needed a
 * temporary folder, its clean-up and a watch on the CLI.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { ParallelAbort, type ChunkAnswer, type ChunkFailure, type ChunkJob, type ChunkResult, type ParallelRunner } from '../core/input/fast-parallel.js';
import { packageRoot } from '../package-root.js';
import { CHUNK_BYTES, MIN_BYTES, type ReaderSettings } from './reader-settings.js';
import { closeRing, drainRing, newRing } from './fingerprint-ring.js';
import { BEAT, JOB_STATE, NEXT_CHUNK, type ReaderMessage } from './read-worker.js';

/** A reader that neither takes a chunk nor answers for this long has died (out of memory): the CLI reads alone. */
const STALL_MS = 60_000;

interface Reader {
  worker: Worker;
  port: MessagePort;
}

/** What the readers did, for JINCHANG_DEBUG_READ (tests check that they really ran). */
export interface ReaderStats {
  jobs: number;
  /** answers from readers that took chunks */
  answers: number;
}

/** How many readers: the settings' number, else one less than the cores (at most 7). */
export function readerCount(settings: ReaderSettings): number {
  return Math.max(0, Math.min(settings.readers ?? Math.max(availableParallelism() - 1, 0), settings.readers === undefined ? 7 : 16));
}

/** The runner for calc's reading threads, started now so that they are up when the reading starts; undefined for none. */
export function workerRunner(settings: ReaderSettings = {}): (ParallelRunner & { stats: ReaderStats }) | undefined {
  const count = readerCount(settings);
  if (count === 0) return undefined;
  // bumped by a reader after each batch of fingerprints and each answer: what the CLI waits on
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const readers = Array.from({ length: count }, (_, index) => startReader(index, signal));
  const stats: ReaderStats = { jobs: 0, answers: 0 };
  let jobs = 0;
  return {
    stats,
    readers: count,
    minBytes: settings.minBytes ?? MIN_BYTES,
    chunkBytes: Math.max(1, settings.chunkBytes ?? CHUNK_BYTES),
    callerTakesChunks: settings.callerTakesChunks ?? true,
    start(job: ChunkJob) {
      // numbered here: a read that starts again (as GBK) must not take an old job's messages
      const n = ++jobs;
      const chunks = job.starts.length;
      const control = new Int32Array(new SharedArrayBuffer(4 * (JOB_STATE + count)));
      const rings = readers.map(() => newRing());
      readers.forEach((r, i) => r.port.postMessage({ n, job, control, ring: rings[i] }));
      stats.jobs++;
      // an answer per reader once it has one
      const answers: (ChunkResult | ChunkFailure | 'idle' | undefined)[] = readers.map(() => undefined);
      const receive = (i: number) => {
        for (let m = receiveMessageOnPort(readers[i]!.port); m; m = receiveMessageOnPort(readers[i]!.port)) {
          const message = m.message as ReaderMessage;
          if (message.n === n) answers[i] = message.answer; // else an abandoned job's
        }
      };
      // what the rings held while the CLI waited (copied: the rings go on being written), handed on with the answers
      const kept: Int32Array[] = [];
      return {
        claim() {
          const k = Atomics.add(control, NEXT_CHUNK, 1);
          return k < chunks ? k : -1;
        },
        cancel() {
          Atomics.store(control, NEXT_CHUNK, chunks);
        },
        taken: () => Math.min(Atomics.load(control, NEXT_CHUNK), chunks),
        fingerprintsSoFar(sink) {
          for (const ring of rings) drainRing(ring, sink);
        },
        answers() {
          const stalled = stallWatch(control);
          // readers waited for: once every chunk is taken, a reader that has not begun the job never will, and is shut out
          let waited: boolean[] | undefined;
          for (;;) {
            const seen = Atomics.load(signal, 0);
            readers.forEach((_, i) => receive(i));
            for (const ring of rings) drainRing(ring, (pairs) => kept.push(pairs.slice()));
            if (!waited && Atomics.load(control, NEXT_CHUNK) >= chunks) waited = readers.map((_, i) => Atomics.compareExchange(control, JOB_STATE + i, 0, 2) !== 0);
            // the CLI may have left chunks to the readers (tests): then every reader answers (one failed) or every chunk is taken
            if (readers.every((_, i) => answers[i] !== undefined || (waited !== undefined && !waited[i]))) break;
            if (stalled()) {
              rings.forEach(closeRing);
              throw new ParallelAbort('a reading thread stopped answering');
            }
            Atomics.wait(signal, 0, seen, waited ? 1000 : 20);
          }
          const out: (ChunkAnswer | ChunkFailure)[] = [];
          for (const a of answers) {
            if (a === undefined || a === 'idle') continue;
            // the fingerprints left over go with the first answer (which reader found them does not matter)
            out.push('failed' in a ? a : { result: a, fingerprints: out.some((o) => 'result' in o) ? [] : kept });
          }
          stats.answers += out.length;
          if (!out.some((a) => 'failed' in a) && Atomics.load(control, NEXT_CHUNK) < chunks) throw new ParallelAbort('chunks were left unread');
          return out;
        },
      };
    },
    close() {
      for (const r of readers) void r.worker.terminate();
    },
  };
}

function startReader(index: number, signal: Int32Array): Reader {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(join(packageRoot, 'bin', 'read-worker.js'), { workerData: { port: port2, signal, index }, transferList: [port2] });
  // a reader never keeps the process alive, nor crashes it: its failures come back as answers
  worker.unref();
  worker.on('error', () => {});
  return { worker, port: port1 };
}

/** True once neither chunks are taken nor readers answer (the control's beat) for STALL_MS. */
function stallWatch(control: Int32Array): () => boolean {
  let beat = -1;
  let since = 0;
  return () => {
    const now = Atomics.load(control, NEXT_CHUNK) + Atomics.load(control, BEAT);
    if (now !== beat) {
      beat = now;
      since = Date.now();
    }
    return Date.now() - since > STALL_MS;
  };
}
