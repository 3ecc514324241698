/**
 * Messages of the `decompose` command (factor tables, the Kaya identity from activity data, LMDI, decoupling).
 * Merged into the catalogue in messages.ts; same shape: what is wrong, then what to do.
 */
import { s, type MessageEntry as Entry } from './types.js';

const COLUMNS_EN = 'year,group,<factor>,<factor>,… (one row per year and group; the aggregate is Σ over groups of the product of the factors)';
const COLUMNS_ZH = '年份,分组,<因素>,<因素>,…（每年每组一行；总量 = 各组因素乘积之和）';

const WHAT_ZH: Record<string, string> = { energy: '能耗', CO2: '二氧化碳排放量', 'value added': '增加值' };

export const decomposeMessages = {
  DECOMPOSE_FILE_EMPTY: {
    en: { message: () => 'the factor table is empty', fix: () => `add a header ${COLUMNS_EN}` },
    zh: { message: () => '因素表是空的', fix: () => `加上表头 ${COLUMNS_ZH}` },
  },
  DECOMPOSE_NO_DATA_ROWS: {
    en: { message: () => 'the factor table has a header but no data rows', fix: () => 'add one row per year and group, for at least the two years compared' },
    zh: { message: () => '因素表只有表头，没有数据行', fix: () => '每年每组填一行，至少包含比较的两个年份' },
  },
  DECOMPOSE_MISSING_COLUMN: {
    en: { message: (p) => `required column "${s(p.column)}" is missing (found: ${s(p.found)})`, fix: (p) => `add a column named ${s(p.aliases)}; the table is ${COLUMNS_EN}` },
    zh: { message: (p) => `缺少必需的列“${s(p.column) === 'year' ? '年份' : '分组'}”（现有列：${s(p.found)}）`, fix: (p) => `增加一列，列名可用 ${s(p.aliases)}；表格式为 ${COLUMNS_ZH}` },
  },
  DECOMPOSE_NO_FACTORS: {
    en: { message: (p) => `the table has no factor columns after year and group (found: ${s(p.found)})`, fix: () => 'add one column per factor of your identity, e.g. activity,intensity,emission_factor' },
    zh: { message: (p) => `年份和分组之外没有因素列（现有列：${s(p.found)}）`, fix: () => '每个因素一列，如 活动水平,强度,排放因子' },
  },
  DECOMPOSE_EMPTY_FACTOR: {
    en: { message: (p) => `${s(p.column)} of group "${s(p.group)}" is empty`, fix: () => 'write the value; a factor that is truly zero is written 0 (it is handled exactly, by the analytical limits of Ang & Liu 2007)' },
    zh: { message: (p) => `分组“${s(p.group)}”的${s(p.column)}为空`, fix: () => '请填写数值；确实为零的因素填 0（按 Ang & Liu 2007 的解析极限精确处理）' },
  },
  DECOMPOSE_BAD_NUMBER: {
    en: { message: (p) => `${s(p.column)} "${s(p.value)}" is not a number`, fix: () => 'write a plain number such as 1234.5 or 1,234.5, without units or notes' },
    zh: { message: (p) => `${s(p.column)}“${s(p.value)}”不是数字`, fix: () => '只填数字，如 1234.5 或 1,234.5，不要带单位或备注' },
  },
  DECOMPOSE_NEGATIVE: {
    en: {
      message: (p) => `${s(p.column)} ${s(p.value)} of "${s(p.group)}" is negative: the LMDI logarithms are not defined for it`,
      fix: () => 'a negative value usually means a net export (e.g. a city selling power): decompose on the territorial basis, or give imports and exports as separate groups with positive values',
    },
    zh: {
      message: (p) => `“${s(p.group)}”的${s(p.column)} ${s(p.value)} 为负数，LMDI 的对数对负数无定义`,
      fix: () => '负值通常表示净调出（如城市外送电力）：请按属地口径分解，或把调入、调出分成两个取正值的分组',
    },
  },
  DECOMPOSE_DUPLICATE_ROW: {
    en: { message: (p) => `year ${s(p.year)}, group "${s(p.group)}" appears twice (first on line ${s(p.first)})`, fix: () => 'keep one row per year and group' },
    zh: { message: (p) => `${s(p.year)} 年分组“${s(p.group)}”出现两次（首次在第 ${s(p.first)} 行）`, fix: () => '每年每组只保留一行' },
  },
  DECOMPOSE_YEAR_MISSING: {
    en: { message: (p) => `year ${s(p.year)} is not in the data (years: ${s(p.years)})`, fix: () => 'choose --from and --to among the years of the data' },
    zh: { message: (p) => `数据中没有 ${s(p.year)} 年（现有年份：${s(p.years)}）`, fix: () => '--from、--to 请选数据中已有的年份' },
  },
  DECOMPOSE_CHAIN_GAP: {
    en: { message: (p) => `--chained needs every year from ${s(p.from)} to ${s(p.to)}, and ${s(p.year)} is missing`, fix: () => 'add the rows of that year, or leave out --chained to compare the two years directly' },
    zh: { message: (p) => `--chained 需要 ${s(p.from)}—${s(p.to)} 的每一年，缺少 ${s(p.year)} 年`, fix: () => '补上该年数据，或去掉 --chained 直接比较两年' },
  },
  DECOMPOSE_GROUP_MISSING: {
    en: {
      message: (p) => `group "${s(p.group)}" has a row for ${s(p.other)} but none for ${s(p.year)}`,
      fix: () => 'give it a row in both years; where it did not exist, write 0 for the factor that was zero (e.g. its share), so the zero rule knows which factor made it appear or disappear',
    },
    zh: {
      message: (p) => `分组“${s(p.group)}”有 ${s(p.other)} 年的数据，没有 ${s(p.year)} 年的`,
      fix: () => '两年都要有这一行；当年不存在时，把为零的那个因素（如占比）填 0，以便按零值规则归属其出现或消失',
    },
  },
  DECOMPOSE_TOTAL_ZERO: {
    en: { message: (p) => `the aggregate of ${s(p.year)} is zero: the multiplicative split (a ratio) is not defined`, fix: () => 'use --method additive' },
    zh: { message: (p) => `${s(p.year)} 年总量为零，乘法分解（比值）无定义`, fix: () => '请改用 --method additive' },
  },
  DECOMPOSE_NO_GDP: {
    en: { message: (p) => `no GDP at comparable prices for ${s(p.year)}: the indicators file has no row (or chain) for it`, fix: () => 'add that year to the indicators file with gdp and gdp_index' },
    zh: { message: (p) => `${s(p.year)} 年没有可比价地区生产总值：指标文件缺少该年（或无法连乘指数）`, fix: () => '在指标文件中补上该年的地区生产总值及指数' },
  },
  DECOMPOSE_NO_POPULATION: {
    en: { message: (p) => `population is given for some years but not for ${s(p.year)}`, fix: () => 'give population (万人) for every year compared, or leave the column out (population and GDP per capita then merge into GDP)' },
    zh: { message: (p) => `部分年份有常住人口，${s(p.year)} 年没有`, fix: () => '比较的各年都要填常住人口（万人），或删去该列（人口与人均 GDP 合并为 GDP 效应）' },
  },
  DECOMPOSE_NO_VALUE_ADDED: {
    en: { message: (p) => `value added by sector is given for some years but not for ${s(p.year)}: no structure effect by sector`, fix: () => 'give gdp_primary, gdp_secondary and gdp_tertiary for every year compared' },
    zh: { message: (p) => `部分年份有三次产业增加值，${s(p.year)} 年没有，不分解产业结构效应`, fix: () => '比较的各年都要填第一、二、三产业增加值' },
  },
  DECOMPOSE_CURRENT_PRICE_SHARES: {
    en: { message: () => 'sector shares of GDP are taken from value added at current prices (times total GDP at comparable prices)', fix: () => 'the yearbook gives no sector price indices in this file; the structure effect is approximate in the price changes between sectors' },
    zh: { message: () => '产业结构占比按现价增加值计算（乘以可比价地区生产总值）', fix: () => '文件未给分产业价格指数；结构效应未剔除产业间相对价格变化' },
  },
  DECOMPOSE_SECTOR_UNCLASSIFIED: {
    en: { message: (p) => `sector "${s(p.sector)}" cannot be placed in the primary, secondary or tertiary industry: counted as tertiary`, fix: () => 'use a GB/T 4754 division or section name or code' },
    zh: { message: (p) => `部门“${s(p.sector)}”无法归入三次产业，按第三产业计`, fix: () => '请使用 GB/T 4754 门类或大类的名称或代码' },
  },
  DECOMPOSE_NEGATIVE_CELL: {
    en: {
      message: (p) => `${s(p.what)} of ${s(p.group)} in ${s(p.year)} is negative (${s(p.value)}): the LMDI logarithms are not defined for it`,
      fix: () => 'a negative value here is a net export (the city generates more than it uses): decompose with --co2-view consumption, or give imports and exports as separate rows',
    },
    zh: {
      message: (p) => `${s(p.year)} 年${s(p.groupZh ?? p.group)}的${WHAT_ZH[s(p.what)] ?? s(p.what)}为负数（${s(p.value)}），LMDI 的对数对负数无定义`,
      fix: () => '此处负值表示净调出（本地发电多于用电）：请用 --co2-view consumption 分解，或把调入、调出分行填写',
    },
  },
} satisfies Record<string, Entry>;
