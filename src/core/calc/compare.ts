import { Decimal, ZERO } from '../decimal.js';
import type { FactorKind } from '../factors/kinds.js';
import type { FactorRegistry } from '../factors/registry.js';
import { tableRef, type FactorTable } from '../factors/table.js';
import type { OutputRow, Totals } from './aggregate.js';
import type { CalcReport, CalcRequest } from './run.js';
import { UsageError } from '../usage-error.js';

/** A figure before and after the factor tables were changed. */
export interface Change {
  before: Decimal;
  after: Decimal;
  /** after − before, exact */
  change: Decimal;
  /** change / before × 100; undefined when before is 0 and after is not */
  changePct: Decimal | undefined;
}

export interface ComparedRow {
  /** grouped-by dimension → value, as in OutputRow.key */
  key: Record<string, string>;
  /** the row of either run, for names (sector, fuel) and scope */
  row: OutputRow;
  energy_tce: Change;
  co2_t: Change;
  co2e_t: Change;
}

/** Tables of one kind that differ between the two runs. */
export interface TableChange {
  kind: FactorKind;
  before: string[];
  after: string[];
}

export interface FactorComparison {
  tables: TableChange[];
  rows: ComparedRow[];
  totals: Record<keyof Totals, Change>;
  /** data years for which the comparison run took a grid factor of another year, from another table than the base run */
  gridYears: { dataYear: number; factorYear: number; table: string; baseTable: string }[];
}

export function change(before: Decimal, after: Decimal): Change {
  const diff = after.minus(before);
  const changePct = before.isZero() ? (diff.isZero() ? new Decimal(0) : undefined) : diff.dividedBy(before.abs()).times(100);
  return { before, after, change: diff, changePct };
}

/**
 * The request of the comparison run: the base request with each named table put in place of
 * the one of its kind. A grid table named here replaces the choice by year for every data year,
 * so --grid-year no longer applies. Throws UsageError for an unknown table or two of one kind.
 */
export function comparisonRequest(
  base: CalcRequest,
  compareRefs: readonly string[],
  registry: FactorRegistry,
): { request: CalcRequest; tables: FactorTable[] } {
  const tables: FactorTable[] = [];
  for (const ref of compareRefs) {
    const table = registry.resolve(ref);
    if (!table) {
      const known = [...new Set(registry.tables.map((t) => t.meta.id))].sort().join(', ');
      throw new UsageError(
        `unknown factor table "${ref}" given to --compare-factors (known: ${known}); \`jinchang-carbon factors list\` shows them`,
        `--compare-factors 给出的因子表“${ref}”不存在（已有：${known}）；\`jinchang-carbon factors list\` 可列出全部`,
      );
    }
    const same = tables.find((t) => t.meta.kind === table.meta.kind);
    if (same) {
      throw new UsageError(
        `two ${table.meta.kind} tables given to --compare-factors (${tableRef(same)} and ${tableRef(table)}); compare one per kind`,
        `--compare-factors 给了两个 ${table.meta.kind} 类因子表（${tableRef(same)} 和 ${tableRef(table)}），每类只能一个`,
      );
    }
    tables.push(table);
  }
  const kinds = new Set(tables.map((t) => t.meta.kind));
  const kept = (base.factors ?? []).filter((ref) => {
    const t = registry.resolve(ref);
    return !t || !kinds.has(t.meta.kind);
  });
  const request: CalcRequest = { ...base, factors: [...kept, ...tables.map(tableRef)] };
  if (kinds.has('gwp')) {
    // the named GWP table wins over --gwp; keep the option's label in step with it
    request.gwp = tables.find((t) => t.meta.kind === 'gwp')!.meta.id.replace(/^gwp-/, '');
  }
  if (kinds.has('grid')) request.gridYear = undefined;
  return { request, tables };
}

/** What makes a row of the result one row: its grouped-by values and its use. */
export function rowId(r: OutputRow): string {
  return [...Object.entries(r.key).map(([k, v]) => `${k}=${v}`), `use=${r.use}`].join('\u0000');
}

/** Row by row, then the totals: what the second run changes against the first. Both runs are of the same data. */
export function compareReports(before: CalcReport, after: CalcReport): FactorComparison {
  // the whole row key: every grouped-by value and the use (a fuel's consumption, feedstock and
  // netted output are rows of their own even when --by does not name use)
  const idOf = rowId;
  const afterRows = new Map(after.rows.map((r) => [idOf(r), r]));
  const beforeIds = new Set(before.rows.map(idOf));
  const zeroRow = (r: OutputRow): OutputRow => ({ ...r, energyTce: ZERO, co2: ZERO, co2e: ZERO });
  const rows: ComparedRow[] = [];
  const pair = (b: OutputRow, a: OutputRow) => ({
    key: b.key,
    row: b,
    energy_tce: change(b.energyTce, a.energyTce),
    co2_t: change(b.co2, a.co2),
    co2e_t: change(b.co2e, a.co2e),
  });
  for (const b of before.rows) rows.push(pair(b, afterRows.get(idOf(b)) ?? zeroRow(b)));
  for (const a of after.rows) if (!beforeIds.has(idOf(a))) rows.push({ ...pair(zeroRow(a), a), row: a });

  const totals = {} as Record<keyof Totals, Change>;
  for (const k of Object.keys(before.totals) as (keyof Totals)[]) totals[k] = change(before.totals[k]!, after.totals[k]!);

  const kinds = [...new Set([...Object.keys(before.options.factorTables), ...Object.keys(after.options.factorTables)])] as FactorKind[];
  const split = (s: string | undefined) => (s ? s.split(' ') : []);
  const tables = kinds
    .map((kind) => ({ kind, before: split(before.options.factorTables[kind]), after: split(after.options.factorTables[kind]) }))
    .filter((t) => t.before.join(' ') !== t.after.join(' '));

  const gridYears: FactorComparison['gridYears'] = [];
  const seen = new Set<number>();
  for (const line of after.lines) {
    if (!line.gridFactor || seen.has(line.year)) continue;
    seen.add(line.year);
    if (line.gridFactor.year === line.year) continue;
    const table = line.tables.find((ref) => after.factors.some((t) => t.meta.kind === 'grid' && tableRef(t) === ref)) ?? '';
    const baseLine = before.lines.find((l) => l.year === line.year && l.gridFactor);
    const baseTable = baseLine?.tables.find((ref) => before.factors.some((t) => t.meta.kind === 'grid' && tableRef(t) === ref)) ?? '';
    if (table !== baseTable) gridYears.push({ dataYear: line.year, factorYear: line.gridFactor.year, table, baseTable });
  }
  return { tables, rows, totals, gridYears };
}
