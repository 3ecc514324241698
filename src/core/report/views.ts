import type { Totals } from '../calc/aggregate.js';
import type { Decimal } from '../decimal.js';
import { fixed, grouped, type Decimals } from '../format/number.js';
import type { Tabular } from '../format/tabular.js';
import type { Lang } from '../i18n/lang.js';
import type { Section } from './doc.js';

/**
 * The three reporting views side by side, each with whose convention it is and one sentence on what
 * it is for: provincial (省级核算), territorial (IPCC·CEADs) and consumption (GPC). Pure.
 */
const WORDS = {
  title: { en: 'Three views of the same emissions', zh: '同一排放的三种核算口径' },
  view: { en: 'View', zh: '口径' },
  convention: { en: 'Whose convention', zh: '依据' },
  formula: { en: 'Formula', zh: '计算方法' },
  provincial: { en: 'Provincial CO2', zh: '省级核算 CO2' },
  provincialConvention: { en: '省级核算 (provincial CO2 accounting)', zh: '省级核算口径' },
  provincialFormula: {
    en: 'scope 1 + net imported electricity × grid factor + net imported heat × heat factor',
    zh: '范围一 + 净调入电量 × 电网排放因子 + 净调入热力 × 热力排放因子',
  },
  provincialText: {
    en: 'The provincial view is the one the province assesses the city’s carbon intensity on: fuel burned in the city, power plants included, plus the electricity and heat the city draws from outside it net of what it sends out.',
    zh: '省级核算口径是省里考核本市碳排放强度所用的口径：本市境内燃烧的化石能源（含电厂），加上从外部净调入的电力、热力（扣除调出部分）。',
  },
  territorial: { en: 'Territorial CO2', zh: '属地排放 CO2' },
  territorialConvention: { en: 'IPCC·CEADs (territorial inventory)', zh: 'IPCC·CEADs 属地清单口径' },
  territorialFormula: { en: 'all scope 1 (reductants included)', zh: '全部范围一（含还原剂）' },
  territorialText: {
    en: 'The territorial view counts every tonne emitted inside the city’s boundary, as national inventories and CEADs city inventories do (CEADs also adds cement process CO2, not counted here); compare it with them.',
    zh: '属地口径统计本市边界内排放的全部 CO2，与国家清单、CEADs 城市清单一致（CEADs 还计入水泥工艺过程排放，此处不含），用于与之比较。',
  },
  consumption: { en: 'Consumption CO2', zh: '消费端排放 CO2' },
  consumptionConvention: { en: 'GPC BASIC', zh: 'GPC BASIC 口径' },
  consumptionFormula: {
    en: 'scope 1 without power & heat plants + scope 2 (purchases less captive generation)',
    zh: '范围一扣除电力热力生产 + 范围二（外购扣除自备电厂自发自用）',
  },
  consumptionText: {
    en: 'The consumption view charges the city for the energy it uses, at the grid factor for electricity, and leaves out the plants that sell to the grid; it is the city’s own responsibility as GPC reports it.',
    zh: '消费端口径按本市使用的能源计算排放，电力按电网因子计，不计向电网售电的电厂排放；即 GPC 所报告的城市自身责任。',
  },
  netImports: { en: 'Net imported electricity', zh: '净调入电量' },
  netImportsText: {
    en: 'Net imported electricity is all electricity consumed in the city less all generated in it (fuel-fired, captive, hydro, wind, solar, nuclear); negative means a net exporter, whose provincial figure falls below its own scope 1.',
    zh: '净调入电量 = 全社会用电量 − 本地全部发电量（火电、自备电厂、水电、风电、光伏、核电）；负值为净调出，此时省级核算结果低于本市范围一。',
  },
  reductantText: {
    en: 'Of scope 1, coke and coal reducing ore (reductants) emit all of their carbon; they are in all three views and never deducted as feedstock.',
    zh: '范围一中，冶炼还原用的焦炭、煤（还原剂）碳全部排放；三种口径均计入，不作为原料用能扣除。',
  },
  kwh: { en: 'kWh', zh: '千瓦时' },
  t: { en: 't', zh: '吨' },
} as const;

type Word = keyof typeof WORDS;

export function viewsSection(ctx: { lang: Lang; decimals: Decimals }, totals: Totals): Section {
  const { lang, decimals } = ctx;
  const w = (k: Word) => WORDS[k][lang];
  const value = (d: Decimal) => `${grouped(fixed(d, decimals))} ${w('t')}`;
  const table: Tabular = {
    columns: [
      { key: 'view', label: w('view'), numeric: false },
      { key: 'co2_t', label: lang === 'zh' ? 'CO2(吨)' : 'CO2 (t)', numeric: true },
      { key: 'convention', label: w('convention'), numeric: false },
      { key: 'formula', label: w('formula'), numeric: false },
    ],
    rows: [
      [w('provincial'), value(totals.provincial_co2_t), w('provincialConvention'), w('provincialFormula')],
      [w('territorial'), value(totals.territorial_co2_t), w('territorialConvention'), w('territorialFormula')],
      [w('consumption'), value(totals.consumption_co2_t), w('consumptionConvention'), w('consumptionFormula')],
      [w('netImports'), `${grouped(fixed(totals.net_import_electricity_kwh, decimals))} ${w('kwh')}`, w('provincialConvention'), ''],
    ],
  };
  const blocks: Section['blocks'] = [
    { kind: 'table', table, id: 'views-table' },
    { kind: 'p', text: w('provincialText') },
    { kind: 'p', text: w('territorialText') },
    { kind: 'p', text: w('consumptionText') },
    { kind: 'p', text: w('netImportsText'), tone: 'note' },
  ];
  if (!totals.reductant_co2_t.isZero()) blocks.push({ kind: 'p', text: w('reductantText'), tone: 'note' });
  return { id: 'views', title: w('title'), blocks };
}
