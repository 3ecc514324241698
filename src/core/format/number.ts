import { Decimal } from '../decimal.js';

/**
 * How many decimals to print; `full` prints every digit carried. Rounding is half-to-even.
 * Figures are printed with toFixed only, never toString, which turns to exponent form (1.4571e+400)
 * beyond the Decimal's toExpPos/toExpNeg: no output ever shows a figure in exponent form.
 */
export type Decimals = number | 'full';

export function fixed(value: Decimal, decimals: Decimals): string {
  const v = decimals === 'full' ? value.toFixed() : value.toFixed(decimals, Decimal.ROUND_HALF_EVEN);
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
