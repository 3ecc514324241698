import { readSpreadsheetCsv } from '../csv-text.js';
import { Decimal } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { yearOfCell } from '../year-cell.js';
import type { Sector, SectorDictionary } from '../dictionary/sectors.js';
import { parseDecimal } from '../input/quantity.js';
import { checkQuantityCell } from '../input/row-rules.js';
import { toHalfWidth } from '../text.js';
import { parseUnit } from '../units.js';
import { processAliases, processFieldOfHeader, requiredProcessFields, type ProcessField } from './columns.js';
import { findProduct, findTechnology, suggestProduct, type ProcessParameter, type Product } from './products.js';

/** One validated row of a process file: production or material use in tonnes, with its parameters. */
export interface ProcessRecord {
  file: string;
  line: number;
  year: number;
  sectorLabel: string;
  sector: Sector | undefined;
  product: Product;
  /** tonnes */
  quantity: Decimal;
  /** technology id, '' when not given */
  technology: string;
  /** fractions (65.2 % → 0.652), when given */
  cao?: Decimal | undefined;
  mgo?: Decimal | undefined;
  purity?: Decimal | undefined;
  abatement?: Decimal | undefined;
  /** tonnes of urea made from the ammonia plant's CO2 */
  urea?: Decimal | undefined;
  /** where each given parameter is, for messages about it */
  columns: Partial<Record<ProcessField, number>>;
  extra: Record<string, string>;
}

export interface ParsedProcess {
  records: ProcessRecord[];
  diagnostics: Diagnostic[];
  rows: number;
}

const PCT_FIELDS: Record<string, keyof ProcessRecord> = { cao_pct: 'cao', mgo_pct: 'mgo', purity_pct: 'purity', abatement_pct: 'abatement' };

/** Reads one process file's text with the reference (csv-parse) reader. Every problem is collected. */
export function parseProcess(text: string, file: string, sectors: SectorDictionary): ParsedProcess {
  const diagnostics: Diagnostic[] = [];
  const result: ParsedProcess = { records: [], diagnostics, rows: 0 };
  const read = readSpreadsheetCsv(text);
  if ('error' in read) {
    diagnostics.push(error('CSV_MALFORMED', { detail: read.error.detail }, { file, line: read.error.line }));
    return result;
  }
  const headerIndex = Math.max(
    0,
    read.records.slice(0, 10).findIndex((r) => r.record.some((c) => processFieldOfHeader(toHalfWidth(c).trim()) === 'product')),
  );
  const header = read.records[headerIndex];
  if (!header) {
    diagnostics.push(error('FILE_EMPTY', {}, { file }));
    return result;
  }
  const index: Partial<Record<ProcessField, number>> = {};
  const extra: { name: string; index: number }[] = [];
  header.record.forEach((raw, i) => {
    const name = toHalfWidth(raw).trim();
    const field = processFieldOfHeader(name);
    if (!field) {
      if (name !== '') extra.push({ name, index: i });
      return;
    }
    if (index[field] !== undefined) {
      diagnostics.push(error('DUPLICATE_COLUMN', { first: header.record[index[field]!]!, second: raw, column: field }, { file, line: header.info.lines, column: i + 1 }));
      return;
    }
    index[field] = i;
  });
  for (const field of requiredProcessFields) {
    if (index[field] === undefined) {
      diagnostics.push(
        error(
          'PROCESS_MISSING_COLUMN',
          { column: field, aliases: processAliases[field].slice(0, 4).map((a) => `"${a}"`).join(' / '), found: header.record.map((h) => h.trim()).join(', ') },
          { file, line: header.info.lines },
        ),
      );
    }
  }
  if (diagnostics.length > 0) return result;
  const body = read.records.slice(headerIndex + 1);
  if (body.length === 0) {
    diagnostics.push(warning('NO_DATA_ROWS', {}, { file, line: header.info.lines }));
    return result;
  }
  for (const { info, record } of body) {
    result.rows++;
    const parsed = parseRow(record, info.firstLine, file, index, extra, sectors, diagnostics);
    if (parsed) result.records.push(parsed);
  }
  return result;
}

function parseRow(
  record: string[],
  line: number,
  file: string,
  index: Partial<Record<ProcessField, number>>,
  extraColumns: { name: string; index: number }[],
  sectors: SectorDictionary,
  diagnostics: Diagnostic[],
): ProcessRecord | undefined {
  const before = diagnostics.length;
  const at = (column?: number) => ({ file, line, column });
  const cell = (field: ProcessField) => {
    const i = index[field];
    return i === undefined ? { raw: '', column: undefined } : { raw: toHalfWidth(record[i] ?? '').trim(), column: i + 1 };
  };

  const year = cell('year');
  const yearValue = yearOfCell(year.raw, at(year.column), diagnostics);

  const sectorCell = cell('sector');
  let sector: Sector | undefined;
  if (sectorCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'sector' }, at(sectorCell.column)));
  else {
    sector = sectors.find(sectorCell.raw);
    if (!sector) {
      diagnostics.push(warning('UNKNOWN_SECTOR', { value: sectorCell.raw, suggestion: sectors.suggest(sectorCell.raw)?.zh ?? '' }, at(sectorCell.column)));
    }
  }

  const productCell = cell('product');
  let product: Product | undefined;
  if (productCell.raw === '') diagnostics.push(error('PROCESS_EMPTY_PRODUCT', {}, at(productCell.column)));
  else {
    product = findProduct(productCell.raw);
    if (!product) {
      const suggestion = suggestProduct(productCell.raw);
      diagnostics.push(
        error('PROCESS_UNKNOWN_PRODUCT', { value: productCell.raw, suggestion: suggestion?.zh ?? '', suggestionEn: suggestion?.en ?? '' }, at(productCell.column)),
      );
    }
  }

  const quantityCell = cell('quantity');
  const quantity = checkQuantityCell(quantityCell, at(quantityCell.column), diagnostics);

  const unitCell = cell('unit');
  const unit = parseUnit(unitCell.raw);
  if (unitCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'unit' }, at(unitCell.column)));
  else if (!unit || unit.dimension !== 'mass') diagnostics.push(error('PROCESS_UNIT_NOT_MASS', { value: unitCell.raw }, at(unitCell.column)));

  let technology = '';
  const techCell = cell('technology');
  if (product && techCell.raw !== '') {
    const found = findTechnology(product, techCell.raw);
    if (found === undefined) {
      const known = Object.keys(product.technologies);
      diagnostics.push(
        error(
          'PROCESS_UNKNOWN_TECHNOLOGY',
          {
            value: techCell.raw,
            product: product.zh,
            productEn: product.en,
            known: known.length ? known.map((k) => `${k} (${product!.technologies[k]![0]})`).join(', ') : '',
          },
          at(techCell.column),
        ),
      );
    } else technology = found;
  }

  const out: Partial<ProcessRecord> = {};
  const columns: Partial<Record<ProcessField, number>> = {};
  for (const [field, key] of Object.entries(PCT_FIELDS) as [ProcessField, keyof ProcessRecord][]) {
    const c = cell(field);
    if (c.raw === '') continue;
    columns[field] = c.column;
    const value = parseDecimal(c.raw.replace(/%$/, ''));
    if (!value || value.isNegative() || value.greaterThan(100)) {
      diagnostics.push(error('PROCESS_BAD_PCT', { column: field, value: c.raw }, at(c.column)));
      continue;
    }
    // 0.652 in a percent column is almost always a fraction written where a percent belongs
    if (value.greaterThan(0) && value.lessThan(1) && field !== 'abatement_pct') {
      diagnostics.push(warning('PROCESS_PCT_FRACTION', { column: field, value: c.raw, percent: value.times(100).toString() }, at(c.column)));
    }
    (out as Record<string, Decimal>)[key] = value.dividedBy(100);
  }
  const urea = cell('urea_t');
  if (urea.raw !== '') {
    columns.urea_t = urea.column;
    const value = parseDecimal(urea.raw);
    if (!value || value.isNegative()) diagnostics.push(error('PROCESS_BAD_NUMBER', { column: 'urea_t', value: urea.raw }, at(urea.column)));
    else out.urea = value;
  }
  if (techCell.raw !== '') columns.technology = techCell.column;

  // a parameter the product's method does not use is a sign of a mix-up: say it is ignored
  if (product) {
    for (const field of Object.keys(columns) as ProcessParameter[]) {
      if (!product.parameters.includes(field)) {
        diagnostics.push(warning('PROCESS_PARAMETER_IGNORED', { column: field, product: product.zh, productEn: product.en }, at(columns[field])));
      }
    }
  }

  if (diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const extra: Record<string, string> = {};
  for (const { name, index: i } of extraColumns) extra[name] = (record[i] ?? '').trim();
  return {
    file,
    line,
    year: yearValue!,
    sectorLabel: sectorCell.raw,
    sector,
    product: product!,
    quantity: quantity!.times(unit!.toBase),
    technology,
    ...out,
    columns,
    extra,
  };
}
