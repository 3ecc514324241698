/**
 * The streaming reader's run-wide state: what the quality checks need across files — the scale
 * check's series (counts by leading digits, then the values near the median and the candidates far
 * from it), the duplicate check's fingerprints and exact keys, the power plants' electricity rows —
 * and the sums of the rows the row parser read. One RunState per read (and one per chunk reader).
 */
import type { Decimal } from '../decimal.js';
import type { Fuel } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import type { Dimension } from '../units.js';
import type { ActivityRecord, Dictionaries } from './activity.js';
import type { Use } from './columns.js';
import { FingerprintForwarder, FingerprintTable } from './fast-fingerprints.js';
import type { FingerprintSink } from './fast-parallel.js';
import { hashBytes } from './tokenize.js';
import { duplicateKey, newSeries, placeInSeries, seriesKey, type QualityState, type Series } from '../quality/collector.js';

export { EXPONENT_OFFSET, farFromMedian, type Series } from '../quality/collector.js';

/** The sum of rows the row parser read, by their key. */
interface ParsedRowSum {
  record: ActivityRecord;
  fileIndex: number;
  sum: Decimal;
}

export class RunState implements QualityState {
  private readonly duplicateSeeds = new Map<string, [number, number]>();
  readonly series = new Map<string, Series>();
  private table: FingerprintTable | FingerprintForwarder | undefined;
  /** fingerprints seen twice (their second half, odd): rows to compare by exact key in a second pass */
  readonly repeatedFingerprints = new Set<number>();
  /** file, line, year of rows of power plants that list electricity */
  readonly powerRows: number[] = [];
  readonly parsedRowSums = new Map<string, ParsedRowSum>();
  /** exact duplicate keys → file, line pairs (second pass) */
  readonly occurrences = new Map<string, number[]>();
  private readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(1024);
  pass = 1;
  /** reading chunks of a file (see fast-parallel.ts): a key may first appear in the second pass */
  chunked = false;
  /** pass 2 of a chunk reader: the scale check's median bucket of each series, by key */
  medianBuckets: Map<string, [number, number]> | undefined;
  constructor(
    readonly dict: Dictionaries,
    readonly keep: readonly string[],
  ) {}

  /** the fingerprint table, sized on first use from the input size and the first lines' length */
  sizeFingerprints(estimatedRows: number): void {
    this.table ??= new FingerprintTable(estimatedRows, (v) => this.repeatedFingerprints.add(v));
  }
  /** a chunk reader: fingerprints go to the caller's table */
  forwardFingerprints(sink: FingerprintSink): void {
    this.table = new FingerprintForwarder(sink);
  }
  get hasFingerprints(): boolean {
    return this.table !== undefined;
  }
  get fingerprints(): FingerprintTable | FingerprintForwarder {
    return this.table!;
  }
  /** the table itself (only the caller has one) */
  get fingerprintTable(): FingerprintTable {
    if (!(this.table instanceof FingerprintTable)) throw new Error('fast path: no duplicate table here');
    return this.table;
  }

  /** Where a row's duplicate fingerprint starts: the file's extra columns and (year, sector, fuel, use). */
  duplicateSeed(schema: string, r: { year: number; sector: Sector | undefined; sectorLabel: string; fuel: Fuel; use: Use }): [number, number] {
    const key = `<${schema}\u0001${[r.year, r.sector?.code ?? r.sectorLabel, r.fuel.id, r.use].join('\u0000')}>`;
    let seed = this.duplicateSeeds.get(key);
    if (!seed) {
      seed = this.hashTrimmed(key);
      this.duplicateSeeds.set(key, seed);
    }
    return seed;
  }

  addFingerprint(a: number, b: number): void {
    this.fingerprints.add(a, b);
  }

  seriesOf(r: { sector: Sector | undefined; sectorLabel: string; fuel: Fuel; use: Use; dimension: Dimension }, file: number, line: number): Series {
    return this.seriesByKey(seriesKey(r), r.fuel, r.dimension, file, line);
  }

  seriesByKey(key: string, fuel: Fuel, dimension: Dimension, file: number, line: number): Series {
    let s = this.series.get(key);
    if (!s) {
      s = newSeries(key, fuel, dimension, file, line);
      const bucket = this.medianBuckets?.get(key);
      if (bucket) [s.checked, s.medianExponent, s.medianLeading] = [true, bucket[0], bucket[1]];
      this.series.set(key, s);
    } else if (file < s.firstFile || (file === s.firstFile && line < s.firstLine)) {
      s.firstFile = file;
      s.firstLine = line;
    }
    return s;
  }

  /**
   * One row of a series, its value given by its exponent and first two significant digits: the
   * first pass counts it, the second places it against the median's bucket.
   */
  placeInSeries(s: Series, zero: boolean, exponent: number, leading: number, value: () => number, file: number, line: number): void {
    placeInSeries(s, this.pass, zero, exponent, leading, value, file, line);
  }

  /** an exact duplicate key seen in the second pass */
  occurrence(key: string, file: number, line: number): void {
    const list = this.occurrences.get(key);
    if (list) list.push(file, line);
    else this.occurrences.set(key, [file, line]);
  }

  /** canonical hash of an extra cell: the two hashes of the UTF-8 bytes of its trimmed text */
  hashTrimmed(text: string): [number, number] {
    const trimmed = text.trim();
    if (this.scratch.length < trimmed.length * 3) this.scratch = new Uint8Array(trimmed.length * 3 + 16);
    const { written } = this.encoder.encodeInto(trimmed, this.scratch);
    return hashBytes(this.scratch, 0, written);
  }
}

/** The key qualityWarnings compares for DUPLICATE_ROW. */
export function exactDupKey(year: number, sector: Sector | undefined, sectorLabel: string, fuel: Fuel, use: Use, extra: Record<string, string>): string {
  return duplicateKey({ year, sector, sectorLabel, fuel, use, extra });
}
