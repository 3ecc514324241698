import { Decimal as DecimalBase } from 'decimal.js';
import { Decimal, ZERO } from '../decimal.js';

/**
 * LMDI-I (Ang 2004, 2005) with the zero rules of Ang & Liu (2007). Pure: exact decimals in and out.
 *
 * Logarithms use their own decimal.js clone at 50 significant digits, so that nobody's change to the
 * shared `Decimal` (or anyone relying on it) changes the logs, and the logs change nothing else.
 */
const Ln = DecimalBase.clone({ precision: 50, rounding: DecimalBase.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });

/** ln at 50 significant digits (the clone's), returned as the shared Decimal */
export function ln(x: Decimal): Decimal {
  return new Decimal(new Ln(x.toString()).ln().toString());
}

function exp(x: Decimal): Decimal {
  return new Decimal(new Ln(x.toString()).exp().toString());
}

/** below this |a/b − 1| the division (a − b)/(ln a − ln b) loses digits: a four-term series is exact to 50 digits */
const SERIES_BELOW = new Decimal('1e-13');

/**
 * The logarithmic mean L(a, b) = (a − b)/(ln a − ln b), L(a, a) = a, for a, b > 0. Near a = b it is taken from
 * its series in x − 1 with x = a/b: b(1 + (x−1)/2 − (x−1)²/12 + (x−1)³/24 − …), whose next term is below 1e−52.
 */
export function logMean(a: Decimal, b: Decimal): Decimal {
  if (a.equals(b)) return a;
  const d = a.dividedBy(b).minus(1);
  if (d.abs().lessThan(SERIES_BELOW)) {
    const series = new Decimal(1).plus(d.dividedBy(2)).minus(d.pow(2).dividedBy(12)).plus(d.pow(3).dividedBy(24)).minus(d.pow(4).times(19).dividedBy(720));
    return b.times(series);
  }
  return a.minus(b).dividedBy(ln(a).minus(ln(b)));
}

/** One group (sub-category) of the identity: its factor values in the two years; its value is their product. */
export interface CellValues {
  group: string;
  x0: readonly Decimal[];
  xT: readonly Decimal[];
}

export interface CellEffects {
  group: string;
  v0: Decimal;
  vT: Decimal;
  /** additive effect of each factor for this group; they sum to vT − v0 */
  effects: Decimal[];
  /** which zero rule applied: none, appears (v0 = 0), disappears (vT = 0), absent (both 0) */
  zero: 'none' | 'appears' | 'disappears' | 'absent';
}

export interface AdditiveSplit {
  start: Decimal;
  end: Decimal;
  change: Decimal;
  /** effect per factor, in the order of the factors */
  effects: Decimal[];
  /** Σ effects − change: zero up to the 50-digit logarithms */
  residual: Decimal;
  cells: CellEffects[];
}

export interface MultiplicativeSplit {
  start: Decimal;
  end: Decimal;
  ratio: Decimal;
  /** D_x per factor */
  effects: Decimal[];
  /** Π D_x − ratio */
  residual: Decimal;
}

export function product(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.times(v), new Decimal(1));
}

/**
 * A group's additive effects. With both values positive: L(V_T, V_0) × ln(x_T / x_0) for each factor.
 * Otherwise the analytical limits of Ang & Liu (2007) (Ang, Zhang & Choi 1998, Table 2): a group that appears
 * gives +V_T to the factor(s) that were zero in year 0, one that disappears gives −V_0 to the factor(s) that
 * became zero, and the other factors get 0. Where several factors are zero at once the value is shared
 * equally among them, so that the effects still sum to the change. No small number ever stands in for a zero.
 * Values must not be negative (the caller refuses them with a message).
 */
export function cellEffects(cell: CellValues): CellEffects {
  const n = cell.x0.length;
  const v0 = product(cell.x0);
  const vT = product(cell.xT);
  const effects: Decimal[] = new Array<Decimal>(n).fill(ZERO);
  if (v0.isZero() && vT.isZero()) return { group: cell.group, v0, vT, effects, zero: 'absent' };
  if (v0.isZero() || vT.isZero()) {
    const appears = v0.isZero();
    const zeroAt = (appears ? cell.x0 : cell.xT).map((x, i) => (x.isZero() ? i : -1)).filter((i) => i >= 0);
    const share = (appears ? vT : v0.negated()).dividedBy(zeroAt.length);
    for (const i of zeroAt) effects[i] = share;
    return { group: cell.group, v0, vT, effects, zero: appears ? 'appears' : 'disappears' };
  }
  const weight = logMean(vT, v0);
  for (let i = 0; i < n; i++) {
    const a = cell.xT[i]!;
    const b = cell.x0[i]!;
    effects[i] = a.equals(b) ? ZERO : weight.times(ln(a).minus(ln(b)));
  }
  return { group: cell.group, v0, vT, effects, zero: 'none' };
}

/** Additive LMDI-I: ΔV_x = Σ_i L(V_T,i, V_0,i) ln(x_T,i / x_0,i); Σ_x ΔV_x = V_T − V_0. */
export function additive(factorCount: number, cells: readonly CellValues[]): AdditiveSplit {
  const split = cells.map(cellEffects);
  const effects: Decimal[] = new Array<Decimal>(factorCount).fill(ZERO);
  let start = ZERO;
  let end = ZERO;
  for (const c of split) {
    start = start.plus(c.v0);
    end = end.plus(c.vT);
    c.effects.forEach((e, i) => (effects[i] = effects[i]!.plus(e)));
  }
  const change = end.minus(start);
  const residual = effects.reduce((a, e) => a.plus(e), ZERO as Decimal).minus(change);
  return { start, end, change, effects, residual, cells: split };
}

/**
 * Multiplicative LMDI-I: D_x = exp(Σ_i L(V_T,i, V_0,i)/L(V_T, V_0) × ln(x_T,i / x_0,i)) = exp(ΔV_x / L(V_T, V_0)),
 * the same per-group terms as the additive split (zero rules included), so Π_x D_x = V_T / V_0.
 * Undefined when either total is zero: returns undefined then.
 */
export function multiplicative(factorCount: number, cells: readonly CellValues[]): MultiplicativeSplit | undefined {
  const add = additive(factorCount, cells);
  if (add.start.isZero() || add.end.isZero()) return undefined;
  const weight = logMean(add.end, add.start);
  const effects = add.effects.map((e) => (e.isZero() ? new Decimal(1) : exp(e.dividedBy(weight))));
  const ratio = add.end.dividedBy(add.start);
  return { start: add.start, end: add.end, ratio, effects, residual: product(effects).minus(ratio) };
}
