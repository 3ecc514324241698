/**
 * The two quantity readers of src/core/input/quantity.ts against each other, on seeded random
 * cells: whatever the byte reader takes, the text reader (parseDecimal, what every row parser
 * uses) reads as exactly the same number, and the scale check's figures (exponent, first two
 * digits) are that number's; every plain number within the byte reader's limits is taken.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { byteQuantityText, MAX_BYTE_DECIMALS, MAX_BYTE_DIGITS, parseDecimal, parseQuantityBytes, scaledDouble } from '../../src/core/input/quantity.js';
import { prng } from '../helpers/prng.js';

const encoder = new TextEncoder();

function readBytes(text: string) {
  const bytes = encoder.encode(`xx${text}yy`);
  // the cell sits inside a bigger buffer, as in a line
  return parseQuantityBytes(bytes, 2, bytes.length - 2);
}

/** A cell users could write: mostly numbers, with everything that makes one odd. */
function randomCell(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rand() * 10))).join('');
  const intDigits = Math.floor(rand() * 18);
  let whole = rand() < 0.2 ? '0'.repeat(Math.floor(rand() * 3)) + digits(intDigits) : digits(intDigits);
  if (rand() < 0.3 && whole.length > 3) {
    // thousands separators, sometimes misplaced
    const groups: string[] = [];
    let rest = whole;
    while (rest.length > 3) {
      groups.unshift(rest.slice(-3));
      rest = rest.slice(0, -3);
    }
    groups.unshift(rest);
    whole = rand() < 0.8 ? groups.join(pick([',', ',', ' ', '\u00a0'])) : groups.join(',').replace(/,(\d)/, '$1,');
  }
  let cell = whole;
  if (rand() < 0.6) cell += '.' + digits(Math.floor(rand() * 12));
  if (rand() < 0.05) cell = pick(['+', '-']) + cell;
  if (rand() < 0.05) cell += pick(['e3', 'E-2', 'e']);
  if (rand() < 0.05) cell = cell.replace(/\d/, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  if (rand() < 0.05) cell = pick(['', '.', ',', '1,2', '12 5', 'abc', '1.2.3', '١٢', '0x10', '.5', '5.']);
  if (rand() < 0.2) cell = pick([' ', '\t', '  ', '\u3000', '']) + cell + pick([' ', '\t', '', '\u00a0']);
  return cell;
}

describe('parseQuantityBytes against parseDecimal', () => {
  it('agrees exactly on every cell it takes, on 10,000 seeded random cells', () => {
    const rand = prng(20261204);
    let taken = 0;
    for (let i = 0; i < 10000; i++) {
      const cell = randomCell(rand);
      const q = readBytes(cell);
      if (!q) continue;
      taken++;
      const text = parseDecimal(cell);
      expect(text, cell).toBeDefined();
      const exact = new Decimal(byteQuantityText(q.whole, q.billionths));
      expect(exact.equals(text!), cell).toBe(true);
      expect(q.isZero).toBe(exact.isZero());
      if (!q.isZero) {
        // exponent and first two significant digits, as the scale check counts them
        expect(q.exponent, cell).toBe(exact.e);
        const leading = Number(exact.toSignificantDigits(2, Decimal.ROUND_DOWN).times(new Decimal(10).pow(1 - exact.e)).toFixed(0));
        expect(q.leadingDigits, cell).toBe(leading);
        // significand × 10^-fractionDigits is the value: the double is the exact value's nearest
        expect(scaledDouble(q.significand, -q.fractionDigits), cell).toBe(Number(exact.toString()));
      }
    }
    // the generator makes plenty of both kinds
    expect(taken).toBeGreaterThan(2500);
    expect(taken).toBeLessThan(9500);
  });

  it('takes every plain number within its limits (15 significant digits, 9 decimals)', () => {
    const rand = prng(7);
    for (let i = 0; i < 5000; i++) {
      const sig = 1 + Math.floor(rand() * MAX_BYTE_DIGITS);
      const decimals = Math.min(sig, Math.floor(rand() * (MAX_BYTE_DECIMALS + 1)));
      let digits = String(1 + Math.floor(rand() * 9));
      for (let k = 1; k < sig; k++) digits += String(Math.floor(rand() * 10));
      const cell = decimals === 0 ? digits : `${digits.slice(0, sig - decimals) || '0'}.${digits.slice(sig - decimals)}`;
      const q = readBytes(cell);
      expect(q, cell).toBeDefined();
      expect(new Decimal(byteQuantityText(q!.whole, q!.billionths)).equals(parseDecimal(cell)!), cell).toBe(true);
    }
  });

  it.each([
    ['1,234.5', '1234.500000000'],
    [' 7 ', '7.000000000'],
    ['\t0.000000001', '0.000000001'],
    ['.5', '0.500000000'],
    ['5.', '5.000000000'],
    ['999999999999999', '999999999999999.000000000'],
  ])('reads %j as %s', (cell, exact) => {
    const q = readBytes(cell)!;
    expect(byteQuantityText(q.whole, q.billionths)).toBe(exact);
  });

  it.each(['', ' ', '.', '-1', '+1', '1e3', '1,23', '12,3456', '1 234', '１２', '1.2.3', '0.0000000001', '1234567890123456', '1,2,3'])(
    'leaves %j to the row parser',
    (cell) => {
      expect(readBytes(cell)).toBeUndefined();
    },
  );
});
