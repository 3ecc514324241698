/**
 * A reading thread (see worker-runner.ts): takes chunk jobs from its port; for each it takes
 * chunks from the job's shared counter until none is left, writes its fingerprints into the job's
 * ring as it goes (fingerprint-ring.ts), and then posts its answer (or how it failed), the answer's
 * buffers transferred.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { buildFuelDictionary } from '../core/dictionary/fuels.js';
import { buildSectorDictionary } from '../core/dictionary/sectors.js';
import type { Dictionaries } from '../core/input/activity.js';
import { runChunkJob } from '../core/input/fast-chunks.js';
import type { ChunkFailure, ChunkJob, ChunkResult } from '../core/input/fast-parallel.js';
import { fileReaderAt } from './file-reader.js';
import { ringWriter, type FingerprintRing } from './fingerprint-ring.js';

/** A job's control, shared: the next free chunk, a beat (bumped by a reader after each chunk and answer), then one state per reader. */
export const NEXT_CHUNK = 0;
export const BEAT = 1;
/** a reader's state: 0 not begun, 1 reading (the CLI waits for its answer), 2 shut out (the CLI has stopped waiting for readers to begin) */
export const JOB_STATE = 2;

/** What a reader posts: its answer ('idle': it took no chunk); its fingerprints go through the job's ring. */
export interface ReaderMessage {
  n: number;
  answer: ChunkResult | ChunkFailure | 'idle';
}

interface Job {
  n: number;
  job: ChunkJob;
  control: Int32Array;
  ring: FingerprintRing;
}

export function readWorker(): void {
  const { port, signal, index } = workerData as { port: MessagePort; signal: Int32Array; index: number };
  const wake = () => {
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => {
    port.postMessage(message, transfer);
    wake();
  };
  let dict: Dictionaries | undefined;
  port.on('message', ({ n, job, control, ring }: Job) => {
    // too late: the CLI has read every chunk without this reader
    if (Atomics.compareExchange(control, JOB_STATE + index, 0, 1) !== 0) return;
    const chunks = job.starts.length;
    let took = 0;
    const claim = () => {
      Atomics.add(control, BEAT, 1);
      const k = Atomics.add(control, NEXT_CHUNK, 1);
      if (k >= chunks) return -1;
      took++;
      return k;
    };
    let answer: ChunkResult | ChunkFailure;
    try {
      // the CLI's own dictionaries, sent with the job: a reader resolves keys as it does, without loading any table
      dict ??= { fuels: buildFuelDictionary([...job.dictionaries.fuels]), sectors: buildSectorDictionary([...job.dictionaries.sectors]) };
      answer = runChunkJob(job, dict, (at) => fileReaderAt(job.path, at, job.identity), claim, ringWriter(ring, wake));
    } catch (e) {
      answer = { failed: true, kind: 'error', reason: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    Atomics.add(control, BEAT, 1);
    if (took === 0 && !('failed' in answer)) post({ n, answer: 'idle' });
    else post({ n, answer }, ownBuffers(answer));
  });
}

/** The buffers of the typed arrays in `value` that are theirs alone (so moved, not copied, with no other view left broken). */
function ownBuffers(value: unknown, into = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) into.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) if (typeof v === 'object' && v !== null) ownBuffers(v, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) ownBuffers(v, into);
  }
  return [...into];
}
