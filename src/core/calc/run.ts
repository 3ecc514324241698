import { createHash } from 'node:crypto';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import type { FactorRegistry } from '../factors/registry.js';
import { tableRef, type FactorTable } from '../factors/table.js';
import { decodeText, type Encoding } from '../input/decode.js';
import { parseActivity, type ActivityRecord, type Dictionaries } from '../input/activity.js';
import { aggregate, builtInDims, totalsOf, type OutputRow, type RowOrder, type Totals } from './aggregate.js';
import { calculateLines, type ElectricityMethod, type LineResult } from './calculate.js';
import { selectFactors, UsageError } from './select-factors.js';

export interface InputFile {
  /** the name shown in messages and recorded in the result */
  path: string;
  bytes: Uint8Array;
}

export interface CalcRequest {
  by?: string[] | undefined;
  factors?: string[] | undefined;
  grid?: string | undefined;
  gridYear?: number | undefined;
  electricityMethod?: ElectricityMethod | undefined;
  gwp?: string | undefined;
  encoding?: Encoding | undefined;
  /** unknown sectors become errors */
  strict?: boolean | undefined;
}

export interface InputSummary {
  path: string;
  sha256: string;
  rows: number;
  encoding: string;
}

export interface CalcReport {
  inputs: InputSummary[];
  /** tables this result used, id@version and sha256 */
  factors: FactorTable[];
  options: Required<Pick<CalcRequest, 'by' | 'grid' | 'electricityMethod' | 'gwp'>> & {
    gridYear: number | null;
    factorTables: Record<string, string>;
  };
  rows: OutputRow[];
  totals: Totals;
  /** totals of each year, for intensity and multi-year files */
  years: { year: number; totals: Totals }[];
  lines: LineResult[];
  /** yearbook row order, for anyone aggregating `lines` again (aggregate(report.lines, by, report.order)) */
  order: RowOrder;
  records: number;
  diagnostics: Diagnostic[];
}

export const defaultBy = ['year', 'sector', 'fuel'];

/** Reads every input, collects every problem, and only then calculates. */
export function readInputs(
  files: readonly InputFile[],
  dict: Dictionaries,
  options: { encoding?: Encoding | undefined; strict?: boolean | undefined } = {},
): { records: ActivityRecord[]; inputs: InputSummary[]; diagnostics: Diagnostic[]; extraColumns: Set<string> } {
  const records: ActivityRecord[] = [];
  const inputs: InputSummary[] = [];
  const diagnostics: Diagnostic[] = [];
  const extraColumns = new Set<string>();
  for (const file of files) {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const decoded = decodeText(file.bytes, file.path, options.encoding);
    if ('diagnostic' in decoded) {
      diagnostics.push(decoded.diagnostic);
      inputs.push({ path: file.path, sha256, rows: 0, encoding: 'unknown' });
      continue;
    }
    const parsed = parseActivity(decoded.text, file.path, dict);
    if (options.strict) {
      for (const d of parsed.diagnostics) if (d.code === 'UNKNOWN_SECTOR') d.severity = 'error';
    }
    records.push(...parsed.records);
    diagnostics.push(...parsed.diagnostics);
    parsed.extraColumns.forEach((c) => extraColumns.add(c));
    inputs.push({ path: file.path, sha256, rows: parsed.rows, encoding: decoded.encoding });
  }
  return { records, inputs, diagnostics, extraColumns };
}

/**
 * The whole calc job as a pure function of bytes, dictionaries and factor tables.
 * Throws UsageError for a bad option; data problems come back in `diagnostics`,
 * and when any is an error the rows and totals are empty.
 */
export function runCalculation(
  files: readonly InputFile[],
  dict: Dictionaries,
  registry: FactorRegistry,
  request: CalcRequest = {},
): CalcReport {
  const by = request.by ?? defaultBy;
  const grid = (request.grid ?? 'gansu').toLowerCase();
  const electricityMethod = request.electricityMethod ?? 'equivalent';
  const gwp = request.gwp ?? 'ar5';
  const factors = selectFactors(registry, { factors: request.factors, gwp });
  if (electricityMethod === 'coal' && !factors.powerCoalRate) {
    throw new UsageError(
      '--electricity-method coal needs a power-coal-rate table (gce/kWh of thermal power supply by year); none is bundled because no public source for the series could be confirmed. Pass your own with --factors <file> (see factors/README.md)',
      '--electricity-method coal 需要供电标准煤耗表（按年份，克标准煤/千瓦时）；因未能核实公开来源，本工具未内置。请用 --factors <文件> 提供（格式见 factors/README.md）',
    );
  }
  const read = readInputs(files, dict, request);
  for (const dim of by) {
    if (!(builtInDims as readonly string[]).includes(dim) && !read.extraColumns.has(dim)) {
      throw new UsageError(
        `cannot group by "${dim}": use ${builtInDims.join(', ')} or a column of the input`,
        `无法按“${dim}”分组：可用 ${builtInDims.join('、')} 或输入文件中的列名`,
      );
    }
  }
  const keepColumns = by.filter((d) => !(builtInDims as readonly string[]).includes(d));
  const gridRegionKnown = factors.grid.some((t) => t.rows.some((r) => r.values.region === grid));
  if (!gridRegionKnown) {
    const regions = [...new Set(factors.grid.flatMap((t) => t.rows.map((r) => String(r.values.region))))].sort();
    throw new UsageError(
      `unknown --grid "${grid}" (known: ${regions.join(', ')})`,
      `未知的 --grid “${grid}”（可选：${regions.join(', ')}）`,
    );
  }
  const order: RowOrder = {
    fuel: new Map(dict.fuels.all.map((f, i) => [f.id, i])),
    sector: new Map(dict.sectors.all.map((s, i) => [s.code, i])),
  };
  const options = {
    by,
    grid,
    electricityMethod,
    gwp,
    gridYear: request.gridYear ?? null,
    factorTables: {} as Record<string, string>,
  };
  const empty = (diagnostics: Diagnostic[]): CalcReport => ({
    inputs: read.inputs,
    factors: [],
    options,
    rows: [],
    totals: totalsOf([]),
    years: [],
    lines: [],
    order,
    records: read.records.length,
    diagnostics,
  });
  if (hasErrors(read.diagnostics)) return empty(read.diagnostics);

  const calc = calculateLines(
    read.records,
    factors,
    { grid, gridYear: request.gridYear, electricityMethod, keepColumns },
    dict.fuels,
  );
  const diagnostics = [...read.diagnostics, ...calc.diagnostics];
  if (hasErrors(diagnostics)) return empty(diagnostics);
  const rows = aggregate(calc.lines, by, order);
  const yearList = [...new Set(calc.lines.map((l) => l.year))].sort((a, b) => a - b);
  const years = yearList.map((year) => ({
    year,
    totals: totalsOf(aggregate(calc.lines.filter((l) => l.year === year), ['year'], order)),
  }));
  const used = calc.tablesUsed.sort((a, b) => tableRef(a).localeCompare(tableRef(b)));
  for (const t of used) {
    const prior = options.factorTables[t.meta.kind];
    options.factorTables[t.meta.kind] = prior ? `${prior} ${tableRef(t)}` : tableRef(t);
  }
  return {
    inputs: read.inputs,
    factors: used,
    options,
    rows,
    totals: totalsOf(rows),
    years,
    lines: calc.lines,
    order,
    records: read.records.length,
    diagnostics,
  };
}

export { UsageError };
