/**
 * The streaming reader's checks of a row's bytes, beside the row rules (row-rules.ts, which decide
 * what a key means): whether a row's quantity is in range, whether cells past the header are
 * blank, whether an extra cell needs trimming. A row these checks do not settle goes to the rules.
 */
import { Decimal } from '../decimal.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Dimension } from '../units.js';
import { FastFallback } from './fallback.js';
import type { UnitScale } from './groups.js';
import { PLAUSIBLE_QUANTITY } from './row-rules.js';
import type { Cells } from './tokenize.js';

/** A row's cells with its quantity set to 0: what the row rules say of it is what they say of its key. */
export function keyOnly(cells: readonly string[], quantityColumn: number): string[] {
  const out = cells.slice();
  out[quantityColumn] = '0';
  return out;
}

/** Every cell empty or white space. */
export function allBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** A unit's factor as a power of ten, and the exponent from which its quantities are implausible. */
export function unitScale(toBase: Decimal, dimension: Dimension): UnitScale {
  return { toBase, unitPowerOfTen: powerOfTen(toBase), maxExponent: PLAUSIBLE_QUANTITY[dimension].maxExponent };
}

function powerOfTen(d: Decimal): number {
  const p = Math.round(Math.log10(d.toNumber()));
  if (!new Decimal(10).pow(p).equals(d)) throw new FastFallback('a unit that is not a power of ten');
  return p;
}

/** The quantity, in base units, is past its plausible range (the row parser then says so, with its place). */
export function implausible(isZero: boolean, exponent: number, scale: UnitScale): boolean {
  return !isZero && exponent + scale.unitPowerOfTen >= scale.maxExponent;
}

/** Cells past the header's are all blank (Excel's ",,,"): no warning, nothing to read. */
export function trailingCellsBlank(buf: Uint8Array, cells: Cells, from: number): boolean {
  for (let k = from; k < cells.count; k++) {
    for (let i = cells.start[k]!; i < cells.end[k]!; i++) {
      const c = buf[i]!;
      if (!(c === 32 || c === 9 || c === 11 || c === 12)) return false;
    }
  }
  return true;
}

/**
 * An extra cell whose bytes are not its trimmed text: it starts or ends with a space or a control
 * byte, or (non-ASCII) with a JS whitespace character, or the file is GBK (its bytes are not
 * UTF-8). Its hash is then taken over the trimmed text.
 */
export function needsTrim(buf: Uint8Array, start: number, end: number, bytesOr: number, gbk: boolean): boolean {
  if (start >= end) return false;
  if (buf[start]! <= 0x20 || buf[end - 1]! <= 0x20) return true;
  return (bytesOr & 0x80808080) !== 0 && (gbk || edgeSpace(buf, start, end));
}

function edgeSpace(buf: Uint8Array, s: number, e: number): boolean {
  if (buf[s]! >= 0x80 && isJsSpace(codePointAt(buf, s))) return true;
  let i = e - 1;
  while (i > s && (buf[i]! & 0xc0) === 0x80) i--;
  return buf[i]! >= 0x80 && isJsSpace(codePointAt(buf, i));
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

/** A key's diagnostic placed on one of its rows. */
export function located(t: Diagnostic, file: string, line: number): Diagnostic {
  const d: Diagnostic = { severity: t.severity, code: t.code, params: t.params };
  d.file = file;
  d.line = line;
  if (t.column !== undefined) d.column = t.column;
  return d;
}
