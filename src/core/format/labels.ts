import type { Lang } from '../i18n/lang.js';

/** Column and total labels for people (table, Markdown, HTML); machine formats use the keys. */
const LABELS = {
  year: { en: 'Year', zh: '年份' },
  sector: { en: 'Sector', zh: '部门' },
  sector_code: { en: 'Code', zh: '代码' },
  fuel: { en: 'Fuel', zh: '能源品种' },
  scope: { en: 'Scope', zh: '范围' },
  category: { en: 'GPC', zh: 'GPC分类' },
  category_name: { en: 'GPC category', zh: 'GPC分类名称' },
  ceads_name: { en: 'CEADs sector', zh: 'CEADs部门' },
  use: { en: 'Use', zh: '用途' },
  quantity: { en: 'Quantity', zh: '消费量' },
  unit: { en: 'Unit', zh: '单位' },
  energy_tce: { en: 'Energy (tce)', zh: '能耗(吨标准煤)' },
  feedstock_tce: { en: 'Feedstock (tce)', zh: '原料用能(吨标准煤)' },
  co2_t: { en: 'CO2 (t)', zh: 'CO2(吨)' },
  scope1_co2_t: { en: 'Scope 1 CO2 (t)', zh: '范围一CO2(吨)' },
  scope2_co2_t: { en: 'Scope 2 CO2 (t)', zh: '范围二CO2(吨)' },
  ch4_t: { en: 'CH4 (t)', zh: 'CH4(吨)' },
  n2o_t: { en: 'N2O (t)', zh: 'N2O(吨)' },
  co2e_t: { en: 'CO2e (t)', zh: 'CO2当量(吨)' },
  total: { en: 'Sum of rows', zh: '各行合计' },
  totals: { en: 'City totals', zh: '全市合计' },
  territorial_co2_t: { en: 'Territorial CO2 (all scope 1; IPCC·CEADs view)', zh: '属地排放 CO2（全部范围一；IPCC·CEADs 口径）' },
  consumption_co2_t: {
    en: 'Consumption CO2 (scope 1 without power & heat plants + scope 2; GPC BASIC view)',
    zh: '消费端排放 CO2（范围一扣除电力热力生产 + 范围二；GPC BASIC 口径）',
  },
  provincial_co2_t: {
    en: 'Provincial CO2 (scope 1 + net imported electricity and heat; 省级核算 provincial convention)',
    zh: '省级核算 CO2（范围一 + 净调入电力、热力；省级核算口径）',
  },
  reductant_total: { en: '  of which reductants (coke, coal reducing ore; all carbon emitted)', zh: '  其中：还原剂（焦炭、煤冶炼还原，碳全部排放）' },
  net_import_electricity: {
    en: 'Net imported electricity (consumed − generated in the city; negative = net export)',
    zh: '净调入电量（全社会用电量 − 本地发电量；负值为净调出）',
  },
  net_import_heat: { en: 'Net imported heat (consumed − supplied in the city)', zh: '净调入热力（消费量 − 本地供热量）' },
  local_generation: { en: 'Electricity generated in the city', zh: '本地发电量' },
  local_primary_electricity: {
    en: '  of which hydro, wind, solar and nuclear (primary electricity)',
    zh: '  其中：水电、风电、光伏、核电（一次电力）',
  },
  local_primary_electricity_tce: { en: '  hydro, wind, solar and nuclear in standard coal', zh: '  一次电力折标准煤' },
  views: { en: 'The three views', zh: '三种核算口径' },
  energy_total: { en: 'Total energy consumption', zh: '综合能源消费量' },
  feedstock_total: { en: '  of which feedstock (non-energy use)', zh: '  其中：原料用能' },
  scope1_total: { en: 'Scope 1 CO2 (fuel combustion in the city)', zh: '范围一 CO2（本地化石燃料燃烧）' },
  scope2_total: { en: 'Scope 2 CO2 (purchased electricity and heat)', zh: '范围二 CO2（外购电力、热力）' },
  co2_total: { en: 'CO2, scope 1 + 2 (every row once)', zh: 'CO2 范围一 + 范围二（各行之和）' },
  energy_industries_total: { en: '  of which power & heat plants (scope 1)', zh: '  其中：电力热力生产（范围一）' },
  co2e_total: { en: 'CO2e incl. CH4 and N2O, scope 1 + 2 (every row once)', zh: 'CO2当量（含 CH4、N2O），范围一 + 范围二' },
  territorial_co2e_total: { en: 'Territorial CO2e', zh: '属地排放 CO2当量' },
  consumption_co2e_total: { en: 'Consumption CO2e', zh: '消费端排放 CO2当量' },
  factors_used: { en: 'Factor tables used', zh: '所用因子表' },
  output_use: { en: 'netted output', zh: '扣除本地产出' },
  feedstock_use: { en: 'feedstock', zh: '原料' },
  reductant_use: { en: 'reductant', zh: '还原剂' },
  generation_use: { en: 'local generation', zh: '本地发电' },
  warnings: { en: 'warnings', zh: '条警告' },
  rows: { en: 'rows', zh: '行' },
  value: { en: 'Value', zh: '数值' },
} as const;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}
