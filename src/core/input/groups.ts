/**
 * Summing rows by key. A row's key is the raw bytes of its key cells (year, sector, fuel, unit,
 * use, grouped-by columns): rows with the same bytes mean the same thing, so each distinct key is
 * resolved once (row.ts) and its rows' quantities are summed exactly in fixed point. Calculation is
 * linear in quantity, so the sums give the same result as the rows one by one.
 */
import type { Decimal } from '../decimal.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ActivityRecord } from './activity.js';
import type { Series } from './run-state.js';
import { HASH_SEED_A, mixHash, type Cells } from './tokenize.js';

/**
 * What records are summed by into one calculated line (calculateLines): year, sector (its code, or
 * its label when unknown), fuel, dimension, use, and each grouped-by column. The readers that read
 * rows with the row parser sum by it too.
 */
export function lineKey(r: Pick<ActivityRecord, 'year' | 'sector' | 'sectorLabel' | 'fuel' | 'dimension' | 'use' | 'extra'>, keepColumns: readonly string[]): string {
  return [r.year, r.sector ? r.sector.code : `label:${r.sectorLabel}`, r.fuel.id, r.dimension, r.use, ...keepColumns.map((c) => r.extra[c] ?? '')].join('\u0000');
}

/** What a valid key means: the fields of its rows' records but the quantity (`extra`: the grouped-by columns). */
export type ResolvedKey = Pick<ActivityRecord, 'year' | 'sector' | 'sectorLabel' | 'fuel' | 'dimension' | 'use' | 'extra'>;

/** A key's unit in its dimension: the factor to the base unit, and where quantities turn implausible. */
export interface UnitScale {
  /** the unit's factor to the dimension's base unit: 10^unitPowerOfTen */
  toBase: Decimal;
  unitPowerOfTen: number;
  /** quantities from 10^maxExponent (base units) on are implausible (row-rules.ts) */
  maxExponent: number;
}

/** One distinct key and the sum of its rows. */
export interface KeyGroup {
  hash: number;
  /** the key cells' bytes, one after another, and their lengths */
  keyBytes: Uint8Array;
  keyView: DataView;
  keyLengths: Int32Array;
  firstLine: number;
  firstBytes: Uint8Array;
  /** diagnostics every row of the key gets (no file, no line) */
  keyDiagnostics: Diagnostic[];
  /** set when the key is valid */
  resolved: ResolvedKey | undefined;
  /** set when the unit fits the fuel (also when the key has other errors): the plausible range of a row's quantity */
  scale: UnitScale | undefined;
  series: Series | undefined;
  /** the duplicate fingerprint's start: file schema and (year, sector, fuel, use) */
  fingerprintSeedA: number;
  fingerprintSeedB: number;
  /** a power plant's electricity used as energy (a quality check lists these rows) */
  powerPlantElectricity: boolean;
  /** the duplicate check's exact key, when the file has no extra columns (the same for every row of the group) */
  dupKey: string | undefined;
  rows: number;
  /** the sum: sumOverflow + sumWhole + sumBillionths / 10^9 (sumWhole stays below 2^52, where doubles are exact) */
  sumWhole: number;
  sumBillionths: number;
  sumOverflow: bigint;
}

const MIX = 0x9e3779b1;
/** 2^52: sums at or past it move into the bigint */
const EXACT_LIMIT = 4503599627370496;
const BILLION = 1e9;

/** The hash of a row's key: the key cells' hashes (from the tokenizer) mixed in order. */
export function keyHash(cells: Cells, keyColumns: Int32Array): number {
  let h = HASH_SEED_A;
  for (let k = 0; k < keyColumns.length; k++) h = Math.imul(h ^ cells.hashA[keyColumns[k]!]!, MIX) ^ (h >>> 15);
  return mixHash(h);
}

export function newKeyGroup(hash: number, keyBytes: Uint8Array, keyLengths: Int32Array, firstLine: number, firstBytes: Uint8Array): KeyGroup {
  return {
    hash,
    keyBytes,
    keyView: new DataView(keyBytes.buffer, keyBytes.byteOffset, keyBytes.byteLength),
    keyLengths,
    firstLine,
    firstBytes,
    keyDiagnostics: [],
    resolved: undefined,
    scale: undefined,
    series: undefined,
    fingerprintSeedA: 0,
    fingerprintSeedB: 0,
    powerPlantElectricity: false,
    dupKey: undefined,
    rows: 0,
    // -0, not 0: a double from the start, so V8 never guesses small integers for the sum and
    // throws away row()'s optimised code when a sum passes 2^31 (sums are exact below 2^52)
    sumWhole: -0,
    sumBillionths: 0,
    sumOverflow: 0n,
  };
}

/** Adds whole + billionths / 10^9 to the group's sum. */
export function addToSum(g: KeyGroup, whole: number, billionths: number): void {
  let sumWhole = g.sumWhole + whole;
  let sumBillionths = g.sumBillionths + billionths;
  if (sumBillionths >= BILLION) {
    sumBillionths -= BILLION;
    sumWhole += 1;
  }
  if (sumWhole >= EXACT_LIMIT) {
    g.sumOverflow += BigInt(sumWhole);
    sumWhole = 0;
  }
  g.sumWhole = sumWhole;
  g.sumBillionths = sumBillionths;
}

/** The group's sum as exact decimal text. */
export function sumText(g: KeyGroup): string {
  return `${g.sumOverflow + BigInt(g.sumWhole)}.${String(g.sumBillionths).padStart(9, '0')}`;
}

/** The key cells' bytes of a row, one after another, and their lengths. */
export function keyBytesOf(buf: Uint8Array, cells: Cells, keyColumns: Int32Array): { keyBytes: Uint8Array; keyLengths: Int32Array } {
  const keyLengths = new Int32Array(keyColumns.length);
  let total = 0;
  for (let k = 0; k < keyColumns.length; k++) total += keyLengths[k] = cells.end[keyColumns[k]!]! - cells.start[keyColumns[k]!]!;
  const keyBytes = new Uint8Array(total);
  for (let k = 0, o = 0; k < keyColumns.length; k++) {
    keyBytes.set(buf.subarray(cells.start[keyColumns[k]!]!, cells.end[keyColumns[k]!]!), o);
    o += keyLengths[k]!;
  }
  return { keyBytes, keyLengths };
}

/**
 * The groups of one file, found by key hash in an open-addressing table (slots hold group index
 * + 1, 0 when free).
 */
export class GroupTable {
  readonly groups: KeyGroup[] = [];
  private mask = 1023;
  private slots = new Int32Array(1024);

  /**
   * The group whose key is the row's key cells, or undefined; then `freeSlot` is where to insert
   * a new one. The probe steps from the slot before: its step then runs on every row, so V8 has
   * seen it before it optimises the row loop (a first collision seen only later threw the
   * optimised code away).
   */
  find(buf: Uint8Array, view: DataView, cells: Cells, keyColumns: Int32Array, hash: number): KeyGroup | undefined {
    const groups = this.groups;
    const slots = this.slots;
    const mask = this.mask;
    let i = (hash - 1) & mask;
    for (;;) {
      i = (i + 1) & mask;
      const x = slots[i]!;
      if (x === 0) {
        this.freeSlot = i;
        return undefined;
      }
      const candidate = groups[x - 1]!;
      if (candidate.hash === hash && sameKey(buf, view, cells, keyColumns, candidate)) return candidate;
    }
  }
  freeSlot = 0;

  /** The group with these key bytes (another reader's), or undefined with `freeSlot` set. */
  findBytes(hash: number, keyBytes: Uint8Array, keyLengths: Int32Array): KeyGroup | undefined {
    let i = hash & this.mask;
    for (;;) {
      const x = this.slots[i]!;
      if (x === 0) {
        this.freeSlot = i;
        return undefined;
      }
      const g = this.groups[x - 1]!;
      if (g.hash === hash && sameBytes(g.keyBytes, keyBytes) && sameBytes(g.keyLengths, keyLengths)) return g;
      i = (i + 1) & this.mask;
    }
  }

  /** Adds a group at the free slot the last find left. */
  insert(group: KeyGroup): void {
    this.groups.push(group);
    this.slots[this.freeSlot] = this.groups.length;
    if (this.groups.length * 2 > this.mask) this.grow();
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
}

/** the row's key bytes are the group's (four bytes at a time: DataView reads are cheap) */
function sameKey(buf: Uint8Array, view: DataView, cells: Cells, keyColumns: Int32Array, g: KeyGroup): boolean {
  const keyBytes = g.keyBytes;
  const keyView = g.keyView;
  const keyLengths = g.keyLengths;
  let o = 0;
  for (let k = 0; k < keyColumns.length; k++) {
    const c = keyColumns[k]!;
    const s = cells.start[c]!;
    const len = cells.end[c]! - s;
    if (len !== keyLengths[k]) return false;
    let i = 0;
    for (; i + 4 <= len; i += 4) if (view.getInt32(s + i) !== keyView.getInt32(o + i)) return false;
    for (; i < len; i++) if (buf[s + i] !== keyBytes[o + i]) return false;
    o += len;
  }
  return true;
}

function sameBytes(a: Uint8Array | Int32Array, b: Uint8Array | Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
