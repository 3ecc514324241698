import type { Decimal } from '../decimal.js';
import { carbonIntensity2005, checkPathway, type PathwayCheck, type PathwayTarget, type CheckYear } from './checks.js';
import type { ObservedYear } from './history.js';
import { cumulative, peakOf, type PeakSummary } from './peak.js';
import { project, type PathwayYear } from './project.js';
import type { Drivers } from './series.js';

/** What is shared by every run of every scenario: history, targets, the 2005 reference. */
export interface EvaluationContext {
  history: readonly ObservedYear[];
  targets: readonly PathwayTarget[];
  /** how the 2005 carbon intensity is known, if it is: a history row, or a published decline of a later year */
  ci2005?: { year: number; reduction_pct: Decimal } | undefined;
  plateauPct?: Decimal | undefined;
}

/** The figures of one projection that a plan reports. */
export interface Evaluation {
  years: PathwayYear[];
  peak: PeakSummary;
  co2_2030: Decimal | null;
  cumulative_2021_2030: Decimal | null;
  cumulative_2021_2060: Decimal | null;
  net_2060: Decimal | null;
  carbon_intensity_2005: Decimal | null;
  checks: PathwayCheck[];
}

/** Projects the drivers and reads off peak, totals and checks (history fills the years before the projection). */
export function evaluate(drivers: Drivers, ctx: EvaluationContext): Evaluation {
  const years = project(drivers);
  const peak = peakOf(years, ctx.plateauPct);
  const byYear = new Map(years.map((y) => [y.year, y]));
  const observed = new Map(ctx.history.filter((h) => h.year < drivers.base_year).map((h) => [h.year, h]));
  const at = (year: number): CheckYear | undefined => {
    const p = byYear.get(year);
    if (p) return p;
    const h = observed.get(year);
    return h ? { energy_intensity: h.energy_intensity, carbon_intensity: h.carbon_intensity, non_fossil_share_pct: null } : undefined;
  };
  let ci2005: Decimal | null = null;
  if (ctx.ci2005) {
    const ci = at(ctx.ci2005.year)?.carbon_intensity ?? null;
    if (ci !== null) ci2005 = carbonIntensity2005(ci, ctx.ci2005.reduction_pct);
  } else {
    ci2005 = observed.get(2005)?.carbon_intensity ?? null;
  }
  const joined = [
    ...[...observed.values()].map((h) => ({ year: h.year, co2_t: h.co2_t })),
    ...years.map((y) => ({ year: y.year, co2_t: y.co2_t as Decimal | null })),
  ];
  return {
    years,
    peak,
    co2_2030: byYear.get(2030)?.co2_t ?? null,
    cumulative_2021_2030: cumulative(joined, 2021, 2030),
    cumulative_2021_2060: cumulative(joined, 2021, 2060),
    net_2060: byYear.get(2060)?.net_co2_t ?? null,
    carbon_intensity_2005: ci2005,
    checks: checkPathway(ctx.targets, { at, base_year: drivers.base_year, end_year: drivers.end_year, carbon_intensity_2005: ci2005 }),
  };
}
