/**
 * The three quality checks made on rows, not on summed lines — DUPLICATE_ROW, SCALE_OUTLIER and
 * POWER_SECTOR_ELECTRICITY — in one place for every reader. Each reader gathers a QualityState as
 * it reads: series (a quantity's counts by leading digits, then in a second pass the values in the
 * median's bucket and those two orders of magnitude or more from it), the power plants' electricity
 * rows, and the rows of keys that may repeat; `qualityWarnings` turns it into the warnings.
 *  - the fast path (input/fast-read.ts) feeds series and occurrences from bytes (file-scan.ts);
 *  - QualityCollector takes one record at a time: the streaming reader (input/csv-stream.ts), and
 *    calculateLines on records in memory (`qualityOfRows`).
 * Memory grows with the distinct keys and series, not with the rows (apart from repeated keys'
 * occurrence lists, two numbers a row).
 */
import { appendAll } from '../arrays.js';
import { Decimal } from '../decimal.js';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Fuel } from '../dictionary/fuels.js';
import type { ActivityRecord } from '../input/activity.js';
import { FingerprintTable } from '../input/fast-fingerprints.js';
import { BASE_UNIT, isElectricityOutput, isPowerPlantElectricity } from '../input/row-rules.js';
import type { Dimension } from '../units.js';
import { LOCATIONS_NAMED_IN_SUMMARY, summaryOf, type ListLimits } from './summarise.js';

/** What the checks read of a row. */
export type QualityRow = Pick<ActivityRecord, 'line' | 'year' | 'sector' | 'sectorLabel' | 'fuel' | 'use' | 'dimension' | 'quantity' | 'extra'>;

const UNLIMITED: ListLimits = { warning: Infinity, error: Infinity };

/** histogram slot = a value's decimal exponent + EXPONENT_OFFSET */
export const EXPONENT_OFFSET = 64;

/**
 * The rows of one (sector, fuel, use, dimension) over the years: the scale check compares them
 * with their median. Every reader keeps these (the fast path's chunk readers pass them on).
 */
export interface Series {
  key: string;
  fuel: Fuel;
  dimension: Dimension;
  years: Set<number>;
  rows: number;
  zeros: number;
  /** by exponent slot: counts by the first two significant digits (index = digits - 10) */
  histogram: (Int32Array | undefined)[];
  firstFile: number;
  firstLine: number;
  /** a value with more than 15 significant digits: its double is not exact (the fast path steps aside) */
  inexact: boolean;
  // second pass
  /** the median is known to lie in one bucket (exponent, leading digits): rows are placed against it */
  checked: boolean;
  medianExponent: number;
  medianLeading: number;
  /** non-zero rows below the median's bucket */
  belowMedianBucket: number;
  /** the median's rank among the rows (zeros first) */
  medianRank: number;
  /** the values in the median's bucket (doubles: exact for 15 significant digits or fewer) */
  medianBucket: number[];
  /** rows two buckets or more from the median's: file, line, value */
  outlierCandidates: number[];
  /** values of more than 15 significant digits, kept exact (the row-fed collector only) */
  exact?: { medianBucket: Decimal[]; outlierCandidates: { file: number; line: number; quantity: Decimal }[] };
}

export function newSeries(key: string, fuel: Fuel, dimension: Dimension, file: number, line: number): Series {
  return {
    key,
    fuel,
    dimension,
    years: new Set(),
    rows: 0,
    zeros: 0,
    histogram: [],
    firstFile: file,
    firstLine: line,
    inexact: false,
    checked: false,
    medianExponent: 0,
    medianLeading: 0,
    belowMedianBucket: 0,
    medianRank: 0,
    medianBucket: [],
    outlierCandidates: [],
  };
}

/** the series key: sector (code, or label when unknown), fuel, use, dimension */
export function seriesKey(r: Pick<ActivityRecord, 'sector' | 'sectorLabel' | 'fuel' | 'use' | 'dimension'>): string {
  return [r.sector?.code ?? r.sectorLabel, r.fuel.id, r.use, r.dimension].join('\u0000');
}

/**
 * One row of a series, its value given by its exponent and first two significant digits: the
 * first pass counts it, the second places it against the median's bucket.
 */
export function placeInSeries(s: Series, pass: number, zero: boolean, exponent: number, leading: number, value: () => number, file: number, line: number): void {
  if (pass === 1) {
    s.rows++;
    if (zero) s.zeros++;
    else {
      const slot = exponent + EXPONENT_OFFSET;
      if (slot < 0 || slot >= 2 * EXPONENT_OFFSET) {
        s.inexact = true;
        return;
      }
      (s.histogram[slot] ??= new Int32Array(90))[leading - 10]!++;
    }
    return;
  }
  if (!s.checked || zero) return;
  if (exponent === s.medianExponent && leading === s.medianLeading) s.medianBucket.push(value());
  if (farFromMedian(s, exponent, leading)) s.outlierCandidates.push(file, line, value());
}

/** Two buckets or more from the median's: a value that may be 100 times it, or a hundredth. */
export function farFromMedian(s: Series, exponent: number, leading: number): boolean {
  const e = s.medianExponent;
  const l = s.medianLeading;
  return exponent > e + 2 || (exponent === e + 2 && leading >= l) || exponent < e - 2 || (exponent === e - 2 && leading <= l);
}

/**
 * After the first pass: the median's bucket of each series over three years or more (the median
 * over all years is robust to the one year that is off). True when any series is to be checked.
 */
export function findMedianBuckets(series: Iterable<Series>): boolean {
  let any = false;
  for (const s of series) {
    if (s.years.size < 3) continue;
    s.medianRank = Math.floor((s.rows - 1) / 2);
    let below = s.zeros;
    if (s.medianRank < below) continue; // the median is 0: no warnings
    found: for (let slot = 0; slot < s.histogram.length; slot++) {
      const h = s.histogram[slot];
      if (!h) continue;
      for (let j = 0; j < 90; j++) {
        if (below + h[j]! > s.medianRank) {
          s.checked = true;
          s.medianExponent = slot - EXPONENT_OFFSET;
          s.medianLeading = j + 10;
          s.belowMedianBucket = below;
          break found;
        }
        below += h[j]!;
      }
    }
    any ||= s.checked;
  }
  return any;
}

/** What the three checks gather over a read, whichever reader feeds them. */
export interface QualityState {
  series: Map<string, Series>;
  /** file, line, year of rows of power plants that list electricity as energy */
  powerRows: number[];
  /** exact duplicate keys → file, line pairs (the keys whose rows may repeat) */
  occurrences: Map<string, number[]>;
}

/**
 * DUPLICATE_ROW (as many as the limit, then a summary), SCALE_OUTLIER, POWER_SECTOR_ELECTRICITY,
 * in file and line order within each. `records` (one a row, or sums by key) say which years have
 * electricity generation entered as output.
 */
export function qualityWarnings(state: QualityState, paths: readonly string[], records: readonly Pick<ActivityRecord, 'year' | 'fuel' | 'use'>[], limits: ListLimits = UNLIMITED): Diagnostic[] {
  const out: Diagnostic[] = [];
  duplicates(state.occurrences, paths, limits, out);
  // scale outliers, series in order of their first row
  const series = [...state.series.values()].filter((s) => s.checked).sort((x, y) => x.firstFile - y.firstFile || x.firstLine - y.firstLine);
  for (const s of series) {
    const typical = medianOf(s);
    if (typical.isZero()) continue;
    for (const c of candidatesOf(s)) {
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
            { file: paths[c.file], line: c.line },
          ),
        );
      }
    }
  }
  // Plants' own use (厂用电) listed with no output row: the own use came from fuel already
  // counted, so it is counted twice. With gross generation entered as output it balances.
  const outputYears = new Set(records.filter(isElectricityOutput).map((r) => r.year));
  const power = state.powerRows;
  for (const i of byPlace(power, 3)) {
    if (!outputYears.has(power[i + 2]!)) out.push(warning('POWER_SECTOR_ELECTRICITY', {}, { file: paths[power[i]!], line: power[i + 1]! }));
  }
  return out;
}

/** offsets of the (file, line, …) tuples of a flat list, in file and line order */
function byPlace(list: readonly number[], width: number): number[] {
  const idx = Array.from({ length: list.length / width }, (_, i) => i * width);
  return idx.sort((x, y) => list[x]! - list[y]! || list[x + 1]! - list[y + 1]!);
}

/** the series' median: the k-th smallest value, found among its bucket's */
function medianOf(s: Series): Decimal {
  const at = s.medianRank - s.belowMedianBucket;
  let t: Decimal | undefined;
  if (!s.exact || s.exact.medianBucket.length === 0) {
    const v = Float64Array.from(s.medianBucket).sort()[at];
    if (v !== undefined) t = new Decimal(v.toPrecision(15));
  } else {
    const all = [...s.medianBucket.map((v) => new Decimal(v.toPrecision(15))), ...s.exact.medianBucket].sort((x, y) => x.comparedTo(y));
    t = all[at];
  }
  if (t === undefined) throw new Error('quality: the median is not where the counts put it');
  return t;
}

/** the series' outlier candidates, exact, in file and line order */
function candidatesOf(s: Series): { file: number; line: number; quantity: Decimal }[] {
  const list = s.outlierCandidates;
  const out = byPlace(list, 3).map((i) => ({ file: list[i]!, line: list[i + 1]!, quantity: new Decimal(list[i + 2]!.toPrecision(15)) }));
  if (!s.exact || s.exact.outlierCandidates.length === 0) return out;
  return [...out, ...s.exact.outlierCandidates].sort((x, y) => x.file - y.file || x.line - y.line);
}

/**
 * DUPLICATE_ROW: every occurrence after the first of an exact key, in file and line order. A file
 * whose keys all repeat has a million of them: the lists (each in order) are merged only as far as
 * the limit and the few locations its summary names; the rest are counted, never made.
 */
function duplicates(occurrences: Map<string, number[]>, paths: readonly string[], limits: ListLimits, out: Diagnostic[]): void {
  const lists: number[][] = [];
  let total = 0;
  for (const list of occurrences.values()) {
    if (list.length < 4) continue;
    lists.push(inOrder(list));
    total += list.length / 2 - 1;
  }
  if (total === 0) return;
  // a heap of (list, next pair) by the next pair's file and line
  const next = new Int32Array(lists.length).fill(2);
  const before = (a: number, b: number) => {
    const x = lists[a]!, y = lists[b]!;
    const i = next[a]!, j = next[b]!;
    return x[i]! - y[j]! || x[i + 1]! - y[j + 1]!;
  };
  const heap = Array.from(lists.keys());
  const down = (k: number) => {
    for (;;) {
      const l = 2 * k + 1;
      if (l >= heap.length) return;
      const c = l + 1 < heap.length && before(heap[l + 1]!, heap[l]!) < 0 ? l + 1 : l;
      if (before(heap[c]!, heap[k]!) >= 0) return;
      [heap[c], heap[k]] = [heap[k]!, heap[c]!];
      k = c;
    }
  };
  for (let k = (heap.length >> 1) - 1; k >= 0; k--) down(k);
  const make = total > limits.warning ? limits.warning + LOCATIONS_NAMED_IN_SUMMARY : total;
  const made: Diagnostic[] = [];
  while (made.length < make && heap.length > 0) {
    const a = heap[0]!;
    const list = lists[a]!;
    const i = next[a]!;
    made.push(warning('DUPLICATE_ROW', { other: list[1]!, otherFile: paths[list[0]!]! }, { file: paths[list[i]!], line: list[i + 1]! }));
    next[a] = i + 2;
    if (i + 2 >= list.length) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    down(0);
  }
  if (total <= limits.warning) {
    appendAll(out, made);
    return;
  }
  appendAll(out, made.slice(0, limits.warning));
  const locations = made.slice(limits.warning);
  out.push(summaryOf({ first: locations[0]!, count: total - limits.warning, locations }, limits));
}

/** (file, line) pairs in order: as read they are, unless chunks were read out of order */
function inOrder(list: number[]): number[] {
  let sorted = true;
  for (let i = 2; i < list.length && sorted; i += 2) sorted = list[i - 2]! < list[i]! || (list[i - 2] === list[i] && list[i - 1]! < list[i + 1]!);
  if (sorted) return list;
  const pairs = Array.from({ length: list.length / 2 }, (_, i) => [list[2 * i]!, list[2 * i + 1]!] as const);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return pairs.flat();
}

/**
 * The checks fed one record at a time (the streaming reader, and calculateLines on records in
 * memory): each row's duplicate key fingerprinted, its quantity counted in its series; a second
 * pass, when endFirstPass asks for it, lists the rows whose fingerprint repeats by exact key and
 * places each quantity against its series' median.
 */
export class QualityCollector implements QualityState {
  private pass: 1 | 2 = 1;
  private readonly fingerprints: FingerprintTable;
  private readonly repeated = new Set<number>();
  readonly series = new Map<string, Series>();
  readonly powerRows: number[] = [];
  readonly occurrences = new Map<string, number[]>();

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
    const key = seriesKey(r);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = newSeries(key, r.fuel, r.dimension, file, r.line)));
    const q = r.quantity;
    const zero = q.isZero();
    const [e, l2] = zero ? [0, 0] : bucketOf(q);
    if (this.pass === 1) {
      this.fingerprints.add(a, b);
      s.years.add(r.year);
      if (isPowerPlantElectricity(r)) this.powerRows.push(file, r.line, r.year);
    } else if (this.repeated.has(b | 1)) {
      const list = this.occurrences.get(dupKey);
      if (list) list.push(file, r.line);
      else this.occurrences.set(dupKey, [file, r.line]);
    }
    if (this.pass === 2 && s.checked && !zero && q.sd() > 15) {
      // beyond a double's exactness: kept as a decimal
      const exact = (s.exact ??= { medianBucket: [], outlierCandidates: [] });
      if (e === s.medianExponent && l2 === s.medianLeading) exact.medianBucket.push(q);
      if (farFromMedian(s, e, l2)) exact.outlierCandidates.push({ file, line: r.line, quantity: q });
      return;
    }
    placeInSeries(s, this.pass, zero, e, l2, () => q.toNumber(), file, r.line);
  }

  /** Ends the first pass; true when the checks need every row once more. */
  endFirstPass(): boolean {
    this.fingerprints.flush();
    this.pass = 2;
    return findMedianBuckets(this.series.values()) || this.repeated.size > 0;
  }

  warnings(records: readonly Pick<ActivityRecord, 'year' | 'fuel' | 'use'>[]): Diagnostic[] {
    return qualityWarnings(this, this.paths, records, this.limits);
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
export function duplicateKey(r: Pick<ActivityRecord, 'year' | 'sector' | 'sectorLabel' | 'fuel' | 'use' | 'extra'>): string {
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
  if (q.e + EXPONENT_OFFSET < 0 || q.e + EXPONENT_OFFSET >= 2 * EXPONENT_OFFSET) throw new Error(`quality: a quantity outside the checked range (${q.toString()})`);
  return [q.e, l2];
}

const HUNDREDTH = new Decimal('0.01');
