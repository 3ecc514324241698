/**
 * A reading thread (see read-workers.ts): takes chunk jobs from its port, answers each with what
 * it found (or how it failed), then bumps the signal the calling thread waits on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFuelDictionary } from '../core/dictionary/fuels.js';
import { parseSectorDictionary } from '../core/dictionary/sectors.js';
import type { Dictionaries } from '../core/input/activity.js';
import type { ChunkFailure, ChunkJob } from '../core/input/fast-parallel.js';
import { runChunkJob } from '../core/input/fast-read.js';
import { packageRoot } from '../package-root.js';
import { fileReaderAt } from './file-reader.js';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
let dict: Dictionaries | undefined;

port.on('message', (message: { job: ChunkJob; me: number } | null) => {
  if (message === null) {
    port.close();
    return;
  }
  const { job, me } = message;
  let answer;
  try {
    dict ??= dictionaries();
    answer = runChunkJob(job, dict, (at) => fileReaderAt(job.path, at), me);
  } catch (e) {
    answer = { failed: true, kind: 'error', reason: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ChunkFailure;
  }
  port.postMessage({ id: job.id, answer });
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});

/** The bundled fuel and sector dictionaries, which are all a reading thread needs (not the factor tables). */
function dictionaries(): Dictionaries {
  const dir = join(packageRoot, 'factors', 'dictionary');
  return { fuels: parseFuelDictionary(readFileSync(join(dir, 'fuels.csv'), 'utf8')), sectors: parseSectorDictionary(readFileSync(join(dir, 'sectors.csv'), 'utf8')) };
}
