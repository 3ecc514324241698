/**
 * Reading one big file with several readers (the CLI's are worker threads; see src/cli/worker-runner.ts).
 * The body (everything after the header) is cut into chunks of a
 * few MB; the caller and every helper take the next free chunk until none is left, so a helper that
 * starts late just takes fewer. A chunk holds the lines that start inside it. Lines are numbered
 * per chunk (chunk × 2^32 + line within the chunk) and renumbered once every chunk's line count is
 * known. Duplicate fingerprints all go into the caller's table.
 *
 * This module holds what crosses between them (plain data: structured-clonable);
 * the scanning is in file-scan.ts and fast-body.ts, the merging in fast-chunks.ts. The readers themselves come from the caller
 * (the CLI starts threads; tests run the same jobs in the caller's thread).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Fuel } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import type { FileLayout } from './layout.js';
import type { ChunkReader } from './fast-source.js';

/** The read with other readers cannot finish (a reader died, too many odd rows): the caller reads the file again alone. */
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
  /** what a helper checks the file it opens against (see FastSource.identity) */
  identity?: string | undefined;
  /** the caller's fuel and sector dictionaries, so that a helper resolves keys the same way without loading any table */
  dictionaries: { fuels: readonly Fuel[]; sectors: readonly Sector[] };
  layout: FileLayout;
  keep: readonly string[];
  pass: 1 | 2;
  /** byte offset where each chunk starts; chunk 0 starts at the body */
  starts: number[];
  /** the encoding the user asked for, if any (a GBK surprise restarts the run) */
  requested: string | undefined;
  /** pass 2: fingerprints seen twice, and the scale check's median buckets by series key */
  repeatedFingerprints?: number[];
  medianBuckets?: [string, number, number][];
}

/** Duplicate fingerprints found on a helper: a, b pairs, in batches. */
export type FingerprintSink = (pairs: Int32Array) => void;

export interface GroupData {
  hash: number;
  keyBytes: Uint8Array;
  keyLengths: Int32Array;
  firstLine: number;
  firstBytes: Uint8Array;
  rows: number;
  sumWhole: number;
  sumBillionths: number;
  sumOverflow: bigint;
}

export interface SeriesData {
  key: string;
  rows: number;
  zeros: number;
  /** histogram slot, counts */
  histogram: [number, Int32Array][];
  inexact: boolean;
  medianBucket: number[];
  /** file, line, value */
  outlierCandidates: number[];
}

/** What one reader found in the chunks it took. Line numbers are per chunk (see CHUNK_LINE). */
export interface ChunkResult {
  /** chunk, lines in it */
  lineCounts: number[];
  groups: GroupData[];
  series: SeriesData[];
  diagnostics: Diagnostic[];
  /** file, line, year of power plants' electricity rows */
  powerRows: number[];
  occurrences: [string, number[]][];
  /** rows left to the real parser, which the caller runs: line, bytes */
  deferred: [number, Uint8Array][];
  rows: number;
  records: number;
}

/** What a helper sends back when it fails: the kind says what the caller rethrows. */
export interface ChunkFailure {
  failed: true;
  kind: 'fallback' | 'abort' | 'restart' | 'error';
  reason: string;
  file?: number;
}

/** A helper's answer: what it found, and the fingerprints it found (read after the caller's own). */
export interface ChunkAnswer {
  result: ChunkResult;
  fingerprints: Iterable<Int32Array>;
}

/** Helpers to run chunk jobs, besides the caller. */
export interface ParallelRunner {
  /** how many readers it runs besides the caller */
  readonly readers: number;
  /** files smaller than this are read by the caller alone */
  readonly minBytes: number;
  /** chunk size in bytes */
  readonly chunkBytes: number;
  /** false: the caller leaves every chunk to the other readers (tests of their path) */
  readonly callerTakesChunks?: boolean;
  /** Starts the job on every helper. */
  start(job: ChunkJob): RunningJob;
  /** no more jobs */
  close(): void;
}

export interface RunningJob {
  /** the caller's next chunk, or -1 when none is left */
  claim(): number;
  /** no more chunks for anyone (the caller failed) */
  cancel(): void;
  /** The other readers' answers: blocks until every reader that took a chunk has answered. */
  answers(): (ChunkAnswer | ChunkFailure)[];
  /** how many chunks all readers have taken so far (for a progress bar), if known */
  taken?(): number;
  /**
   * Hands `sink` the fingerprints the other readers have passed on since the last call, if the runner
   * can tell before they answer: the caller takes them between its chunks, while the readers read
   * on, rather than all at the end. answers() then carry only the rest. A batch is only
   * good during the call (its buffer is reused).
   */
  fingerprintsSoFar?(sink: FingerprintSink): void;
}

/** Opens a file at a byte offset (each helper opens its own). */
export type OpenAt = (position: number) => ChunkReader;
