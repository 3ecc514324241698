import { Decimal, ZERO } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { FigureSource, IndicatorYear } from './indicators.js';
import { targetKey, type Indicator, type Target } from './targets.js';
import { chooseAssessmentRule, type AssessmentRule, type AssessmentRuleChoice } from './assessment.js';
import { appendAll } from '../arrays.js';

/** How GDP was brought to constant prices. */
export type GdpBasis = 'chained' | 'constant';

export interface IntensityOptions {
  /** base year of comparable prices; default the first year. Only used when the years carry gdp_index. */
  baseYear?: number | undefined;
  /** periods to assess; default every five-year plan the data covers (see `defaultPeriods`) */
  periods?: readonly { from: number; to: number }[] | undefined;
  /** targets, already chosen per indicator and period (see `targetsFromTables`, `mergeTargets`) */
  targets?: readonly Target[] | undefined;
  /**
   * China's assessment basis since 2021: energy for the intensity check excludes feedstock (原料用能)
   * and newly added renewable energy. Both raw and assessed figures are returned; targets of energy
   * intensity are then judged on the assessed one.
   */
  assessmentBasis?: boolean | AssessmentRule | 'auto' | undefined;
  /**
   * Intensities of years the data has no row for, given directly (`--base-2005`): the start of a period such as
   * the 2030 target against 2005. At the same comparable prices as the data's GDP (tce or tCO2 per 万元).
   */
  givenIntensities?: readonly GivenIntensity[] | undefined;
}

export interface GivenIntensity {
  year: number;
  indicator: Indicator;
  value: Decimal;
  /** where it came from, e.g. `--base-2005` */
  source: string;
}

export interface IntensityYear {
  year: number;
  /** as given: 亿元 at current prices (chained basis) or at constant prices */
  gdp: Decimal | null;
  gdp_index: Decimal | null;
  /** 亿元 at the base year's prices; null when it cannot be chained */
  gdp_constant: Decimal | null;
  energy_tce: Decimal | null;
  co2_t: Decimal | null;
  /** tce per 万元 = energy_tce / (gdp_constant × 10 000) */
  energy_intensity: Decimal | null;
  /** tCO2 per 万元 */
  carbon_intensity: Decimal | null;
  /** (1 − I_t / I_{t−1}) × 100; positive = decline (下降); null without the previous year */
  energy_intensity_reduction_pct: Decimal | null;
  carbon_intensity_reduction_pct: Decimal | null;
  feedstock_tce: Decimal | null;
  new_renewable_tce: Decimal | null;
  non_fossil_tce: Decimal | null;
  /** assessment basis only: energy_tce − feedstock_tce − (new_renewable_tce on the 2022 rule, non_fossil_tce on the 2024 rule) */
  energy_assessed_tce: Decimal | null;
  energy_intensity_assessed: Decimal | null;
  energy_intensity_assessed_reduction_pct: Decimal | null;
  sources: Partial<Record<'energy_tce' | 'co2_t' | 'feedstock_tce' | 'non_fossil_tce', FigureSource>>;
}

/** Which figure a period line measures: energy intensity as reported, as assessed, or carbon intensity. */
export type PeriodMeasure = 'energy_intensity' | 'energy_intensity_assessed' | 'carbon_intensity';

export type PeriodStatus = 'met' | 'missed' | 'on_track' | 'off_track' | 'no_target' | 'no_data';

export interface PeriodIndicator {
  measure: PeriodMeasure;
  indicator: Indicator;
  /** set when the first year's intensity was given (`--base-2005`), not computed from a row */
  from_given: string | null;
  /** the last year used: `to` when the period is complete, else the latest year with data */
  through: number | null;
  complete: boolean;
  from_value: Decimal | null;
  through_value: Decimal | null;
  /** cumulative (1 − I_through / I_from) × 100 */
  reduction_pct: Decimal | null;
  /** (1 − (I_through / I_from)^(1/(through − from))) × 100 */
  average_annual_pct: Decimal | null;
  target: Target | null;
  target_pct: Decimal | null;
  /** reduction_pct ≥ target_pct, judged on exact figures; null before the period ends or without a target */
  met: boolean | null;
  /**
   * Annual rate needed in each remaining year to reach the target:
   * (1 − ((1 − target/100) × I_from / I_through)^(1/(to − through))) × 100. Null when complete or without a target;
   * ≤ 0 means the target is already secured (the intensity may even rise by that much a year).
   */
  required_annual_pct: Decimal | null;
  /** the uniform annual rate that meets the target exactly over the whole period: (1 − (1 − target/100)^(1/(to − from))) × 100 */
  planned_annual_pct: Decimal | null;
  status: PeriodStatus;
}

export interface IntensityPeriod {
  from: number;
  to: number;
  /** number of the five-year plan whose period this is (14 for 2020–2025), else null */
  plan: number | null;
  energy_intensity_reduction_pct: Decimal | null;
  carbon_intensity_reduction_pct: Decimal | null;
  /** per indicator; energy intensity on the assessment basis when that is on */
  target_pct: Record<Indicator, Decimal | null>;
  met: Record<Indicator, boolean | null>;
  energy_intensity: PeriodIndicator;
  carbon_intensity: PeriodIndicator;
  /** present on the assessment basis */
  energy_intensity_assessed: PeriodIndicator | null;
}

export interface IntensityResult {
  gdp_basis: GdpBasis;
  /** base year of comparable prices (chained basis), else null */
  base_year: number | null;
  assessment_basis: boolean;
  /** the rule energy was assessed on (what was deducted, and its document); null when the assessment basis is off */
  assessment_rule: AssessmentRuleChoice | null;
  years: IntensityYear[];
  periods: IntensityPeriod[];
  /** targets that were used for a period */
  targets_used: Target[];
  /**
   * Targets over a span other than a five-year plan (2030 against 2005) whose first year has no figure while the data
   * reaches into the span: not assessed, and the notes say how to give it (a row for that year, `--base-2005`).
   */
  targets_not_assessed: Target[];
  diagnostics: Diagnostic[];
}

const HUNDRED = new Decimal(100);
const WAN_PER_YI = new Decimal(10000);

/** (1 − now / before) × 100: positive when the intensity fell. */
export function reductionPct(before: Decimal, now: Decimal): Decimal {
  return new Decimal(1).minus(now.dividedBy(before)).times(HUNDRED);
}

/** Average annual decline over n years: (1 − (now/before)^(1/n)) × 100. */
export function averageAnnualPct(before: Decimal, now: Decimal, years: number): Decimal {
  return new Decimal(1).minus(now.dividedBy(before).pow(new Decimal(1).dividedBy(years))).times(HUNDRED);
}

/** Rate per year over the `remaining` years that takes the intensity from `latest` to (1 − target/100) × `fromValue`. */
export function requiredAnnualPct(targetPct: Decimal, fromValue: Decimal, latest: Decimal, remaining: number): Decimal {
  const goal = new Decimal(1).minus(targetPct.dividedBy(HUNDRED)).times(fromValue);
  return new Decimal(1).minus(goal.dividedBy(latest).pow(new Decimal(1).dividedBy(remaining))).times(HUNDRED);
}

/** The five-year plan whose base year (the year before it starts) is `from`: 2020 → 14. */
export function planOf(from: number, to: number): number | null {
  if (to - from !== 5 || (from - 2005) % 5 !== 0) return null;
  return 11 + (from - 2005) / 5;
}

/**
 * The five-year plans the data covers: base year (2010, 2015, 2020, …) present and at least one
 * later year of the plan present. Plans with data inside them but no base year come back in `missing`.
 */
export function defaultPeriods(years: readonly number[]): { periods: { from: number; to: number }[]; missing: { from: number; to: number }[] } {
  const set = new Set(years);
  const periods: { from: number; to: number }[] = [];
  const missing: { from: number; to: number }[] = [];
  if (years.length === 0) return { periods, missing };
  const first = Math.min(...years);
  const last = Math.max(...years);
  for (let from = first - ((((first - 2005) % 5) + 5) % 5) - 5; from <= last; from += 5) {
    const to = from + 5;
    const later = years.some((y) => y > from && y <= to);
    if (set.has(from) && later) periods.push({ from, to });
    else if (!set.has(from) && years.some((y) => y > from && y < to)) missing.push({ from, to });
  }
  return { periods, missing };
}

/**
 * Energy and carbon intensity per year and over periods, at comparable prices. Pure: exact decimals in,
 * exact decimals out; nothing rounded. Ratios of sums: each intensity is a year's total over that year's GDP,
 * and a period's reduction is the ratio of its end points, never a sum or mean of yearly rates.
 */
export function computeIntensity(input: readonly IndicatorYear[], options: IntensityOptions = {}): IntensityResult {
  const diagnostics: Diagnostic[] = [];
  const rows = [...input].sort((a, b) => a.year - b.year);
  const asked = options.assessmentBasis === true ? 'auto' : options.assessmentBasis || undefined;
  const assessment = asked !== undefined;
  const chained = rows.some((r) => r.gdp_index !== undefined);
  const result: IntensityResult = {
    gdp_basis: chained ? 'chained' : 'constant',
    base_year: null,
    assessment_basis: assessment,
    assessment_rule: null,
    years: [],
    periods: [],
    targets_used: [],
    targets_not_assessed: [],
    diagnostics,
  };
  if (rows.length === 0) return result;

  // 1. GDP at comparable prices
  const constant = new Map<number, Decimal>();
  const byYear = new Map(rows.map((r) => [r.year, r]));
  if (chained) {
    const base = options.baseYear ?? rows[0]!.year;
    result.base_year = base;
    const baseRow = byYear.get(base);
    if (!baseRow || baseRow.gdp === undefined) {
      diagnostics.push(error('INTENSITY_BASE_YEAR_MISSING', { year: base, years: rows.map((r) => r.year).join(', ') }));
      return result;
    }
    constant.set(base, baseRow.gdp);
    // forward: G(t) = G(t−1) × index(t) / 100
    let broken: { missing: string; at: number } | undefined;
    for (let y = base + 1; y <= rows.at(-1)!.year; y++) {
      const row = byYear.get(y);
      if (!row) {
        broken ??= { missing: 'row', at: y };
        continue;
      }
      if (broken === undefined && row.gdp_index === undefined) broken = { missing: 'index', at: y };
      if (broken !== undefined) {
        diagnostics.push(warning('INTENSITY_CHAIN_BROKEN', { year: y, ...broken }, { file: row.file, line: row.line }));
        continue;
      }
      constant.set(y, constant.get(y - 1)!.times(row.gdp_index!).dividedBy(HUNDRED));
    }
    // backward, when the base is not the first year: G(t−1) = G(t) × 100 / index(t)
    broken = undefined;
    for (let y = base - 1; y >= rows[0]!.year; y--) {
      const next = byYear.get(y + 1);
      const row = byYear.get(y);
      if (!row) {
        broken ??= { missing: 'row', at: y };
        continue;
      }
      if (broken === undefined && (!next || next.gdp_index === undefined)) broken = { missing: next ? 'index' : 'row', at: y + 1 };
      if (broken !== undefined) {
        diagnostics.push(warning('INTENSITY_CHAIN_BROKEN', { year: y, ...broken }, { file: row.file, line: row.line }));
        continue;
      }
      constant.set(y, constant.get(y + 1)!.times(HUNDRED).dividedBy(next!.gdp_index!));
    }
  } else {
    if (options.baseYear !== undefined) diagnostics.push(warning('INTENSITY_BASE_YEAR_IGNORED', { year: options.baseYear }));
    for (const r of rows) if (r.gdp !== undefined) constant.set(r.year, r.gdp);
  }

  // periods assessed (their warnings are given in step 4, after those of the years)
  const rowYears = new Set(rows.map((r) => r.year));
  const periodWarnings: Diagnostic[] = [];
  let periods: { from: number; to: number }[];
  if (options.periods) periods = [...options.periods];
  else {
    const d = defaultPeriods(rows.map((r) => r.year));
    periods = d.periods;
    for (const m of d.missing) {
      periodWarnings.push(warning('INTENSITY_PERIOD_NOT_ASSESSED', { from: m.from, to: m.to, missing: 'base' }));
    }
    // a target over a longer span (2030 against 2005) is assessed when its first year is known and data follows it
    const given = new Set((options.givenIntensities ?? []).map((g) => `${g.year}:${g.indicator}`));
    for (const t of options.targets ?? []) {
      if (periods.some((p) => p.from === t.from && p.to === t.to)) continue;
      if (!rows.some((r) => r.year > t.from && r.year <= t.to)) continue;
      if (rowYears.has(t.from) || given.has(`${t.from}:${t.indicator}`)) periods.push({ from: t.from, to: t.to });
      else if (planOf(t.from, t.to) === null) result.targets_not_assessed.push(t);
    }
  }
  const rule = asked === undefined ? null : chooseAssessmentRule(asked, periods);
  result.assessment_rule = rule;
  const byNonFossil = rule?.rule === '2024';

  // 2. intensities per year
  const per = (value: Decimal | null, gdp: Decimal | null) => (value === null || gdp === null ? null : value.dividedBy(gdp.times(WAN_PER_YI)));
  const noEnergy: number[] = [];
  const noCo2: number[] = [];
  const noFeedstock: number[] = [];
  const noRenewable: number[] = [];
  // A year without a deduction that other years have is on another basis: its assessed figure
  // would make a false jump against its neighbours, so it is left out rather than deducted as 0.
  const anyFeedstock = rows.some((r) => r.feedstock_tce !== undefined);
  // the second deduction: new renewables (2022 rule) or all non-fossil energy (2024 rule, 113号)
  const second = (r: IndicatorYear) => (byNonFossil ? r.non_fossil_tce : r.new_renewable_tce);
  const secondColumn = byNonFossil ? 'non_fossil_tce' : 'new_renewable_tce';
  const anyRenewable = rows.some((r) => second(r) !== undefined);
  const partialBasis: number[] = [];
  for (const r of rows) {
    const gdpConstant = constant.get(r.year) ?? null;
    const energy = r.energy_tce ?? null;
    const co2 = r.co2_t ?? null;
    if (energy === null) noEnergy.push(r.year);
    if (co2 === null) noCo2.push(r.year);
    let assessed: Decimal | null = null;
    if (assessment && energy !== null) {
      if (r.feedstock_tce === undefined) noFeedstock.push(r.year);
      if (second(r) === undefined) noRenewable.push(r.year);
      const deduction = (r.feedstock_tce ?? ZERO).plus(second(r) ?? ZERO);
      const lacks = (anyFeedstock && r.feedstock_tce === undefined) || (anyRenewable && second(r) === undefined);
      if (lacks) partialBasis.push(r.year);
      else if (deduction.greaterThan(energy)) {
        diagnostics.push(
          error('INTENSITY_DEDUCTION_TOO_LARGE', { year: r.year, deduction: deduction.toFixed(), energy: energy.toFixed() }, { file: r.file, line: r.line }),
        );
      } else assessed = energy.minus(deduction);
    }
    result.years.push({
      year: r.year,
      gdp: r.gdp ?? null,
      gdp_index: r.gdp_index ?? null,
      gdp_constant: gdpConstant,
      energy_tce: energy,
      co2_t: co2,
      energy_intensity: per(energy, gdpConstant),
      carbon_intensity: per(co2, gdpConstant),
      energy_intensity_reduction_pct: null,
      carbon_intensity_reduction_pct: null,
      feedstock_tce: r.feedstock_tce ?? null,
      new_renewable_tce: r.new_renewable_tce ?? null,
      non_fossil_tce: r.non_fossil_tce ?? null,
      energy_assessed_tce: assessed,
      energy_intensity_assessed: per(assessed, gdpConstant),
      energy_intensity_assessed_reduction_pct: null,
      sources: { ...r.sources },
    });
  }
  const yearText = (ys: number[]) => compactYears(ys);
  if (noEnergy.length > 0) {
    diagnostics.push(warning('INTENSITY_NOT_COMPUTED', { indicator: 'energy_intensity', years: yearText(noEnergy), column: 'energy_tce' }));
  }
  if (noCo2.length > 0) {
    diagnostics.push(warning('INTENSITY_NOT_COMPUTED', { indicator: 'carbon_intensity', years: yearText(noCo2), column: 'co2_t' }));
  }
  if (partialBasis.length > 0) {
    diagnostics.push(warning('INTENSITY_BASIS_INCOMPLETE', { years: yearText(partialBasis) }));
  }
  if (noFeedstock.length > 0 && !anyFeedstock) {
    diagnostics.push(warning('INTENSITY_NO_DEDUCTION_DATA', { column: 'feedstock_tce', years: yearText(noFeedstock) }));
  }
  if (noRenewable.length > 0 && !anyRenewable) {
    diagnostics.push(warning('INTENSITY_NO_DEDUCTION_DATA', { column: secondColumn, years: yearText(noRenewable) }));
  }

  // 3. year-on-year, against the calendar year before
  const yearRow = new Map(result.years.map((y) => [y.year, y]));
  for (const y of result.years) {
    const prev = yearRow.get(y.year - 1);
    if (!prev) continue;
    const yoy = (a: Decimal | null, b: Decimal | null) => (a === null || b === null || a.isZero() ? null : reductionPct(a, b));
    y.energy_intensity_reduction_pct = yoy(prev.energy_intensity, y.energy_intensity);
    y.carbon_intensity_reduction_pct = yoy(prev.carbon_intensity, y.carbon_intensity);
    y.energy_intensity_assessed_reduction_pct = yoy(prev.energy_intensity_assessed, y.energy_intensity_assessed);
  }

  // 4. periods
  appendAll(diagnostics, periodWarnings);
  const targets = new Map((options.targets ?? []).map((t) => [targetKey(t), t]));
  const used = new Map<string, Target>();
  for (const { from, to } of periods) {
    const line = (measure: PeriodMeasure, indicator: Indicator): PeriodIndicator => {
      const value = (y: IntensityYear) => y[measure];
      const target = targets.get(targetKey({ indicator, from, to })) ?? null;
      const fromRow = yearRow.get(from);
      const given = measure === 'energy_intensity_assessed' ? undefined : options.givenIntensities?.find((g) => g.year === from && g.indicator === indicator);
      const computed = fromRow ? value(fromRow) : null;
      const fromValue = computed ?? given?.value ?? null;
      const candidates = result.years.filter((y) => y.year > from && y.year <= to && value(y) !== null);
      const last = candidates.at(-1);
      const targetPct = target?.reduction_pct ?? null;
      const planned = targetPct === null ? null : averageAnnualPct(HUNDRED, HUNDRED.minus(targetPct), to - from);
      const out: PeriodIndicator = {
        measure,
        indicator,
        from_given: computed === null && given ? given.source : null,
        through: null,
        complete: false,
        from_value: fromValue,
        through_value: null,
        reduction_pct: null,
        average_annual_pct: null,
        target,
        target_pct: targetPct,
        met: null,
        required_annual_pct: null,
        planned_annual_pct: planned,
        status: 'no_data',
      };
      if (fromValue === null || fromValue.isZero() || !last) return out;
      const lastValue = value(last)!;
      out.through = last.year;
      out.complete = last.year === to;
      out.through_value = lastValue;
      out.reduction_pct = reductionPct(fromValue, lastValue);
      out.average_annual_pct = averageAnnualPct(fromValue, lastValue, last.year - from);
      if (targetPct === null) {
        out.status = 'no_target';
        return out;
      }
      if (out.complete) {
        out.met = out.reduction_pct.greaterThanOrEqualTo(targetPct);
        out.status = out.met ? 'met' : 'missed';
      } else {
        out.required_annual_pct = lastValue.isZero() ? null : requiredAnnualPct(targetPct, fromValue, lastValue, to - last.year);
        out.status = out.required_annual_pct !== null && out.required_annual_pct.lessThanOrEqualTo(planned!) ? 'on_track' : 'off_track';
      }
      return out;
    };
    const energy = line('energy_intensity', 'energy_intensity');
    const carbon = line('carbon_intensity', 'carbon_intensity');
    const energyAssessed = assessment ? line('energy_intensity_assessed', 'energy_intensity') : null;
    if (energy.status === 'no_data' && carbon.status === 'no_data' && options.periods) {
      diagnostics.push(warning('INTENSITY_PERIOD_NOT_ASSESSED', { from, to, missing: yearRow.has(from) ? 'intensity' : 'base' }));
    }
    // judged on the assessment basis where both ends of the period have it, else as reported
    const energyJudged = energyAssessed && energyAssessed.status !== 'no_data' ? energyAssessed : energy;
    for (const l of [energyJudged, carbon]) if (l.target && l.status !== 'no_data') used.set(targetKey(l.target), l.target);
    result.periods.push({
      from,
      to,
      plan: planOf(from, to),
      energy_intensity_reduction_pct: energy.reduction_pct,
      carbon_intensity_reduction_pct: carbon.reduction_pct,
      target_pct: { energy_intensity: energyJudged.target_pct, carbon_intensity: carbon.target_pct },
      met: { energy_intensity: energyJudged.met, carbon_intensity: carbon.met },
      energy_intensity: energy,
      carbon_intensity: carbon,
      energy_intensity_assessed: energyAssessed,
    });
  }
  result.targets_used = [...used.values()];
  return result;
}

/** 2015, 2016, 2017, 2019 → "2015–2017, 2019". */
export function compactYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
