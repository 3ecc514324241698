/**
 * Fast path, step 3: what a read keeps while it scans — the exact sums per raw key (FileScan), the
 * duplicate fingerprints, the scale check's digit counts and the power-plant rows across files
 * (RunState) — and how a row updates them (FileScan.row). See fast-read.ts for the whole path.
 */
import { Decimal } from '../decimal.js';
import { type Diagnostic } from '../diagnostics.js';
import type { Fuel } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import { toHalfWidth } from '../text.js';
import { parseUnit, type Dimension } from '../units.js';
import { parseActivity, type ActivityRecord, type Dictionaries } from './activity.js';
import { parseUse, type Use } from './columns.js';
import { isPowerPlantElectricity, parseYear, PLAUSIBLE_QUANTITY, unitFitsFuel, useFitsFuel } from './row-rules.js';
import { decoderFor, FastFallback, type Decoder, type FileLayout } from './fast-header.js';
import { FingerprintForwarder, FingerprintTable } from './fast-fingerprints.js';
import { ParallelAbort, type FingerprintSink, type GroupData } from './fast-parallel.js';
import { blankLine, fmix, Fields, hashBytes, MAX_FIELDS, R_EXTRA, R_KEY, SEED1 } from './fast-scan.js';
import { appendAll } from '../arrays.js';

const SLOW_BATCH = 2000;
/** odd rows a helper may hand back before the caller reads the file again alone */
const MAX_DEFERRED = 16 << 20;

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

export const E_OFFSET = 64;

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
  /** quantities from 10^maxExponent (base units) on are implausible (row-rules.ts) */
  maxExponent: number;
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
  /** checked against parseActivity on one of its rows (verify()), here or by the reader that found it */
  verified: boolean;
  series: Series | undefined;
  /** the duplicate fingerprint's start: file schema and (year, sector, fuel, use) */
  fpA: number;
  fpB: number;
  power: boolean;
  /** the duplicate check's exact key, when the file has no extra columns (the same for every row of the group) */
  dupKey: string | undefined;
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

export class RunState {
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
export function exactDupKey(year: number, sector: Sector | undefined, sectorLabel: string, fuel: Fuel, use: Use, extra: Record<string, string>): string {
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

export class FileScan {
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
  /** keys resolved here and not yet checked by verify() (it runs after each chunk: not all keys each time) */
  private unverified: Group[] = [];
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
    // the probe steps from the slot before: its step then runs on every row, so V8 has seen it
    // before it optimises row() (a first collision seen only later threw the optimised code away)
    const mask = this.mask;
    let i = (kh - 1) & mask;
    let g: Group | undefined;
    for (;;) {
      i = (i + 1) & mask;
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
    }
    if (g.slowKey) return this.slow(buf, f, line);
    // a quantity past its plausible range: parseActivity says so, with its place
    if (g.resolved && !qZero && qE + g.resolved.pow >= g.resolved.maxExponent) return this.slow(buf, f, line);
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
    const ec = this.extraCols;
    if (ec.length === 0) {
      // no extra columns: a row's duplicate key is its group's, made once; every row is listed in
      // the first pass, so duplicates never need a second
      if (pass1) run.occurrence((g.dupKey ??= exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, {})), this.index, this.lineBase + line);
      return;
    }
    let a = g.fpA;
    let b = g.fpB;
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
    else if (run.candidates.has(b | 1)) run.occurrence(exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, this.extraOf(buf, f)), this.index, this.lineBase + line);
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
      verified: false,
      series: undefined,
      fpA: 0,
      fpB: 0,
      power: false,
      dupKey: undefined,
      rows: 0,
      // -0, not 0: a double from the start, so V8 never guesses small integers for the sum and
      // throws away row()'s optimised code when a sum passes 2^31 (sums are exact below 2^52)
      sInt: -0,
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
    // the year as parseRow takes it; anything but its plain form (four ASCII digits) is read row by row
    const yearText = texts[0]!;
    const year = parseYear(yearText);
    if (year === undefined || String(year) !== yearText) {
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
    const useFits = !fuel || !use || useFitsFuel(use, fuel);
    let resolved: Resolved | undefined;
    if (sector && fuel && unit && use && dimension && useFits) {
      const extra: Record<string, string> = {};
      this.run.keep.forEach((name, k) => {
        const at2 = this.keyAt.kept[k]!;
        if (at2 >= 0) extra[name] = texts[at2]!.trim();
      });
      resolved = { year, sector, sectorLabel, fuel, dimension, use, extra, toBase: unit.toBase, pow: powerOfTen(unit.toBase), maxExponent: PLAUSIBLE_QUANTITY[dimension].maxExponent };
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
        resolved = { ...record, extra, toBase: unit!.toBase, pow: powerOfTen(unit!.toBase), maxExponent: PLAUSIBLE_QUANTITY[record.dimension].maxExponent };
      }
    }
    if (resolved) {
      group.resolved = resolved;
      if (!group.exact) this.unverified.push(group);
      group.series = this.run.seriesOf(resolved, this.index, group.firstLine);
      group.series.years.add(resolved.year);
      [group.fpA, group.fpB] = this.run.seed(this.layout.schema, resolved);
      group.power = isPowerPlantElectricity(resolved);
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
        g.verified = m.verified;
        break;
      }
      g = this.groups[x - 1]!;
      if (g.hash === m.hash && sameBytes(g.kb, m.kb) && sameBytes(g.kl, m.kl)) {
        g.verified ||= m.verified;
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
      appendAll(this.diagnostics, parsed.diagnostics);
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
        if (isPowerPlantElectricity(r)) run.power.push(this.index, r.line, r.year);
      }
      const q = r.quantity;
      const zero = q.isZero();
      if (!zero && q.sd() > 15) s.inexact = true;
      const e = zero ? 0 : q.e;
      const l2 = zero ? 0 : Number(q.toSignificantDigits(2, Decimal.ROUND_DOWN).times(new Decimal(10).pow(1 - e)).toFixed(0));
      run.place(s, zero, e, l2, () => Number(q.toString()), this.index, r.line);
      if (this.extraNames.length === 0) {
        // no extra columns: every row listed in the first pass (as row() does)
        if (run.pass === 1) run.occurrence(exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, r.extra), this.index, r.line);
        continue;
      }
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

  /**
   * Checks every key resolved here, not yet checked, against parseActivity on the key's first row
   * (read alone: the file's first; read in chunks: the first the reader that found it met — any row
   * of a key has the key's bytes, and the check is of how those bytes resolve, and of one quantity).
   */
  verify(): void {
    const todo = this.unverified.filter((g) => !g.verified && g.rows > 0);
    // a key with no row yet (new in a second pass) waits, as it always did
    this.unverified = this.unverified.filter((g) => !g.verified && g.rows === 0);
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
        g.verified = true;
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

function powerOfTen(d: Decimal): number {
  const p = Math.round(Math.log10(d.toNumber()));
  if (!new Decimal(10).pow(p).equals(d)) throw new FastFallback('a unit that is not a power of ten');
  return p;
}

