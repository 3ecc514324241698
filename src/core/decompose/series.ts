import { Decimal, ZERO } from '../decimal.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { additive, ln, multiplicative, product } from './lmdi.js';
import { decoupling, type Decoupling } from './tapio.js';

export type DecomposeMethod = 'additive' | 'multiplicative';
export const decomposeMethods: readonly DecomposeMethod[] = ['additive', 'multiplicative'];

/** A factor of the identity: its key (a column name, or a Kaya factor id) and labels for people. */
export interface FactorInfo {
  key: string;
  en: string;
  zh: string;
}

/** The identity's data: for each year, each group's factor values (in the order of `factors`). */
export interface IdentityData {
  factors: FactorInfo[];
  /** what the aggregate is (e.g. CO2 in t), for labels */
  quantity: { key: string; en: string; zh: string; unit: string };
  /**
   * null marks a ratio that is 0/0 in that year (e.g. the emission factor of a fuel not used that year): it takes
   * the other year's value in each comparison, so its factor does not change and the zero sits in the factor
   * whose numerator is zero (Ang & Liu 2007). Never a small number in its place.
   */
  years: Map<number, Map<string, (Decimal | null)[]>>;
  /** labels of groups for people, by group key */
  groupLabels?: Map<string, { en: string; zh: string }>;
  /** the file the data came from, for messages */
  file?: string | undefined;
  /** where a (year, group) came from, for messages */
  where?: Map<string, { file?: string; line?: number }>;
  /** GDP at comparable prices by year (亿元), for the decoupling index; absent years have none */
  gdp?: Map<number, Decimal>;
}

export interface EffectValue {
  factor: string;
  /** additive: the effect in the aggregate's unit; multiplicative: D_x */
  value: Decimal;
  /** additive: value / change × 100; multiplicative: ln D_x / ln D_tot × 100 (null when there is no change) */
  share_pct: Decimal | null;
}

export interface GroupSplit {
  group: string;
  start: Decimal;
  end: Decimal;
  /** additive effects of this group, by factor (they sum to its change); in both methods */
  effects: Decimal[];
}

export interface StepSplit {
  from: number;
  to: number;
  start: Decimal;
  end: Decimal;
  change: Decimal;
  ratio: Decimal | null;
  effects: EffectValue[];
  /** additive: Σ effects − change; multiplicative: Π D − ratio */
  residual: Decimal;
  groups: GroupSplit[];
}

export interface DecomposeResult {
  method: DecomposeMethod;
  chained: boolean;
  factors: FactorInfo[];
  quantity: IdentityData['quantity'];
  groupLabels: Map<string, { en: string; zh: string }>;
  from: number;
  to: number;
  /** the whole period: direct (from → to), or the sum (product) of the steps when chained */
  total: StepSplit;
  /** year-by-year splits when chained, else empty */
  steps: StepSplit[];
  /** the aggregate in every year of the data between from and to */
  series: { year: number; value: Decimal; gdp: Decimal | null }[];
  /** Tapio elasticity for each pair of consecutive years that have GDP, then for the period (last) */
  decoupling: Decoupling[];
  diagnostics: Diagnostic[];
}

function shares(values: Decimal[], method: DecomposeMethod, change: Decimal, ratio: Decimal | null): (Decimal | null)[] {
  if (method === 'additive') return values.map((v) => (change.isZero() ? null : v.dividedBy(change).times(100)));
  if (ratio === null || ratio.equals(1)) return values.map(() => null);
  const total = ln(ratio);
  return values.map((v) => ln(v).dividedBy(total).times(100));
}

function step(data: IdentityData, method: DecomposeMethod, from: number, to: number): StepSplit | Diagnostic {
  const y0 = data.years.get(from)!;
  const yT = data.years.get(to)!;
  const groups = [...new Set([...y0.keys(), ...yT.keys()])];
  for (const g of groups) {
    if (!y0.has(g) || !yT.has(g)) {
      const missing = y0.has(g) ? to : from;
      const other = missing === to ? from : to;
      return error('DECOMPOSE_GROUP_MISSING', { group: g, year: missing, other }, data.where?.get(`${other}\u0000${g}`) ?? { file: data.file });
    }
  }
  const ONE = new Decimal(1);
  const cells = groups.map((g) => {
    const a = y0.get(g)!;
    const b = yT.get(g)!;
    return { group: g, x0: a.map((x, i) => x ?? b[i] ?? ONE), xT: b.map((x, i) => x ?? a[i] ?? ONE) };
  });
  const n = data.factors.length;
  const add = additive(n, cells);
  const groupSplits = add.cells.map((c) => ({ group: c.group, start: c.v0, end: c.vT, effects: c.effects }));
  if (method === 'additive') {
    const s = shares(add.effects, method, add.change, null);
    return {
      from,
      to,
      start: add.start,
      end: add.end,
      change: add.change,
      ratio: add.start.isZero() ? null : add.end.dividedBy(add.start),
      effects: data.factors.map((f, i) => ({ factor: f.key, value: add.effects[i]!, share_pct: s[i]! })),
      residual: add.residual,
      groups: groupSplits,
    };
  }
  const mul = multiplicative(n, cells);
  if (!mul) return error('DECOMPOSE_TOTAL_ZERO', { year: add.start.isZero() ? from : to });
  const s = shares(mul.effects, method, add.change, mul.ratio);
  return {
    from,
    to,
    start: mul.start,
    end: mul.end,
    change: add.change,
    ratio: mul.ratio,
    effects: data.factors.map((f, i) => ({ factor: f.key, value: mul.effects[i]!, share_pct: s[i]! })),
    residual: mul.residual,
    groups: groupSplits,
  };
}

/**
 * Splits the change of Σ_groups Π_factors between two years (LMDI-I). Chained: year by year over every year
 * from `from` to `to` (each must be in the data), the total being the sum (additive) or product (multiplicative)
 * of the steps. Pure; problems come back as diagnostics.
 */
export function decompose(
  data: IdentityData,
  options: { from: number; to: number; method?: DecomposeMethod; chained?: boolean },
): DecomposeResult {
  const method = options.method ?? 'additive';
  const chained = options.chained ?? false;
  const { from, to } = options;
  const diagnostics: Diagnostic[] = [];
  const years = [...data.years.keys()].sort((a, b) => a - b);
  const empty = (): DecomposeResult => ({
    method,
    chained,
    factors: data.factors,
    quantity: data.quantity,
    groupLabels: data.groupLabels ?? new Map(),
    from,
    to,
    total: { from, to, start: ZERO, end: ZERO, change: ZERO, ratio: null, effects: [], residual: ZERO, groups: [] },
    steps: [],
    series: [],
    decoupling: [],
    diagnostics,
  });
  for (const y of [from, to]) {
    if (!data.years.has(y)) diagnostics.push(error('DECOMPOSE_YEAR_MISSING', { year: y, years: years.join(', ') || '—' }, { file: data.file }));
  }
  if (chained) {
    for (let y = from + 1; y < to; y++) {
      if (!data.years.has(y)) diagnostics.push(error('DECOMPOSE_CHAIN_GAP', { year: y, from, to }, { file: data.file }));
    }
  }
  if (diagnostics.length > 0) return empty();

  const steps: StepSplit[] = [];
  if (chained) {
    for (let y = from; y < to; y++) {
      const s = step(data, method, y, y + 1);
      if ('severity' in s) diagnostics.push(s);
      else steps.push(s);
    }
  }
  const direct = chained ? undefined : step(data, method, from, to);
  if (direct && 'severity' in direct) diagnostics.push(direct);
  if (diagnostics.length > 0) return empty();

  let total: StepSplit;
  if (direct && !('severity' in direct)) total = direct;
  else {
    const first = steps[0]!;
    const last = steps.at(-1)!;
    const change = last.end.minus(first.start);
    const ratio = first.start.isZero() ? null : last.end.dividedBy(first.start);
    const values = data.factors.map((_, i) =>
      method === 'additive' ? steps.reduce((a, s) => a.plus(s.effects[i]!.value), ZERO as Decimal) : product(steps.map((s) => s.effects[i]!.value)),
    );
    const s = shares(values, method, change, ratio);
    const residual =
      method === 'additive' ? values.reduce((a, v) => a.plus(v), ZERO as Decimal).minus(change) : product(values).minus(ratio ?? 0);
    // a group's chained effects are the sums of its yearly ones
    const groups = first.groups.map((g, gi) => ({
      group: g.group,
      start: g.start,
      end: last.groups[gi]!.end,
      effects: data.factors.map((_, i) => steps.reduce((a, st) => a.plus(st.groups[gi]!.effects[i]!), ZERO as Decimal)),
    }));
    total = {
      from,
      to,
      start: first.start,
      end: last.end,
      change,
      ratio,
      effects: data.factors.map((f, i) => ({ factor: f.key, value: values[i]!, share_pct: s[i]! })),
      residual,
      groups,
    };
  }

  const aggregate = (y: number) =>
    [...data.years.get(y)!.values()].reduce((a, x) => (x.some((v) => v === null) ? a : a.plus(product(x as Decimal[]))), ZERO as Decimal);
  const inRange = years.filter((y) => y >= from && y <= to);
  const series = inRange.map((y) => ({ year: y, value: aggregate(y), gdp: data.gdp?.get(y) ?? null }));
  const dec: Decoupling[] = [];
  for (let i = 1; i < series.length; i++) {
    const a = series[i - 1]!;
    const b = series[i]!;
    if (a.gdp && b.gdp && a.value.greaterThan(0)) dec.push(decoupling(a.year, b.year, a.value, b.value, a.gdp, b.gdp));
  }
  const first = series[0]!;
  const last = series.at(-1)!;
  if (series.length > 2 && first.gdp && last.gdp && first.value.greaterThan(0)) {
    dec.push(decoupling(first.year, last.year, first.value, last.value, first.gdp, last.gdp));
  }
  return {
    method,
    chained,
    factors: data.factors,
    quantity: data.quantity,
    groupLabels: data.groupLabels ?? new Map(),
    from,
    to,
    total,
    steps,
    series,
    decoupling: dec,
    diagnostics,
  };
}
