import { Decimal } from '../decimal.js';
import { reductionPct, requiredAnnualPct } from '../intensity/compute.js';

const HUNDRED = new Decimal(100);

export type PathwayIndicator = 'energy_intensity' | 'carbon_intensity' | 'non_fossil_share';

/**
 * A target a pathway is checked against, taken from the bundled target tables (never written in code):
 * for intensities `target_pct` is the decline of year `to` against year `from`; for the non-fossil share
 * it is the share to reach in `to` (`from` is null).
 */
export interface PathwayTarget {
  indicator: PathwayIndicator;
  from: number | null;
  to: number;
  target_pct: Decimal;
  /** the target is a floor ("or more", 以上): met when the figure is at least the target; always so for these */
  region: string;
  /** `id@version` of the table */
  source: string;
  /** set when the requested region has none and the national one is used */
  fallback_for?: string | undefined;
  /** the Chinese names of region and fallback_for (甘肃, 全国), from the tables' notes */
  region_zh?: string | undefined;
  fallback_for_zh?: string | undefined;
}

/** The checks every pathway gets (a plan's own headline targets); others in the tables are added when in range. */
export const standardChecks: readonly { indicator: PathwayIndicator; from: number | null; to: number }[] = [
  { indicator: 'energy_intensity', from: 2020, to: 2025 },
  { indicator: 'carbon_intensity', from: 2020, to: 2025 },
  { indicator: 'carbon_intensity', from: 2005, to: 2030 },
  { indicator: 'non_fossil_share', from: null, to: 2025 },
  { indicator: 'non_fossil_share', from: null, to: 2030 },
  { indicator: 'non_fossil_share', from: null, to: 2060 },
];

export type CheckStatus = 'met' | 'missed' | 'no_target' | 'no_data';

export interface PathwayCheck {
  target: PathwayIndicator;
  from: number | null;
  to: number;
  /** the pathway's figure: the decline in % (intensities) or the share in % (non-fossil) */
  value_pct: Decimal | null;
  target_pct: Decimal | null;
  met: boolean | null;
  status: CheckStatus;
  /** intensities: the constant yearly decline from the projection's first year that meets the target exactly */
  required_annual_pct: Decimal | null;
  region: string | null;
  source: string | null;
  fallback_for: string | null;
  region_zh?: string | undefined;
  fallback_for_zh?: string | undefined;
  /** why there is no figure (`no_2005_level`, `no_from_year`, …) */
  why: string | null;
}

/** A year's figures as the checks read them: projected, or observed before the projection starts. */
export interface CheckYear {
  energy_intensity: Decimal | null;
  carbon_intensity: Decimal | null;
  non_fossil_share_pct: Decimal | null;
}

export interface CheckContext {
  /** figures by year: the projection, and history before its first year */
  at: (year: number) => CheckYear | undefined;
  base_year: number;
  end_year: number;
  /** carbon intensity of 2005 at the base year's prices, when known */
  carbon_intensity_2005: Decimal | null;
}

const key = (c: { indicator: PathwayIndicator; from: number | null; to: number }) => `${c.indicator}:${c.from ?? ''}-${c.to}`;

/**
 * Checks a pathway against the targets: the standard set whose target year lies in the projection, and every
 * other bundled target in range. A standard check with no bundled target says `no_target` (nothing is invented);
 * checks against 2005 appear only when a 2005 level is known (`--ci-2005`, or a 2005 row in the history).
 */
export function checkPathway(targets: readonly PathwayTarget[], ctx: CheckContext): PathwayCheck[] {
  const byKey = new Map(targets.map((t) => [key(t), t]));
  const wanted = new Map<string, { indicator: PathwayIndicator; from: number | null; to: number }>();
  for (const c of standardChecks) wanted.set(key(c), c);
  for (const t of targets) wanted.set(key(t), t);
  const out: PathwayCheck[] = [];
  for (const c of wanted.values()) {
    if (c.to < ctx.base_year || c.to > ctx.end_year) continue;
    if (c.indicator === 'carbon_intensity' && c.from === 2005 && ctx.carbon_intensity_2005 === null) continue;
    const target = byKey.get(key(c));
    const check: PathwayCheck = {
      target: c.indicator,
      from: c.from,
      to: c.to,
      value_pct: null,
      target_pct: target?.target_pct ?? null,
      met: null,
      status: 'no_data',
      required_annual_pct: null,
      region: target?.region ?? null,
      source: target?.source ?? null,
      fallback_for: target?.fallback_for ?? null,
      region_zh: target?.region_zh,
      fallback_for_zh: target?.fallback_for_zh,
      why: null,
    };
    const end = ctx.at(c.to);
    if (c.indicator === 'non_fossil_share') {
      check.value_pct = end?.non_fossil_share_pct ?? null;
    } else {
      const measure = c.indicator;
      const fromValue = c.from === 2005 && measure === 'carbon_intensity' && ctx.carbon_intensity_2005 !== null ? ctx.carbon_intensity_2005 : c.from === null ? null : (ctx.at(c.from)?.[measure] ?? null);
      const toValue = end?.[measure] ?? null;
      if (fromValue === null) check.why = c.from === 2005 ? 'no_2005_level' : 'no_from_year';
      if (fromValue !== null && toValue !== null) check.value_pct = reductionPct(fromValue, toValue);
      const baseValue = ctx.at(ctx.base_year)?.[measure] ?? null;
      if (target && fromValue !== null && baseValue !== null && c.from !== null && c.from <= ctx.base_year && c.to > ctx.base_year) {
        check.required_annual_pct = requiredAnnualPct(target.target_pct, fromValue, baseValue, c.to - ctx.base_year);
      }
    }
    if (!target) check.status = 'no_target';
    else if (check.value_pct !== null) {
      check.met = check.value_pct.greaterThanOrEqualTo(target.target_pct);
      check.status = check.met ? 'met' : 'missed';
    }
    out.push(check);
  }
  return out.sort((a, b) => a.to - b.to || order(a.target) - order(b.target) || (a.from ?? 0) - (b.from ?? 0));
}

const order = (i: PathwayIndicator) => ['energy_intensity', 'carbon_intensity', 'non_fossil_share'].indexOf(i);

/**
 * The carbon intensity of 2005 from a published cumulative decline: "CO2 per GDP in `year` was `pct` % below 2005"
 * gives I_2005 = I_year / (1 − pct/100). Published cumulative figures are taken as given, never re-derived.
 */
export function carbonIntensity2005(intensityInYear: Decimal, reductionSince2005Pct: Decimal): Decimal {
  return intensityInYear.dividedBy(new Decimal(1).minus(reductionSince2005Pct.dividedBy(HUNDRED)));
}
