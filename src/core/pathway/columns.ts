import { Decimal } from '../decimal.js';
import { nameKey, toHalfWidth } from '../text.js';
import { parseUnit } from '../units.js';

/**
 * The columns of a scenarios file (SPEC "Pathway input"). Three kinds, filled differently between the
 * years a scenario gives (docs/PATHWAY.md):
 * - base levels, given in the first year only (GDP, energy, CO2);
 * - rates (percent per year), held as steps until changed (LEAP `Step`);
 * - levels that may change over time, interpolated linearly between the years given (LEAP `Interp`).
 */
export type BaseVariable = 'gdp' | 'energy_tce' | 'co2_t';
export type RateVariable = 'gdp_growth_pct' | 'energy_intensity_decline_pct';
export type LevelVariable = 'non_fossil_share_pct' | 'co2_per_fossil_tce' | 'process_co2_t' | 'sinks_t' | 'ccus_t';
export type Variable = BaseVariable | RateVariable | LevelVariable;

export const baseVariables: readonly BaseVariable[] = ['gdp', 'energy_tce', 'co2_t'];
export const rateVariables: readonly RateVariable[] = ['gdp_growth_pct', 'energy_intensity_decline_pct'];
export const levelVariables: readonly LevelVariable[] = ['non_fossil_share_pct', 'co2_per_fossil_tce', 'process_co2_t', 'sinks_t', 'ccus_t'];
export const variables: readonly Variable[] = [...baseVariables, ...rateVariables, ...levelVariables];

export const isRate = (v: Variable): v is RateVariable => (rateVariables as readonly string[]).includes(v);
export const isLevel = (v: Variable): v is LevelVariable => (levelVariables as readonly string[]).includes(v);
export const isBase = (v: Variable): v is BaseVariable => (baseVariables as readonly string[]).includes(v);

export type KeyColumn = 'scenario' | 'based_on' | 'year';

/** Header names accepted for each column (any case; a unit in brackets may follow). */
export const scenarioAliases: Record<KeyColumn | Variable, string[]> = {
  scenario: ['scenario', '情景', '情景名称', '方案'],
  based_on: ['based_on', 'parent', '基于', '基准情景', '继承自', '参照情景'],
  year: ['year', '年份', '年度', '年'],
  gdp: ['gdp', '地区生产总值', '生产总值', '国内生产总值'],
  gdp_growth_pct: ['gdp_growth_pct', 'gdp_growth', 'GDP增速', '地区生产总值增速', '经济增速', '地区生产总值增长率'],
  energy_tce: ['energy_tce', 'energy', '能源消费量', '综合能源消费量', '能源消费总量', '能耗'],
  energy_intensity_decline_pct: ['energy_intensity_decline_pct', 'energy_intensity_decline', '能耗强度下降率', '能耗强度下降', '单位GDP能耗下降率'],
  co2_t: ['co2_t', 'co2', '二氧化碳排放量', '二氧化碳排放', '碳排放量'],
  non_fossil_share_pct: ['non_fossil_share_pct', 'non_fossil_share', '非化石能源占比', '非化石能源比重', '非化石能源消费比重'],
  co2_per_fossil_tce: ['co2_per_fossil_tce', '单位化石能源二氧化碳排放', '化石能源碳排放系数', '化石能源排放系数'],
  process_co2_t: ['process_co2_t', 'process_co2', '工业过程排放', '工业生产过程排放', '过程排放'],
  sinks_t: ['sinks_t', 'sinks', 'sink_t', '碳汇', '碳汇量'],
  ccus_t: ['ccus_t', 'ccus', 'CCUS', '碳捕集利用与封存', '碳捕集'],
};

/** The suffixes of a variable's range columns for Monte Carlo (`gdp_growth_pct_low`, `…_high`; 低值/高值). */
export type RangeBound = 'low' | 'high';
const BOUND_SUFFIXES: Record<RangeBound, string[]> = { low: ['_low', '_min', '低值', '下限'], high: ['_high', '_max', '高值', '上限'] };

const byKey = new Map<string, KeyColumn | Variable>();
for (const [column, aliases] of Object.entries(scenarioAliases) as [KeyColumn | Variable, string[]][]) {
  for (const alias of aliases) byKey.set(nameKey(alias), column);
}

/** `能源消费量（万吨标准煤）` → name and unit. */
export function splitHeader(raw: string): { name: string; unit: string | undefined } {
  const text = toHalfWidth(raw).trim();
  const m = /^(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/.exec(text);
  if (m && m[1] !== '') return { name: m[1]!, unit: m[2]! };
  return { name: text, unit: undefined };
}

/** What a header names: a column, or a range bound of a variable; undefined for a column carried along. */
export function columnOfHeader(raw: string): { column: KeyColumn | Variable; bound?: RangeBound } | undefined {
  const { name } = splitHeader(raw);
  const direct = byKey.get(nameKey(name));
  if (direct) return { column: direct };
  const lower = toHalfWidth(name).trim().toLowerCase();
  for (const bound of ['low', 'high'] as const) {
    for (const suffix of BOUND_SUFFIXES[bound]) {
      if (lower.endsWith(suffix.toLowerCase())) {
        const column = byKey.get(nameKey(lower.slice(0, -suffix.length)));
        if (column && column !== 'scenario' && column !== 'based_on' && column !== 'year') return { column, bound };
      }
    }
  }
  return undefined;
}

const GDP_UNITS: Record<string, string> = { 亿元: '1', 亿: '1', 万元: '0.0001', 元: '0.00000001' };

/** The factor from the header's unit to the column's unit (亿元, tce, t, %, tCO2/tce), or undefined if it does not fit. */
export function unitFactor(column: Variable, unit: string | undefined): Decimal | undefined {
  if (unit === undefined || unit.trim() === '') return new Decimal(1);
  const key = toHalfWidth(unit).toLowerCase().replace(/\s/g, '');
  switch (column) {
    case 'gdp': {
      const f = GDP_UNITS[key];
      return f === undefined ? undefined : new Decimal(f);
    }
    case 'gdp_growth_pct':
    case 'energy_intensity_decline_pct':
    case 'non_fossil_share_pct':
      return key === '%' || key === 'pct' || key === 'percent' ? new Decimal(1) : undefined;
    case 'energy_tce': {
      const u = parseUnit(key);
      return u && u.dimension === 'standard-coal' ? u.toBase : undefined;
    }
    case 'co2_t':
    case 'process_co2_t':
    case 'sinks_t':
    case 'ccus_t': {
      const u = parseUnit(key.replace(/co2e?|二氧化碳/g, ''));
      return u && u.dimension === 'mass' ? u.toBase : undefined;
    }
    case 'co2_per_fossil_tce':
      return ['tco2/tce', 't/tce', '吨co2/吨标准煤', '吨/吨标准煤', '吨二氧化碳/吨标准煤'].includes(key) ? new Decimal(1) : undefined;
  }
}

export const UNIT_HINTS: Record<Variable, string> = {
  gdp: '亿元, 万元',
  gdp_growth_pct: '%',
  energy_tce: 'tce, 吨标准煤, 万吨标准煤',
  energy_intensity_decline_pct: '%',
  co2_t: 't, 吨, 万吨',
  non_fossil_share_pct: '%',
  co2_per_fossil_tce: 'tCO2/tce',
  process_co2_t: 't, 吨, 万吨',
  sinks_t: 't, 吨, 万吨',
  ccus_t: 't, 吨, 万吨',
};
