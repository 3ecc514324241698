import { MAX_HEADER_SEARCH, readSpreadsheetCsv } from '../csv-text.js';
import { Decimal } from '../decimal.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { yearOfCell } from '../year-cell.js';
import { parseDecimal } from '../input/quantity.js';
import { nameKey, toHalfWidth } from '../text.js';
import { parseUnit } from '../units.js';

/** Where a figure of a year came from. */
export type FigureSource = 'file' | 'data';

/**
 * One year of the indicators file (or of `--data` merged into it). Figures are exact decimals in
 * the file's units converted to 亿元, tce and t. A figure the file does not give is `undefined`.
 */
export interface IndicatorYear {
  year: number;
  /** GDP in 亿元: current prices when `gdp_index` is given, else taken as constant prices */
  gdp: Decimal | undefined;
  /** real growth index, previous year = 100 */
  gdp_index: Decimal | undefined;
  energy_tce: Decimal | undefined;
  co2_t: Decimal | undefined;
  /** 原料用能, part of energy_tce; deducted on the assessment basis */
  feedstock_tce: Decimal | undefined;
  /** 新增可再生能源消费量 (over the 2020 base), part of energy_tce; deducted on the assessment basis */
  new_renewable_tce: Decimal | undefined;
  /**
   * 非化石能源消费量: all non-fossil energy consumed (renewables and nuclear, local and in imported electricity), part of
   * energy_tce and on its basis; deducted on the 2024 assessment basis (发改环资〔2024〕113号)
   */
  non_fossil_tce?: Decimal | undefined;
  /** 常住人口 in 万人 (optional; decompose's population effect) */
  population?: Decimal | undefined;
  /** value added of the primary, secondary and tertiary industry, 亿元 at current prices (optional; decompose's structure effect) */
  gdp_primary?: Decimal | undefined;
  gdp_secondary?: Decimal | undefined;
  gdp_tertiary?: Decimal | undefined;
  /** where energy_tce, co2_t, feedstock_tce and non_fossil_tce came from */
  sources: Partial<Record<'energy_tce' | 'co2_t' | 'feedstock_tce' | 'non_fossil_tce', FigureSource>>;
  file?: string | undefined;
  line?: number | undefined;
}

export type IndicatorColumn =
  | 'year'
  | 'gdp'
  | 'gdp_index'
  | 'energy_tce'
  | 'co2_t'
  | 'feedstock_tce'
  | 'new_renewable_tce'
  | 'non_fossil_tce'
  | 'population'
  | 'gdp_primary'
  | 'gdp_secondary'
  | 'gdp_tertiary';

export interface ParsedIndicators {
  /** sorted by year; rows with an error are left out */
  years: IndicatorYear[];
  diagnostics: Diagnostic[];
  /** data rows read, valid or not */
  rows: number;
  /** which optional columns the file has */
  columns: IndicatorColumn[];
}

/** Header names accepted for each column, any case, a unit in brackets allowed after them. */
export const indicatorAliases: Record<IndicatorColumn, string[]> = {
  year: ['year', '年份', '年度', '年'],
  gdp: ['gdp', '地区生产总值', '国内生产总值', '生产总值', 'GDP现价', '地区生产总值现价', 'grp'],
  gdp_index: ['gdp_index', 'index', '指数', 'GDP指数', '地区生产总值指数', '生产总值指数', '国内生产总值指数', 'GDP增长指数'],
  energy_tce: ['energy_tce', 'energy', '能源消费量', '综合能源消费量', '能耗', '能源消费总量', '综合能耗'],
  co2_t: ['co2_t', 'co2', '二氧化碳排放量', '二氧化碳排放', 'CO2排放量', '碳排放量'],
  feedstock_tce: ['feedstock_tce', 'feedstock', '原料用能', '原料用能消费量', '原料用能量'],
  new_renewable_tce: ['new_renewable_tce', 'new_renewable', '新增可再生能源消费量', '新增可再生能源', '新增可再生能源电力消费量'],
  non_fossil_tce: ['non_fossil_tce', 'non_fossil', '非化石能源消费量', '非化石能源消费', '非化石能源'],
  population: ['population', 'pop', '常住人口', '年末常住人口', '人口', '总人口', '年末总人口'],
  gdp_primary: ['gdp_primary', 'value_added_primary', '第一产业增加值', '第一产业'],
  gdp_secondary: ['gdp_secondary', 'value_added_secondary', '第二产业增加值', '第二产业'],
  gdp_tertiary: ['gdp_tertiary', 'value_added_tertiary', '第三产业增加值', '第三产业'],
};

const byKey = new Map<string, IndicatorColumn>();
for (const [column, aliases] of Object.entries(indicatorAliases) as [IndicatorColumn, string[]][]) {
  for (const alias of aliases) byKey.set(nameKey(alias), column);
}

/** `地区生产总值（亿元）` → name 地区生产总值, unit 亿元. */
function splitHeader(raw: string): { name: string; unit: string | undefined } {
  const text = toHalfWidth(raw).trim();
  const m = /^(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/.exec(text);
  if (m && m[1] !== '') return { name: m[1]!, unit: m[2]! };
  return { name: text, unit: undefined };
}

function columnOfHeader(raw: string): IndicatorColumn | undefined {
  return byKey.get(nameKey(splitHeader(raw).name));
}

/** population in 万人 (10 000 persons), as yearbooks give it */
const POPULATION_UNITS: Record<string, string> = { 万人: '1', 人: '0.0001', '10000persons': '1', persons: '0.0001' };

const GDP_UNITS: Record<string, string> = { 亿元: '1', 亿: '1', 万元: '0.0001', 元: '0.00000001', 'cny100m': '1', '100mcny': '1', '100millioncny': '1', 'yuan100m': '1' };

/** The factor that turns a figure in the header's unit into the column's base unit, or undefined if the unit does not fit. */
function unitFactor(column: IndicatorColumn, unit: string | undefined): Decimal | undefined {
  if (unit === undefined || unit.trim() === '') return new Decimal(1);
  const key = toHalfWidth(unit).toLowerCase().replace(/\s/g, '');
  switch (column) {
    case 'gdp':
    case 'gdp_primary':
    case 'gdp_secondary':
    case 'gdp_tertiary': {
      const f = GDP_UNITS[key];
      return f === undefined ? undefined : new Decimal(f);
    }
    case 'gdp_index':
      return ['上年=100', '上年100', '%', 'previousyear=100', ''].includes(key) ? new Decimal(1) : undefined;
    case 'co2_t': {
      const u = parseUnit(key.replace(/co2|二氧化碳/g, ''));
      return u && u.dimension === 'mass' ? u.toBase : undefined;
    }
    case 'energy_tce':
    case 'feedstock_tce':
    case 'new_renewable_tce':
    case 'non_fossil_tce': {
      const u = parseUnit(key);
      return u && u.dimension === 'standard-coal' ? u.toBase : undefined;
    }
    case 'population': {
      const f = POPULATION_UNITS[key];
      return f === undefined ? undefined : new Decimal(f);
    }
    case 'year':
      return new Decimal(1);
  }
}

const UNIT_HINTS: Record<IndicatorColumn, { units: string; default: string }> = {
  year: { units: '', default: '' },
  gdp: { units: '亿元, 万元, 元', default: '亿元' },
  gdp_index: { units: '上年=100', default: '上年=100' },
  energy_tce: { units: 'tce, 吨标准煤, 万吨标准煤', default: 'tce' },
  co2_t: { units: 't, 吨, 万吨, tCO2', default: 't' },
  feedstock_tce: { units: 'tce, 吨标准煤, 万吨标准煤', default: 'tce' },
  new_renewable_tce: { units: 'tce, 吨标准煤, 万吨标准煤', default: 'tce' },
  non_fossil_tce: { units: 'tce, 吨标准煤, 万吨标准煤', default: 'tce' },
  population: { units: '万人, 人', default: '万人' },
  gdp_primary: { units: '亿元, 万元, 元', default: '亿元' },
  gdp_secondary: { units: '亿元, 万元, 元', default: '亿元' },
  gdp_tertiary: { units: '亿元, 万元, 元', default: '亿元' },
};

const REQUIRED: IndicatorColumn[] = ['year', 'gdp'];

/**
 * Reads an indicators file: `year,gdp,gdp_index,energy_tce,co2_t` (Chinese headers accepted,
 * optional `feedstock_tce`, `new_renewable_tce`, a unit in brackets after any header). Pure: text in,
 * years and every problem out; nothing is thrown. Decode bytes with `decodeText` first.
 */
export function parseIndicators(text: string, file: string): ParsedIndicators {
  const diagnostics: Diagnostic[] = [];
  const result: ParsedIndicators = { years: [], diagnostics, rows: 0, columns: [] };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    diagnostics.push(error('INTENSITY_FILE_EMPTY', {}, { file }));
    return result;
  }
  const read = readSpreadsheetCsv(text);
  if ('error' in read) {
    diagnostics.push(error('CSV_MALFORMED', { detail: read.error.detail }, { file, line: read.error.line }));
    return result;
  }
  const nonBlank = read.records;
  // Excel exports often carry a title line above the header: take the first line naming year and gdp
  let headerIndex = nonBlank.slice(0, MAX_HEADER_SEARCH).findIndex((r) => {
    const cols = new Set(r.record.map(columnOfHeader));
    return cols.has('year') && cols.has('gdp');
  });
  if (headerIndex < 0) headerIndex = 0;
  const header = nonBlank[headerIndex];
  if (!header) {
    diagnostics.push(error('INTENSITY_FILE_EMPTY', {}, { file }));
    return result;
  }
  const hline = header.info.lines;
  const index: Partial<Record<IndicatorColumn, number>> = {};
  const factor: Partial<Record<IndicatorColumn, Decimal>> = {};
  header.record.forEach((raw, i) => {
    const column = columnOfHeader(raw);
    if (!column) return;
    if (index[column] !== undefined) {
      diagnostics.push(error('DUPLICATE_COLUMN', { first: header.record[index[column]]!, second: raw, column }, { file, line: hline, column: i + 1 }));
      return;
    }
    index[column] = i;
    const { unit } = splitHeader(raw);
    const f = unitFactor(column, unit);
    if (!f) {
      diagnostics.push(
        error('INTENSITY_BAD_HEADER_UNIT', { unit: unit ?? '', header: raw.trim(), column, ...UNIT_HINTS[column] }, { file, line: hline, column: i + 1 }),
      );
    } else factor[column] = f;
  });
  for (const column of REQUIRED) {
    if (index[column] === undefined) {
      diagnostics.push(
        error(
          'INTENSITY_MISSING_COLUMN',
          {
            column,
            aliases: indicatorAliases[column].slice(0, 3).map((a) => `"${a}"`).join(' / '),
            found: header.record.map((h) => h.trim()).join(', '),
          },
          { file, line: hline },
        ),
      );
    }
  }
  if (diagnostics.length > 0) return result;
  result.columns = (Object.keys(indicatorAliases) as IndicatorColumn[]).filter((c) => index[c] !== undefined);
  const body = nonBlank.slice(headerIndex + 1);
  if (body.length === 0) {
    diagnostics.push(error('INTENSITY_NO_DATA_ROWS', {}, { file, line: hline }));
    return result;
  }
  const seen = new Map<number, number>();
  for (const { info, record } of body) {
    result.rows++;
    const line = info.lines;
    const before = diagnostics.length;
    const cell = (column: IndicatorColumn) => {
      const i = index[column];
      return i === undefined ? { raw: '', col: undefined } : { raw: toHalfWidth(record[i] ?? '').trim(), col: i + 1 };
    };
    const at = (col: number | undefined) => ({ file, line, column: col });

    const y = cell('year');
    const year = yearOfCell(y.raw, at(y.col), diagnostics);

    const number = (column: IndicatorColumn, rule: 'positive' | 'non-negative'): Decimal | undefined => {
      const c = cell(column);
      if (c.raw === '' || c.raw === '-' || c.raw === '—' || c.raw === '…') return undefined;
      const d = parseDecimal(c.raw);
      if (!d) {
        diagnostics.push(error('INTENSITY_BAD_NUMBER', { column, value: c.raw }, at(c.col)));
        return undefined;
      }
      if (rule === 'positive' && !d.greaterThan(0)) {
        diagnostics.push(error('INTENSITY_NOT_POSITIVE', { column, value: c.raw }, at(c.col)));
        return undefined;
      }
      if (rule === 'non-negative' && d.isNegative() && !d.isZero()) {
        diagnostics.push(error('INTENSITY_NEGATIVE', { column, value: c.raw }, at(c.col)));
        return undefined;
      }
      return d.times(factor[column] ?? 1);
    };
    const gdp = number('gdp', 'positive');
    if (gdp === undefined && cell('gdp').raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'gdp' }, at(cell('gdp').col)));
    const gdpIndex = number('gdp_index', 'positive');
    if (gdpIndex && (gdpIndex.lessThan(50) || gdpIndex.greaterThan(200))) {
      diagnostics.push(
        error(
          'INTENSITY_INDEX_LOOKS_LIKE_RATE',
          { value: cell('gdp_index').raw, suggestion: gdpIndex.lessThan(50) ? gdpIndex.plus(100).toFixed() : '106.5' },
          at(cell('gdp_index').col),
        ),
      );
    }
    const energy = number('energy_tce', 'non-negative');
    const co2 = number('co2_t', 'non-negative');
    const feedstock = number('feedstock_tce', 'non-negative');
    const renewable = number('new_renewable_tce', 'non-negative');
    const nonFossil = number('non_fossil_tce', 'non-negative');
    const population = number('population', 'positive');
    const valueAdded = (['gdp_primary', 'gdp_secondary', 'gdp_tertiary'] as const).map((c) => number(c, 'non-negative'));
    if (year !== undefined) {
      const first = seen.get(year);
      if (first !== undefined) diagnostics.push(error('INTENSITY_DUPLICATE_YEAR', { year, first }, at(y.col)));
      else seen.set(year, line);
    }
    if (diagnostics.slice(before).some((d) => d.severity === 'error')) continue;
    const sources: IndicatorYear['sources'] = {};
    if (energy) sources.energy_tce = 'file';
    if (co2) sources.co2_t = 'file';
    if (feedstock) sources.feedstock_tce = 'file';
    if (nonFossil) sources.non_fossil_tce = 'file';
    result.years.push({
      year: year!,
      gdp,
      gdp_index: gdpIndex,
      energy_tce: energy,
      co2_t: co2,
      feedstock_tce: feedstock,
      new_renewable_tce: renewable,
      ...(nonFossil !== undefined ? { non_fossil_tce: nonFossil } : {}),
      ...(population !== undefined ? { population } : {}),
      ...(valueAdded[0] !== undefined ? { gdp_primary: valueAdded[0] } : {}),
      ...(valueAdded[1] !== undefined ? { gdp_secondary: valueAdded[1] } : {}),
      ...(valueAdded[2] !== undefined ? { gdp_tertiary: valueAdded[2] } : {}),
      sources,
      file,
      line,
    });
  }
  result.years.sort((a, b) => a.year - b.year);
  return result;
}

/** Builds indicator years from plain values (for library callers and tests): strings or numbers, exact. */
export function indicatorYears(
  rows: {
    year: number;
    gdp?: string | number | Decimal;
    gdp_index?: string | number | Decimal;
    energy_tce?: string | number | Decimal;
    co2_t?: string | number | Decimal;
    feedstock_tce?: string | number | Decimal;
    new_renewable_tce?: string | number | Decimal;
    non_fossil_tce?: string | number | Decimal;
    population?: string | number | Decimal;
    gdp_primary?: string | number | Decimal;
    gdp_secondary?: string | number | Decimal;
    gdp_tertiary?: string | number | Decimal;
  }[],
): IndicatorYear[] {
  const d = (v: string | number | Decimal | undefined) => (v === undefined ? undefined : new Decimal(v));
  return rows
    .map((r) => {
      const sources: IndicatorYear['sources'] = {};
      if (r.energy_tce !== undefined) sources.energy_tce = 'file';
      if (r.co2_t !== undefined) sources.co2_t = 'file';
      if (r.feedstock_tce !== undefined) sources.feedstock_tce = 'file';
      if (r.non_fossil_tce !== undefined) sources.non_fossil_tce = 'file';
      return {
        year: r.year,
        gdp: d(r.gdp),
        gdp_index: d(r.gdp_index),
        energy_tce: d(r.energy_tce),
        co2_t: d(r.co2_t),
        feedstock_tce: d(r.feedstock_tce),
        new_renewable_tce: d(r.new_renewable_tce),
        ...(r.non_fossil_tce !== undefined ? { non_fossil_tce: d(r.non_fossil_tce) } : {}),
        ...(r.population !== undefined ? { population: d(r.population) } : {}),
        ...(r.gdp_primary !== undefined ? { gdp_primary: d(r.gdp_primary) } : {}),
        ...(r.gdp_secondary !== undefined ? { gdp_secondary: d(r.gdp_secondary) } : {}),
        ...(r.gdp_tertiary !== undefined ? { gdp_tertiary: d(r.gdp_tertiary) } : {}),
        sources,
      };
    })
    .sort((a, b) => a.year - b.year);
}
