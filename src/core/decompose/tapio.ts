import { Decimal } from '../decimal.js';

/**
 * Tapio (2005) decoupling states. The elasticity e = (ΔC/C₀)/(ΔG/G₀) with thresholds 0.8 and 1.2 (both
 * inclusive in coupling). Growth (ΔG > 0): ΔC < 0 strong decoupling; e < 0.8 weak decoupling; 0.8–1.2 expansive
 * coupling; e > 1.2 expansive negative decoupling. Recession (ΔG < 0): ΔC > 0 strong negative decoupling;
 * e > 1.2 recessive decoupling; 0.8–1.2 recessive coupling; e < 0.8 weak negative decoupling.
 * ΔC = 0 gives e = 0: weak decoupling in growth, weak negative decoupling in recession.
 */
export type TapioState =
  | 'strong_decoupling'
  | 'weak_decoupling'
  | 'expansive_coupling'
  | 'expansive_negative_decoupling'
  | 'strong_negative_decoupling'
  | 'weak_negative_decoupling'
  | 'recessive_coupling'
  | 'recessive_decoupling';

export const tapioStates: readonly TapioState[] = [
  'strong_decoupling',
  'weak_decoupling',
  'expansive_coupling',
  'expansive_negative_decoupling',
  'strong_negative_decoupling',
  'weak_negative_decoupling',
  'recessive_coupling',
  'recessive_decoupling',
];

const LOW = new Decimal('0.8');
const HIGH = new Decimal('1.2');

export interface Decoupling {
  from: number;
  to: number;
  /** % change of the decomposed total (CO2) */
  co2_change_pct: Decimal;
  /** % change of GDP at comparable prices */
  gdp_change_pct: Decimal;
  /** null when GDP did not change (no elasticity) */
  elasticity: Decimal | null;
  state: TapioState | null;
}

export function tapioState(co2Change: Decimal, gdpChange: Decimal, elasticity: Decimal): TapioState {
  if (gdpChange.greaterThan(0)) {
    if (co2Change.lessThan(0)) return 'strong_decoupling';
    if (elasticity.lessThan(LOW)) return 'weak_decoupling';
    if (elasticity.lessThanOrEqualTo(HIGH)) return 'expansive_coupling';
    return 'expansive_negative_decoupling';
  }
  if (co2Change.greaterThan(0)) return 'strong_negative_decoupling';
  if (elasticity.greaterThan(HIGH)) return 'recessive_decoupling';
  if (elasticity.greaterThanOrEqualTo(LOW)) return 'recessive_coupling';
  return 'weak_negative_decoupling';
}

/** The elasticity and state between two years; C₀ and G₀ must be positive. */
export function decoupling(from: number, to: number, c0: Decimal, cT: Decimal, g0: Decimal, gT: Decimal): Decoupling {
  const dc = cT.minus(c0).dividedBy(c0);
  const dg = gT.minus(g0).dividedBy(g0);
  const pct = (x: Decimal) => x.times(100);
  if (dg.isZero()) return { from, to, co2_change_pct: pct(dc), gdp_change_pct: pct(dg), elasticity: null, state: null };
  const e = dc.dividedBy(dg);
  return { from, to, co2_change_pct: pct(dc), gdp_change_pct: pct(dg), elasticity: e, state: tapioState(dc, dg, e) };
}
