import { MAX_HEADER_SEARCH, readSpreadsheetCsv } from '../csv-text.js';
import type { Decimal } from '../decimal.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { parseDecimal } from '../input/quantity.js';
import { nameKey, toHalfWidth } from '../text.js';
import type { FactorInfo, IdentityData } from './series.js';

const YEAR = ['year', '年份', '年度', '年'].map(nameKey);
const GROUP = ['group', 'groups', 'subcategory', 'category', 'sector', 'fuel', '分组', '组', '类别', '子类', '部门', '行业', '能源品种', '品种'].map(nameKey);

export interface ParsedFactorTable {
  data: IdentityData | undefined;
  diagnostics: Diagnostic[];
  rows: number;
}

/**
 * Reads a factor table for `decompose`: `year, group, <factor columns…>`, one row per year and group; the
 * aggregate of a year is Σ over groups of the product of the factors. Any identity the user builds fits:
 * the factors are the columns after year and group, named as the user named them. A title line above the
 * header is skipped. Values must be numbers ≥ 0; a negative one is refused with a hint.
 */
export function parseFactorTable(text: string, file: string): ParsedFactorTable {
  const diagnostics: Diagnostic[] = [];
  const result: ParsedFactorTable = { data: undefined, diagnostics, rows: 0 };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    diagnostics.push(error('DECOMPOSE_FILE_EMPTY', {}, { file }));
    return result;
  }
  const read = readSpreadsheetCsv(text);
  if ('error' in read) {
    diagnostics.push(error('CSV_MALFORMED', { detail: read.error.detail }, { file, line: read.error.line }));
    return result;
  }
  const isYear = (h: string) => YEAR.includes(nameKey(toHalfWidth(h).trim()));
  const isGroup = (h: string) => GROUP.includes(nameKey(toHalfWidth(h).trim()));
  let headerIndex = read.records.slice(0, MAX_HEADER_SEARCH).findIndex((r) => r.record.some(isYear) && r.record.some(isGroup));
  if (headerIndex < 0) headerIndex = 0;
  const header = read.records[headerIndex]!;
  const hline = header.info.lines;
  const yearCol = header.record.findIndex(isYear);
  const groupCol = header.record.findIndex(isGroup);
  const found = header.record.map((h) => h.trim()).join(', ');
  if (yearCol < 0) diagnostics.push(error('DECOMPOSE_MISSING_COLUMN', { column: 'year', aliases: '"year" / "年份"', found }, { file, line: hline }));
  if (groupCol < 0) diagnostics.push(error('DECOMPOSE_MISSING_COLUMN', { column: 'group', aliases: '"group" / "分组" / "部门" / "能源品种"', found }, { file, line: hline }));
  if (diagnostics.length > 0) return result;
  const factorCols: number[] = [];
  const factors: FactorInfo[] = [];
  header.record.forEach((raw, i) => {
    if (i === yearCol || i === groupCol) return;
    const name = toHalfWidth(raw).trim();
    if (name === '') return;
    const seen = factors.findIndex((f) => nameKey(f.key) === nameKey(name));
    if (seen >= 0) {
      diagnostics.push(error('DUPLICATE_COLUMN', { first: factors[seen]!.key, second: name, column: name }, { file, line: hline, column: i + 1 }));
      return;
    }
    factorCols.push(i);
    factors.push({ key: name, en: name, zh: name });
  });
  if (factors.length === 0) diagnostics.push(error('DECOMPOSE_NO_FACTORS', { found }, { file, line: hline }));
  if (diagnostics.length > 0) return result;
  const body = read.records.slice(headerIndex + 1);
  if (body.length === 0) {
    diagnostics.push(error('DECOMPOSE_NO_DATA_ROWS', {}, { file, line: hline }));
    return result;
  }
  const years = new Map<number, Map<string, (Decimal | null)[]>>();
  const where = new Map<string, { file?: string; line?: number }>();
  for (const { info, record } of body) {
    result.rows++;
    const line = info.lines;
    const before = diagnostics.length;
    const yearRaw = toHalfWidth(record[yearCol] ?? '').trim().replace(/年$/, '');
    let year: number | undefined;
    if (yearRaw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'year' }, { file, line, column: yearCol + 1 }));
    else if (!/^(19|20)\d{2}$/.test(yearRaw)) diagnostics.push(error('BAD_YEAR', { value: yearRaw }, { file, line, column: yearCol + 1 }));
    else year = Number(yearRaw);
    const group = toHalfWidth(record[groupCol] ?? '').trim();
    if (group === '') diagnostics.push(error('EMPTY_VALUE', { column: 'group' }, { file, line, column: groupCol + 1 }));
    const values: Decimal[] = [];
    factorCols.forEach((c, k) => {
      const raw = toHalfWidth(record[c] ?? '').trim();
      const column = factors[k]!.key;
      if (raw === '') {
        diagnostics.push(error('DECOMPOSE_EMPTY_FACTOR', { column, group }, { file, line, column: c + 1 }));
        return;
      }
      const v = parseDecimal(raw);
      if (!v) diagnostics.push(error('DECOMPOSE_BAD_NUMBER', { column, value: raw }, { file, line, column: c + 1 }));
      else if (v.isNegative() && !v.isZero()) diagnostics.push(error('DECOMPOSE_NEGATIVE', { column, value: raw, group }, { file, line, column: c + 1 }));
      else values.push(v.abs());
    });
    if (year !== undefined && group !== '') {
      const key = `${year}\u0000${group}`;
      const first = where.get(key);
      if (first) diagnostics.push(error('DECOMPOSE_DUPLICATE_ROW', { year, group, first: first.line ?? '' }, { file, line }));
      else where.set(key, { file, line });
    }
    if (diagnostics.length > before) continue;
    let inYear = years.get(year!);
    if (!inYear) years.set(year!, (inYear = new Map()));
    inYear.set(group, values);
  }
  if (diagnostics.length > 0) return result;
  result.data = { factors, quantity: { key: 'value', en: 'Aggregate', zh: '总量', unit: '' }, years, where, file };
  return result;
}
