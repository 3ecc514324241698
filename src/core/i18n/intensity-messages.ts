/**
 * Messages of the `intensity` command (indicators file, GDP chaining, targets, --data merge).
 * Merged into the catalogue in messages.ts; same shape: what is wrong, then what to do.
 */
import { s, type MessageEntry as Entry, type MessageParams as P } from './types.js';

const INDICATOR_NAMES: Record<string, { en: string; zh: string }> = {
  energy_intensity: { en: 'energy intensity', zh: '能耗强度' },
  carbon_intensity: { en: 'carbon intensity', zh: '碳排放强度' },
  non_fossil_share: { en: 'non-fossil share', zh: '非化石能源消费比重' },
};
const name = (v: unknown, lang: 'en' | 'zh') => INDICATOR_NAMES[s(v)]?.[lang] ?? s(v);
/** A column of the indicators file as a Chinese reader names it (the reader accepts these names as headers). */
const COLUMN_ZH: Record<string, string> = {
  year: '年份',
  gdp: '地区生产总值',
  gdp_index: '地区生产总值指数',
  energy_tce: '综合能源消费量',
  co2_t: '二氧化碳排放量',
  feedstock_tce: '原料用能',
  new_renewable_tce: '新增可再生能源消费量',
  non_fossil_tce: '非化石能源消费量',
};
const col = (v: unknown) => COLUMN_ZH[s(v)] ?? s(v);
/** The region a target was asked for: its Chinese name when a table gives one (甘肃), else the id as given. */
const regionZh = (p: P) => (p.regionZh ? s(p.regionZh) : `地区“${s(p.region)}”`);
const chainReason = (p: P, lang: 'en' | 'zh') =>
  p.missing === 'row'
    ? lang === 'en' ? `the file has no row for ${s(p.at)}` : `文件缺少 ${s(p.at)} 年`
    : lang === 'en' ? `no gdp_index for ${s(p.at)}` : `${s(p.at)} 年没有指数`;
const periodReason = (p: P, lang: 'en' | 'zh') =>
  p.missing === 'base'
    ? lang === 'en' ? `no data for its first year ${s(p.from)}` : `缺少起始年 ${s(p.from)} 年的数据`
    : lang === 'en' ? `no intensity for ${s(p.from)} or for any year of ${s(p.from)}–${s(p.to)} after it` : `缺少 ${s(p.from)} 年或其后各年的强度`;

/**
 * Where activity data comes from: `--data` for `intensity`; for `report` (params.command = 'report'),
 * which has no --data, the activity files it is given. A message names only options its command has.
 */
const data = (p: P, lang: 'en' | 'zh') => (p.command === 'report' ? (lang === 'en' ? 'the activity files' : '活动水平文件') : '--data');

const INDICATOR_COLUMNS_EN = 'year,gdp,gdp_index,energy_tce,co2_t (gdp_index, energy_tce and co2_t optional)';
const INDICATOR_COLUMNS_ZH = '年份,地区生产总值,地区生产总值指数,综合能源消费量,二氧化碳排放量（后三列可选）';

export const intensityMessages = {
  INTENSITY_FILE_EMPTY: {
    en: { message: () => 'the indicators file is empty', fix: () => `add a header row ${INDICATOR_COLUMNS_EN} and one row per year` },
    zh: { message: () => '指标文件是空的', fix: () => `加上表头 ${INDICATOR_COLUMNS_ZH}，每年一行` },
  },
  INTENSITY_NO_DATA_ROWS: {
    en: { message: () => 'the indicators file has a header but no data rows', fix: () => 'add one row per year' },
    zh: { message: () => '指标文件只有表头，没有数据行', fix: () => '每年填一行' },
  },
  INTENSITY_MISSING_COLUMN: {
    en: {
      message: (p) => `required column "${s(p.column)}" is missing (found: ${s(p.found)})`,
      fix: (p) => `add a column named ${s(p.aliases)}`,
    },
    zh: {
      message: (p) => `缺少必需的列“${s(p.column)}”（现有列：${s(p.found)}）`,
      fix: (p) => `增加一列，列名可用 ${s(p.aliases)}`,
    },
  },
  INTENSITY_BAD_HEADER_UNIT: {
    en: {
      message: (p) => `unit "${s(p.unit)}" in the header "${s(p.header)}" is not a unit of ${s(p.column)}`,
      fix: (p) => `write the unit as one of ${s(p.units)}, or leave it out (${s(p.default)} is assumed)`,
    },
    zh: {
      message: (p) => `表头“${s(p.header)}”中的单位“${s(p.unit)}”不适用于${col(p.column)}`,
      fix: (p) => `单位可写 ${s(p.units)}，或不写（默认 ${s(p.default)}）`,
    },
  },
  INTENSITY_BAD_NUMBER: {
    en: { message: (p) => `${s(p.column)} "${s(p.value)}" is not a number`, fix: () => 'write a plain number such as 1234.5 or 1,234.5, without units or notes' },
    zh: { message: (p) => `${col(p.column)}“${s(p.value)}”不是数字`, fix: () => '只填数字，如 1234.5 或 1,234.5，不要带单位或备注' },
  },
  INTENSITY_NOT_POSITIVE: {
    en: { message: (p) => `${s(p.column)} ${s(p.value)} must be greater than zero`, fix: () => 'check the figure; GDP and the growth index are never zero or negative' },
    zh: { message: (p) => `${col(p.column)} ${s(p.value)} 应大于零`, fix: () => '请核对数值：地区生产总值及其指数不会为零或负数' },
  },
  INTENSITY_NEGATIVE: {
    en: { message: (p) => `${s(p.column)} ${s(p.value)} is negative`, fix: () => 'energy, CO2 and the deductions are ≥ 0' },
    zh: { message: (p) => `${col(p.column)} ${s(p.value)} 为负数`, fix: () => '能耗、二氧化碳排放量和扣除量应 ≥ 0' },
  },
  INTENSITY_INDEX_LOOKS_LIKE_RATE: {
    en: {
      message: (p) => `gdp_index ${s(p.value)} looks like a growth rate in percent, not an index with the previous year = 100`,
      fix: (p) => `write the index, e.g. ${s(p.suggestion)} for growth of ${s(p.value)} %`,
    },
    zh: {
      message: (p) => `地区生产总值指数 ${s(p.value)} 像是增长率（%），而不是上年=100 的指数`,
      fix: (p) => `请填指数，例如增长 ${s(p.value)}% 填 ${s(p.suggestion)}`,
    },
  },
  INTENSITY_DUPLICATE_YEAR: {
    en: { message: (p) => `year ${s(p.year)} appears twice (first on line ${s(p.first)})`, fix: () => 'keep one row per year' },
    zh: { message: (p) => `年份 ${s(p.year)} 出现两次（首次在第 ${s(p.first)} 行）`, fix: () => '每年只保留一行' },
  },
  INTENSITY_BASE_YEAR_MISSING: {
    en: { message: (p) => `base year ${s(p.year)} is not in the indicators (years ${s(p.years)})`, fix: () => 'choose a year of the file with --base-year, or leave it out to use the first year' },
    zh: { message: (p) => `基年 ${s(p.year)} 不在指标数据中（已有年份 ${s(p.years)}）`, fix: () => '用 --base-year 选文件中的年份，或不指定（默认第一年）' },
  },
  INTENSITY_BASE_YEAR_IGNORED: {
    en: { message: (p) => `--base-year ${s(p.year)} has no effect: without a gdp_index column GDP is taken as already at constant prices`, fix: () => 'add a gdp_index column (previous year = 100) to chain current-price GDP' },
    zh: { message: (p) => `--base-year ${s(p.year)} 不起作用：没有指数列时，地区生产总值按已是可比价处理`, fix: () => '如需按可比价换算现价 GDP，请增加“地区生产总值指数”列（上年=100）' },
  },
  INTENSITY_CHAIN_BROKEN: {
    en: {
      message: (p) => `GDP at comparable prices cannot be chained to ${s(p.year)}: ${chainReason(p, 'en')}; its intensities are not computed`,
      fix: () => 'give every year between the base year and this one, each with its gdp_index (previous year = 100)',
    },
    zh: {
      message: (p) => `无法把可比价地区生产总值连乘到 ${s(p.year)} 年：${chainReason(p, 'zh')}；该年强度不计算`,
      fix: () => '请给出基年至该年之间的每一年及其指数（上年=100）',
    },
  },
  INTENSITY_NOT_COMPUTED: {
    en: {
      message: (p) => `${name(p.indicator, 'en')} is not computed for ${s(p.years)}: neither the indicators file nor ${data(p, 'en')} give${p.command === 'report' ? '' : 's'} ${s(p.column)}`,
      fix: (p) => (p.command === 'report' ? `add a ${s(p.column)} column` : `add a ${s(p.column)} column, or pass the activity data with --data`),
    },
    zh: {
      message: (p) => `${s(p.years)} 年的${name(p.indicator, 'zh')}未计算：指标文件和${data(p, 'zh')}都没有给出${col(p.column)}`,
      fix: (p) => (p.command === 'report' ? `增加“${col(p.column)}”列` : `增加“${col(p.column)}”列，或用 --data 提供活动水平数据`),
    },
  },
  INTENSITY_DATA_OVERRIDES: {
    en: {
      message: (p) => `${s(p.year)}: ${s(p.column)} ${s(p.fileValue)} in the indicators file is replaced by ${s(p.dataValue)} computed from ${data(p, 'en')}`,
      fix: (p) => `remove the figure from the indicators file if ${data(p, 'en')} are meant to give it, or correct it`,
    },
    zh: {
      message: (p) => `${s(p.year)} 年：指标文件中的${col(p.column)} ${s(p.fileValue)} 被${data(p, 'zh')}计算结果 ${s(p.dataValue)} 取代`,
      fix: (p) => `如以${data(p, 'zh')}为准，请删去或更正指标文件中的该数值`,
    },
  },
  INTENSITY_DATA_YEAR_IGNORED: {
    en: { message: (p) => `${data(p, 'en')} ha${p.command === 'report' ? 've' : 's'} activity data for ${s(p.year)}, which the indicators file does not list; it is not used`, fix: () => 'add that year with its GDP to the indicators file' },
    zh: { message: (p) => `${data(p, 'zh')}中有 ${s(p.year)} 年的活动水平数据，但指标文件没有该年；未使用`, fix: () => '在指标文件中加上该年及其地区生产总值' },
  },
  INTENSITY_PERIOD_NOT_ASSESSED: {
    en: { message: (p) => `period ${s(p.from)}–${s(p.to)} is not assessed: ${periodReason(p, 'en')}`, fix: () => 'give the intensities of the first year of the period and at least one later year' },
    zh: { message: (p) => `${s(p.from)}—${s(p.to)} 时期未评估：${periodReason(p, 'zh')}`, fix: () => '需要该时期起始年和至少一个之后年份的强度' },
  },
  INTENSITY_TARGET_FALLBACK: {
    en: {
      message: (p) => `${s(p.region)} has no ${name(p.indicator, 'en')} target for ${s(p.from)}–${s(p.to)}${p.why ? ` (${s(p.why)})` : ''}; the national target of ${s(p.pct)} % (${s(p.source)}) is used`,
      fix: () => 'pass the region\'s own target with --target or --targets if it has one',
    },
    zh: {
      message: (p) => `${regionZh(p)}没有 ${s(p.from)}—${s(p.to)} 年的${name(p.indicator, 'zh')}${p.indicator === 'non_fossil_share' ? '' : '下降'}目标${p.whyZh ? `（${s(p.whyZh)}）` : ''}；采用全国目标 ${s(p.pct)}%（${s(p.source)}）`,
      fix: () => '如有本地区目标，请用 --target 或 --targets 提供',
    },
  },
  INTENSITY_NO_DEDUCTION_DATA: {
    en: { message: (p) => `assessment basis: no ${s(p.column)} given for ${s(p.years)}; nothing is deducted for it there`, fix: (p) => `add a ${s(p.column)} column${p.column === 'feedstock_tce' ? ', or pass activity data with use=feedstock rows' + (p.command === 'report' ? '' : ' via --data') : p.column === 'non_fossil_tce' ? ' (非化石能源消费量, on the basis of energy_tce), or pass activity data with local primary generation and net imports' + (p.command === 'report' ? '' : ' via --data') + '; --assessment-basis 2022 deducts new renewables instead' : ''}` },
    zh: { message: (p) => `考核口径：${s(p.years)} 年没有${col(p.column)}，该项不扣除`, fix: (p) => `增加“${col(p.column)}”列${p.column === 'feedstock_tce' ? (p.command === 'report' ? '，或在活动水平文件中加入 用途=原料 的行' : '，或用 --data 提供含 用途=原料 的活动水平数据') : p.column === 'non_fossil_tce' ? '（非化石能源消费量，与能耗同一口径），或提供含本地一次电力发电量和净调入电量的活动水平数据；--assessment-basis 2022 则扣除新增可再生能源' : ''}` },
  },
  INTENSITY_BASIS_INCOMPLETE: {
    en: {
      message: (p) => `assessment basis: ${s(p.years)} lack a deduction (feedstock_tce or new_renewable_tce) that other years have, so their assessed energy intensity is not computed; targets there are judged on energy as reported`,
      fix: (p) => `give feedstock_tce and new_renewable_tce for every year, or for none (${data(p, 'en')} give feedstock only for the years they cover)`,
    },
    zh: {
      message: (p) => `考核口径：${s(p.years)} 年缺少其他年份已有的扣除项（原料用能或新增可再生能源），其考核口径能耗强度不计算；涉及的目标按报告口径判断`,
      fix: (p) => `为每一年都提供（或都不提供）原料用能和新增可再生能源消费量（${data(p, 'zh')}只提供其覆盖年份的原料用能）`,
    },
  },
  INTENSITY_DEDUCTION_TOO_LARGE: {
    en: { message: (p) => `${s(p.year)}: deductions ${s(p.deduction)} tce exceed the energy consumption ${s(p.energy)} tce`, fix: () => 'check feedstock_tce and new_renewable_tce: both are parts of energy_tce' },
    zh: { message: (p) => `${s(p.year)} 年：扣除量 ${s(p.deduction)} 吨标准煤超过能源消费量 ${s(p.energy)} 吨标准煤`, fix: () => '请核对原料用能和新增可再生能源消费量：两者都是综合能源消费量的一部分' },
  },
} satisfies Record<string, Entry>;
