/**
 * A reading helper process (see read-helpers.ts): `node read-helper.js <job folder> <number>`.
 * Takes chunks of the job until none is left, writes its fingerprints and then its answer (or how
 * it failed) into the folder, and exits. A folder already gone means the CLI has finished.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parseFuelDictionary } from '../core/dictionary/fuels.js';
import { parseSectorDictionary } from '../core/dictionary/sectors.js';
import type { ChunkFailure, ChunkJob } from '../core/input/fast-parallel.js';
import { runChunkJob } from '../core/input/fast-read.js';
import { packageRoot } from '../package-root.js';
import { fileClaims } from './chunk-claims.js';
import { fileReaderAt } from './file-reader.js';

const [dir, me] = process.argv.slice(2) as [string, string];

function main(): void {
  if (!existsSync(join(dir, 'job'))) return;
  const job = deserialize(readFileSync(join(dir, 'job'))) as ChunkJob;
  const claims = fileClaims(dir, me, job.starts.length);
  const fingerprints = openSync(join(dir, `fingerprints-${me}`), 'w');
  let answer;
  try {
    answer = runChunkJob(job, dictionaries(), (at) => fileReaderAt(job.path, at), () => claims.next(), (pairs) => {
      writeSync(fingerprints, new Uint8Array(pairs.buffer, pairs.byteOffset, pairs.byteLength));
    });
  } catch (e) {
    answer = { failed: true, kind: 'error', reason: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ChunkFailure;
  } finally {
    closeSync(fingerprints);
  }
  // only a helper that took a chunk is waited for
  if (claims.mine === 0 && !('failed' in answer)) return;
  // its peak memory, for the CLI's debug line and the benchmark (a helper is a process of its own)
  writeFileSync(join(dir, `rss-${me}`), String(process.resourceUsage().maxRSS));
  writeFileSync(join(dir, `answer-${me}.part`), serialize(answer));
  renameSync(join(dir, `answer-${me}.part`), join(dir, `answer-${me}`));
}

/** The bundled fuel and sector dictionaries, which are all a reader needs (not the factor tables). */
function dictionaries() {
  const folder = join(packageRoot, 'factors', 'dictionary');
  return { fuels: parseFuelDictionary(readFileSync(join(folder, 'fuels.csv'), 'utf8')), sectors: parseSectorDictionary(readFileSync(join(folder, 'sectors.csv'), 'utf8')) };
}

try {
  main();
} catch {
  // the CLI has finished and removed the folder, or cannot be told: it reads alone when no answer comes
}
