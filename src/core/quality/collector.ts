/**
 * The three quality checks made on rows, not on summed lines — DUPLICATE_ROW, SCALE_OUTLIER and
 * POWER_SECTOR_ELECTRICITY — fed row by row by the reader that runs, in file and line order.
 * Memory grows with the distinct keys and series, not with the rows: duplicates are found by a
 * 31-bit fingerprint of each row's key and confirmed on the exact key in a second pass; a series'
 * median is found by counting its values by leading digits, and the second pass keeps only the
 * values in the median's bucket and those two orders of magnitude or more away from it.
 *
 *   const q = new QualityCollector(paths, limits);
 *   for each row: q.row(record, fileIndex);
 *   if (q.endFirstPass()) for each row again: q.row(record, fileIndex);
 *   q.warnings(records)   // in the order calculateLines always gave them
 */
import { appendAll } from '../arrays.js';
import { Decimal } from '../decimal.js';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Fuel } from '../dictionary/fuels.js';
import type { ActivityRecord } from '../input/activity.js';
import { FingerprintTable } from '../input/fast-fingerprints.js';
import { isElectricityOutput, isPowerPlantElectricity } from '../input/row-rules.js';
import type { Dimension } from '../units.js';
import { LOCATIONS_NAMED_IN_SUMMARY, summaryOf, type ListLimits } from './summarise.js';

/** What the checks read of a row. */
export type QualityRow = Pick<ActivityRecord, 'line' | 'year' | 'sector' | 'sectorLabel' | 'fuel' | 'use' | 'dimension' | 'quantity' | 'extra'>;

const UNLIMITED: ListLimits = { warning: Infinity, error: Infinity };

/** leading-digit buckets: decimal exponents -64 … 63, first two significant digits 10 … 99 */
const E_OFFSET = 64;

interface Series {
  fuel: Fuel;
  dimension: Dimension;
  years: Set<number>;
  /** rows, and of them zeros */
  n: number;
  zeros: number;
  /** counts by exponent (+E_OFFSET) and leading two digits (−10) */
  hist: (Int32Array | undefined)[];
  firstFile: number;
  firstLine: number;
  /** second pass: the median is the k-th smallest, `below` of them in buckets under (bE, bL) */
  check: boolean;
  k: number;
  below: number;
  bE: number;
  bL: number;
  /** the values in the median's bucket: doubles when exact (15 digits or fewer), else decimals */
  collect: number[];
  collectExact: Decimal[];
  /** rows far enough from the median's bucket to be outliers: file, line, value */
  candidates: { file: number; line: number; quantity: Decimal }[];
}

export class QualityCollector {
  private pass: 1 | 2 = 1;
  private readonly fingerprints: FingerprintTable;
  private readonly repeated = new Set<number>();
  private readonly series = new Map<string, Series>();
  /** file, line, year of each row of a power plant listing electricity as energy */
  private readonly power: number[] = [];
  /** second pass: the first row of each repeated key, and the DUPLICATE_ROW warnings made so far */
  private readonly firstOfKey = new Map<string, { file: number; line: number }>();
  private readonly duplicates: Diagnostic[] = [];
  private duplicateCount = 0;

  /**
   * @param paths the files, by the index rows are given with
   * @param limits DUPLICATE_ROW warnings past `limits.warning` are counted and summarised, never made
   * @param estimatedRows sizes the fingerprint table (it grows when there are more)
   */
  constructor(
    private readonly paths: readonly string[],
    private readonly limits: ListLimits = UNLIMITED,
    estimatedRows = 4096,
  ) {
    this.fingerprints = new FingerprintTable(estimatedRows, (v) => this.repeated.add(v));
  }

  row(r: QualityRow, file: number): void {
    const dupKey = duplicateKey(r);
    const [a, b] = fingerprint(dupKey);
    if (this.pass === 1) {
      this.fingerprints.add(a, b);
      const s = this.seriesOf(r, file);
      s.years.add(r.year);
      s.n++;
      if (r.quantity.isZero()) s.zeros++;
      else {
        const [e, l2] = bucketOf(r.quantity);
        (s.hist[e + E_OFFSET] ??= new Int32Array(90))[l2 - 10]!++;
      }
      if (isPowerPlantElectricity(r)) this.power.push(file, r.line, r.year);
      return;
    }
    if (this.repeated.has(b | 1)) this.occurrence(dupKey, file, r.line);
    const s = this.seriesOf(r, file);
    if (!s.check || r.quantity.isZero()) return;
    const [e, l2] = bucketOf(r.quantity);
    if (e === s.bE && l2 === s.bL) {
      if (r.quantity.sd() <= 15) s.collect.push(r.quantity.toNumber());
      else s.collectExact.push(r.quantity);
    }
    if (e > s.bE + 2 || (e === s.bE + 2 && l2 >= s.bL) || e < s.bE - 2 || (e === s.bE - 2 && l2 <= s.bL)) {
      s.candidates.push({ file, line: r.line, quantity: r.quantity });
    }
  }

  /** Ends the first pass; true when the checks need every row once more. */
  endFirstPass(): boolean {
    this.fingerprints.flush();
    this.pass = 2;
    let again = this.repeated.size > 0;
    for (const s of this.series.values()) {
      // the median over all years is robust to the one year that is off; a series of fewer years is not checked
      if (s.years.size < 3) continue;
      s.k = Math.floor((s.n - 1) / 2);
      let below = s.zeros;
      if (s.k < below) continue; // the median is 0: no warnings
      found: for (let slot = 0; slot < s.hist.length; slot++) {
        const h = s.hist[slot];
        if (!h) continue;
        for (let j = 0; j < 90; j++) {
          if (below + h[j]! > s.k) {
            [s.check, s.bE, s.bL, s.below] = [true, slot - E_OFFSET, j + 10, below];
            break found;
          }
          below += h[j]!;
        }
      }
      again ||= s.check;
    }
    return again;
  }

  /**
   * DUPLICATE_ROW (the limit's worth and a summary), SCALE_OUTLIER, POWER_SECTOR_ELECTRICITY.
   * `records` are the read's records, one per row or summed by key: which years have generation.
   */
  warnings(records: readonly Pick<ActivityRecord, 'year' | 'fuel' | 'use'>[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    const listed = Math.min(this.duplicates.length, this.limits.warning);
    appendAll(out, this.duplicates.slice(0, listed));
    if (this.duplicateCount > listed) {
      const locations = this.duplicates.slice(listed);
      out.push(summaryOf({ first: locations[0]!, count: this.duplicateCount - listed, locations }, this.limits));
    }
    const byPlace = (x: { file: number; line: number }, y: { file: number; line: number }) => x.file - y.file || x.line - y.line;
    const checked = [...this.series.values()].filter((s) => s.check);
    checked.sort((x, y) => x.firstFile - y.firstFile || x.firstLine - y.firstLine);
    for (const s of checked) {
      const typical = medianOf(s);
      if (typical.isZero()) continue;
      for (const c of s.candidates.sort(byPlace)) {
        if (c.quantity.isZero()) continue;
        const ratio = c.quantity.dividedBy(typical);
        if (ratio.greaterThanOrEqualTo(100) || ratio.lessThanOrEqualTo(HUNDREDTH)) {
          out.push(
            warning(
              'SCALE_OUTLIER',
              {
                ratio: ratio.greaterThanOrEqualTo(1) ? ratio.toSignificantDigits(3).toString() : ratio.toSignificantDigits(2).toString(),
                fuel: s.fuel.zh,
                fuelEn: s.fuel.en,
                typical: typical.toSignificantDigits(6).toString(),
                unit: BASE_UNIT[s.dimension],
              },
              { file: this.paths[c.file], line: c.line },
            ),
          );
        }
      }
    }
    // Plants' own use (厂用电) listed with no output row: the own use came from fuel already
    // counted, so it is counted twice. With gross generation entered as output it balances.
    const outputYears = new Set(records.filter(isElectricityOutput).map((r) => r.year));
    const power = Array.from({ length: this.power.length / 3 }, (_, i) => ({ file: this.power[3 * i]!, line: this.power[3 * i + 1]!, year: this.power[3 * i + 2]! }));
    for (const p of power.sort(byPlace)) {
      if (!outputYears.has(p.year)) out.push(warning('POWER_SECTOR_ELECTRICITY', {}, { file: this.paths[p.file], line: p.line }));
    }
    return out;
  }

  /** a row whose fingerprint repeats (second pass): a duplicate when its exact key came before */
  private occurrence(key: string, file: number, line: number): void {
    const first = this.firstOfKey.get(key);
    if (!first) {
      this.firstOfKey.set(key, { file, line });
      return;
    }
    this.duplicateCount++;
    // past the limit only the few a summary names by location are made
    if (this.duplicates.length < this.limits.warning + LOCATIONS_NAMED_IN_SUMMARY) {
      this.duplicates.push(warning('DUPLICATE_ROW', { other: first.line, otherFile: this.paths[first.file]! }, { file: this.paths[file], line }));
    }
  }

  private seriesOf(r: QualityRow, file: number): Series {
    const key = [r.sector?.code ?? r.sectorLabel, r.fuel.id, r.use, r.dimension].join('\u0000');
    let s = this.series.get(key);
    if (!s) {
      s = { fuel: r.fuel, dimension: r.dimension, years: new Set(), n: 0, zeros: 0, hist: [], firstFile: file, firstLine: r.line, check: false, k: 0, below: 0, bE: 0, bL: 0, collect: [], collectExact: [], candidates: [] };
      this.series.set(key, s);
    }
    return s;
  }
}

/** Runs the checks over records in memory (one per row), both passes. */
export function qualityOfRows(records: readonly ActivityRecord[], limits: ListLimits = UNLIMITED): Diagnostic[] {
  // a file is a run of records from one path (the same path twice is two files, as read)
  const paths: string[] = [];
  const files = records.map((r, i) => (i === 0 || records[i - 1]!.file !== r.file ? paths.push(r.file) : paths.length) - 1);
  const q = new QualityCollector(paths, limits, records.length);
  records.forEach((r, i) => q.row(r, files[i]!));
  if (q.endFirstPass()) records.forEach((r, i) => q.row(r, files[i]!));
  return q.warnings(records);
}

/** The key two rows are duplicates by: the same year, sector, fuel and use, and nothing else telling them apart. */
function duplicateKey(r: QualityRow): string {
  return [r.year, r.sector?.code ?? r.sectorLabel, r.fuel.id, r.use, JSON.stringify(r.extra)].join('\u0000');
}

/** two 32-bit hashes of a key (FNV-1a and a multiply-rotate): equal keys, equal fingerprints */
function fingerprint(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [fmix(a), fmix(b ^ a)];
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** a positive decimal's exponent and first two significant digits (10 … 99): its counting bucket */
function bucketOf(q: Decimal): [number, number] {
  const words = q.d; // base 10^7, the first without leading zeros
  const w = words[0]!;
  const digits = w >= 1e6 ? 7 : w >= 1e5 ? 6 : w >= 1e4 ? 5 : w >= 1e3 ? 4 : w >= 100 ? 3 : w >= 10 ? 2 : 1;
  const l2 = digits >= 2 ? Math.floor(w / 10 ** (digits - 2)) : w * 10 + Math.floor((words[1] ?? 0) / 1e6);
  if (q.e + E_OFFSET < 0 || q.e + E_OFFSET >= 2 * E_OFFSET) throw new Error(`quality: a quantity outside the checked range (${q.toString()})`);
  return [q.e, l2];
}

/** the series' median: the k-th smallest value, found among its bucket's */
function medianOf(s: Series): Decimal {
  const at = s.k - s.below;
  if (s.collectExact.length === 0) {
    const t = Float64Array.from(s.collect).sort()[at];
    if (t === undefined) throw new Error('quality: the median is not where the counts put it');
    return new Decimal(t.toPrecision(15));
  }
  const all = [...s.collect.map((v) => new Decimal(v.toPrecision(15))), ...s.collectExact].sort((x, y) => x.comparedTo(y));
  const t = all[at];
  if (t === undefined) throw new Error('quality: the median is not where the counts put it');
  return t;
}

const HUNDREDTH = new Decimal('0.01');

const BASE_UNIT: Record<Dimension, string> = { mass: 't', volume: 'm3', electricity: 'kWh', heat: 'GJ', 'standard-coal': 'tce' };
