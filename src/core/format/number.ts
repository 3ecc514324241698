import { Decimal } from '../decimal.js';

/**
 * How many decimals to print (0–20, MAX_DECIMALS); `full` prints every digit carried. Rounding is
 * half-to-even. Figures are printed with toFixed only, never toString, which turns to exponent form
 * (1.4571e+400) beyond the Decimal's toExpPos/toExpNeg: no output ever shows a figure in exponent form.
 */
export type Decimals = number | 'full';

/** the most decimals `--decimals` takes */
export const MAX_DECIMALS = 20;

/**
 * Zeros pad a figure to at most this many decimals (the CSV and JSON default): up to there every
 * figure of a column shows the same places. Beyond it a figure shows only the digits it was
 * computed with: a figure's computed digits are those of its exact decimal (17143.2 = 24000 t ×
 * 0.7143 has one; a quotient such as 44/12 has 50 significant ones; a Monte Carlo percentile 20),
 * so `--decimals 20` prints 17143.200000, never 17143.20000000000000000000.
 */
export const PAD_DECIMALS = 6;

export function fixed(value: Decimal, decimals: Decimals): string {
  const places = decimals === 'full' ? undefined : Math.min(decimals, Math.max(value.decimalPlaces(), Math.min(decimals, PAD_DECIMALS)));
  const v = places === undefined ? value.toFixed() : value.toFixed(places, Decimal.ROUND_HALF_EVEN);
  return v === '-0' || /^-0\.0*$/.test(v) ? v.slice(1) : v;
}

/** A quantity as entered: exact, no trailing zeros, at most `decimals` places. */
export function quantityText(value: Decimal, decimals: Decimals): string {
  if (decimals === 'full') return value.toFixed();
  return value.toDecimalPlaces(Math.max(decimals, 6), Decimal.ROUND_HALF_EVEN).toFixed();
}

/** 1234567.891 → 1,234,567.89 for people; machine formats never group digits. */
export function grouped(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return m[1]! + m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] ?? '');
}
