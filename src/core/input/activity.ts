import type { Decimal } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Fuel, FuelDictionary } from '../dictionary/fuels.js';
import type { Sector, SectorDictionary } from '../dictionary/sectors.js';
import { readSpreadsheetCsv } from '../csv-text.js';
import { toHalfWidth } from '../text.js';
import type { Dimension } from '../units.js';
import { fieldAliases, fieldOfHeader, requiredFields, type Field, type Use } from './columns.js';
import { checkRow, findHeaderRecord, type ColumnMap } from './row-rules.js';

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
    const { record: parsed } = checkRow(record, info.firstLine, file, columns, header.record.length, dict, diagnostics);
    if (parsed) result.records.push(parsed);
  }
  return result;
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

