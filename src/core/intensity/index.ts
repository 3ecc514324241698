/**
 * Energy and carbon intensity (能耗强度、碳排放强度) per unit of GDP at comparable prices, year-on-year
 * and over periods, against national and provincial targets. Pure: no files, no process; exact decimals.
 *
 * Typical use (what `jinchang-carbon intensity` and the annual report do):
 *
 * ```ts
 * const decoded = decodeText(bytes, 'indicators.csv');            // UTF-8, BOM or GBK
 * const parsed = parseIndicators(decoded.text, 'indicators.csv');  // { years, diagnostics }
 * let years = parsed.years;
 * // optional: energy and CO2 from activity data (a CalcReport of runCalculation)
 * years = mergeActivityTotals(years, activityTotals(report.years, 'consumption')).years;
 * const targets = targetsFromTables([registry.ofKind('targets')], 'gansu');
 * const result = computeIntensity(years, { targets });
 * result.years[0].energy_intensity;                 // Decimal | null, tce per 万元
 * result.periods[0].energy_intensity.status;        // 'met' | 'missed' | 'on_track' | …
 * ```
 *
 * Result keys follow the SPEC's JSON of `intensity`: years[].{year, gdp_constant, energy_tce, co2_t,
 * energy_intensity, carbon_intensity, energy_intensity_reduction_pct, carbon_intensity_reduction_pct} and
 * periods[].{from, to, energy_intensity_reduction_pct, carbon_intensity_reduction_pct, target_pct, met}, with
 * `target_pct` and `met` given per indicator ({ energy_intensity, carbon_intensity }) and the full detail
 * of each indicator under periods[].energy_intensity / carbon_intensity (/ energy_intensity_assessed).
 * Reductions are percentages, positive = decline (下降). Nothing is rounded; format with `renderIntensity`.
 */
export { parseIndicators, indicatorYears, indicatorAliases } from './indicators.js';
export type { IndicatorYear, IndicatorColumn, ParsedIndicators, FigureSource } from './indicators.js';
export {
  computeIntensity,
  defaultPeriods,
  reductionPct,
  averageAnnualPct,
  requiredAnnualPct,
  planOf,
  compactYears,
} from './compute.js';
export type {
  IntensityOptions,
  IntensityResult,
  IntensityYear,
  IntensityPeriod,
  PeriodIndicator,
  PeriodMeasure,
  PeriodStatus,
  GdpBasis,
  GivenIntensity,
} from './compute.js';
export {
  targetsFromTables,
  allTargetsFromTables,
  shareTargetsFromTables,
  targetsFor,
  targetPct,
  targetIndicators,
  mergeTargets,
  parseTargetOption,
  missingTargetReason,
  fallbackWarnings,
  targetKey,
  indicators,
} from './targets.js';
export type { Target, ShareTarget, AnyTarget, Indicator, TargetIndicator, TargetQualifier } from './targets.js';
export { activityTotals, mergeActivityTotals, co2Views } from './merge.js';
export type { Co2View, ActivityYearTotals } from './merge.js';
export {
  renderIntensity,
  intensityJson,
  intensityMachineTabular,
  yearsTabular,
  periodsTabular,
  intensityNotes,
  declineText,
  periodLabel,
  qualifiedPct,
} from './format.js';
export type { IntensityRenderOptions } from './format.js';
export { intensityOnBothBases, basesNote, BASIS_KEYS, type BasisIntensityYear, type IntensityBases } from './bases.js';
