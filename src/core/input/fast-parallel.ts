/**
 * Reading one big file on several threads. The body (everything after the header) is cut into
 * chunks of a few MB; every thread, the caller's included, takes the next free chunk until none is
 * left, so a thread that starts late or runs slow just takes fewer. A chunk holds the lines that
 * start inside it. Lines are numbered per chunk (chunk × 2^32 + line within the chunk) and renumbered
 * once every chunk's line count is known. Duplicate fingerprints go into one shared table.
 *
 * This module holds what crosses threads (plain, structured-clonable data); the scanning and the
 * merging are in fast-read.ts. The threads themselves come from the caller (the CLI uses
 * worker_threads; tests run the same jobs in process).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { FileLayout } from './fast-header.js';
import type { ChunkReader } from './fast-source.js';

/** The parallel read cannot finish (a table filled up, too many odd rows): read again on one thread. */
export class ParallelAbort extends Error {
  constructor(readonly reason: string) {
    super(`parallel read abandoned: ${reason}`);
  }
}

/** 2^32: a line number's chunk part */
export const CHUNK_LINE = 4294967296;

export interface ChunkJob {
  fileIndex: number;
  path: string;
  layout: FileLayout;
  keep: readonly string[];
  pass: 1 | 2;
  /** byte offset where each chunk starts; chunk 0 starts at the body */
  starts: number[];
  /** [0] next chunk to try, [1] unused; then for each chunk the thread that took it (0 = free, 1 = the caller, 2… workers) */
  control: Int32Array;
  /** bytes read by all threads (progress) */
  progress: BigInt64Array;
  /** the shared duplicate table (pass 1), and how full it is ([0]) */
  fingerprints: Int32Array;
  fingerprintFill: Int32Array;
  /** which job this is: a worker's answer to an earlier job is dropped */
  id: number;
  /** the encoding the user asked for, if any (a GBK surprise restarts the run) */
  requested: string | undefined;
  /** pass 2: fingerprints seen twice, and the scale check's median buckets by series key */
  candidates?: number[];
  checks?: [string, number, number][];
}

export interface GroupData {
  hash: number;
  kb: Uint8Array;
  kl: Int32Array;
  firstLine: number;
  firstBytes: Uint8Array;
  firstQuantity: string;
  rows: number;
  sInt: number;
  sFrac: number;
  big: bigint;
}

export interface SeriesData {
  key: string;
  n: number;
  zeros: number;
  hist: [number, Int32Array][];
  inexact: boolean;
  collect: number[];
  /** file, line, value */
  cands: number[];
}

/** What one thread found in the chunks it took. Line numbers are per chunk (see CHUNK_LINE). */
export interface ChunkResult {
  /** chunk, lines in it */
  lineCounts: number[];
  groups: GroupData[];
  series: SeriesData[];
  diagnostics: Diagnostic[];
  /** file, line, year of power plants' electricity rows */
  power: number[];
  candidates: number[];
  occurrences: [string, number[]][];
  /** rows left to the real parser on the calling thread: line, bytes */
  deferred: [number, Uint8Array][];
  rows: number;
  records: number;
}

/** What a worker sends back when it fails: the kind says what the caller rethrows. */
export interface ChunkFailure {
  failed: true;
  kind: 'fallback' | 'abort' | 'restart' | 'error';
  reason: string;
  file?: number;
}

/** Threads to run chunk jobs on, besides the caller's. */
export interface ParallelRunner {
  /** how many threads it adds */
  readonly threads: number;
  /** files smaller than this are read on one thread */
  readonly minBytes: number;
  /** chunk size in bytes */
  readonly chunkBytes: number;
  /** false: the calling thread leaves every chunk to the others (tests of the worker path) */
  readonly callerTakesChunks?: boolean;
  /**
   * Starts the job on every thread (thread i is number 2 + i in `control`); `wait` blocks until
   * each thread that took a chunk has answered (what `runChunkJob` returned on that thread).
   */
  start(job: ChunkJob): { wait(): (ChunkResult | ChunkFailure)[] };
  /** no more jobs */
  close(): void;
}

/** The calling thread's number in `control`; workers are 2, 3, … */
export const CALLER = 1;

/** Takes the next free chunk for thread `me`, or -1 when none is left. */
export function claimChunk(control: Int32Array, chunks: number, me: number): number {
  for (;;) {
    const k = Atomics.add(control, 0, 1);
    if (k >= chunks) return -1;
    if (Atomics.compareExchange(control, 2 + k, 0, me) === 0) return k;
  }
}

/** Takes chunk k for thread `me` if it is still free (tests hand chunks out in a chosen order). */
export function takeChunk(control: Int32Array, k: number, me: number): boolean {
  return Atomics.compareExchange(control, 2 + k, 0, me) === 0;
}

/** Whether thread `me` took any chunk of the job (a worker that took none need not be waited for). */
export function tookAny(control: Int32Array, chunks: number, me: number): boolean {
  for (let k = 0; k < chunks; k++) if (Atomics.load(control, 2 + k) === me) return true;
  return false;
}

/** Stops handing out chunks (the caller failed; workers finish the chunk they are in). */
export function stopClaims(control: Int32Array, chunks: number): void {
  Atomics.store(control, 0, chunks);
}

/** Opens a file at a byte offset (each thread opens its own). */
export type OpenAt = (position: number) => ChunkReader;
