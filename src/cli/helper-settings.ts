/**
 * When calc reads a file with helper processes (read-helpers.ts), and the environment knobs tests
 * and benchmarks use. Kept apart so that small runs never load the helpers' code.
 */

/** Below this a file is read by the CLI alone: a helper process takes ~0.1 s to start. */
export const MIN_BYTES = 24 << 20;
export const CHUNK_BYTES = 4 << 20;

export interface HelperSettings {
  /** helper processes (default: one less than the cores, at most 7); 0 reads alone */
  helpers?: number | undefined;
  minBytes?: number | undefined;
  chunkBytes?: number | undefined;
  /** false: leave every chunk to the helpers (tests) */
  callerTakesChunks?: boolean | undefined;
}

/** Settings from the environment: JINCHANG_HELPERS, JINCHANG_PARALLEL_MIN_BYTES, JINCHANG_CHUNK_BYTES, JINCHANG_CALLER_CHUNKS=0 (tests, benchmarks). */
export function helperSettings(env: Record<string, string | undefined>): HelperSettings {
  const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  return {
    helpers: int(env.JINCHANG_HELPERS),
    minBytes: int(env.JINCHANG_PARALLEL_MIN_BYTES),
    chunkBytes: int(env.JINCHANG_CHUNK_BYTES),
    callerTakesChunks: env.JINCHANG_CALLER_CHUNKS === '0' ? false : undefined,
  };
}

/** Whether any input is big enough for helpers (only then is read-helpers.ts loaded). */
export function wantsHelpers(sizes: readonly (number | undefined)[], settings: HelperSettings): boolean {
  if (settings.helpers === 0) return false;
  return sizes.some((size) => (size ?? 0) >= (settings.minBytes ?? MIN_BYTES));
}
