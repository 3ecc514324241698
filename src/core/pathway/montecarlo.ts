import { Decimal } from '../decimal.js';
import { evaluate, type EvaluationContext } from './evaluate.js';
import { seriesVariables, type DriverRanges, type Drivers } from './series.js';
import type { PathwayIndicator } from './checks.js';

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): integer arithmetic only (Math.imul, shifts), so the same seed
 * gives the same numbers on every machine and Node version. Returns uint32 values.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const TWO_32 = new Decimal(4294967296);
/** u in [0, 1), exact: the uint32 divided by 2^32 (a decimal, never a float). */
export const uniform = (x: number): Decimal => new Decimal(x).dividedBy(TWO_32);

/**
 * Monte Carlo runs compute at 20 significant digits (draws and projections): ample for percentiles of figures
 * printed to 6 decimals, and several times faster than the 50 digits of the accounts. Decimal.js is deterministic at
 * any precision, so runs are still identical everywhere.
 */
const Draw = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN });
const toDraw = (v: Decimal): Decimal => new Draw(v.toString()) as unknown as Decimal;

/**
 * Inverse CDF of the triangular distribution with minimum a, mode c, maximum b, at u (only a square root, so the
 * draw is the same everywhere): u < (c−a)/(b−a): a + √(u(b−a)(c−a)); else b − √((1−u)(b−a)(b−c)).
 */
export function triangular(u: Decimal, a: Decimal, c: Decimal, b: Decimal): Decimal {
  const width = b.minus(a);
  if (width.isZero()) return c;
  const fc = c.minus(a).dividedBy(width);
  if (u.lessThan(fc)) return a.plus(u.times(width).times(c.minus(a)).sqrt());
  return b.minus(new Decimal(1).minus(u).times(width).times(b.minus(c)).sqrt());
}

export interface Percentiles {
  p5: Decimal;
  p50: Decimal;
  p95: Decimal;
}

export interface MonteCarloResult {
  runs: number;
  seed: number;
  /** the variables that had ranges, in the order their draws are taken */
  variables: string[];
  /** how many runs peaked in each year */
  peak_years: { year: number; runs: number; share_pct: Decimal }[];
  peak_year: { p5: number; p50: number; p95: number };
  peaked_by_2030_pct: Decimal;
  peak_co2_t: Percentiles;
  co2_2030: Percentiles | null;
  checks: { target: PathwayIndicator; from: number | null; to: number; met_pct: Decimal }[];
}

/** Nearest rank: the ⌈p/100 × N⌉-th smallest (1-based). */
function nearestRank<T>(sorted: readonly T[], p: number): T {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function percentiles(values: Decimal[]): Percentiles {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return { p5: nearestRank(sorted, 5), p50: nearestRank(sorted, 50), p95: nearestRank(sorted, 95) };
}

/**
 * Monte Carlo over the `_low`/`_high` ranges: each run draws one u per variable (in a fixed order: gdp, energy,
 * then the series variables as in columns.ts) and moves every year of that variable to the triangular quantile of
 * u between its low, central and high values, so a run's years stay correlated (a persistent offset, not yearly
 * noise that would average out). The generator restarts from `seed` for each scenario.
 */
export function monteCarlo(d: Drivers, ranges: DriverRanges, ctx: EvaluationContext, runs: number, seed: number): MonteCarloResult {
  const next = mulberry32(seed);
  const ZERO = toDraw(new Decimal(0));
  const low = (x: Decimal) => toDraw(x);
  const central: Drivers = { ...d, gdp: toDraw(d.gdp), energy_tce: toDraw(d.energy_tce), series: { ...d.series } };
  for (const v of seriesVariables) central.series[v] = d.series[v].map(low);
  const order = [
    ...(ranges.gdp ? ['gdp'] : []),
    ...(ranges.energy_tce ? ['energy_tce'] : []),
    ...seriesVariables.filter((v) => ranges.series[v] !== undefined),
  ];
  const peakYears: number[] = [];
  const peakValues: Decimal[] = [];
  const co2In2030: Decimal[] = [];
  let by2030 = 0;
  const met = new Map<string, { target: PathwayIndicator; from: number | null; to: number; count: number }>();
  for (let r = 0; r < runs; r++) {
    const run: Drivers = { ...central, series: { ...central.series } };
    for (const v of order) {
      const u = toDraw(uniform(next()));
      if (v === 'gdp' || v === 'energy_tce') {
        const range = ranges[v]!;
        run[v] = central[v].plus(triangular(u, toDraw(range.low), ZERO, toDraw(range.high)));
      } else {
        const key = v as (typeof seriesVariables)[number];
        const range = ranges.series[key]!;
        run.series[key] = central.series[key].map((value, i) => value.plus(triangular(u, toDraw(range.low[i]!), ZERO, toDraw(range.high[i]!))));
      }
    }
    const e = evaluate(run, ctx);
    peakYears.push(e.peak.peak_year);
    peakValues.push(e.peak.peak_co2_t);
    if (e.co2_2030) co2In2030.push(e.co2_2030);
    if (e.peak.peaked_by_2030) by2030++;
    for (const c of e.checks) {
      if (c.met === null) continue;
      const k = `${c.target}:${c.from}-${c.to}`;
      const entry = met.get(k) ?? { target: c.target, from: c.from, to: c.to, count: 0 };
      if (c.met) entry.count++;
      met.set(k, entry);
    }
  }
  const pct = (count: number) => new Decimal(count).times(100).dividedBy(runs);
  const counts = new Map<number, number>();
  for (const y of peakYears) counts.set(y, (counts.get(y) ?? 0) + 1);
  const sortedYears = [...peakYears].sort((a, b) => a - b);
  return {
    runs,
    seed,
    variables: order,
    peak_years: [...counts].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, runs: n, share_pct: pct(n) })),
    peak_year: { p5: nearestRank(sortedYears, 5), p50: nearestRank(sortedYears, 50), p95: nearestRank(sortedYears, 95) },
    peaked_by_2030_pct: pct(by2030),
    peak_co2_t: percentiles(peakValues),
    co2_2030: co2In2030.length === runs ? percentiles(co2In2030) : null,
    checks: [...met.values()].map((c) => ({ target: c.target, from: c.from, to: c.to, met_pct: pct(c.count) })),
  };
}
