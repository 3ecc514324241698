import { Decimal as DecimalBase } from 'decimal.js';

/**
 * The one Decimal used for every figure. 50 significant digits so that products of
 * published factors are exact and only true divisions (44/12, kJ per kgce) round,
 * far below anything printed. Half-even so repeated rounding has no drift.
 */
export const Decimal = DecimalBase.clone({
  precision: 50,
  rounding: DecimalBase.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60,
});
export type Decimal = DecimalBase;

export const ZERO = new Decimal(0);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
