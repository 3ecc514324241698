import { Decimal } from '../decimal.js';
import type { Diagnostic } from '../diagnostics.js';
import { computeIntensity } from '../intensity/compute.js';
import type { IndicatorYear } from '../intensity/indicators.js';

/** An observed year (from `--indicators`, with `--data` merged in), GDP chained to the projection's base-year prices. */
export interface ObservedYear {
  year: number;
  gdp: Decimal | null;
  energy_tce: Decimal | null;
  co2_t: Decimal | null;
  energy_intensity: Decimal | null;
  carbon_intensity: Decimal | null;
}

export type PeakingStatus = 'peaked' | 'not_peaked' | 'unknown';

/**
 * C40's peaking test for an observed series (ojwills/City-Emissions-Peaking-Analysis, README "Data Analysis"):
 * 1) at least 3 data points; 2) the peak more than 5 years before the latest point; 3) the latest point no more
 * than 5 years old; 4) the peak more than 10 % above the latest point. All four: peaked. 1 and 3 true with 2
 * and 4 false: not peaked. Anything else: unknown.
 */
export interface PeakingTest {
  status: PeakingStatus;
  points: number;
  peak_year: number | null;
  peak_co2_t: Decimal | null;
  latest_year: number | null;
  latest_co2_t: Decimal | null;
  /** the year "old" is measured from (the run's year unless given) */
  as_of: number;
  criteria: { enough_points: boolean; peak_long_before_latest: boolean; latest_recent: boolean; peak_well_above_latest: boolean };
}

export function peakingTest(series: readonly { year: number; co2_t: Decimal }[], asOf: number): PeakingTest {
  const points = [...series].sort((a, b) => a.year - b.year);
  let peak = points[0];
  for (const p of points) if (peak && p.co2_t.greaterThan(peak.co2_t)) peak = p;
  const latest = points[points.length - 1];
  const criteria = {
    enough_points: points.length >= 3,
    peak_long_before_latest: !!peak && !!latest && latest.year - peak.year > 5,
    latest_recent: !!latest && asOf - latest.year <= 5,
    peak_well_above_latest: !!peak && !!latest && peak.co2_t.greaterThan(latest.co2_t.times('1.1')),
  };
  const all = criteria.enough_points && criteria.peak_long_before_latest && criteria.latest_recent && criteria.peak_well_above_latest;
  const not = criteria.enough_points && criteria.latest_recent && !criteria.peak_long_before_latest && !criteria.peak_well_above_latest;
  return {
    status: all ? 'peaked' : not ? 'not_peaked' : 'unknown',
    points: points.length,
    peak_year: peak?.year ?? null,
    peak_co2_t: peak?.co2_t ?? null,
    latest_year: latest?.year ?? null,
    latest_co2_t: latest?.co2_t ?? null,
    as_of: asOf,
    criteria,
  };
}

export interface History {
  years: ObservedYear[];
  peaking: PeakingTest;
  /** the intensities are at this year's prices (the projection's base year), or null if GDP could not be chained to it */
  price_year: number | null;
  diagnostics: Diagnostic[];
}

/**
 * The observed years, with GDP at the projection's base-year prices (chained with the growth index as `intensity`
 * does), so observed and projected intensities can be compared and the 2020→2025 checks can start from history.
 */
export function observedHistory(years: readonly IndicatorYear[], baseYear: number, asOf: number): History {
  const hasBase = years.some((y) => y.year === baseYear);
  const result = computeIntensity(years, hasBase ? { baseYear, periods: [] } : { periods: [] });
  const chained = hasBase || result.gdp_basis === 'constant';
  const observed: ObservedYear[] = result.years.map((y) => ({
    year: y.year,
    gdp: chained ? y.gdp_constant : null,
    energy_tce: y.energy_tce,
    co2_t: y.co2_t,
    energy_intensity: chained ? y.energy_intensity : null,
    carbon_intensity: chained ? y.carbon_intensity : null,
  }));
  const co2 = observed.filter((y) => y.co2_t !== null).map((y) => ({ year: y.year, co2_t: y.co2_t! }));
  return {
    years: observed,
    peaking: peakingTest(co2, asOf),
    price_year: chained ? (result.gdp_basis === 'constant' ? null : baseYear) : null,
    diagnostics: result.diagnostics,
  };
}
