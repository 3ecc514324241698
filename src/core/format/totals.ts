import type { Decimal } from '../decimal.js';
import type { Lang } from '../i18n/lang.js';

/**
 * The city totals, one list: stable key, label in both languages, unit. Every output that prints
 * totals (terminal, Markdown, CSV/TSV, compare, report) walks this list, so a total added to
 * `Totals` needs one line here; a key missing here still prints, under its key, with the unit its
 * suffix names (`_tce`, `_t`, `_kwh`, `_pct`).
 */
export interface TotalDef {
  key: string;
  en: string;
  zh: string;
  unit: TotalUnit;
  /** the label names the GWP set (CO2e totals) */
  gwp?: true;
}

export type TotalUnit = 'tce' | 't' | 'kWh' | 'GJ' | '%' | '';

export const TOTAL_DEFS: readonly TotalDef[] = [
  { key: 'energy_tce', en: 'Total energy consumption', zh: '综合能源消费量', unit: 'tce' },
  { key: 'feedstock_tce', en: '  of which feedstock (non-energy use)', zh: '  其中：原料用能', unit: 'tce' },
  { key: 'scope1_co2_t', en: 'Scope 1 CO2 (fuel combustion in the city)', zh: '范围一 CO2（本地化石燃料燃烧）', unit: 't' },
  { key: 'reductant_co2_t', en: '  of which reductants (coke, coal reducing ore; all carbon emitted)', zh: '  其中：还原剂（焦炭、煤冶炼还原，碳全部排放）', unit: 't' },
  { key: 'energy_industries_co2_t', en: '  of which power & heat plants (scope 1)', zh: '  其中：电力热力生产（范围一）', unit: 't' },
  { key: 'scope2_co2_t', en: 'Scope 2 CO2 (purchased electricity and heat)', zh: '范围二 CO2（外购电力、热力）', unit: 't' },
  { key: 'co2_t', en: 'CO2, scope 1 + 2 (every row once)', zh: 'CO2 范围一 + 范围二（各行之和）', unit: 't' },
  { key: 'territorial_co2_t', en: 'Territorial CO2 (all scope 1; IPCC·CEADs view)', zh: '属地排放 CO2（全部范围一；IPCC·CEADs 口径）', unit: 't' },
  {
    key: 'consumption_co2_t',
    en: 'Consumption CO2 (scope 1 without power & heat plants + scope 2; GPC BASIC view)',
    zh: '消费端排放 CO2（范围一扣除电力热力生产 + 范围二；GPC BASIC 口径）',
    unit: 't',
  },
  {
    key: 'provincial_co2_t',
    en: 'Provincial CO2 (scope 1 + net imported electricity and heat; 省级核算 provincial convention)',
    zh: '省级核算 CO2（范围一 + 净调入电力、热力；省级核算口径）',
    unit: 't',
  },
  {
    key: 'net_import_electricity_kwh',
    en: 'Net imported electricity (consumed − generated in the city; negative = net export)',
    zh: '净调入电量（全社会用电量 − 本地发电量；负值为净调出）',
    unit: 'kWh',
  },
  { key: 'net_import_heat_gj', en: 'Net imported heat (consumed − supplied in the city)', zh: '净调入热力（消费量 − 本地供热量）', unit: 'GJ' },
  { key: 'local_generation_kwh', en: 'Electricity generated in the city', zh: '本地发电量', unit: 'kWh' },
  { key: 'local_primary_electricity_kwh', en: '  of which hydro, wind, solar and nuclear (primary electricity)', zh: '  其中：水电、风电、光伏、核电（一次电力）', unit: 'kWh' },
  { key: 'local_primary_electricity_tce', en: '  hydro, wind, solar and nuclear in standard coal', zh: '  一次电力折标准煤', unit: 'tce' },
  { key: 'non_fossil_tce', en: 'Non-fossil energy (local primary electricity + non-fossil part of net imports)', zh: '非化石能源消费量（本地一次电力 + 净调入电力中的非化石部分）', unit: 'tce' },
  { key: 'non_fossil_share_pct', en: '  non-fossil share of energy consumption', zh: '  非化石能源消费比重', unit: '%' },
  { key: 'ch4_t', en: 'CH4', zh: 'CH4', unit: 't' },
  { key: 'n2o_t', en: 'N2O', zh: 'N2O', unit: 't' },
  { key: 'territorial_co2e_t', en: 'Territorial CO2e', zh: '属地排放 CO2当量', unit: 't', gwp: true },
  { key: 'consumption_co2e_t', en: 'Consumption CO2e', zh: '消费端排放 CO2当量', unit: 't', gwp: true },
  { key: 'co2e_t', en: 'CO2e incl. CH4 and N2O, scope 1 + 2 (every row once)', zh: 'CO2当量（含 CH4、N2O），范围一 + 范围二', unit: 't', gwp: true },
  // industrial processes (IPPU): only with a process file (src/core/process/totals.ts)
  { key: 'process_co2_t', en: 'Industrial process CO2 (IPPU, apart from energy)', zh: '工业生产过程 CO2（IPPU，不含能源活动）', unit: 't' },
  { key: 'process_n2o_t', en: 'Industrial process N2O', zh: '工业生产过程 N2O', unit: 't' },
  { key: 'process_co2e_t', en: 'Industrial process CO2e', zh: '工业生产过程 CO2当量', unit: 't', gwp: true },
  { key: 'inventory_co2e_t', en: 'Inventory CO2e (territorial CO2e + process CO2e)', zh: '清单合计 CO2当量（属地排放 + 工业生产过程）', unit: 't', gwp: true },
];

const BY_KEY = new Map(TOTAL_DEFS.map((d) => [d.key, d]));

function unitOfKey(key: string): TotalUnit {
  if (key.endsWith('_tce')) return 'tce';
  if (key.endsWith('_t')) return 't';
  if (key.endsWith('_kwh')) return 'kWh';
  if (key.endsWith('_gj')) return 'GJ';
  if (key.endsWith('_pct')) return '%';
  return '';
}

/** The definition of a total; one made from the key for a total not (yet) in the list. */
export function totalDef(key: string): TotalDef {
  return BY_KEY.get(key) ?? { key, en: key, zh: key, unit: unitOfKey(key) };
}

/** The keys of these totals in the list's order, then any others in their own order. */
export function totalKeys(totals: object): string[] {
  const present = Object.keys(totals);
  return [...TOTAL_DEFS.map((d) => d.key).filter((k) => present.includes(k)), ...present.filter((k) => !BY_KEY.has(k))];
}

export function totalValue(totals: object, key: string): Decimal {
  return (totals as Record<string, Decimal>)[key]!;
}

const UNIT_ZH: Record<TotalUnit, string> = { tce: '吨标准煤', t: '吨', kWh: '千瓦时', GJ: '吉焦', '%': '%', '': '' };

export function unitText(unit: TotalUnit, lang: Lang): string {
  return lang === 'zh' ? UNIT_ZH[unit] : unit;
}

/** The label for people: "Total energy consumption", with the GWP set for CO2e totals. */
export function totalLabel(key: string, lang: Lang, gwp?: string): string {
  const def = totalDef(key);
  const text = def[lang];
  if (!def.gwp || !gwp) return text;
  return lang === 'zh' ? `${text}（${gwp.toUpperCase()}）` : `${text} (${gwp.toUpperCase()})`;
}

/** Label and unit in one: "Total energy consumption (tce)", "综合能源消费量（吨标准煤）". */
export function totalLabelWithUnit(key: string, lang: Lang, gwp?: string): string {
  const unit = unitText(totalDef(key).unit, lang);
  const text = totalLabel(key, lang, gwp);
  if (!unit) return text;
  return lang === 'zh' ? `${text}（${unit}）` : `${text}, ${unit}`;
}

/** How a run of several years is named: "2020–2022" for a run of consecutive years, else "2020, 2022". */
export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return '';
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  return consecutive && years.length > 1 ? `${years[0]}–${years.at(-1)}` : years.join(', ');
}
