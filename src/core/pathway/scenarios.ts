import { MAX_HEADER_SEARCH, readSpreadsheetCsv } from '../csv-text.js';
import { Decimal } from '../decimal.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { yearOfCell } from '../year-cell.js';
import { parseDecimal } from '../input/quantity.js';
import { toHalfWidth } from '../text.js';
import {
  columnOfHeader,
  isBase,
  isLevel,
  isRate,
  scenarioAliases,
  splitHeader,
  unitFactor,
  UNIT_HINTS,
  type KeyColumn,
  type RangeBound,
  type Variable,
} from './columns.js';

/** Where a cell was read: for messages. */
export interface Place {
  file: string;
  line: number;
  column?: number | undefined;
}

/** A figure given in the file, with its optional Monte Carlo range (`_low`, `_high`). */
export interface Cell {
  value: Decimal;
  low?: Decimal | undefined;
  high?: Decimal | undefined;
  at: Place;
}

export type Cells = Partial<Record<Variable, Cell>>;

/** One scenario as written: the rows it gives itself (not yet inherited). */
export interface ScenarioInput {
  name: string;
  based_on: string | undefined;
  /** year → the cells given on that year's row */
  rows: Map<number, Cells>;
  /** the scenario's first row, for messages */
  at: Place;
}

export interface ParsedScenarios {
  /** in the order they first appear */
  scenarios: ScenarioInput[];
  diagnostics: Diagnostic[];
  rows: number;
}


/** The range a figure must be in; outside it the cell is refused (a growth of 106.5 is an index, 0.065 a fraction). */
function checkRange(column: Variable, d: Decimal): 'rate' | 'share' | 'negative' | 'not_positive' | undefined {
  if (isRate(column)) return d.lessThan(-20) || d.greaterThan(30) ? 'rate' : undefined;
  if (column === 'non_fossil_share_pct') return d.isNegative() || d.greaterThan(100) ? 'share' : undefined;
  if (column === 'gdp' || column === 'energy_tce' || column === 'co2_per_fossil_tce') return d.greaterThan(0) ? undefined : 'not_positive';
  return d.isNegative() && !d.isZero() ? 'negative' : undefined;
}

/**
 * Reads a scenarios file: `scenario, based_on, year` and the variables of columns.ts (Chinese headers and a unit
 * in brackets accepted; `<variable>_low` / `_high` give Monte Carlo ranges). Pure: text in, scenarios and every
 * problem out. Blank cells are "not given" (they inherit or are filled).
 */
export function parseScenarios(text: string, file: string): ParsedScenarios {
  const diagnostics: Diagnostic[] = [];
  const result: ParsedScenarios = { scenarios: [], diagnostics, rows: 0 };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    diagnostics.push(error('PATHWAY_FILE_EMPTY', {}, { file }));
    return result;
  }
  const read = readSpreadsheetCsv(text);
  if ('error' in read) {
    diagnostics.push(error('CSV_MALFORMED', { detail: read.error.detail }, { file, line: read.error.line }));
    return result;
  }
  const records = read.records;
  let headerIndex = records.slice(0, MAX_HEADER_SEARCH).findIndex((r) => {
    const cols = new Set(r.record.map((h) => columnOfHeader(h)?.column));
    return cols.has('scenario') && cols.has('year');
  });
  if (headerIndex < 0) headerIndex = 0;
  const header = records[headerIndex]!;
  const hline = header.info.firstLine;
  const index = new Map<string, number>();
  const factor = new Map<string, Decimal>();
  header.record.forEach((raw, i) => {
    const found = columnOfHeader(raw);
    if (!found) return;
    const key = found.bound ? `${found.column}:${found.bound}` : found.column;
    if (index.has(key)) {
      diagnostics.push(error('DUPLICATE_COLUMN', { first: header.record[index.get(key)!]!, second: raw, column: key }, { file, line: hline, column: i + 1 }));
      return;
    }
    index.set(key, i);
    if (found.column === 'scenario' || found.column === 'based_on' || found.column === 'year') return;
    const { unit } = splitHeader(raw);
    const f = unitFactor(found.column, unit);
    if (!f) {
      diagnostics.push(
        error('PATHWAY_BAD_HEADER_UNIT', { unit: unit ?? '', header: raw.trim(), column: found.column, units: UNIT_HINTS[found.column] }, { file, line: hline, column: i + 1 }),
      );
    } else factor.set(key, f);
  });
  for (const column of ['scenario', 'year'] as const) {
    if (!index.has(column)) {
      diagnostics.push(
        error(
          'PATHWAY_MISSING_COLUMN',
          { column, aliases: scenarioAliases[column].slice(0, 3).map((a) => `"${a}"`).join(' / '), found: header.record.map((h) => h.trim()).join(', ') },
          { file, line: hline },
        ),
      );
    }
  }
  for (const key of index.keys()) {
    const [column, bound] = key.split(':') as [Variable, RangeBound | undefined];
    if (bound && !index.has(column)) diagnostics.push(error('PATHWAY_RANGE_WITHOUT_COLUMN', { column, header: header.record[index.get(key)!]!.trim() }, { file, line: hline }));
  }
  if (diagnostics.length > 0) return result;
  const body = records.slice(headerIndex + 1);
  if (body.length === 0) {
    diagnostics.push(error('PATHWAY_NO_DATA_ROWS', {}, { file, line: hline }));
    return result;
  }

  const byName = new Map<string, ScenarioInput>();
  const seen = new Map<string, number>();
  for (const { info, record } of body) {
    result.rows++;
    const line = info.firstLine;
    const raw = (key: string) => {
      const i = index.get(key);
      return i === undefined ? { text: '', col: undefined } : { text: toHalfWidth(record[i] ?? '').trim(), col: i + 1 };
    };
    const at = (col: number | undefined): Place => ({ file, line, column: col });
    const before = diagnostics.length;

    const name = raw('scenario');
    if (name.text === '') diagnostics.push(error('PATHWAY_EMPTY_VALUE', { column: 'scenario' }, at(name.col)));
    const y = raw('year');
    const year = yearOfCell(y.text, at(y.col), diagnostics, 'PATHWAY_EMPTY_VALUE');

    const number = (key: string, column: Variable): Decimal | undefined => {
      const c = raw(key);
      if (c.text === '' || c.text === '-' || c.text === '—') return undefined;
      const d = parseDecimal(c.text.replace(/%$/, ''));
      if (!d) {
        diagnostics.push(error('PATHWAY_BAD_NUMBER', { column: key.replace(':', '_'), value: c.text }, at(c.col)));
        return undefined;
      }
      const value = d.times(factor.get(key) ?? 1);
      const problem = checkRange(column, value);
      if (problem) diagnostics.push(error('PATHWAY_OUT_OF_RANGE', { column: key.replace(':', '_'), value: c.text, problem }, at(c.col)));
      return value;
    };
    const cells: Cells = {};
    for (const key of index.keys()) {
      if (key.includes(':') || key === 'scenario' || key === 'based_on' || key === 'year') continue;
      const column = key as Variable;
      const value = number(column, column);
      const low = index.has(`${column}:low`) ? number(`${column}:low`, column) : undefined;
      const high = index.has(`${column}:high`) ? number(`${column}:high`, column) : undefined;
      const col = raw(column).col;
      if ((low === undefined) !== (high === undefined)) {
        diagnostics.push(error('PATHWAY_RANGE_INCOMPLETE', { column }, at(col)));
      } else if (low !== undefined && high !== undefined) {
        if (value === undefined) diagnostics.push(error('PATHWAY_RANGE_WITHOUT_VALUE', { column }, at(col)));
        else if (low.greaterThan(value) || high.lessThan(value)) {
          diagnostics.push(error('PATHWAY_RANGE_ORDER', { column, low: low.toFixed(), value: value.toFixed(), high: high.toFixed() }, at(col)));
        }
      }
      if (value !== undefined) cells[column] = { value, low, high, at: at(col) };
    }
    if (diagnostics.length > before || year === undefined) continue;

    const key = `${name.text}\u0000${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(error('PATHWAY_DUPLICATE_ROW', { scenario: name.text, year, first }, at(y.col)));
      continue;
    }
    seen.set(key, line);
    let scenario = byName.get(name.text);
    if (!scenario) {
      scenario = { name: name.text, based_on: undefined, rows: new Map(), at: at(name.col) };
      byName.set(name.text, scenario);
      result.scenarios.push(scenario);
    }
    const parent = raw('based_on');
    if (parent.text !== '') {
      if (scenario.based_on !== undefined && scenario.based_on !== parent.text) {
        diagnostics.push(error('PATHWAY_PARENT_CONFLICT', { scenario: name.text, first: scenario.based_on, second: parent.text }, at(parent.col)));
      } else scenario.based_on = parent.text;
    }
    scenario.rows.set(year, cells);
  }
  return result;
}

export { isBase, isLevel, isRate, type KeyColumn };
