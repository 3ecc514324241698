import type { FactorTable } from '../factors/table.js';
import { targetsFromTables } from '../intensity/targets.js';
import type { PathwayTarget } from './checks.js';

/**
 * The targets a pathway is checked against, from the bundled target tables only (plus a user's table when
 * given): intensity declines per period, for `region` or else national. Nothing is written in code: a target the
 * tables lack is reported as "no bundled target".
 */
export function pathwayTargets(tiers: readonly (readonly FactorTable[])[], region: string): PathwayTarget[] {
  return targetsFromTables(tiers, region).map((t) => ({
    indicator: t.indicator,
    from: t.from,
    to: t.to,
    target_pct: t.reduction_pct,
    region: t.region,
    source: t.source,
    fallback_for: t.fallback_for,
  }));
}
