import type { Decimal } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Fuel, FuelDictionary } from '../dictionary/fuels.js';
import type { Sector, SectorDictionary } from '../dictionary/sectors.js';
import { readSpreadsheetCsv } from '../csv-text.js';
import { parseDecimal } from './quantity.js';
import { toHalfWidth } from '../text.js';
import { parseUnit, unitExamples, type Dimension } from '../units.js';
import { fieldAliases, fieldOfHeader, parseUse, requiredFields, type Field, type Use } from './columns.js';
import { BASE_UNIT, findHeaderRecord, MAX_LABEL_CHARS, MAX_QUANTITY_CHARS, parseYear, PLAUSIBLE_QUANTITY, plausibleQuantity, shownValue, unitFitsFuel, useFitsFuel } from './row-rules.js';

/** One validated row of activity data, its quantity converted exactly to the base unit. */
export interface ActivityRecord {
  file: string;
  line: number;
  year: number;
  /** the sector as written in the file */
  sectorLabel: string;
  sector: Sector | undefined;
  fuel: Fuel;
  /** in the base unit of `dimension` (t, m3, kWh, GJ or tce) */
  quantity: Decimal;
  /** the fuel's own dimension, or `heat` / `standard-coal` when the row gives energy content */
  dimension: Dimension;
  use: Use;
  /** any other column, carried through by its header name */
  extra: Record<string, string>;
}

export interface Dictionaries {
  fuels: FuelDictionary;
  sectors: SectorDictionary;
}

export interface ParsedActivity {
  records: ActivityRecord[];
  diagnostics: Diagnostic[];
  /** data rows read, valid or not */
  rows: number;
  extraColumns: string[];
}

/** Reads one activity file's text. Every problem is collected; nothing is thrown. */
export function parseActivity(text: string, file: string, dict: Dictionaries): ParsedActivity {
  const diagnostics: Diagnostic[] = [];
  const result: ParsedActivity = { records: [], diagnostics, rows: 0, extraColumns: [] };
  if (text.trim() === '') {
    diagnostics.push(error('FILE_EMPTY', {}, { file }));
    return result;
  }
  const read = readSpreadsheetCsv(text);
  if ('error' in read) {
    diagnostics.push(error('CSV_MALFORMED', { detail: read.error.detail }, { file, line: read.error.line }));
    return result;
  }
  const nonBlank = read.records;
  // no header found: the first record stands in, and MISSING_COLUMN says what it lacks
  const headerIndex = Math.max(0, findHeaderRecord(nonBlank));
  const header = nonBlank[headerIndex];
  if (!header) {
    diagnostics.push(error('FILE_EMPTY', {}, { file }));
    return result;
  }
  const columns = mapHeader(header.record, file, header.info.lines, diagnostics);
  if (!columns) return result;
  result.extraColumns = columns.extra.map((e) => e.name);
  const body = nonBlank.slice(headerIndex + 1);
  if (body.length === 0) {
    // a header-only file (an empty month, a split file) adds nothing; say so, do not fail
    diagnostics.push(warning('NO_DATA_ROWS', {}, { file, line: header.info.lines }));
    return result;
  }
  for (const { info, record } of body) {
    result.rows++;
    // located where the row starts (a cell with a line break makes it end further down)
    const parsed = parseRow(record, info.firstLine, file, columns, header.record.length, dict, diagnostics);
    if (parsed) result.records.push(parsed);
  }
  return result;
}

export interface ColumnMap {
  index: Partial<Record<Field, number>>;
  extra: { name: string; index: number }[];
}

/** The header's fields and extra columns; undefined (with the problems in `diagnostics`) when a field is missing or named twice. */
export function mapHeader(header: string[], file: string, line: number, diagnostics: Diagnostic[]): ColumnMap | undefined {
  const index: Partial<Record<Field, number>> = {};
  const extra: ColumnMap['extra'] = [];
  header.forEach((raw, i) => {
    const name = toHalfWidth(raw).trim();
    const field = fieldOfHeader(name);
    if (!field) {
      if (name !== '') extra.push({ name, index: i });
      return;
    }
    const first = index[field];
    if (first !== undefined) {
      diagnostics.push(
        error('DUPLICATE_COLUMN', { first: header[first]!, second: raw, column: field }, { file, line, column: i + 1 }),
      );
      return;
    }
    index[field] = i;
  });
  let ok = true;
  for (const field of requiredFields) {
    if (index[field] === undefined) {
      ok = false;
      diagnostics.push(
        error(
          'MISSING_COLUMN',
          {
            column: field,
            aliases: fieldAliases[field].slice(0, 4).map((a) => `"${a}"`).join(' / '),
            found: header.map((h) => h.trim()).join(', '),
          },
          { file, line },
        ),
      );
    }
  }
  return ok && !diagnostics.some((d) => d.code === 'DUPLICATE_COLUMN') ? { index, extra } : undefined;
}

/** One data row: its record, or undefined with every problem of the row in `diagnostics`. */
export function parseRow(
  record: string[],
  line: number,
  file: string,
  columns: ColumnMap,
  headerLength: number,
  dict: Dictionaries,
  diagnostics: Diagnostic[],
): ActivityRecord | undefined {
  const before = diagnostics.length;
  const cell = (field: Field) => {
    const i = columns.index[field];
    return i === undefined ? { raw: '', column: undefined } : { raw: toHalfWidth(record[i] ?? '').trim(), column: i + 1 };
  };
  const at = (column?: number) => ({ file, line, column });
  if (record.length < headerLength) {
    const missing = requiredFields.find((f) => (columns.index[f] ?? 0) >= record.length);
    if (missing) {
      diagnostics.push(
        error('ROW_SHORT', { got: record.length, expected: headerLength, column: missing }, at(record.length + 1)),
      );
      return undefined;
    }
  } else if (record.length > headerLength && splitQuantity(record, columns.index.quantity, record.length - headerLength)) {
    // 1,234.5 written without quotes: the comma made it two fields and shifted the unit
    const q = columns.index.quantity!;
    const value = record.slice(q, q + record.length - headerLength + 1).join(',');
    diagnostics.push(error('QUANTITY_SPLIT', { value, fields: record.length - headerLength + 1 }, at(q + 1)));
    return undefined;
  } else if (record.length > headerLength && record.slice(headerLength).some((f) => f.trim() !== '')) {
    diagnostics.push(warning('ROW_LONG', { got: record.length, expected: headerLength }, at(headerLength + 1)));
  }

  const year = cell('year');
  const yearValue = parseYear(year.raw);
  if (year.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'year' }, at(year.column)));
  else if (yearValue === undefined) diagnostics.push(error('BAD_YEAR', { value: shownValue(year.raw) }, at(year.column)));

  const sectorCell = cell('sector');
  let sector: Sector | undefined;
  if (sectorCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'sector' }, at(sectorCell.column)));
  else {
    sector = dict.sectors.find(sectorCell.raw);
    if (!sector && sectorCell.raw.length > MAX_LABEL_CHARS) {
      diagnostics.push(error('LABEL_TOO_LONG', { column: 'sector', value: shownValue(sectorCell.raw), chars: sectorCell.raw.length, max: MAX_LABEL_CHARS }, at(sectorCell.column)));
    } else if (!sector) {
      const suggestion = dict.sectors.suggest(sectorCell.raw);
      diagnostics.push(
        warning('UNKNOWN_SECTOR', { value: sectorCell.raw, suggestion: suggestion?.zh ?? '' }, at(sectorCell.column)),
      );
    }
  }

  const fuelCell = cell('fuel');
  let fuel: Fuel | undefined;
  if (fuelCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'fuel' }, at(fuelCell.column)));
  else {
    fuel = dict.fuels.find(fuelCell.raw);
    if (!fuel && fuelCell.raw.length > MAX_LABEL_CHARS) {
      diagnostics.push(error('LABEL_TOO_LONG', { column: 'fuel', value: shownValue(fuelCell.raw), chars: fuelCell.raw.length, max: MAX_LABEL_CHARS }, at(fuelCell.column)));
    } else if (!fuel) {
      const suggestion = dict.fuels.suggest(fuelCell.raw);
      diagnostics.push(error('UNKNOWN_FUEL', { value: fuelCell.raw, suggestion: suggestion?.zh ?? '' }, at(fuelCell.column)));
    }
  }

  const quantityCell = cell('quantity');
  let quantity: Decimal | undefined;
  if (quantityCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'quantity' }, at(quantityCell.column)));
  else if (quantityCell.raw.length > MAX_QUANTITY_CHARS) {
    diagnostics.push(error('QUANTITY_TOO_LONG', { value: shownValue(quantityCell.raw), chars: quantityCell.raw.length, max: MAX_QUANTITY_CHARS }, at(quantityCell.column)));
  } else {
    quantity = parseDecimal(quantityCell.raw);
    if (!quantity) diagnostics.push(error('BAD_NUMBER', { value: quantityCell.raw }, at(quantityCell.column)));
    else if (quantity.isNegative() && !quantity.isZero()) {
      diagnostics.push(error('NEGATIVE_QUANTITY', { value: quantityCell.raw }, at(quantityCell.column)));
      quantity = undefined;
    }
  }

  const unitCell = cell('unit');
  const unit = parseUnit(unitCell.raw);
  if (unitCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'unit' }, at(unitCell.column)));
  else if (!unit) diagnostics.push(error('UNKNOWN_UNIT', { value: shownValue(unitCell.raw) }, at(unitCell.column)));

  const useCell = cell('use');
  const use = parseUse(useCell.raw);
  if (!use) diagnostics.push(error('BAD_USE', { value: shownValue(useCell.raw) }, at(useCell.column)));

  let dimension: Dimension | undefined;
  if (fuel && unit) {
    dimension = unitFitsFuel(fuel, unit.dimension);
    if (!dimension) {
      diagnostics.push(
        error(
          'UNIT_MISMATCH',
          {
            unit: unitCell.raw,
            fuel: fuel.zh, fuelEn: fuel.en,
            expected: fuel.dimension,
            examples: unitExamples[fuel.dimension].join(', '),
          },
          at(unitCell.column),
        ),
      );
    }
  }
  if (fuel && use && !useFitsFuel(use, fuel)) {
    const primary: Record<string, string> = fuel.kind === 'primary-electricity' ? { primary: 'yes' } : {};
    diagnostics.push(error('USE_NOT_ALLOWED', { use, fuel: fuel.zh, fuelEn: fuel.en, ...primary }, at(useCell.column)));
  }

  let base: Decimal | undefined;
  if (quantity && unit && dimension) {
    base = quantity.times(unit.toBase);
    if (!plausibleQuantity(dimension, base)) {
      const range = PLAUSIBLE_QUANTITY[dimension];
      diagnostics.push(
        error(
          'QUANTITY_IMPLAUSIBLE',
          { value: shownValue(quantityCell.raw), unit: unitCell.raw, max: `1e${range.maxExponent}`, min: `1e${range.minExponent}`, base: BASE_UNIT[dimension] },
          at(quantityCell.column),
        ),
      );
    }
  }

  if (diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const extra: Record<string, string> = {};
  for (const { name, index } of columns.extra) extra[name] = (record[index] ?? '').trim();
  return {
    file,
    line,
    year: yearValue!,
    sectorLabel: sectorCell.raw,
    sector,
    fuel: fuel!,
    quantity: base!,
    dimension: dimension!,
    use: use!,
    extra,
  };
}

function splitQuantity(record: string[], quantityIndex: number | undefined, extra: number): boolean {
  if (quantityIndex === undefined) return false;
  const joined = record.slice(quantityIndex, quantityIndex + extra + 1).map((f) => f.trim()).join(',');
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(joined);
}
