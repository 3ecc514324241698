/** Fast path: what the caller gives a read (sources, options), what it gets back, and what one read holds. */
import type { Diagnostic } from '../diagnostics.js';
import type { ListLimits } from '../quality/summarise.js';
import type { ActivityRecord } from './activity.js';
import type { Encoding } from './decode.js';
import type { FileLayout } from './layout.js';
import type { OpenAt, ParallelRunner } from './fast-parallel.js';
import type { ChunkReader } from './fast-source.js';
import type { FileScan } from './file-scan.js';
import type { RunState } from './run-state.js';

export interface FastSource {
  path: string;
  size: number | undefined;
  open(): ChunkReader;
  /** a reader from a byte offset: lets several readers share one file */
  openAt?: OpenAt | undefined;
  /** for other readers: what the file they open must match (opaque here) */
  identity?: string | undefined;
}

export interface FastOptions {
  encoding?: Encoding | undefined;
  keepColumns?: readonly string[] | undefined;
  /** bytes read so far and in all (all passes together), at most every chunk */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** chunk size, for tests that split files at every possible place */
  chunkSize?: number | undefined;
  /** other readers for big files (the CLI's reading threads); without them the caller reads every file alone */
  readers?: ParallelRunner | undefined;
  /** problems of one kind listed before a summary (the quality checks never make the rest); default: all */
  listLimits?: ListLimits | undefined;
}

export interface FastFileSummary {
  path: string;
  sha256: string;
  rows: number;
  encoding: string;
}

export interface FastResult {
  /** one record per raw key (and per key of the rows parsed alone), quantity = the exact sum */
  records: ActivityRecord[];
  /** rows that made a record, as the csv-parse path would count its records */
  recordCount: number;
  inputs: FastFileSummary[];
  diagnostics: Diagnostic[];
  extraColumns: Set<string>;
  /**
   * DUPLICATE_ROW, SCALE_OUTLIER and POWER_SECTOR_ELECTRICITY over the rows, in the order
   * calculateLines gives them (it sees summed records, so its own are replaced with these).
   */
  quality: Diagnostic[];
  passes: number;
  /** files read with other readers */
  parallelFiles?: number;
}

/** One read of the sources (a run restarts as a new one). */
export interface Pass {
  sources: readonly FastSource[];
  run: RunState;
  layouts: FileLayout[];
  scans: FileScan[];
  hashes: string[];
  gbk: Set<number>;
  options: FastOptions;
  done: number;
  total: number;
  /** set when some file is big enough to be read with other readers */
  readers: ParallelRunner | undefined;
  parallelFiles: Set<number>;
}
