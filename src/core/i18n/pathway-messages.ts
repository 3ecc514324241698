/**
 * Messages of the `pathway` command (scenarios file, inheritance, filling, projection).
 * Merged into the catalogue in messages.ts; same shape: what is wrong, then what to do.
 */
import { s, type MessageEntry as Entry } from './types.js';

/** Column names as a Chinese analyst writes them. */
export const PATHWAY_COLUMN_ZH: Record<string, string> = {
  scenario: '情景',
  based_on: '基于情景',
  year: '年份',
  gdp: '地区生产总值',
  gdp_growth_pct: 'GDP增速',
  energy_tce: '能源消费量',
  energy_intensity_decline_pct: '能耗强度下降率',
  co2_t: '二氧化碳排放量',
  non_fossil_share_pct: '非化石能源占比',
  co2_per_fossil_tce: '单位化石能源二氧化碳排放',
  process_co2_t: '工业过程排放',
  sinks_t: '碳汇',
  ccus_t: 'CCUS',
};
const zh = (p: unknown) => {
  const c = s(p);
  const m = /^(.*)_(low|high)$/.exec(c);
  if (m && PATHWAY_COLUMN_ZH[m[1]!]) return `${PATHWAY_COLUMN_ZH[m[1]!]}${m[2] === 'low' ? '低值' : '高值'}`;
  return PATHWAY_COLUMN_ZH[c] ?? c;
};
const COLUMNS_EN = 'scenario,based_on,year,gdp,gdp_growth_pct,energy_tce,energy_intensity_decline_pct,non_fossil_share_pct,co2_per_fossil_tce,process_co2_t,sinks_t,ccus_t';
const COLUMNS_ZH = '情景,基于情景,年份,地区生产总值,GDP增速,能源消费量,能耗强度下降率,非化石能源占比,单位化石能源二氧化碳排放,工业过程排放,碳汇,CCUS';

const RANGE_EN: Record<string, string> = {
  rate: 'a yearly rate in percent must lie between −20 and 30 (106.5 looks like an index, 0.065 like a fraction)',
  share: 'a share in percent must lie between 0 and 100',
  negative: 'it cannot be negative',
  not_positive: 'it must be greater than 0',
};
const RANGE_ZH: Record<string, string> = {
  rate: '年增长/下降率（%）应在 −20 到 30 之间（106.5 像是指数，0.065 像是小数）',
  share: '占比（%）应在 0 到 100 之间',
  negative: '不能为负数',
  not_positive: '应大于 0',
};
const RANGE_FIX_EN: Record<string, string> = {
  rate: 'write the rate in percent: 6.5 for 6.5 % (not 106.5 or 0.065)',
  share: 'write the share in percent, e.g. 35',
  negative: 'write a figure of 0 or more',
  not_positive: 'write a positive figure',
};
const RANGE_FIX_ZH: Record<string, string> = {
  rate: '按百分数填写：6.5% 填 6.5（不是 106.5 或 0.065）',
  share: '按百分数填写，如 35',
  negative: '填写不小于 0 的数',
  not_positive: '填写正数',
};

export const pathwayMessages = {
  PATHWAY_FILE_EMPTY: {
    en: { message: () => 'the scenarios file is empty', fix: () => `add a header row ${COLUMNS_EN} and one row per scenario and year` },
    zh: { message: () => '情景文件是空的', fix: () => `加上表头 ${COLUMNS_ZH}，每个情景每年一行` },
  },
  PATHWAY_NO_DATA_ROWS: {
    en: { message: () => 'the scenarios file has a header but no data rows', fix: () => 'add one row per scenario and year' },
    zh: { message: () => '情景文件只有表头，没有数据行', fix: () => '每个情景每年填一行' },
  },
  PATHWAY_MISSING_COLUMN: {
    en: { message: (p) => `required column "${s(p.column)}" is missing (found: ${s(p.found)})`, fix: (p) => `add a column named ${s(p.aliases)}` },
    zh: { message: (p) => `缺少必需的列“${zh(p.column)}”（现有列：${s(p.found)}）`, fix: (p) => `增加一列，列名可用 ${s(p.aliases)}` },
  },
  PATHWAY_BAD_HEADER_UNIT: {
    en: { message: (p) => `the unit "${s(p.unit)}" of column "${s(p.header)}" does not fit ${s(p.column)}`, fix: (p) => `use one of: ${s(p.units)}` },
    zh: { message: (p) => `列“${s(p.header)}”的单位“${s(p.unit)}”不适用于${zh(p.column)}`, fix: (p) => `可用单位：${s(p.units)}` },
  },
  PATHWAY_RANGE_WITHOUT_COLUMN: {
    en: { message: (p) => `column "${s(p.header)}" gives a range for ${s(p.column)}, but the file has no ${s(p.column)} column`, fix: (p) => `add a ${s(p.column)} column with the central values` },
    zh: { message: (p) => `列“${s(p.header)}”给出了${zh(p.column)}的取值范围，但文件没有${zh(p.column)}列`, fix: (p) => `增加${zh(p.column)}列，填写中间值` },
  },
  PATHWAY_EMPTY_VALUE: {
    en: { message: (p) => `${s(p.column)} is empty`, fix: (p) => `fill in the ${s(p.column)}` },
    zh: { message: (p) => `${zh(p.column)}为空`, fix: (p) => `填写${zh(p.column)}` },
  },
  PATHWAY_BAD_NUMBER: {
    en: { message: (p) => `${s(p.column)} "${s(p.value)}" is not a number`, fix: () => 'write a plain number such as 6.5 or 1,234.5, without units or notes' },
    zh: { message: (p) => `${zh(p.column)}“${s(p.value)}”不是数字`, fix: () => '只填数字，如 6.5 或 1,234.5，不要带单位或备注' },
  },
  PATHWAY_OUT_OF_RANGE: {
    en: { message: (p) => `${s(p.column)} "${s(p.value)}" is out of range: ${RANGE_EN[s(p.problem)] ?? ''}`, fix: (p) => RANGE_FIX_EN[s(p.problem)] ?? '' },
    zh: { message: (p) => `${zh(p.column)}“${s(p.value)}”超出范围：${RANGE_ZH[s(p.problem)] ?? ''}`, fix: (p) => RANGE_FIX_ZH[s(p.problem)] ?? '' },
  },
  PATHWAY_RANGE_INCOMPLETE: {
    en: { message: (p) => `${s(p.column)} has a low or a high value but not both`, fix: (p) => `give both ${s(p.column)}_low and ${s(p.column)}_high, or neither` },
    zh: { message: (p) => `${zh(p.column)}只给了低值或高值之一`, fix: () => '低值和高值要么都填，要么都不填' },
  },
  PATHWAY_RANGE_WITHOUT_VALUE: {
    en: { message: (p) => `${s(p.column)} has a range on this row but no central value`, fix: (p) => `fill in ${s(p.column)} on this row (the mode of the range)` },
    zh: { message: (p) => `本行给出了${zh(p.column)}的范围，但没有中间值`, fix: (p) => `在本行填写${zh(p.column)}（范围的最可能值）` },
  },
  PATHWAY_RANGE_ORDER: {
    en: { message: (p) => `${s(p.column)}: the range ${s(p.low)}–${s(p.high)} does not contain the value ${s(p.value)}`, fix: () => 'make low ≤ value ≤ high' },
    zh: { message: (p) => `${zh(p.column)}：范围 ${s(p.low)}—${s(p.high)} 不包含取值 ${s(p.value)}`, fix: () => '应满足 低值 ≤ 取值 ≤ 高值' },
  },
  PATHWAY_DUPLICATE_ROW: {
    en: { message: (p) => `scenario "${s(p.scenario)}" has a second row for ${s(p.year)} (the first is on line ${s(p.first)})`, fix: () => 'keep one row per scenario and year' },
    zh: { message: (p) => `情景“${s(p.scenario)}”的 ${s(p.year)} 年重复（第一行在第 ${s(p.first)} 行）`, fix: () => '每个情景每年只保留一行' },
  },
  PATHWAY_PARENT_CONFLICT: {
    en: { message: (p) => `scenario "${s(p.scenario)}" is based on "${s(p.first)}" on an earlier row and on "${s(p.second)}" here`, fix: () => 'give one based_on per scenario (on its first row is enough)' },
    zh: { message: (p) => `情景“${s(p.scenario)}”前面基于“${s(p.first)}”，此处又基于“${s(p.second)}”`, fix: () => '每个情景只能基于一个情景（在第一行填写即可）' },
  },
  PATHWAY_UNKNOWN_PARENT: {
    en: { message: (p) => `scenario "${s(p.scenario)}" is based on "${s(p.parent)}", which the file does not define (scenarios: ${s(p.known)})`, fix: () => 'correct the name in based_on, or add that scenario' },
    zh: { message: (p) => `情景“${s(p.scenario)}”基于“${s(p.parent)}”，但文件中没有该情景（现有：${s(p.known)}）`, fix: () => '改正“基于情景”中的名称，或补充该情景' },
  },
  PATHWAY_PARENT_CYCLE: {
    en: { message: (p) => `scenarios are based on each other in a circle: ${s(p.cycle)}`, fix: () => 'one of them must stand on its own (empty based_on)' },
    zh: { message: (p) => `情景相互继承形成循环：${s(p.cycle)}`, fix: () => '其中一个情景应不基于其他情景（“基于情景”留空）' },
  },
  PATHWAY_LEVEL_AFTER_BASE: {
    en: {
      message: (p) => `scenario "${s(p.scenario)}" gives ${s(p.column)} in ${s(p.year)}; it is a level of the first year (${s(p.base)}) only`,
      fix: () => 'give later years as rates: gdp_growth_pct and energy_intensity_decline_pct (CO2 follows from energy, non-fossil share and co2_per_fossil_tce)',
    },
    zh: {
      message: (p) => `情景“${s(p.scenario)}”在 ${s(p.year)} 年给出了${zh(p.column)}；该项只在起始年（${s(p.base)}）填写`,
      fix: () => '以后各年填写增速：GDP增速、能耗强度下降率（CO2 由能耗、非化石能源占比和单位化石能源排放推算）',
    },
  },
  PATHWAY_END_BEFORE_BASE: {
    en: { message: (p) => `scenario "${s(p.scenario)}" starts in ${s(p.base)}, after the end year ${s(p.end)}`, fix: () => 'choose a later --to' },
    zh: { message: (p) => `情景“${s(p.scenario)}”起始于 ${s(p.base)} 年，晚于终止年 ${s(p.end)}`, fix: () => '--to 取更晚的年份' },
  },
  PATHWAY_MISSING_BASE_LEVEL: {
    en: {
      message: (p) => `scenario "${s(p.scenario)}" has no ${s(p.column)} for its first year ${s(p.year)}`,
      fix: (p) =>
        s(p.column) === 'co2_per_fossil_tce'
          ? 'give co2_per_fossil_tce, or co2_t for the first year (it is then derived), or --indicators / --data with that year\'s CO2'
          : s(p.column) === 'non_fossil_share_pct'
            ? 'give non_fossil_share_pct on the first row'
            : `give ${s(p.column)} on the first row, or --indicators / --data with that year`,
    },
    zh: {
      message: (p) => `情景“${s(p.scenario)}”缺少起始年 ${s(p.year)} 的${zh(p.column)}`,
      fix: (p) =>
        s(p.column) === 'co2_per_fossil_tce'
          ? '填写单位化石能源二氧化碳排放，或起始年二氧化碳排放量（据此推算），或用 --indicators / --data 提供该年 CO2'
          : s(p.column) === 'non_fossil_share_pct'
            ? '在起始年一行填写非化石能源占比'
            : `在起始年一行填写${zh(p.column)}，或用 --indicators / --data 提供该年数据`,
    },
  },
  PATHWAY_MISSING_RATE: {
    en: { message: (p) => `scenario "${s(p.scenario)}" has no ${s(p.column)} for ${s(p.year)} or any year before it`, fix: (p) => `give ${s(p.column)} on the first row; it then holds until a later row changes it` },
    zh: { message: (p) => `情景“${s(p.scenario)}”在 ${s(p.year)} 年及以前都没有${zh(p.column)}`, fix: (p) => `在起始年一行填写${zh(p.column)}，之后各年沿用，直到某年另行给出` },
  },
  PATHWAY_CANNOT_DERIVE_FACTOR: {
    en: { message: (p) => `scenario "${s(p.scenario)}": CO2 per tce of fossil energy cannot be derived for ${s(p.year)} (no fossil energy, or CO2 not above process CO2)`, fix: () => 'give co2_per_fossil_tce directly' },
    zh: { message: (p) => `情景“${s(p.scenario)}”：无法推算 ${s(p.year)} 年单位化石能源二氧化碳排放（没有化石能源，或 CO2 不大于过程排放）`, fix: () => '直接填写单位化石能源二氧化碳排放' },
  },
  PATHWAY_BASE_DIFFERS: {
    en: { message: (p) => `scenario "${s(p.scenario)}": ${s(p.column)} ${s(p.year)} is ${s(p.file)} in the scenarios file but ${s(p.other)} from ${s(p.source)}; the scenarios file's figure is used`, fix: () => 'check which figure is right; leave the cell empty to use the other' },
    zh: { message: (p) => `情景“${s(p.scenario)}”：${s(p.year)} 年${zh(p.column)}在情景文件中为 ${s(p.file)}，${s(p.source) === 'data' ? '活动水平数据' : '指标文件'}中为 ${s(p.other)}；采用情景文件的数值`, fix: () => '核对哪个正确；留空即采用另一个' },
  },
  PATHWAY_CO2_IGNORED: {
    en: { message: (p) => `scenario "${s(p.scenario)}" gives both co2_per_fossil_tce and co2_t for ${s(p.year)}; co2_t is not used`, fix: () => 'leave co2_t empty, or co2_per_fossil_tce to derive it from co2_t' },
    zh: { message: (p) => `情景“${s(p.scenario)}”${s(p.year)} 年同时给出单位化石能源排放和二氧化碳排放量；后者不使用`, fix: () => '二者只填其一' },
  },
  PATHWAY_BASE_YEARS_DIFFER: {
    en: { message: (p) => `the scenarios start in different years (${s(p.years)}); history and checks use the first one's prices`, fix: () => 'start every scenario in the same base year' },
    zh: { message: (p) => `各情景起始年不同（${s(p.years)}）；历史数据和目标检查按第一个情景的价格基年`, fix: () => '各情景使用同一起始年' },
  },
  PATHWAY_HISTORY_NOT_CHAINED: {
    en: { message: (p) => `the indicators file has no row for ${s(p.year)}, so its GDP cannot be put at ${s(p.year)} prices: observed intensities are left out`, fix: (p) => `add ${s(p.year)} to the indicators file` },
    zh: { message: (p) => `指标文件没有 ${s(p.year)} 年，无法换算到 ${s(p.year)} 年可比价：不列历史强度`, fix: (p) => `在指标文件中补充 ${s(p.year)} 年` },
  },
  PATHWAY_CI2005_YEAR_UNKNOWN: {
    en: { message: (p) => `--ci-2005 refers to ${s(p.year)}, but no carbon intensity is known for that year`, fix: () => 'give --indicators with that year (GDP and CO2), or refer to a year of the projection' },
    zh: { message: (p) => `--ci-2005 引用 ${s(p.year)} 年，但该年碳排放强度未知`, fix: () => '用 --indicators 提供该年 GDP 和 CO2，或引用预测期内的年份' },
  },
  PATHWAY_NOT_PEAKED: {
    en: { message: (p) => `scenario "${s(p.scenario)}" does not peak before its end year ${s(p.end)}: CO2 is highest in the last year`, fix: () => 'the peak year shown is the end year, not a peak; extend the scenario or strengthen its rates' },
    zh: { message: (p) => `情景“${s(p.scenario)}”在终止年 ${s(p.end)} 之前未达峰：最后一年排放最高`, fix: () => '所示峰值年为终止年而非峰值；可延长情景或加大下降力度' },
  },
  PATHWAY_NO_RANGES: {
    en: { message: (p) => `--runs: scenario "${s(p.scenario)}" has no _low/_high columns, so it has no Monte Carlo`, fix: () => 'add <column>_low and <column>_high cells (e.g. gdp_growth_pct_low, gdp_growth_pct_high)' },
    zh: { message: (p) => `--runs：情景“${s(p.scenario)}”没有低值/高值列，不做蒙特卡洛模拟`, fix: () => '增加 列名_low、列名_high，如 gdp_growth_pct_low、gdp_growth_pct_high' },
  },
} satisfies Record<string, Entry>;


