/**
 * Reading a quantity cell, two ways that must agree: `parseDecimal` reads the cell's text (every
 * reader, every number users write), `parseQuantityBytes` reads the plain numbers among them
 * straight from the file's bytes, in exact fixed point, for the streaming reader's sums. Anything
 * the byte reader does not take (a sign, an exponent, full-width digits, more than 15 significant
 * digits or 9 decimals) goes to the row parser, which uses parseDecimal. test/unit/quantity.test.ts
 * checks the two against each other on generated cells.
 */
import { Decimal } from '../decimal.js';
import { toHalfWidth } from '../text.js';

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
/** "1 234 567.5": groups of three split by one space (or the no-break spaces spreadsheets write) */
const SPACED = /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+(\.\d*)?$/;

/**
 * Reads a number the way spreadsheets and yearbooks write it: full-width digits,
 * thousands separators ("1,234.5" or "1 234.5"), surrounding spaces, a trailing "%"-free plain value.
 * Returns undefined when the text is not a number; never goes through a float. Any other space
 * inside makes it not a number: "12 5" or a cell with a line break ("1⏎2") is a mistake to show,
 * not 125 or 12.
 */
export function parseDecimal(raw: string): Decimal | undefined {
  let text = toHalfWidth(raw).trim();
  if (text === '') return undefined;
  if (SPACED.test(text)) text = text.replace(/[ \u00a0\u202f]/g, '');
  else if (GROUPED.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN.test(text)) return undefined;
  return new Decimal(text);
}

/** A quantity read from bytes: exact, as a whole part and billionths, plus what the scale check needs. */
export interface ByteQuantity {
  /** the integer part (exact: at most 15 significant digits) */
  whole: number;
  /** the fraction × 10^9 */
  billionths: number;
  /** every digit from the first significant one, as an integer (< 10^15): value = significand × 10^-fractionDigits */
  significand: number;
  fractionDigits: number;
  /** the decimal exponent of the first significant digit (123.4 → 2, 0.05 → -2) */
  exponent: number;
  /** the first two significant digits, 10..99 (5 → 50) */
  leadingDigits: number;
  isZero: boolean;
}

const SPACE = 32;
const TAB = 9;
const COMMA = 44;
const POINT = 46;
const ZERO = 48;
const NINE = 57;

export const MAX_BYTE_DIGITS = 15;
export const MAX_BYTE_DECIMALS = 9;

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Reads buf[start, end) when it is a plain number parseDecimal reads (digits, a point, "1,234.5"
 * groups, spaces or tabs around), of at most 15 significant digits and 9 decimals; undefined for
 * anything else (the row parser then reads the cell).
 */
export function parseQuantityBytes(buf: Uint8Array, start: number, end: number): ByteQuantity | undefined {
  while (start < end && (buf[start] === SPACE || buf[start] === TAB)) start++;
  while (end > start && (buf[end - 1] === SPACE || buf[end - 1] === TAB)) end--;
  if (start === end) return undefined;
  let i = start;
  let whole = 0;
  let significand = 0;
  let significantDigits = 0;
  let leading = 0;
  let leadingCount = 0;
  let wholeDigits = 0;
  let groupLength = 0;
  let grouped = false;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= ZERO && c <= NINE) {
      const d = c - ZERO;
      whole = whole * 10 + d;
      wholeDigits++;
      groupLength++;
      if (significantDigits > 0 || d !== 0) {
        significand = significand * 10 + d;
        significantDigits++;
        if (leadingCount < 2) {
          leading = leading * 10 + d;
          leadingCount++;
        }
      }
    } else if (c === COMMA) {
      // "1,234,567": one to three digits, then groups of exactly three
      if (grouped ? groupLength !== 3 : groupLength < 1 || groupLength > 3) return undefined;
      grouped = true;
      groupLength = 0;
    } else break;
  }
  if (grouped && groupLength !== 3) return undefined;
  const significantWholeDigits = significantDigits;
  let fraction = 0;
  let fractionDigits = 0;
  let zerosAfterPoint = 0;
  if (i < end) {
    if (buf[i] !== POINT) return undefined;
    i++;
    for (; i < end; i++) {
      const c = buf[i]!;
      if (c < ZERO || c > NINE) return undefined;
      const d = c - ZERO;
      fraction = fraction * 10 + d;
      fractionDigits++;
      if (significantDigits > 0 || d !== 0) {
        significand = significand * 10 + d;
        significantDigits++;
        if (leadingCount < 2) {
          leading = leading * 10 + d;
          leadingCount++;
        }
      } else zerosAfterPoint++;
    }
    if (wholeDigits === 0 && fractionDigits === 0) return undefined;
  } else if (wholeDigits === 0) return undefined;
  if (significantDigits > MAX_BYTE_DIGITS || fractionDigits > MAX_BYTE_DECIMALS) return undefined;
  return {
    whole,
    billionths: fraction * POWERS_OF_TEN[MAX_BYTE_DECIMALS - fractionDigits]!,
    significand,
    fractionDigits,
    exponent: significantWholeDigits > 0 ? significantWholeDigits - 1 : -(zerosAfterPoint + 1),
    leadingDigits: leadingCount === 1 ? leading * 10 : leading,
    isZero: significantDigits === 0,
  };
}

/** The exact text of a byte quantity ("1234.500000000"), for decimal.js. */
export function byteQuantityText(whole: number, billionths: number): string {
  return `${whole}.${String(billionths).padStart(MAX_BYTE_DECIMALS, '0')}`;
}

/** m × 10^p as the nearest double (one rounding, so the order of exact values is kept) */
export function scaledDouble(m: number, p: number): number {
  return p >= 0 ? m * POWERS_OF_TEN[p]! : m / POWERS_OF_TEN[-p]!;
}
