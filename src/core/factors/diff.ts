import { Decimal } from '../decimal.js';
import { kindColumns, type FactorKind } from './kinds.js';
import { tableRef, type CellValue, type FactorRow, type FactorTable } from './table.js';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'same';

/** One value of one row, in table a and table b. */
export interface DiffLine {
  /** the row's key columns, e.g. { region: 'gansu' } or { fuel: 'diesel' } */
  key: Record<string, string>;
  /** the value column compared (a derived one is marked) */
  column: string;
  derived: boolean;
  status: DiffStatus;
  /** the values as text, exact; undefined where the row is missing */
  old: string | undefined;
  new: string | undefined;
  /** the file lines of the row in a and b, to print values as written there */
  oldLine: number | undefined;
  newLine: number | undefined;
  /** the same values as numbers, where they are numbers */
  oldValue: Decimal | undefined;
  newValue: Decimal | undefined;
  /** new − old, exact; only when both are numbers in the same unit */
  change: Decimal | undefined;
  /** (new − old) / old × 100; undefined when old is 0 or the change is not numeric */
  changePct: Decimal | undefined;
}

export interface MetaChange {
  key: string;
  old: string | undefined;
  new: string | undefined;
}

export interface TableDiff {
  a: FactorTable;
  b: FactorTable;
  kind: FactorKind;
  keyColumns: string[];
  lines: DiffLine[];
  /** counts of rows (not values) by status */
  summary: Record<DiffStatus, number>;
  /** provenance lines that differ, id and version excepted */
  meta: MetaChange[];
}

export class KindMismatchError extends Error {
  constructor(
    readonly a: FactorTable,
    readonly b: FactorTable,
  ) {
    super(`${tableRef(a)} is a ${a.meta.kind} table and ${tableRef(b)} a ${b.meta.kind} table`);
  }
}

/** Columns that carry no value to compare. */
const SKIP = new Set(['note']);

/**
 * Row-by-row comparison of two tables of the same kind, keyed on the kind's key columns.
 * Every differing value is one line: added and removed rows give one line per value column.
 * Combustion tables also compare the derived tCO2 per physical unit, which is what a result moves by.
 * Exact decimals throughout; only the percentage is a true division.
 */
export function diffTables(a: FactorTable, b: FactorTable, options: { all?: boolean } = {}): TableDiff {
  if (a.meta.kind !== b.meta.kind) throw new KindMismatchError(a, b);
  const kind = a.meta.kind;
  const specs = kindColumns[kind];
  const keyColumns = specs.filter((c) => c.key).map((c) => c.name);
  const valueColumns = specs.filter((c) => !c.key && !SKIP.has(c.name)).map((c) => c.name);
  const keyOf = (r: FactorRow) => keyColumns.map((c) => text(r.values[c])).join('\u0000');
  const bRows = new Map(b.rows.map((r) => [keyOf(r), r]));
  const aKeys = new Set(a.rows.map(keyOf));
  const summary: Record<DiffStatus, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  const lines: DiffLine[] = [];

  const compareRow = (ra: FactorRow | undefined, rb: FactorRow | undefined) => {
    const row = (ra ?? rb)!;
    const key = Object.fromEntries(keyColumns.map((c) => [c, text(row.values[c])]));
    const status: DiffStatus = !ra ? 'added' : !rb ? 'removed' : 'changed';
    const rowLines: DiffLine[] = [];
    for (const column of valueColumns) {
      const va = ra?.values[column];
      const vb = rb?.values[column];
      if (va === undefined && vb === undefined) continue;
      rowLines.push(valueLine(key, column, false, status, va, vb, unitOf(kind, column, ra, rb), ra, rb));
    }
    if (kind === 'combustion') {
      rowLines.push(valueLine(key, 'co2_per_unit', true, status, ra && co2PerUnit(ra), rb && co2PerUnit(rb), undefined, ra, rb));
    }
    const changed = rowLines.filter((l) => l.status !== 'same');
    if (status === 'changed' && changed.length === 0) {
      summary.same++;
      if (options.all) lines.push(...rowLines);
    } else {
      summary[status]++;
      lines.push(...(status === 'changed' && !options.all ? changed : rowLines));
    }
  };

  for (const ra of a.rows) compareRow(ra, bRows.get(keyOf(ra)));
  for (const rb of b.rows) if (!aKeys.has(keyOf(rb))) compareRow(undefined, rb);

  const metaKeys = [...new Set([...Object.keys(a.meta), ...Object.keys(b.meta)])].filter((k) => k !== 'id' && k !== 'version');
  const meta = metaKeys
    .filter((k) => (a.meta[k] ?? '') !== (b.meta[k] ?? ''))
    .map((k) => ({ key: k, old: a.meta[k], new: b.meta[k] }));
  return { a, b, kind, keyColumns, lines, summary, meta };
}

function valueLine(
  key: Record<string, string>,
  column: string,
  derived: boolean,
  rowStatus: DiffStatus,
  va: CellValue,
  vb: CellValue,
  unitChange: boolean | undefined,
  ra: FactorRow | undefined,
  rb: FactorRow | undefined,
): DiffLine {
  const old = va === undefined ? undefined : text(va);
  const now = vb === undefined ? undefined : text(vb);
  let status: DiffStatus = rowStatus;
  if (rowStatus === 'changed') {
    const equal = va instanceof Decimal && vb instanceof Decimal ? va.equals(vb) : old === now;
    status = equal ? 'same' : 'changed';
  }
  let change: Decimal | undefined;
  let changePct: Decimal | undefined;
  if (va instanceof Decimal && vb instanceof Decimal && !unitChange) {
    change = vb.minus(va);
    changePct = va.isZero() ? (change.isZero() ? new Decimal(0) : undefined) : change.dividedBy(va).times(100);
  }
  const oldValue = va instanceof Decimal ? va : undefined;
  const newValue = vb instanceof Decimal ? vb : undefined;
  return { key, column, derived, status, old, new: now, oldLine: ra?.line, newLine: rb?.line, oldValue, newValue, change, changePct };
}

/** A standard-coal coefficient is only comparable when both rows give it in the same unit. */
function unitOf(kind: FactorKind, column: string, ra: FactorRow | undefined, rb: FactorRow | undefined): boolean | undefined {
  if (!ra || !rb) return undefined;
  if (kind === 'standard-coal' && column === 'coefficient') return text(ra.values.unit) !== text(rb.values.unit);
  if (kind === 'standard-coal' && column === 'ncv') return text(ra.values.ncv_unit) !== text(rb.values.ncv_unit);
  if (kind === 'combustion' && column === 'ncv') return text(ra.values.ncv_unit) !== text(rb.values.ncv_unit);
  return false;
}

/** tCO2 per t (or per 10^4 m3 for gases): ncv × carbon content / 1000 × oxidation × 44/12. */
export function co2PerUnit(row: FactorRow): Decimal | undefined {
  const { ncv, carbon_content: cc, oxidation_rate: ox } = row.values;
  if (!(ncv instanceof Decimal) || !(cc instanceof Decimal) || !(ox instanceof Decimal)) return undefined;
  return ncv.times(cc).times(ox).times(44).dividedBy(12).dividedBy(1000);
}

function text(v: CellValue): string {
  return v === undefined ? '' : v instanceof Decimal ? v.toFixed() : String(v);
}
