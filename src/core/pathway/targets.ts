import { regionNamesZh } from '../calc/grid-region.js';
import type { FactorTable } from '../factors/table.js';
import { allTargetsFromTables, targetPct } from '../intensity/targets.js';
import type { PathwayTarget } from './checks.js';

/**
 * The targets a pathway is checked against, from the bundled target tables only (plus a user's table when
 * given): intensity declines per period and non-fossil shares per year, for `region` or else national. Nothing
 * is written in code: a target the tables lack is reported as "no bundled target". A share's `from` (the plan's
 * base year) does not matter to a level, so it is dropped; 左右 ("about") and 以上 ("or more") are both judged as
 * value ≥ figure, as `intensity` does.
 */
export function pathwayTargets(tiers: readonly (readonly FactorTable[])[], region: string): PathwayTarget[] {
  const names = regionNamesZh(tiers.flat());
  return allTargetsFromTables(tiers, region).map((t) => ({
    indicator: t.indicator,
    from: t.indicator === 'non_fossil_share' ? null : t.from,
    to: t.to,
    target_pct: targetPct(t),
    region: t.region,
    source: t.source,
    fallback_for: t.fallback_for,
    region_zh: names.get(t.region),
    fallback_for_zh: t.fallback_for === undefined ? undefined : names.get(t.fallback_for),
  }));
}
