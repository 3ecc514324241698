/**
 * The fast path for reading activity files: one streaming pass over the bytes (a second one only
 * when duplicates or the scale check need it), memory flat in the number of rows apart from the
 * duplicate check's fingerprint table (4 bytes a slot), and a result identical to the csv-parse
 * path: the same records (summed by raw key: calculation is linear in quantity), the same
 * diagnostics at the same file:line:column, the same quality warnings.
 *
 * How it stays identical:
 *  - the header and everything before it are read by csv-parse itself (fast-header.ts);
 *  - rows are keyed by their raw (year, sector, fuel, unit, use, grouped-by columns) bytes; each
 *    distinct key is resolved once, and at the end every key is checked against parseActivity
 *    run on its first row (one batched mini-document: header + those rows);
 *  - a row the scanner cannot read exactly (odd quoting, a number it does not take, a short or
 *    long row, a year like 2022年) is parsed alone by parseActivity, with the header above it;
 *  - anything else unusual throws FastFallback and the caller uses the csv-parse path.
 * Quantities are summed exactly in fixed point (integer part + 9 decimals); anything with more
 * digits goes through parseActivity and decimal.js.
 */
import { createHash, type Hash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { Decimal } from '../decimal.js';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Fuel } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import { toHalfWidth } from '../text.js';
import { parseUnit, type Dimension } from '../units.js';
import { parseActivity, type ActivityRecord, type Dictionaries } from './activity.js';
import { parseUse, type Use } from './columns.js';
import type { Encoding } from './decode.js';
import { CR, decoderFor, FastFallback, LF, readLayout, sniff, type Decoder, type FileLayout } from './fast-header.js';
import { blankLine, fmix, Fields, hashBytes, MAX_FIELDS, R_EXTRA, R_KEY, SEED1, SLACK, tokenize } from './fast-scan.js';
import { bytesReader, type ChunkReader } from './fast-source.js';
import { CHUNK_LINE, ParallelAbort, type ChunkFailure, type ChunkJob, type ChunkResult, type FingerprintSink, type GroupData, type OpenAt, type ParallelRunner } from './fast-parallel.js';

export { FastFallback, ParallelAbort };

export interface FastSource {
  path: string;
  size: number | undefined;
  open(): ChunkReader;
  /** a reader from a byte offset: lets several readers share one file */
  openAt?: OpenAt | undefined;
  /** for helpers: what the file they open must match (opaque here) */
  identity?: string | undefined;
}

export interface FastOptions {
  encoding?: Encoding | undefined;
  keepColumns?: readonly string[] | undefined;
  /** bytes read so far and in all (all passes together), at most every chunk */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** chunk size, for tests that split files at every possible place */
  chunkSize?: number | undefined;
  /** helpers for big files (the CLI's helper processes); without it the caller reads every file alone */
  parallel?: ParallelRunner | undefined;
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
  /** files read with helpers */
  parallelFiles?: number;
}

const CHUNK = 1 << 20;
const MAX_LINE = 64 << 20;
const SLOW_BATCH = 2000;
/** odd rows a helper may hand back before the caller reads the file again alone */
const MAX_DEFERRED = 16 << 20;

// ---------------------------------------------------------------------------------------------
// small tables

/**
 * Row fingerprints for the duplicate check: 31 bits stored, the slot from 32 others. A hit is only
 * a candidate, confirmed (or not) on the exact key in a second pass. Fingerprints are queued and
 * inserted a batch at a time in slot order: one random memory access per row would cost more than
 * reading the row. A pair of equal fingerprints is found whatever the order, so this changes
 * nothing. When rows outnumber the estimate a bigger generation is added rather than rehashed.
 */
class FingerprintTable {
  /** power-of-two tables, the slot from the top bits of a (so slot order is a's order) */
  private readonly gens: { slots: Int32Array; shift: number }[] = [];
  private used = 0;
  private readonly qa: Int32Array;
  private readonly qb: Int32Array;
  private queued = 0;
  private readonly order: Int32Array;
  private readonly counts = new Int32Array(FP_BUCKETS + 1);

  constructor(
    estimate: number,
    private readonly onHit: (v: number) => void,
  ) {
    // a small file needs a small batch: allocating 3 MB for 40 rows shows in start-up time
    let batch = 1024;
    while (batch < estimate && batch < FP_BATCH) batch *= 2;
    this.qa = new Int32Array(batch);
    this.qb = new Int32Array(batch);
    this.order = new Int32Array(batch);
    this.addGen(fingerprintBits(estimate));
  }

  private addGen(bits: number): void {
    this.gens.push({ slots: new Int32Array(1 << bits), shift: 32 - bits });
    this.used = 0;
  }

  add(a: number, b: number): void {
    this.qa[this.queued] = a;
    this.qb[this.queued] = b;
    if (++this.queued === this.qa.length) this.flush();
  }

  /** fingerprints another reader found: a, b pairs */
  addPairs(pairs: Int32Array): void {
    for (let i = 0; i + 1 < pairs.length; i += 2) this.add(pairs[i]!, pairs[i + 1]!);
  }

  flush(): void {
    const n = this.queued;
    if (n === 0) return;
    this.queued = 0;
    // counting sort by the top bits of a
    const { qa, qb, order, counts } = this;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(qa[i]! >>> FP_SHIFT) + 1]!++;
    for (let k = 1; k <= FP_BUCKETS; k++) counts[k]! += counts[k - 1]!;
    for (let i = 0; i < n; i++) order[counts[qa[i]! >>> FP_SHIFT]!++] = i;
    const gens = this.gens;
    for (let j = 0; j < n; j++) {
      const last = gens.length - 1;
      const i = order[j]!;
      const a = qa[i]!;
      const v = qb[i]! | 1;
      let hit = false;
      for (let g = 0; g <= last && !hit; g++) {
        const { slots, shift } = gens[g]!;
        const mask = slots.length - 1;
        let k = a >>> shift;
        for (;;) {
          const x = slots[k]!;
          if (x === 0) {
            if (g === last) {
              slots[k] = v;
              if (++this.used * 4 > slots.length * 3) this.addGen(32 - shift + 1);
            }
            break;
          }
          if (x === v) {
            hit = true;
            break;
          }
          k = (k + 1) & mask;
        }
      }
      if (hit) this.onHit(v);
    }
  }
}

/** A chunk reader's fingerprints, passed on in batches of a, b pairs to the table that has them all. */
class FingerprintForwarder {
  private readonly pairs = new Int32Array(2 * FORWARD_BATCH);
  private n = 0;
  constructor(private readonly sink: FingerprintSink) {}

  add(a: number, b: number): void {
    this.pairs[this.n++] = a;
    this.pairs[this.n++] = b;
    if (this.n === this.pairs.length) this.flush();
  }

  flush(): void {
    if (this.n > 0) this.sink(this.pairs.subarray(0, this.n));
    this.n = 0;
  }
}

const FORWARD_BATCH = 1 << 16;

/** table bits for an estimated number of rows (load ≤ 1/1.3) */
export function fingerprintBits(estimate: number): number {
  let bits = 12;
  while (1 << bits < estimate * 1.3 && bits < 30) bits++;
  return bits;
}

const FP_BATCH = 1 << 18;
const FP_SHIFT = 18;
const FP_BUCKETS = 1 << (32 - FP_SHIFT);

// ---------------------------------------------------------------------------------------------
// quantities: exact fixed point from the digits

let qInt = 0; // integer part
let qFrac9 = 0; // fraction × 10^9
let qM = 0; // all digits from the first significant one, as an integer (< 10^15)
let qFd = 0; // digits after the point (qM × 10^-qFd is the value)
let qE = 0; // decimal exponent of the first significant digit
let qL2 = 0; // first two significant digits, 10..99
let qZero = false;

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Reads the plain numbers parseDecimal reads (digits, a point, "1,234.5" groups, spaces around),
 * up to 15 significant digits and 9 decimals. false: let parseActivity read the row.
 */
function parseQuantity(buf: Uint8Array, s: number, e: number): boolean {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
  if (s === e) return false;
  let i = s;
  let intv = 0;
  let m = 0;
  let nM = 0;
  let l2 = 0;
  let nL = 0;
  let digits = 0;
  let group = 0;
  let commas = false;
  for (; i < e; i++) {
    const c = buf[i]!;
    if (c >= 48 && c <= 57) {
      const d = c - 48;
      intv = intv * 10 + d;
      digits++;
      group++;
      if (nM > 0 || d !== 0) {
        m = m * 10 + d;
        nM++;
        if (nL < 2) {
          l2 = l2 * 10 + d;
          nL++;
        }
      }
    } else if (c === 44) {
      if (commas ? group !== 3 : group < 1 || group > 3) return false;
      commas = true;
      group = 0;
    } else break;
  }
  if (commas && group !== 3) return false;
  const intSig = nM;
  let f = 0;
  let fd = 0;
  let zerosAfterPoint = 0;
  if (i < e) {
    if (buf[i] !== 46) return false;
    i++;
    for (; i < e; i++) {
      const c = buf[i]!;
      if (c < 48 || c > 57) return false;
      const d = c - 48;
      f = f * 10 + d;
      fd++;
      if (nM > 0 || d !== 0) {
        m = m * 10 + d;
        nM++;
        if (nL < 2) {
          l2 = l2 * 10 + d;
          nL++;
        }
      } else zerosAfterPoint++;
    }
    if (digits === 0 && fd === 0) return false;
  } else if (digits === 0) return false;
  if (nM > 15 || fd > 9) return false;
  qInt = intv;
  qFrac9 = f * POW10[9 - fd]!;
  qM = m;
  qFd = fd;
  qZero = nM === 0;
  qE = intSig > 0 ? intSig - 1 : -(zerosAfterPoint + 1);
  qL2 = nL === 1 ? l2 * 10 : l2;
  return true;
}

/** m × 10^p as the nearest double (one rounding, so the order of exact values is kept) */
function scaled(m: number, p: number): number {
  return p >= 0 ? m * POW10[p]! : m / POW10[-p]!;
}

// ---------------------------------------------------------------------------------------------
// run-wide state: what the quality checks need across files

const E_OFFSET = 64;

interface Series {
  key: string;
  fuel: Fuel;
  dimension: Dimension;
  years: Set<number>;
  n: number;
  zeros: number;
  hist: (Int32Array | undefined)[];
  firstFile: number;
  firstLine: number;
  /** a value with more than 15 significant digits: the double is not exact */
  inexact: boolean;
  // second pass
  check: boolean;
  bE: number;
  bL: number;
  below: number;
  k: number;
  collect: number[];
  /** file, line, value */
  cands: number[];
}

/** What a group of rows (one raw key) resolves to. */
interface Resolved {
  year: number;
  sector: Sector | undefined;
  sectorLabel: string;
  fuel: Fuel;
  dimension: Dimension;
  use: Use;
  /** grouped-by extra columns */
  extra: Record<string, string>;
  toBase: Decimal;
  /** toBase = 10^pow */
  pow: number;
}

interface Group {
  hash: number;
  /** the raw key: the key columns' bytes, one after another, and their lengths */
  kb: Uint8Array;
  kdv: DataView;
  kl: Int32Array;
  /** the key needs the real parser for every row (a year like 2022年) */
  slowKey: boolean;
  firstLine: number;
  firstBytes: Uint8Array;
  firstQuantity: string;
  /** diagnostics every row of the key gets (no file, no line) */
  template: Diagnostic[];
  /** set when the key is valid */
  resolved: Resolved | undefined;
  /** resolved by parseActivity already, so nothing to verify */
  exact: boolean;
  series: Series | undefined;
  /** the duplicate fingerprint's start: file schema and (year, sector, fuel, use) */
  fpA: number;
  fpB: number;
  power: boolean;
  rows: number;
  sInt: number;
  sFrac: number;
  big: bigint;
}

interface SlowAgg {
  record: ActivityRecord;
  fileIndex: number;
  sum: Decimal;
}

class RunState {
  private readonly seeds = new Map<string, [number, number]>();
  readonly series = new Map<string, Series>();
  private table: FingerprintTable | FingerprintForwarder | undefined;
  readonly candidates = new Set<number>();
  /** file, line, year of rows of power plants that list electricity */
  readonly power: number[] = [];
  readonly slowAggs = new Map<string, SlowAgg>();
  /** exact duplicate keys → file, line pairs (second pass) */
  readonly occurrences = new Map<string, number[]>();
  readonly encoder = new TextEncoder();
  scratch = new Uint8Array(1024);
  pass = 1;
  /** reading chunks of a file (see fast-parallel.ts): a key may first appear in the second pass */
  chunked = false;
  /** pass 2 of a chunk reader: the scale check's median bucket of each series, by key */
  checks: Map<string, [number, number]> | undefined;
  constructor(
    readonly dict: Dictionaries,
    readonly keep: readonly string[],
  ) {}

  /** the fingerprint table, sized on first use from the input size and the first lines' length */
  sizeFingerprints(estimatedRows: number): void {
    this.table ??= new FingerprintTable(estimatedRows, (v) => this.candidates.add(v));
  }
  /** a chunk reader: fingerprints go to the caller's table */
  forwardFingerprints(sink: FingerprintSink): void {
    this.table = new FingerprintForwarder(sink);
  }
  get hasFingerprints(): boolean {
    return this.table !== undefined;
  }
  get fp(): FingerprintTable | FingerprintForwarder {
    return this.table!;
  }
  /** the table itself (only the caller has one) */
  get fingerprintTable(): FingerprintTable {
    if (!(this.table instanceof FingerprintTable)) throw new Error('fast path: no duplicate table here');
    return this.table;
  }

  /** Where a row's duplicate fingerprint starts: the file's extra columns and (year, sector, fuel, use). */
  seed(schema: string, r: { year: number; sector: Sector | undefined; sectorLabel: string; fuel: Fuel; use: Use }): [number, number] {
    const key = `<${schema}\u0001${[r.year, r.sector?.code ?? r.sectorLabel, r.fuel.id, r.use].join('\u0000')}>`;
    let seed = this.seeds.get(key);
    if (!seed) {
      this.hashText(key);
      seed = [this.ha, this.hb];
      this.seeds.set(key, seed);
    }
    return seed;
  }

  addFingerprint(a: number, b: number): void {
    this.fp.add(a, b);
  }

  seriesOf(r: { sector: Sector | undefined; sectorLabel: string; fuel: Fuel; use: Use; dimension: Dimension }, file: number, line: number): Series {
    return this.seriesByKey([r.sector?.code ?? r.sectorLabel, r.fuel.id, r.use, r.dimension].join('\u0000'), r.fuel, r.dimension, file, line);
  }

  seriesByKey(key: string, fuel: Fuel, dimension: Dimension, file: number, line: number): Series {
    let s = this.series.get(key);
    if (!s) {
      s = {
        key,
        fuel,
        dimension,
        years: new Set(),
        n: 0,
        zeros: 0,
        hist: [],
        firstFile: file,
        firstLine: line,
        inexact: false,
        check: false,
        bE: 0,
        bL: 0,
        below: 0,
        k: 0,
        collect: [],
        cands: [],
      };
      const check = this.checks?.get(key);
      if (check) [s.check, s.bE, s.bL] = [true, check[0], check[1]];
      this.series.set(key, s);
    } else if (file < s.firstFile || (file === s.firstFile && line < s.firstLine)) {
      s.firstFile = file;
      s.firstLine = line;
    }
    return s;
  }

  /** one row of a series: the first pass counts it by its leading digits, the second places it */
  place(s: Series, zero: boolean, e: number, l2: number, value: () => number, file: number, line: number): void {
    if (this.pass === 1) {
      s.n++;
      if (zero) s.zeros++;
      else {
        const slot = e + E_OFFSET;
        if (slot < 0 || slot >= 2 * E_OFFSET) {
          s.inexact = true;
          return;
        }
        (s.hist[slot] ??= new Int32Array(90))[l2 - 10]!++;
      }
      return;
    }
    if (!s.check || zero) return;
    if (e === s.bE && l2 === s.bL) s.collect.push(value());
    if (e > s.bE + 2 || (e === s.bE + 2 && l2 >= s.bL) || e < s.bE - 2 || (e === s.bE - 2 && l2 <= s.bL)) {
      s.cands.push(file, line, value());
    }
  }

  /** an exact duplicate key seen in the second pass */
  occurrence(key: string, file: number, line: number): void {
    const list = this.occurrences.get(key);
    if (list) list.push(file, line);
    else this.occurrences.set(key, [file, line]);
  }

  /** canonical hash of an extra cell: the UTF-8 bytes of its trimmed text (into ha, hb) */
  ha = 0;
  hb = 0;
  hashText(text: string): void {
    const trimmed = text.trim();
    if (this.scratch.length < trimmed.length * 3) this.scratch = new Uint8Array(trimmed.length * 3 + 16);
    const { written } = this.encoder.encodeInto(trimmed, this.scratch);
    [this.ha, this.hb] = hashBytes(this.scratch, 0, written);
  }
}

/** The key qualityWarnings compares for DUPLICATE_ROW. */
function exactDupKey(year: number, sector: Sector | undefined, sectorLabel: string, fuel: Fuel, use: Use, extra: Record<string, string>): string {
  return [year, sector?.code ?? sectorLabel, fuel.id, use, JSON.stringify(extra)].join('\u0000');
}

/** JS whitespace outside ASCII (what String.prototype.trim removes) */
function isJsSpace(cp: number): boolean {
  return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

/** the code point of the UTF-8 sequence starting at i (valid UTF-8 assumed) */
function codePointAt(buf: Uint8Array, i: number): number {
  const b0 = buf[i]!;
  if (b0 < 0xe0) return ((b0 & 0x1f) << 6) | (buf[i + 1]! & 0x3f);
  if (b0 < 0xf0) return ((b0 & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f);
  return 0x10000; // 4-byte sequences are never JS whitespace
}

// ---------------------------------------------------------------------------------------------
// one file

const MIX = 0x9e3779b1;

class FileScan {
  readonly groups: Group[] = [];
  private mask = 1023;
  private slots = new Int32Array(1024);
  readonly decoder: Decoder;
  readonly diagnostics: Diagnostic[] = [];
  readonly roles = new Uint8Array(MAX_FIELDS);
  readonly headerLength: number;
  readonly quantityCol: number;
  /** year, sector, fuel, unit, use (when there is such a column), grouped-by columns present */
  readonly keyCols: Int32Array;
  /** position in keyCols of each role, -1 when absent */
  readonly keyAt: { use: number; kept: number[] };
  readonly extraCols: number[];
  readonly extraNames: string[];
  readonly gbk: boolean;
  rows = 0;
  records = 0;
  slowSeen = false;
  private pending: { line: number; bytes: Uint8Array }[] = [];
  private pendingBytes = 0;
  /** added to the line numbers row() gets (a chunk's first line number) */
  lineBase = 0;
  /** keys merged from other readers, not yet resolved */
  private merged: Group[] = [];
  /** a chunk reader's rows the caller will parse */
  deferred: [number, Uint8Array][] | undefined;
  private deferredBytes = 0;

  constructor(
    readonly index: number,
    readonly path: string,
    readonly layout: FileLayout,
    readonly run: RunState,
  ) {
    this.decoder = decoderFor(layout.encoding);
    this.gbk = layout.encoding === 'gbk';
    const ix = layout.index;
    this.headerLength = layout.headerLength;
    this.quantityCol = ix.quantity!;
    const keyCols = [ix.year!, ix.sector!, ix.fuel!, ix.unit!];
    const use = ix.use === undefined ? -1 : keyCols.push(ix.use) - 1;
    const kept = run.keep.map((name) => {
      const column = layout.extras.find((e) => e.name === name)?.column;
      return column === undefined ? -1 : keyCols.push(column) - 1;
    });
    this.keyCols = Int32Array.from(keyCols);
    this.keyAt = { use, kept };
    this.extraCols = layout.extras.map((e) => e.column);
    this.extraNames = layout.extras.map((e) => e.name);
    for (const c of keyCols) this.roles[c] = R_KEY;
    for (const c of this.extraCols) this.roles[c] = R_EXTRA;
  }

  /** Processes one tokenised line (not a comment). */
  /**
   * Processes one tokenised line (not a comment). `line` counts from `lineBase`: a chunk's lines
   * are numbered from chunk × 2^32, too big to pass around in the hot loop (V8 boxes such numbers).
   */
  row(buf: Uint8Array, dv: DataView, f: Fields, line: number): void {
    if (f.slow) return this.slow(buf, f, line);
    const hl = this.headerLength;
    if (f.count !== hl) {
      if (f.count < hl) return this.slowOrBlank(buf, f, line);
      // trailing empty cells (Excel's ",,,"): no warning, nothing to read
      for (let k = hl; k < f.count; k++) {
        for (let i = f.start[k]!; i < f.end[k]!; i++) {
          const c = buf[i]!;
          if (!(c === 32 || c === 9 || c === 11 || c === 12)) return this.slow(buf, f, line);
        }
      }
    }
    const qc = this.quantityCol;
    if (!parseQuantity(buf, f.start[qc]!, f.end[qc]!)) return this.slowOrBlank(buf, f, line);

    // the group of this raw key
    const kc = this.keyCols;
    let kh = SEED1;
    for (let k = 0; k < kc.length; k++) kh = Math.imul(kh ^ f.h1[kc[k]!]!, MIX) ^ (kh >>> 15);
    kh = fmix(kh);
    const groups = this.groups;
    const slots = this.slots;
    let i = kh & this.mask;
    let g: Group | undefined;
    for (;;) {
      const x = slots[i]!;
      if (x === 0) {
        g = this.newGroup(buf, f, this.lineBase + line, kh, i);
        break;
      }
      const cand = groups[x - 1]!;
      if (cand.hash === kh && sameKey(buf, dv, f, kc, cand)) {
        g = cand;
        break;
      }
      i = (i + 1) & this.mask;
    }
    if (g.slowKey) return this.slow(buf, f, line);
    const run = this.run;
    const pass1 = run.pass === 1;
    if (pass1) {
      this.rows++;
      if (g.template.length > 0) for (const d of g.template) this.diagnostics.push(located(d, this.path, this.lineBase + line));
    }
    const r = g.resolved;
    if (!r) return;
    if (pass1) {
      this.records++;
      g.rows++;
      let sInt = g.sInt + qInt;
      let sFrac = g.sFrac + qFrac9;
      if (sFrac >= 1e9) {
        sFrac -= 1e9;
        sInt += 1;
      }
      if (sInt >= 4503599627370496) {
        g.big += BigInt(sInt);
        sInt = 0;
      }
      g.sInt = sInt;
      g.sFrac = sFrac;
      if (g.power) run.power.push(this.index, this.lineBase + line, r.year);
    }
    // the scale check: count by leading digits first, then place against the median's bucket
    const s = g.series!;
    if (pass1) {
      s.n++;
      if (qZero) s.zeros++;
      else {
        const slot = qE + r.pow + E_OFFSET;
        (s.hist[slot] ??= new Int32Array(90))[qL2 - 10]!++;
      }
    } else if (s.check && !qZero) {
      const e = qE + r.pow;
      if (e === s.bE && qL2 === s.bL) s.collect.push(scaled(qM, r.pow - qFd));
      if (e > s.bE + 2 || (e === s.bE + 2 && qL2 >= s.bL) || e < s.bE - 2 || (e === s.bE - 2 && qL2 <= s.bL)) {
        s.cands.push(this.index, this.lineBase + line, scaled(qM, r.pow - qFd));
      }
    }
    // the duplicate check: (year, sector, fuel, use) and every extra cell, trimmed
    let a = g.fpA;
    let b = g.fpB;
    const ec = this.extraCols;
    for (let k = 0; k < ec.length; k++) {
      const c = ec[k]!;
      let h1 = f.h1[c]!;
      let h2 = f.h2[c]!;
      const s0 = f.start[c]!;
      const e0 = f.end[c]!;
      if (s0 < e0 && (buf[s0]! <= 0x20 || buf[e0 - 1]! <= 0x20 || (f.or[c]! & 0x80808080 && (this.gbk || edgeSpace(buf, s0, e0))))) {
        run.hashText(this.decoder.decode(buf.subarray(s0, e0)));
        h1 = run.ha;
        h2 = run.hb;
      }
      a = Math.imul(a ^ h1, 0x01000193) ^ (a >>> 13);
      b = Math.imul(b ^ h2, 0x5bd1e995) ^ (b >>> 11);
    }
    a = fmix(a);
    b = fmix(b ^ a);
    if (pass1) run.addFingerprint(a, b);
    else if (run.candidates.has(b | 1)) {
      run.occurrence(exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, this.extraOf(buf, f)), this.index, this.lineBase + line);
    }
  }

  private extraOf(buf: Uint8Array, f: Fields): Record<string, string> {
    const extra: Record<string, string> = {};
    for (let k = 0; k < this.extraCols.length; k++) {
      const c = this.extraCols[k]!;
      extra[this.extraNames[k]!] = this.decoder.decode(buf.subarray(f.start[c]!, f.end[c]!)).trim();
    }
    return extra;
  }

  private slowOrBlank(buf: Uint8Array, f: Fields, line: number): void {
    if (!blankLine(buf, f)) this.slow(buf, f, line);
  }

  /** A key seen for the first time: resolve it like parseRow would, or ask parseRow. */
  private newGroup(buf: Uint8Array, f: Fields, line: number, hash: number, slot: number): Group {
    if (this.run.pass === 2 && !this.run.chunked) throw new Error('fast path: a key appeared only in the second pass');
    const kc = this.keyCols;
    const kl = new Int32Array(kc.length);
    let total = 0;
    for (let k = 0; k < kc.length; k++) total += kl[k] = f.end[kc[k]!]! - f.start[kc[k]!]!;
    const kb = new Uint8Array(total);
    for (let k = 0, o = 0; k < kc.length; k++) {
      kb.set(buf.subarray(f.start[kc[k]!]!, f.end[kc[k]!]!), o);
      o += kl[k]!;
    }
    const group = this.addGroup(hash, kb, kl, line, buf.slice(f.lineStart, f.lineEnd), `${qInt}.${String(qFrac9).padStart(9, '0')}`, slot);
    this.resolve(group);
    return group;
  }

  private addGroup(hash: number, kb: Uint8Array, kl: Int32Array, line: number, firstBytes: Uint8Array, firstQuantity: string, slot: number): Group {
    const group: Group = {
      hash,
      kb,
      kdv: new DataView(kb.buffer, kb.byteOffset, kb.byteLength),
      kl,
      slowKey: false,
      firstLine: line,
      firstBytes,
      firstQuantity,
      template: [],
      resolved: undefined,
      exact: false,
      series: undefined,
      fpA: 0,
      fpB: 0,
      power: false,
      rows: 0,
      sInt: 0,
      sFrac: 0,
      big: 0n,
    };
    this.groups.push(group);
    this.slots[slot] = this.groups.length;
    if (this.groups.length * 2 > this.mask) this.grow();
    return group;
  }

  /** What a new key means: resolved like parseRow would, or by parseRow on the key's first row. */
  private resolve(group: Group): void {
    const texts: string[] = [];
    for (let k = 0, o = 0; k < group.kl.length; k++) {
      texts.push(this.decoder.decode(group.kb.subarray(o, o + group.kl[k]!)));
      o += group.kl[k]!;
    }
    // the year as parseRow takes it; anything but four ASCII digits 1900–2099 is read row by row
    const yearText = texts[0]!;
    const year = /^(19|20)\d\d$/.test(yearText) ? Number(yearText) : NaN;
    if (Number.isNaN(year)) {
      group.slowKey = true;
      return;
    }
    const dict = this.run.dict;
    const at = (k: number) => (k < 0 ? '' : texts[k]!);
    const sectorLabel = toHalfWidth(texts[1]!).trim();
    const fuelRaw = toHalfWidth(texts[2]!).trim();
    const unitRaw = toHalfWidth(texts[3]!).trim();
    const useRaw = toHalfWidth(at(this.keyAt.use)).trim();
    const sector = sectorLabel === '' ? undefined : dict.sectors.find(sectorLabel);
    const fuel = fuelRaw === '' ? undefined : dict.fuels.find(fuelRaw);
    const unit = parseUnit(unitRaw);
    const use = parseUse(useRaw);
    const dimension = fuel && unit ? unitFitsFuel(fuel, unit.dimension) : undefined;
    const useFits = !fuel || !use || use === 'energy' || (use === 'output' ? fuel.kind !== 'fossil' : fuel.kind === 'fossil');
    let resolved: Resolved | undefined;
    if (sector && fuel && unit && use && dimension && useFits) {
      const extra: Record<string, string> = {};
      this.run.keep.forEach((name, k) => {
        const at2 = this.keyAt.kept[k]!;
        if (at2 >= 0) extra[name] = texts[at2]!.trim();
      });
      resolved = { year, sector, sectorLabel, fuel, dimension, use, extra, toBase: unit.toBase, pow: powerOfTen(unit.toBase) };
    } else {
      // an unknown sector, a bad unit, …: parseActivity on this row gives the exact diagnostics
      const parsed = this.parseAlone([{ line: group.firstLine, bytes: group.firstBytes }]);
      group.exact = true;
      group.template = parsed.diagnostics.map((d) => {
        const t: Diagnostic = { severity: d.severity, code: d.code, params: d.params };
        if (d.column !== undefined) t.column = d.column;
        return t;
      });
      const record = parsed.records[0];
      if (record) {
        const extra: Record<string, string> = {};
        for (const name of this.run.keep) if (Object.prototype.hasOwnProperty.call(record.extra, name)) extra[name] = record.extra[name]!;
        resolved = { ...record, extra, toBase: unit!.toBase, pow: powerOfTen(unit!.toBase) };
      }
    }
    if (resolved) {
      group.resolved = resolved;
      group.series = this.run.seriesOf(resolved, this.index, group.firstLine);
      group.series.years.add(resolved.year);
      [group.fpA, group.fpB] = this.run.seed(this.layout.schema, resolved);
      group.power = Boolean(resolved.sector?.energyIndustry) && resolved.fuel.kind === 'electricity' && resolved.use === 'energy';
    }
  }

  /** Adds another reader's group (its first line numbered from the file's start); new keys wait for resolveMerged. */
  mergeGroup(m: GroupData, firstLine: number): void {
    let i = m.hash & this.mask;
    let g: Group;
    for (;;) {
      const x = this.slots[i]!;
      if (x === 0) {
        g = this.addGroup(m.hash, m.kb, m.kl, firstLine, m.firstBytes, m.firstQuantity, i);
        this.merged.push(g);
        break;
      }
      g = this.groups[x - 1]!;
      if (g.hash === m.hash && sameBytes(g.kb, m.kb) && sameBytes(g.kl, m.kl)) {
        if (firstLine < g.firstLine) {
          g.firstLine = firstLine;
          g.firstBytes = m.firstBytes;
          g.firstQuantity = m.firstQuantity;
        }
        break;
      }
      i = (i + 1) & this.mask;
    }
    g.rows += m.rows;
    let sInt = g.sInt + m.sInt;
    let sFrac = g.sFrac + m.sFrac;
    if (sFrac >= 1e9) {
      sFrac -= 1e9;
      sInt += 1;
    }
    g.big += m.big;
    if (sInt >= 4503599627370496) {
      g.big += BigInt(sInt);
      sInt = 0;
    }
    g.sInt = sInt;
    g.sFrac = sFrac;
  }

  /** Resolves the merged keys, once every reader's first line is in. */
  resolveMerged(): void {
    for (const g of this.merged) this.resolve(g);
    this.merged = [];
  }

  private grow(): void {
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(this.mask + 1);
    this.groups.forEach((g, id) => {
      let i = g.hash & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = id + 1;
    });
  }

  /** parseActivity on the header and these lines; lines and files put back. */
  parseAlone(rows: { line: number; bytes: Uint8Array }[]): { records: ActivityRecord[]; diagnostics: Diagnostic[]; rows: number } {
    const text = this.layout.headerText + '\n' + rows.map((r) => this.decoder.decode(r.bytes)).join('\n') + '\n';
    const parsed = parseActivity(text, this.path, this.run.dict);
    const lineOf = (l: number | undefined) => {
      const row = l === undefined ? undefined : rows[l - 2];
      if (!row) throw new FastFallback('a row parsed alone came back on another line');
      return row.line;
    };
    if (parsed.rows === 0) return { records: [], diagnostics: [], rows: 0 };
    for (const d of parsed.diagnostics) {
      if (d.code === 'CSV_MALFORMED') throw new FastFallback('a row does not parse alone');
      d.line = lineOf(d.line);
    }
    for (const r of parsed.records) r.line = lineOf(r.line);
    return parsed;
  }

  private slow(buf: Uint8Array, f: Fields, rel: number): void {
    const line = this.lineBase + rel;
    this.slowSeen = true;
    const bytes = buf.slice(f.lineStart, f.lineEnd);
    if (this.deferred) {
      // a chunk reader: the caller parses these (records hold objects that do not cross processes)
      this.deferred.push([line, bytes]);
      this.deferredBytes += bytes.length;
      if (this.deferredBytes > MAX_DEFERRED) throw new ParallelAbort('many rows need the real parser');
      return;
    }
    this.slowLine(line, bytes);
  }

  /** A row for parseActivity (flushed in batches). */
  slowLine(line: number, bytes: Uint8Array): void {
    this.slowSeen = true;
    this.pending.push({ line, bytes });
    this.pendingBytes += bytes.length;
    if (this.pending.length >= SLOW_BATCH || this.pendingBytes > 1 << 20) this.flush();
  }

  /** Rows parsed alone, in batches: their records go into the sums, their diagnostics into the list. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const parsed = this.parseAlone(batch);
    const run = this.run;
    if (run.pass === 1) {
      this.rows += parsed.rows;
      this.records += parsed.records.length;
      this.diagnostics.push(...parsed.diagnostics);
    }
    for (const r of parsed.records) {
      const s = run.seriesOf(r, this.index, r.line);
      if (run.pass === 1) {
        const keep = run.keep;
        const key = [r.year, r.sector ? r.sector.code : `label:${r.sectorLabel}`, r.fuel.id, r.dimension, r.use, ...keep.map((c) => r.extra[c] ?? '')].join('\u0000') + `\u0000${this.index}`;
        const agg = run.slowAggs.get(key);
        if (agg) agg.sum = agg.sum.plus(r.quantity);
        else {
          const extra: Record<string, string> = {};
          for (const name of keep) if (Object.prototype.hasOwnProperty.call(r.extra, name)) extra[name] = r.extra[name]!;
          run.slowAggs.set(key, { record: { ...r, extra }, fileIndex: this.index, sum: r.quantity });
        }
        s.years.add(r.year);
        if (r.sector?.energyIndustry && r.fuel.kind === 'electricity' && r.use === 'energy') run.power.push(this.index, r.line, r.year);
      }
      const q = r.quantity;
      const zero = q.isZero();
      if (!zero && q.sd() > 15) s.inexact = true;
      const e = zero ? 0 : q.e;
      const l2 = zero ? 0 : Number(q.toSignificantDigits(2, Decimal.ROUND_DOWN).times(new Decimal(10).pow(1 - e)).toFixed(0));
      run.place(s, zero, e, l2, () => Number(q.toString()), this.index, r.line);
      let [a, b] = run.seed(this.layout.schema, r);
      for (const name of this.extraNames) {
        run.hashText(r.extra[name] ?? '');
        a = Math.imul(a ^ run.ha, 0x01000193) ^ (a >>> 13);
        b = Math.imul(b ^ run.hb, 0x5bd1e995) ^ (b >>> 11);
      }
      a = fmix(a);
      b = fmix(b ^ a);
      if (run.pass === 1) run.addFingerprint(a, b);
      else if (run.candidates.has(b | 1)) {
        run.occurrence(exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, r.extra), this.index, r.line);
      }
    }
  }

  /** Checks every key this file resolved itself against parseActivity on the key's first row. */
  verify(): void {
    const todo = this.groups.filter((g) => !g.exact && g.resolved && g.rows > 0);
    for (let i = 0; i < todo.length; i += SLOW_BATCH) {
      const part = todo.slice(i, i + SLOW_BATCH);
      const parsed = this.parseAlone(part.map((g) => ({ line: g.firstLine, bytes: g.firstBytes })));
      if (parsed.diagnostics.length > 0 || parsed.records.length !== part.length) throw new FastFallback('a key resolves differently');
      parsed.records.forEach((rec, j) => {
        const g = part[j]!;
        const r = g.resolved!;
        const same =
          rec.line === g.firstLine &&
          rec.year === r.year &&
          rec.sector === r.sector &&
          rec.sectorLabel === r.sectorLabel &&
          rec.fuel === r.fuel &&
          rec.dimension === r.dimension &&
          rec.use === r.use &&
          rec.quantity.equals(new Decimal(g.firstQuantity).times(r.toBase)) &&
          Object.keys(r.extra).every((k) => rec.extra[k] === r.extra[k]);
        if (!same) throw new FastFallback('a key resolves differently');
      });
    }
  }

  /** The summed records of this file's keys. */
  groupRecords(): ActivityRecord[] {
    const out: ActivityRecord[] = [];
    for (const g of this.groups) {
      const r = g.resolved;
      if (!r || g.rows === 0) continue;
      const whole = g.big + BigInt(g.sInt);
      const sum = new Decimal(`${whole}.${String(g.sFrac).padStart(9, '0')}`);
      out.push({
        file: this.path,
        line: g.firstLine,
        year: r.year,
        sectorLabel: r.sectorLabel,
        sector: r.sector,
        fuel: r.fuel,
        quantity: sum.times(r.toBase),
        dimension: r.dimension,
        use: r.use,
        extra: r.extra,
      });
    }
    return out;
  }
}

/** the row's key bytes are the group's (four bytes at a time: DataView reads are cheap) */
function sameKey(buf: Uint8Array, dv: DataView, f: Fields, kc: Int32Array, g: Group): boolean {
  const kb = g.kb;
  const kdv = g.kdv;
  const kl = g.kl;
  let o = 0;
  for (let k = 0; k < kc.length; k++) {
    const c = kc[k]!;
    const s = f.start[c]!;
    const len = f.end[c]! - s;
    if (len !== kl[k]) return false;
    let i = 0;
    for (; i + 4 <= len; i += 4) if (dv.getInt32(s + i) !== kdv.getInt32(o + i)) return false;
    for (; i < len; i++) if (buf[s + i] !== kb[o + i]) return false;
    o += len;
  }
  return true;
}

function sameBytes(a: Uint8Array | Int32Array, b: Uint8Array | Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function edgeSpace(buf: Uint8Array, s: number, e: number): boolean {
  if (buf[s]! >= 0x80 && isJsSpace(codePointAt(buf, s))) return true;
  let i = e - 1;
  while (i > s && (buf[i]! & 0xc0) === 0x80) i--;
  return buf[i]! >= 0x80 && isJsSpace(codePointAt(buf, i));
}


function located(t: Diagnostic, file: string, line: number): Diagnostic {
  const d: Diagnostic = { severity: t.severity, code: t.code, params: t.params };
  d.file = file;
  d.line = line;
  if (t.column !== undefined) d.column = t.column;
  return d;
}

function unitFitsFuel(fuel: Fuel, unitDimension: Dimension): Dimension | undefined {
  if (unitDimension === fuel.dimension || unitDimension === 'standard-coal') return unitDimension;
  if (unitDimension === 'heat' && fuel.kind === 'fossil') return 'heat';
  return undefined;
}

function powerOfTen(d: Decimal): number {
  const p = Math.round(Math.log10(d.toNumber()));
  if (!new Decimal(10).pow(p).equals(d)) throw new FastFallback('a unit that is not a power of ten');
  return p;
}

// ---------------------------------------------------------------------------------------------
// reading

class Restart extends Error {
  constructor(readonly file: number) {
    super('restart as GBK');
  }
}

interface Pass {
  sources: readonly FastSource[];
  run: RunState;
  layouts: FileLayout[];
  scans: FileScan[];
  hashes: string[];
  gbk: Set<number>;
  options: FastOptions;
  done: number;
  total: number;
  /** set when some file is big enough to be read with helpers */
  parallel: ParallelRunner | undefined;
  parallelFiles: Set<number>;
}

function scanFile(p: Pass, index: number): void {
  const source = p.sources[index]!;
  const run = p.run;
  const helpers = p.parallel && source.openAt && (source.size ?? 0) >= p.parallel.minBytes ? p.parallel : undefined;
  if (helpers && p.layouts[index]) return scanFileInChunks(p, index, helpers);
  const reader = source.open();
  let open = true;
  try {
    // a small file needs a small buffer (allocation shows in start-up time)
    const first = p.options.chunkSize ?? (source.size !== undefined ? Math.min(CHUNK, source.size + 16) : CHUNK);
    const body = new BodyReader(reader, first, run.pass === 1 && !helpers, (n) => {
      p.done += n;
      p.options.onProgress?.(p.done, p.total);
    });
    let layout = p.layouts[index];
    if (!layout) {
      const sniffed = sniff(body.buf.subarray(0, body.len), body.eof, p.options.encoding, p.gbk.has(index));
      layout = readLayout(body.buf.subarray(0, body.len), body.eof, sniffed, run.keep);
      p.layouts[index] = layout;
      p.scans[index] = new FileScan(index, source.path, layout, run);
    }
    const scan = p.scans[index]!;
    if (run.pass === 1 && !run.hasFingerprints) {
      // size the fingerprint table from the bytes per line of the first 64 kB
      let lines = 0;
      const end = Math.min(body.len, layout.bodyStart + 65536);
      for (let i = body.buf.indexOf(LF, layout.bodyStart); i >= 0 && i < end; i = body.buf.indexOf(LF, i + 1)) lines++;
      const perLine = lines > 0 ? (end - layout.bodyStart) / lines : 64;
      const rest = p.sources.slice(index).reduce((a, s) => a + (s.size ?? body.len), 0);
      run.sizeFingerprints(rest / Math.max(8, perLine));
    }
    const validator = run.pass === 1 ? makeValidator(layout.encoding, index, p.options.encoding) : undefined;
    if (helpers) {
      // the header's bytes are checked here; the body's by the chunk readers
      validator?.(body.buf.subarray(layout.bomLength, layout.bodyStart), true);
      open = false;
      reader.close();
      return scanFileInChunks(p, index, helpers);
    }
    body.scan(scan, layout.bodyStart, layout.bomLength, layout.bodyLine, validator);
    scan.flush();
    if (run.pass === 1) p.hashes[index] = body.digest();
  } finally {
    if (open) reader.close();
  }
}

// ---------------------------------------------------------------------------------------------
// one file on several threads (see fast-parallel.ts)

/** Reads a big file's body in chunks with the runner's helpers, then merges what they found. */
function scanFileInChunks(p: Pass, index: number, helpers: ParallelRunner): void {
  const source = p.sources[index]!;
  const layout = p.layouts[index]!;
  const run = p.run;
  const size = source.size!;
  const starts: number[] = [];
  for (let at = layout.bodyStart; at < size || starts.length === 0; at += helpers.chunkBytes) starts.push(at);
  const job: ChunkJob = {
    fileIndex: index,
    path: source.path,
    identity: source.identity,
    layout,
    keep: run.keep,
    pass: run.pass === 1 ? 1 : 2,
    starts,
    requested: p.options.encoding,
  };
  if (run.pass === 2) {
    job.candidates = [...run.candidates];
    job.checks = [...run.series.values()].filter((s) => s.check).map((s) => [s.key, s.bE, s.bL]);
  }
  const done = p.done;
  // progress: the chunks every reader has taken (the helpers' reads are not seen here), else this reader's bytes
  let read = 0;
  const report = (n: number) => {
    read += n;
    const taken = running.taken?.();
    const bytes = taken === undefined ? read : Math.min(size, layout.bodyStart + taken * helpers.chunkBytes) - layout.bodyStart;
    p.options.onProgress?.(Math.min(p.total, done + bytes), p.total);
  };
  const table = run.pass === 1 ? run.fingerprintTable : undefined;
  const running = helpers.start(job);
  const results: ChunkResult[] = [];
  try {
    // the caller hashes the whole file while the helpers start, then takes chunks too
    if (run.pass === 1) p.hashes[index] = hashSource(source);
    if (helpers.callerTakesChunks !== false) {
      results.push(runChunks(job, run.dict, source.openAt!, () => running.claim(), (pairs) => table?.addPairs(pairs), report));
    }
  } catch (e) {
    running.cancel();
    try {
      running.wait();
    } catch {
      // the first failure is the one to report
    }
    throw e;
  }
  for (const answer of running.wait()) {
    if ('failed' in answer) throw failureError(answer);
    results.push(answer.result);
    if (table) for (const pairs of answer.fingerprints) table.addPairs(pairs);
  }
  p.done = done + size - layout.bodyStart;
  p.options.onProgress?.(Math.min(p.total, p.done), p.total);
  p.parallelFiles.add(index);
  mergeChunks(p, index, job, results);
}

function hashSource(source: FastSource): string {
  const hash = createHash('sha256');
  const reader = source.open();
  try {
    const buf = new Uint8Array(CHUNK);
    for (let n = reader.read(buf, 0, buf.length); n > 0; n = reader.read(buf, 0, buf.length)) hash.update(buf.subarray(0, n));
  } finally {
    reader.close();
  }
  return hash.digest('hex');
}

/**
 * One reader's part of a job: takes chunks until none is left and scans them with a state of its
 * own; fingerprints go to `sink`, and rows the real parser must read are handed back.
 */
function runChunks(job: ChunkJob, dict: Dictionaries, openAt: OpenAt, claim: () => number, sink: FingerprintSink, onRead: (n: number) => void): ChunkResult {
  const run = new RunState(dict, job.keep);
  run.pass = job.pass;
  run.chunked = true;
  if (job.pass === 1) run.forwardFingerprints(sink);
  else {
    for (const c of job.candidates ?? []) run.candidates.add(c);
    run.checks = new Map((job.checks ?? []).map(([key, e, l]) => [key, [e, l]]));
  }
  const scan = new FileScan(job.fileIndex, job.path, job.layout, run);
  scan.deferred = [];
  const lineCounts: number[] = [];
  const chunks = job.starts.length;
  let buffer: Uint8Array | undefined;
  for (let k = claim(); k >= 0; k = claim()) {
    const start = job.starts[k]!;
    // from one byte before the chunk: its first line starts after the first LF from there
    const from = k === 0 ? start : start - 1;
    const end = k + 1 < chunks ? job.starts[k + 1]! : Infinity;
    const reader = openAt(from);
    try {
      // a buffer the chunk's size (a line longer than that grows it)
      const body = new BodyReader(reader, Math.min(CHUNK, end - from + 4096), false, onRead, end - from, buffer);
      buffer = body.buf;
      const pos = k === 0 ? 0 : body.firstLineStart();
      scan.lineBase = k * CHUNK_LINE;
      const validator = job.pass === 1 ? makeValidator(job.layout.encoding, job.fileIndex, job.requested as Encoding | undefined) : undefined;
      lineCounts.push(k, pos < 0 ? 0 : body.scan(scan, pos, pos, 0, validator));
    } finally {
      reader.close();
    }
  }
  if (job.pass === 1) run.fp.flush();
  return {
    lineCounts,
    groups: scan.groups
      .filter((g) => g.rows > 0)
      .map((g) => ({ hash: g.hash, kb: g.kb, kl: g.kl, firstLine: g.firstLine, firstBytes: g.firstBytes, firstQuantity: g.firstQuantity, rows: g.rows, sInt: g.sInt, sFrac: g.sFrac, big: g.big })),
    series: [...run.series.values()].map((s) => ({
      key: s.key,
      n: s.n,
      zeros: s.zeros,
      hist: s.hist.flatMap((h, slot) => (h ? [[slot, h] as [number, Int32Array]] : [])),
      inexact: s.inexact,
      collect: s.collect,
      cands: s.cands,
    })),
    diagnostics: scan.diagnostics,
    power: run.power,
    occurrences: [...run.occurrences],
    deferred: scan.deferred,
    rows: scan.rows,
    records: scan.records,
  };
}

/** A helper's part of a job, with any failure as a value the caller rethrows. */
export function runChunkJob(job: ChunkJob, dict: Dictionaries, openAt: OpenAt, claim: () => number, sink: FingerprintSink): ChunkResult | ChunkFailure {
  try {
    return runChunks(job, dict, openAt, claim, sink, () => {});
  } catch (e) {
    if (e instanceof Restart) return { failed: true, kind: 'restart', reason: e.message, file: e.file };
    if (e instanceof FastFallback) return { failed: true, kind: 'fallback', reason: e.reason };
    if (e instanceof ParallelAbort) return { failed: true, kind: 'abort', reason: e.reason };
    return { failed: true, kind: 'error', reason: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

function failureError(f: ChunkFailure): Error {
  if (f.kind === 'restart') return new Restart(f.file!);
  if (f.kind === 'fallback') return new FastFallback(f.reason);
  // anything else a helper met (an abort, a file gone, a bug): the caller reads the file alone,
  // which gives the result or says what is wrong
  return new ParallelAbort(`a reading helper failed: ${f.reason}`);
}

/** Puts every reader's findings into the file's scan, with the lines numbered from the file's start. */
function mergeChunks(p: Pass, index: number, job: ChunkJob, results: ChunkResult[]): void {
  const run = p.run;
  const scan = p.scans[index]!;
  const chunks = job.starts.length;
  const base = new Float64Array(chunks).fill(-1);
  for (const r of results) for (let i = 0; i < r.lineCounts.length; i += 2) base[r.lineCounts[i]!] = r.lineCounts[i + 1]!;
  let next = scan.layout.bodyLine;
  for (let k = 0; k < chunks; k++) {
    if (base[k]! < 0) throw new Error(`fast path: chunk ${k} was not read`);
    const count = base[k]!;
    base[k] = next;
    next += count;
  }
  const line = (n: number) => base[Math.floor(n / CHUNK_LINE)]! + (n % CHUNK_LINE);
  scan.slowSeen = true; // diagnostics come in chunk order per reader: sort them
  if (job.pass === 1) {
    for (const r of results) for (const g of r.groups) scan.mergeGroup(g, line(g.firstLine));
    scan.resolveMerged();
    for (const r of results) {
      for (const d of r.series) {
        const s = run.series.get(d.key);
        if (!s) throw new Error('fast path: a series came back unknown');
        s.n += d.n;
        s.zeros += d.zeros;
        s.inexact ||= d.inexact;
        for (const [slot, h] of d.hist) {
          const into = (s.hist[slot] ??= new Int32Array(90));
          for (let j = 0; j < 90; j++) into[j]! += h[j]!;
        }
      }
      for (let i = 0; i < r.power.length; i += 3) run.power.push(r.power[i]!, line(r.power[i + 1]!), r.power[i + 2]!);
      for (const d of r.diagnostics) {
        d.line = line(d.line!);
        scan.diagnostics.push(d);
      }
      scan.rows += r.rows;
      scan.records += r.records;
    }
  } else {
    for (const r of results) {
      for (const [key, list] of r.occurrences) for (let i = 0; i < list.length; i += 2) run.occurrence(key, list[i]!, line(list[i + 1]!));
      for (const d of r.series) {
        const s = run.series.get(d.key);
        if (!s) continue; // a series without a check has nothing to add
        for (const v of d.collect) s.collect.push(v);
        for (let i = 0; i < d.cands.length; i += 3) s.cands.push(d.cands[i]!, line(d.cands[i + 1]!), d.cands[i + 2]!);
      }
    }
  }
  // in file order, as one reader would have met them (the first row of a key names its record)
  const deferred = results.flatMap((r) => r.deferred.map(([l, bytes]) => [line(l), bytes] as const)).sort((x, y) => x[0] - y[0]);
  for (const [l, bytes] of deferred) scan.slowLine(l, bytes);
  scan.flush();
}

/** A file read in chunks into one reused buffer, hashed on the way when asked. */
class BodyReader {
  buf: Uint8Array;
  len = 0;
  eof = false;
  private readonly hash: Hash | undefined;
  /** bytes read so far, and bytes dropped from the buffer's start */
  private total = 0;
  private dropped = 0;

  /**
   * `limit`: no line starting at or after this many bytes from the reader's start is read (a
   * chunk's end); past it the reader only reads on to finish the line it is in.
   */
  constructor(
    private readonly reader: ChunkReader,
    chunk: number,
    hashing: boolean,
    private readonly onRead: (n: number) => void,
    private readonly limit = Infinity,
    reuse?: Uint8Array,
  ) {
    // a chunk reader reads chunk after chunk into one buffer: a new MB each time grew memory by GC lag
    const size = Math.max(chunk, 16) + 1 + SLACK;
    this.buf = reuse && reuse.length >= size ? reuse : new Uint8Array(size);
    this.hash = hashing ? createHash('sha256') : undefined;
    this.fill();
  }

  fill(): void {
    const buf = this.buf;
    const room = buf.length - 1 - SLACK;
    let read = 0;
    while (!this.eof && this.len < room) {
      const past = this.total >= this.limit;
      const want = Math.min(room - this.len, past ? 65536 : this.limit - this.total);
      const n = this.reader.read(buf, this.len, want);
      if (n === 0) this.eof = true;
      else {
        this.hash?.update(buf.subarray(this.len, this.len + n));
        this.len += n;
        this.total += n;
        read += n;
      }
      if (past) break;
    }
    this.onRead(read);
  }

  /** drops buf[0, pos) */
  shift(pos: number): void {
    this.buf.copyWithin(0, pos, this.len);
    this.len -= pos;
    this.dropped += pos;
  }

  /**
   * A chunk's first line: skips past the first LF (the reader starts one byte before the chunk,
   * so a chunk that starts on a line start skips just that LF). -1: no line starts in the chunk.
   */
  firstLineStart(): number {
    for (;;) {
      const i = this.buf.subarray(0, this.len).indexOf(LF);
      if (i >= 0) return this.dropped + i + 1 >= this.limit ? -1 : i + 1;
      if (this.eof) return -1;
      this.shift(this.len);
      if (this.dropped >= this.limit) return -1;
      this.fill();
    }
  }

  digest(): string {
    return this.hash!.digest('hex');
  }

  private grow(): void {
    if (this.buf.length > MAX_LINE) throw new FastFallback('a line longer than 64 MB');
    const bigger = new Uint8Array(this.buf.length * 2);
    bigger.set(this.buf.subarray(0, this.len));
    this.buf = bigger;
  }

  /** Feeds every line from buf offset `pos` to the scan, numbering them from `line`; returns the next line's number. */
  scan(scan: FileScan, pos: number, validated: number, line: number, validator: Validator | undefined): number {
    const fields = new Fields();
    const { delimiter, crlf } = scan.layout;
    const roles = scan.roles;
    let buf = this.buf;
    let dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    for (;;) {
      if (this.dropped + pos >= this.limit) break;
      let lastLf = this.len - 1;
      while (lastLf >= pos && buf[lastLf] !== LF) lastLf--;
      let stop: number;
      if (lastLf >= pos) stop = lastLf + 1;
      else if (this.eof) {
        if (pos >= this.len) break;
        // the last line has no line end: give it one (the buffer keeps spare bytes)
        if (crlf) buf[this.len++] = CR;
        buf[this.len] = LF;
        stop = this.len + 1;
      } else {
        // no line end in what is left: make room, or grow for a very long line
        if (pos === 0) this.grow();
        else {
          this.shift(pos);
          validated = Math.max(0, validated - pos);
          pos = 0;
        }
        this.fill();
        buf = this.buf;
        dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        continue;
      }
      const checkedTo = Math.min(stop, this.len);
      if (validator) validator(buf.subarray(validated, checkedTo), this.eof && checkedTo === this.len);
      validated = checkedTo;
      // lines starting at or past the limit belong to the next chunk
      const last = Math.min(stop, this.limit - this.dropped);
      while (pos < last) {
        pos = tokenize(buf, dv, pos, delimiter, crlf, roles, fields);
        // comments are skipped (blank lines too: row() tells them)
        if (fields.count > 0) scan.row(buf, dv, fields, line);
        line++;
      }
      if (pos < stop || stop > this.len) break;
      this.shift(pos);
      validated = Math.max(0, validated - pos);
      pos = 0;
      if (this.eof && this.len === 0) break;
      this.fill();
      buf = this.buf;
      dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    if (validator) validator(new Uint8Array(0), true);
    return line;
  }
}

type Validator = (bytes: Uint8Array, end: boolean) => void;

/** Checks the encoding as the bytes go by: strict UTF-8 (else restart as GBK), or GB18030. */
function makeValidator(encoding: string, index: number, requested: Encoding | undefined): Validator {
  if (encoding === 'gbk') {
    const decoder = new TextDecoder('gb18030', { fatal: true });
    return (bytes, end) => {
      try {
        decoder.decode(bytes, { stream: !end });
      } catch {
        throw new FastFallback('not GB18030 either');
      }
    };
  }
  let carry = new Uint8Array(0);
  return (bytes, end) => {
    // complete lines are whole UTF-8 sequences; the file's last bytes may not be
    let ok: boolean;
    if (carry.length > 0) {
      const joined = new Uint8Array(carry.length + bytes.length);
      joined.set(carry);
      joined.set(bytes, carry.length);
      bytes = joined;
      carry = new Uint8Array(0);
    }
    if (!end) {
      let cut = bytes.length;
      let back = 0;
      while (cut > 0 && back < 4 && (bytes[cut - 1]! & 0xc0) === 0x80) {
        cut--;
        back++;
      }
      if (cut > 0 && bytes[cut - 1]! >= 0xc0) cut--;
      else cut = bytes.length;
      carry = bytes.slice(cut);
      ok = isUtf8(bytes.subarray(0, cut));
    } else ok = isUtf8(bytes);
    if (!ok) {
      if (encoding === 'utf8-bom' || requested === 'utf8') throw new FastFallback('not UTF-8');
      throw new Restart(index);
    }
  };
}

/**
 * Reads every source with the fast path. Throws FastFallback when any file needs the csv-parse
 * path; then the caller reads them all that way, so files never mix paths.
 */
export function readActivityFast(sources: readonly FastSource[], dict: Dictionaries, options: FastOptions = {}): FastResult {
  const gbk = new Set<number>();
  for (;;) {
    try {
      return readOnce(sources, dict, options, gbk);
    } catch (e) {
      if (e instanceof Restart && !gbk.has(e.file)) {
        gbk.add(e.file);
        continue;
      }
      if (e instanceof ParallelAbort && options.parallel) {
        // the same read by the caller alone
        options = { ...options, parallel: undefined };
        continue;
      }
      throw e;
    }
  }
}

function readOnce(sources: readonly FastSource[], dict: Dictionaries, options: FastOptions, gbk: Set<number>): FastResult {
  const totalSize = sources.reduce((a, s) => a + (s.size ?? 0), 0);
  const run = new RunState(dict, options.keepColumns ?? []);
  const runner = options.parallel;
  const parallel = runner && runner.helpers > 0 && sources.some((s) => s.openAt && (s.size ?? 0) >= runner.minBytes) ? runner : undefined;
  const p: Pass = { sources, run, layouts: [], scans: [], hashes: [], gbk, options, done: 0, total: totalSize, parallel, parallelFiles: new Set() };
  for (let i = 0; i < sources.length; i++) scanFile(p, i);
  run.fp.flush();

  const diagnostics: Diagnostic[] = [];
  const inputs: FastFileSummary[] = [];
  const extraColumns = new Set<string>();
  let recordCount = 0;
  for (const scan of p.scans) {
    if (scan.rows === 0) throw new FastFallback('no data rows');
    scan.verify();
    if (scan.slowSeen) scan.diagnostics.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
    diagnostics.push(...scan.diagnostics);
    inputs.push({ path: scan.path, sha256: p.hashes[scan.index]!, rows: scan.rows, encoding: scan.layout.encoding });
    recordCount += scan.records;
  }
  // the named extra columns, as parseActivity lists them
  for (let i = 0; i < sources.length; i++) for (const name of p.layouts[i]!.extraColumns) extraColumns.add(name);

  const records: ActivityRecord[] = [];
  const order = new Map<ActivityRecord, number>();
  for (const scan of p.scans) for (const r of scan.groupRecords()) (records.push(r), order.set(r, scan.index));
  for (const agg of run.slowAggs.values()) {
    const r = { ...agg.record, quantity: agg.sum };
    records.push(r);
    order.set(r, agg.fileIndex);
  }
  records.sort((x, y) => order.get(x)! - order.get(y)! || x.line - y.line);

  let quality: Diagnostic[] = [];
  let passes = 1;
  if (!diagnostics.some((d) => d.severity === 'error')) {
    // what the scale check needs: the median's bucket of each series over three years or more
    let second = run.candidates.size > 0;
    for (const s of run.series.values()) {
      if (s.years.size < 3) continue;
      s.k = Math.floor((s.n - 1) / 2);
      let below = s.zeros;
      if (s.k < below) continue; // the median is 0: no warnings
      found: for (let slot = 0; slot < s.hist.length; slot++) {
        const h = s.hist[slot];
        if (!h) continue;
        for (let j = 0; j < 90; j++) {
          if (below + h[j]! > s.k) {
            s.check = true;
            s.bE = slot - E_OFFSET;
            s.bL = j + 10;
            s.below = below;
            break found;
          }
          below += h[j]!;
        }
      }
      if (s.inexact) throw new FastFallback('the scale check needs more than 15 digits');
      if (s.check) second = true;
    }
    if (second) {
      run.pass = 2;
      passes = 2;
      p.total += totalSize;
      for (let i = 0; i < sources.length; i++) scanFile(p, i);
      for (const s of run.series.values()) if (s.check && s.inexact) throw new FastFallback('the scale check needs more than 15 digits');
    }
    quality = qualityOf(run, p.scans.map((s) => s.path), records);
  }
  return { records, recordCount, inputs, diagnostics, extraColumns, quality, passes, parallelFiles: p.parallelFiles.size };
}

/** DUPLICATE_ROW, SCALE_OUTLIER, POWER_SECTOR_ELECTRICITY, as qualityWarnings words them. */
function qualityOf(run: RunState, paths: string[], records: ActivityRecord[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byPos = (list: number[], width: number) => {
    const idx = Array.from({ length: list.length / width }, (_, i) => i * width);
    return idx.sort((x, y) => list[x]! - list[y]! || list[x + 1]! - list[y + 1]!);
  };
  // duplicates: every occurrence after the first of an exact key
  const dups: number[] = [];
  for (const list of run.occurrences.values()) {
    if (list.length < 4) continue;
    const order = byPos(list, 2);
    const first = order[0]!;
    for (const i of order.slice(1)) dups.push(list[i]!, list[i + 1]!, list[first]!, list[first + 1]!);
  }
  for (const i of byPos(dups, 4)) {
    out.push(warning('DUPLICATE_ROW', { other: dups[i + 3]!, otherFile: paths[dups[i + 2]!]! }, { file: paths[dups[i]!], line: dups[i + 1]! }));
  }
  // scale outliers, series in order of their first row
  const series = [...run.series.values()].filter((s) => s.check).sort((x, y) => x.firstFile - y.firstFile || x.firstLine - y.firstLine);
  for (const s of series) {
    const sorted = Float64Array.from(s.collect).sort();
    const t = sorted[s.k - s.below];
    if (t === undefined) throw new Error('fast path: the median is not where the counts put it');
    const typical = new Decimal(t.toPrecision(15));
    const unit = s.dimension === 'standard-coal' ? 'tce' : BASE_UNIT[s.dimension];
    for (const i of byPos(s.cands, 3)) {
      const q = new Decimal(s.cands[i + 2]!.toPrecision(15));
      if (typical.isZero() || q.isZero()) continue;
      const ratio = q.dividedBy(typical);
      if (ratio.greaterThanOrEqualTo(100) || ratio.lessThanOrEqualTo(new Decimal('0.01'))) {
        out.push(
          warning(
            'SCALE_OUTLIER',
            {
              ratio: ratio.greaterThanOrEqualTo(1) ? ratio.toSignificantDigits(3).toString() : ratio.toSignificantDigits(2).toString(),
              fuel: s.fuel.zh,
              fuelEn: s.fuel.en,
              typical: typical.toSignificantDigits(6).toString(),
              unit,
            },
            { file: paths[s.cands[i]!], line: s.cands[i + 1]! },
          ),
        );
      }
    }
  }
  // power plants listing electricity in a year with no generation entered as output
  const outputYears = new Set(records.filter((r) => r.use === 'output' && r.fuel.kind === 'electricity').map((r) => r.year));
  for (const i of byPos(run.power, 3)) {
    if (!outputYears.has(run.power[i + 2]!)) out.push(warning('POWER_SECTOR_ELECTRICITY', {}, { file: paths[run.power[i]!], line: run.power[i + 1]! }));
  }
  return out;
}

const BASE_UNIT: Record<Dimension, string> = { mass: 't', volume: 'm3', electricity: 'kWh', heat: 'GJ', 'standard-coal': 'tce' };

/** A source over bytes in memory (library callers, standard input). */
export function memorySource(path: string, bytes: Uint8Array): FastSource {
  return { path, size: bytes.length, open: () => bytesReader(bytes) };
}
