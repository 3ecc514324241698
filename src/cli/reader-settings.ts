/**
 * When calc reads a file with worker threads (worker-runner.ts), and the environment knobs tests
 * and benchmarks use. Kept apart so that small runs never load the readers' code.
 */

/**
 * Below this a file is read by the CLI alone. A reading thread takes ~40 ms to start and load its code,
 * and on a 2-core machine it only wins past ~1.5M rows (~96 MB): measured interleaved at real-time
 * priority, 1M rows (64.6 MB) 663 ms alone against 719 ms with a thread; 1.5M rows (97 MB) 881 against
 * 853 ms; 3M rows 1,680 against 1,300 ms (docs/PERFORMANCE.md).
 */
export const MIN_BYTES = 96 << 20;
export const CHUNK_BYTES = 4 << 20;

export interface ReaderSettings {
  /** reading threads besides the CLI's own (default: one less than the cores, at most 7); 0 reads alone */
  readers?: number | undefined;
  minBytes?: number | undefined;
  chunkBytes?: number | undefined;
  /** false: leave every chunk to the reading threads (tests) */
  callerTakesChunks?: boolean | undefined;
}

/** Settings from the environment: JINCHANG_HELPERS (how many threads), JINCHANG_PARALLEL_MIN_BYTES, JINCHANG_CHUNK_BYTES, JINCHANG_CALLER_CHUNKS=0 (tests, benchmarks). */
export function readerSettings(env: Record<string, string | undefined>): ReaderSettings {
  const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  return {
    readers: int(env.JINCHANG_HELPERS),
    minBytes: int(env.JINCHANG_PARALLEL_MIN_BYTES),
    chunkBytes: int(env.JINCHANG_CHUNK_BYTES),
    callerTakesChunks: env.JINCHANG_CALLER_CHUNKS === '0' ? false : undefined,
  };
}

/** Whether any input is big enough for reading threads (only then is worker-runner.ts loaded). */
export function wantsReaders(sizes: readonly (number | undefined)[], settings: ReaderSettings): boolean {
  if (settings.readers === 0) return false;
  return sizes.some((size) => (size ?? 0) >= (settings.minBytes ?? MIN_BYTES));
}
