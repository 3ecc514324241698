import type { Decimal } from '../decimal.js';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Totals } from '../calc/aggregate.js';
import type { IndicatorYear } from './indicators.js';

/**
 * Which CO2 total of the activity data is the numerator of carbon intensity (see docs/INTENSITY.md):
 * - `consumption` (default): scope 1 without power and heat plants + scope 2 (purchased electricity and heat);
 *   energy-related CO2 including that of the electricity the city uses, each tonne once.
 * - `territorial`: all scope 1 (fuel burned inside the city, power plants included; IPCC/CEADs view).
 * - `total`: scope 1 + scope 2, every row once (counts local power twice when the city also buys it).
 * - `provincial`: scope 1 + net imported electricity and heat at their factors (省级核算, the assessment's basis).
 */
export type Co2View = 'consumption' | 'territorial' | 'total' | 'provincial';
export const co2Views: readonly Co2View[] = ['consumption', 'territorial', 'total', 'provincial'];

/** One year of activity data reduced to what intensity needs. */
export interface ActivityYearTotals {
  year: number;
  energy_tce: Decimal;
  co2_t: Decimal;
  feedstock_tce: Decimal;
  /** non-fossil energy on the basis of energy_tce (for the 2024 assessment rule), when the report has it */
  non_fossil_tce?: Decimal | undefined;
}

/** Picks energy, the chosen CO2 view and feedstock out of the per-year totals of a calc report (`report.years`). */
export function activityTotals(years: readonly { year: number; totals: Totals }[], view: Co2View = 'consumption'): ActivityYearTotals[] {
  return years.map(({ year, totals }) => ({
    year,
    energy_tce: totals.energy_tce,
    co2_t:
      view === 'consumption'
        ? totals.consumption_co2_t
        : view === 'territorial'
          ? totals.territorial_co2_t
          : view === 'provincial'
            ? totals.provincial_co2_t
            : totals.co2_t,
    feedstock_tce: totals.feedstock_tce,
    non_fossil_tce: totals.non_fossil_tce,
  }));
}

/**
 * Puts the totals computed from activity data (`--data`) into the indicator years. Where the indicators
 * file gives a figure too, the activity data wins and a warning says so. Years that the indicators file
 * does not list are not used (they have no GDP), with a warning.
 */
export function mergeActivityTotals(
  years: readonly IndicatorYear[],
  data: readonly ActivityYearTotals[],
): { years: IndicatorYear[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byYear = new Map(data.map((d) => [d.year, d]));
  const listed = new Set(years.map((y) => y.year));
  const out = years.map((y) => {
    const d = byYear.get(y.year);
    if (!d) return { ...y, sources: { ...y.sources } };
    const merged: IndicatorYear = { ...y, sources: { ...y.sources } };
    for (const column of ['energy_tce', 'co2_t', 'feedstock_tce', 'non_fossil_tce'] as const) {
      const dataValue = d[column];
      if (dataValue === undefined) continue;
      const fileValue = y[column];
      // the file agrees when it gives the computed figure to the decimals it writes (a computed CO2 has
      // endless decimals: 11637476.04553 agrees with 11637476.0455301666…)
      if (fileValue !== undefined && !dataValue.toDecimalPlaces(fileValue.decimalPlaces()).equals(fileValue)) {
        diagnostics.push(
          warning(
            'INTENSITY_DATA_OVERRIDES',
            { year: y.year, column, fileValue: short(fileValue), dataValue: short(dataValue) },
            { file: y.file, line: y.line },
          ),
        );
      }
      merged[column] = dataValue;
      merged.sources[column] = 'data';
    }
    return merged;
  });
  for (const d of data) if (!listed.has(d.year)) diagnostics.push(warning('INTENSITY_DATA_YEAR_IGNORED', { year: d.year }));
  return { years: out, diagnostics };
}

/** A figure for a message: at most 6 decimals, no trailing zeros. */
function short(d: Decimal): string {
  return d.toDecimalPlaces(6).toFixed();
}
