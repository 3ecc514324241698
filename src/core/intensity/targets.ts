import { Decimal } from '../decimal.js';
import { warning, type Diagnostic } from '../diagnostics.js';
import { newest } from '../factors/registry.js';
import { tableRef, type FactorTable } from '../factors/table.js';

export type Indicator = 'energy_intensity' | 'carbon_intensity';
export const indicators: readonly Indicator[] = ['energy_intensity', 'carbon_intensity'];
/** Every indicator a targets table can hold: the two intensities (reductions) and the non-fossil share (a level). */
export type TargetIndicator = Indicator | 'non_fossil_share';
export const targetIndicators: readonly TargetIndicator[] = [...indicators, 'non_fossil_share'];

/** How the document words the figure: 左右 (`about`) or 以上 (`at_least`); both are judged as value ≥ figure. */
export type TargetQualifier = 'about' | 'at_least';

/** A reduction target: the intensity of year `to` is to be `reduction_pct` % below that of year `from`. */
export interface Target {
  indicator: Indicator;
  from: number;
  to: number;
  reduction_pct: Decimal;
  /** the region the target belongs to (`national`, `gansu`, …; `user` for --target) */
  region: string;
  /** `id@version` of the table, or `--target` */
  source: string;
  /** set when the requested region had no target and this region's (national) is used instead */
  fallback_for?: string | undefined;
  qualifier?: TargetQualifier | undefined;
  note?: string | undefined;
}

/** A level target: non-fossil energy is to be `share_pct` % of total energy consumption in year `to`. */
export interface ShareTarget {
  indicator: 'non_fossil_share';
  /** the base year of the plan that sets it (2020 for the 14th FYP and the carbon-peak plans) */
  from: number;
  to: number;
  share_pct: Decimal;
  region: string;
  source: string;
  fallback_for?: string | undefined;
  qualifier?: TargetQualifier | undefined;
  note?: string | undefined;
}

export type AnyTarget = Target | ShareTarget;

export const targetKey = (t: { indicator: TargetIndicator; from: number; to: number }) => `${t.indicator}:${t.from}-${t.to}`;

function targetOfRow(values: Record<string, unknown>, source: string): AnyTarget {
  const common = {
    from: Number(values.from),
    to: Number(values.to),
    region: String(values.region),
    source,
    qualifier: values.qualifier === 'about' || values.qualifier === 'at_least' ? (values.qualifier as TargetQualifier) : undefined,
    note: values.note === undefined || values.note === '' ? undefined : String(values.note),
  };
  if (values.indicator === 'non_fossil_share') return { indicator: 'non_fossil_share', share_pct: values.share_pct as Decimal, ...common };
  return { indicator: values.indicator as Indicator, reduction_pct: values.reduction_pct as Decimal, ...common };
}

/**
 * Every target for `region` from target tables (kind `targets`), of every indicator. Per indicator and period
 * the region's own row is used, else the `national` row (marked `fallback_for`). Tables later in `tiers` take
 * precedence over earlier ones (bundled first, then the user's table); within a tier, only the newest version
 * of an id counts. A region's own row in any tier beats a national fallback in any tier.
 */
export function allTargetsFromTables(tiers: readonly (readonly FactorTable[])[], region: string): AnyTarget[] {
  const own = new Map<string, AnyTarget>();
  const fallback = new Map<string, AnyTarget>();
  for (const tier of tiers) {
    const byId = new Map<string, FactorTable[]>();
    for (const t of tier) if (t.meta.kind === 'targets') byId.set(t.meta.id, [...(byId.get(t.meta.id) ?? []), t]);
    for (const versions of byId.values()) {
      const table = newest(versions)!;
      for (const row of table.rows) {
        const target = targetOfRow(row.values, tableRef(table));
        if (target.region === region) own.set(targetKey(target), target);
        else if (target.region === 'national') fallback.set(targetKey(target), { ...target, fallback_for: region });
      }
    }
  }
  const out = new Map(fallback);
  for (const [k, t] of own) out.set(k, t);
  return [...out.values()].sort(compareTargets);
}

/** The intensity-reduction targets for `region` (see `allTargetsFromTables`). */
export function targetsFromTables(tiers: readonly (readonly FactorTable[])[], region: string): Target[] {
  return allTargetsFromTables(tiers, region).filter((t): t is Target => t.indicator !== 'non_fossil_share');
}

/** The non-fossil share targets for `region` (see `allTargetsFromTables`). */
export function shareTargetsFromTables(tiers: readonly (readonly FactorTable[])[], region: string): ShareTarget[] {
  return allTargetsFromTables(tiers, region).filter((t): t is ShareTarget => t.indicator === 'non_fossil_share');
}

/**
 * "The targets for region R, indicator I, period": `targetsFor(tiers, 'gansu', { indicator: 'carbon_intensity', from: 2005, to: 2030 })`.
 * Any of indicator, from and to may be left out to mean every one. The region's own rows, else national ones
 * marked `fallback_for` (pass them to `fallbackWarnings`).
 */
export function targetsFor(
  tiers: readonly (readonly FactorTable[])[],
  region: string,
  query: { indicator?: TargetIndicator; from?: number; to?: number } = {},
): AnyTarget[] {
  return allTargetsFromTables(tiers, region).filter(
    (t) =>
      (query.indicator === undefined || t.indicator === query.indicator) &&
      (query.from === undefined || t.from === query.from) &&
      (query.to === undefined || t.to === query.to),
  );
}

/** A target's figure: the reduction for an intensity, the share for the non-fossil share. */
export function targetPct(t: AnyTarget): Decimal {
  return t.indicator === 'non_fossil_share' ? t.share_pct : t.reduction_pct;
}

/** Later lists win for the same indicator and period: `mergeTargets(fromTables, fromOptions)`. */
export function mergeTargets<T extends AnyTarget>(...lists: readonly (readonly T[])[]): T[] {
  const out = new Map<string, T>();
  for (const list of lists) for (const t of list) out.set(targetKey(t), t);
  return [...out.values()].sort(compareTargets);
}

function compareTargets(a: AnyTarget, b: AnyTarget): number {
  return a.from - b.from || a.to - b.to || a.indicator.localeCompare(b.indicator);
}

const INDICATOR_ALIASES: Record<string, Indicator> = {
  energy_intensity: 'energy_intensity',
  energy: 'energy_intensity',
  ei: 'energy_intensity',
  能耗强度: 'energy_intensity',
  能源强度: 'energy_intensity',
  carbon_intensity: 'carbon_intensity',
  carbon: 'carbon_intensity',
  ci: 'carbon_intensity',
  碳强度: 'carbon_intensity',
  碳排放强度: 'carbon_intensity',
};

/**
 * `energy_intensity:2020-2025:13.5` (also `energy:…`, `carbon:…`, `碳强度:…`) → a user target.
 * Returns a reason (English and Chinese) when the text is not one.
 */
export function parseTargetOption(text: string): Target | { error: string; errorZh: string } {
  const m = /^\s*([^:：]+)[:：]\s*(\d{4})\s*[-–—~]\s*(\d{4})\s*[:：]\s*([0-9.]+)\s*%?\s*$/.exec(text);
  const indicator = m ? INDICATOR_ALIASES[m[1]!.trim().toLowerCase()] : undefined;
  if (!m || !indicator) {
    return {
      error: `--target "${text}" is not indicator:from-to:percent, e.g. energy_intensity:2020-2025:13.5 or carbon_intensity:2020-2025:18`,
      errorZh: `--target “${text}”格式应为 指标:起始年-目标年:百分比，如 energy_intensity:2020-2025:13.5 或 carbon_intensity:2020-2025:18`,
    };
  }
  const from = Number(m[2]);
  const to = Number(m[3]);
  if (to <= from) {
    return { error: `--target "${text}": the target year must come after ${from}`, errorZh: `--target “${text}”：目标年应晚于 ${from}` };
  }
  const pct = new Decimal(m[4]!);
  if (pct.greaterThanOrEqualTo(100)) {
    return { error: `--target "${text}": a reduction must be below 100 %`, errorZh: `--target “${text}”：下降幅度应小于 100%` };
  }
  return { indicator, from, to, reduction_pct: pct, region: 'user', source: '--target' };
}

/** Why a region has no target of its own, where we know (shown with the fallback note). */
export function missingTargetReason(region: string, indicator: TargetIndicator, from: number | null, to: number): { en: string; zh: string } | undefined {
  if (region === 'gansu' && indicator === 'carbon_intensity' && from === 2020 && to === 2025) {
    return {
      en: "Gansu's 14th FYP carbon-intensity figure is not published; 《甘肃省碳达峰实施方案》 only says the national target is to be met",
      zh: '甘肃省“十四五”碳强度下降目标未公开数值，《甘肃省碳达峰实施方案》仅要求确保完成国家下达的目标',
    };
  }
  if (region === 'gansu' && from === 2015 && to === 2020) {
    return { en: "Gansu's 13th FYP target is not bundled: no verifiable source was found", zh: '甘肃省“十三五”目标未收录：未找到可核实的来源' };
  }
  if (region === 'gansu' && indicator === 'non_fossil_share' && to === 2060) {
    return { en: '《甘肃省碳达峰实施方案》 sets no non-fossil share for 2060', zh: '《甘肃省碳达峰实施方案》未提出2060年非化石能源消费比重目标' };
  }
  return undefined;
}

/** A warning for each target taken from `national` because the requested region has none (say which was used); `namesZh` names the region in Chinese (`regionNamesZh`). */
export function fallbackWarnings(used: readonly AnyTarget[], namesZh: ReadonlyMap<string, string> = new Map()): Diagnostic[] {
  return used
    .filter((t) => t.fallback_for !== undefined)
    .map((t) => {
      const why = missingTargetReason(t.fallback_for!, t.indicator, t.from, t.to);
      return warning('INTENSITY_TARGET_FALLBACK', {
        region: t.fallback_for!,
        regionZh: namesZh.get(t.fallback_for!) ?? '',
        indicator: t.indicator,
        from: t.from,
        to: t.to,
        pct: targetPct(t).toFixed(),
        source: t.source,
        why: why?.en ?? '',
        whyZh: why?.zh ?? '',
      });
    });
}
