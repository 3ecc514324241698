import { Decimal, ZERO } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { levelVariables, rateVariables, type LevelVariable, type RateVariable } from './columns.js';
import type { ResolvedScenario } from './inherit.js';
import type { Cell } from './scenarios.js';

export type SeriesVariable = RateVariable | LevelVariable;
export const seriesVariables: readonly SeriesVariable[] = [...rateVariables, ...levelVariables];

/**
 * Everything the yearly recurrence needs, one value per year from `base_year` (index 0) to `end_year`.
 * Rates at index 0 are the rates held from the first row; they are not applied to the base year itself.
 */
export interface Drivers {
  scenario: string;
  base_year: number;
  end_year: number;
  /** 亿元 at base-year prices, and tce, in the base year */
  gdp: Decimal;
  energy_tce: Decimal;
  series: Record<SeriesVariable, Decimal[]>;
}

/** Monte Carlo ranges as offsets from the central value (low ≤ 0 ≤ high), filled like the values. */
export interface DriverRanges {
  gdp?: { low: Decimal; high: Decimal } | undefined;
  energy_tce?: { low: Decimal; high: Decimal } | undefined;
  series: Partial<Record<SeriesVariable, { low: Decimal[]; high: Decimal[] }>>;
}

/** Base-year figures from outside the scenarios file (`--indicators`, `--data`), used where the file gives none. */
export interface BaseLevels {
  gdp?: Decimal | undefined;
  energy_tce?: Decimal | undefined;
  co2_t?: Decimal | undefined;
  /** where they came from, for messages: `indicators`, `data` */
  source?: Partial<Record<'gdp' | 'energy_tce' | 'co2_t', string>> | undefined;
}

/**
 * LEAP's `Interp(y1, v1, y2, v2, …)`: a straight line between the given years, the first value before the first
 * year and the last after the last. `interp([[2000, 10], [2010, 16], [2020, 30]], 2005)` = 13.
 */
export function interp(points: readonly (readonly [number, Decimal])[], year: number): Decimal {
  if (points.length === 0) throw new Error('interp needs at least one point');
  if (year <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [y1, v1] = points[i]!;
    if (year <= y1) {
      const [y0, v0] = points[i - 1]!;
      return v0.plus(v1.minus(v0).times(year - y0).dividedBy(y1 - y0));
    }
  }
  return points[points.length - 1]![1];
}

/** LEAP's `Step`: the value of the latest given year at or before `year`; undefined before the first. */
export function step(points: readonly (readonly [number, Decimal])[], year: number): Decimal | undefined {
  let value: Decimal | undefined;
  for (const [y, v] of points) {
    if (y > year) break;
    value = v;
  }
  return value;
}

/**
 * Fills a resolved scenario year by year from its first year to `end` (default: the last year it gives):
 * rates as steps, levels by linear interpolation. The first year's levels come from the file, else from
 * `base` (indicators / activity data). `co2_per_fossil_tce` may instead be derived from a first-year `co2_t`:
 * (CO2 − process) / (energy × (1 − non-fossil share)).
 */
export function fillScenario(
  scenario: ResolvedScenario,
  options: { end?: number | undefined; base?: BaseLevels | undefined } = {},
): { drivers?: Drivers; ranges?: DriverRanges; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const years = [...scenario.rows.keys()];
  const baseYear = years[0]!;
  const lastGiven = years[years.length - 1]!;
  const endYear = options.end ?? lastGiven;
  const first = scenario.rows.get(baseYear)!;
  const at = scenario.at;

  // levels of GDP, energy and CO2 belong to the first year only
  for (const [year, cells] of scenario.rows) {
    if (year === baseYear) continue;
    for (const v of ['gdp', 'energy_tce', 'co2_t'] as const) {
      const c = cells[v];
      if (c) diagnostics.push(error('PATHWAY_LEVEL_AFTER_BASE', { scenario: scenario.name, column: v, year, base: baseYear }, c.at));
    }
  }
  if (endYear < baseYear) {
    diagnostics.push(error('PATHWAY_END_BEFORE_BASE', { scenario: scenario.name, end: endYear, base: baseYear }, at));
    return { diagnostics };
  }

  const baseLevel = (v: 'gdp' | 'energy_tce' | 'co2_t'): { value: Decimal; cell?: Cell } | undefined => {
    const cell = first[v];
    const outside = options.base?.[v];
    if (cell) {
      if (outside && !outside.isZero() && cell.value.minus(outside).abs().dividedBy(outside).greaterThan('0.001')) {
        diagnostics.push(
          warning(
            'PATHWAY_BASE_DIFFERS',
            { scenario: scenario.name, column: v, year: baseYear, file: cell.value.toFixed(), other: outside.toDecimalPlaces(6).toFixed(), source: options.base?.source?.[v] ?? '' },
            cell.at,
          ),
        );
      }
      return { value: cell.value, cell };
    }
    return outside ? { value: outside } : undefined;
  };
  const gdp = baseLevel('gdp');
  const energy = baseLevel('energy_tce');
  const co2 = baseLevel('co2_t');
  const missing = (column: string) =>
    diagnostics.push(error('PATHWAY_MISSING_BASE_LEVEL', { scenario: scenario.name, column, year: baseYear }, at));
  if (!gdp) missing('gdp');
  if (!energy) missing('energy_tce');
  if (!first.non_fossil_share_pct) missing('non_fossil_share_pct');
  if (!first.co2_per_fossil_tce && !co2) missing('co2_per_fossil_tce');
  if (first.co2_per_fossil_tce && first.co2_t) {
    diagnostics.push(warning('PATHWAY_CO2_IGNORED', { scenario: scenario.name, year: baseYear }, first.co2_t.at));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const n = endYear - baseYear + 1;
  const series = {} as Record<SeriesVariable, Decimal[]>;
  const ranges: DriverRanges = { series: {} };
  if (gdp!.cell?.low) ranges.gdp = { low: gdp!.cell.low.minus(gdp!.value), high: gdp!.cell.high!.minus(gdp!.value) };
  if (energy!.cell?.low) ranges.energy_tce = { low: energy!.cell.low.minus(energy!.value), high: energy!.cell.high!.minus(energy!.value) };

  const given = (v: SeriesVariable) => [...scenario.rows].filter(([, c]) => c[v] !== undefined).map(([y, c]) => [y, c[v]!] as const);

  for (const v of rateVariables) {
    const points = given(v);
    const values: Decimal[] = [];
    for (let i = 0; i < n; i++) {
      const value = step(points.map(([y, c]) => [y, c.value] as const), baseYear + Math.max(i, 1));
      if (value === undefined) {
        if (n > 1) diagnostics.push(error('PATHWAY_MISSING_RATE', { scenario: scenario.name, column: v, year: baseYear + Math.max(i, 1) }, at));
        values.push(ZERO);
        if (n > 1) break;
        continue;
      }
      values.push(value);
    }
    series[v] = values;
    if (points.some(([, c]) => c.low !== undefined)) {
      const off = (b: 'low' | 'high') => points.map(([y, c]) => [y, c[b] ? c[b]!.minus(c.value) : ZERO] as const);
      ranges.series[v] = {
        low: Array.from({ length: n }, (_, i) => step(off('low'), baseYear + Math.max(i, 1)) ?? ZERO),
        high: Array.from({ length: n }, (_, i) => step(off('high'), baseYear + Math.max(i, 1)) ?? ZERO),
      };
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  // the first year's CO2 per tce of fossil energy, given or derived from its CO2
  const process0 = first.process_co2_t?.value ?? ZERO;
  const nf0 = first.non_fossil_share_pct!.value;
  let cpf0 = first.co2_per_fossil_tce;
  if (!cpf0) {
    const fossil = energy!.value.times(new Decimal(1).minus(nf0.dividedBy(100)));
    const energyCo2 = co2!.value.minus(process0);
    if (fossil.isZero() || !energyCo2.greaterThan(0)) {
      diagnostics.push(error('PATHWAY_CANNOT_DERIVE_FACTOR', { scenario: scenario.name, year: baseYear }, co2!.cell?.at ?? at));
      return { diagnostics };
    }
    const value = energyCo2.dividedBy(fossil);
    const co2Cell = co2!.cell;
    cpf0 = {
      value,
      low: co2Cell?.low ? value.plus(co2Cell.low.minus(co2Cell.value).dividedBy(fossil)) : undefined,
      high: co2Cell?.high ? value.plus(co2Cell.high.minus(co2Cell.value).dividedBy(fossil)) : undefined,
      at: co2Cell?.at ?? at,
    };
  }
  for (const v of levelVariables) {
    let points: (readonly [number, Cell])[] = given(v);
    if (v === 'co2_per_fossil_tce' && !first.co2_per_fossil_tce) points = [[baseYear, cpf0], ...points];
    // process, sinks and CCUS not given in the first year are none then (a later figure ramps up from 0)
    if (points.length === 0 || points[0]![0] !== baseYear) points = [[baseYear, { value: ZERO, at }], ...points];
    series[v] = Array.from({ length: n }, (_, i) => interp(points.map(([y, c]) => [y, c.value] as const), baseYear + i));
    if (points.some(([, c]) => c.low !== undefined)) {
      const off = (b: 'low' | 'high') => points.map(([y, c]) => [y, c[b] ? c[b]!.minus(c.value) : ZERO] as const);
      ranges.series[v] = {
        low: Array.from({ length: n }, (_, i) => interp(off('low'), baseYear + i)),
        high: Array.from({ length: n }, (_, i) => interp(off('high'), baseYear + i)),
      };
    }
  }
  return {
    drivers: { scenario: scenario.name, base_year: baseYear, end_year: endYear, gdp: gdp!.value, energy_tce: energy!.value, series },
    ranges,
    diagnostics,
  };
}
