import { createHash } from 'node:crypto';
import { error, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { FactorRegistry } from '../factors/registry.js';
import { tableRef, type FactorTable } from '../factors/table.js';
import { decodeText, type Encoding } from '../input/decode.js';
import { parseActivity, type ActivityRecord, type Dictionaries } from '../input/activity.js';
import { FastFallback, memorySource, readActivityFast, type FastSource } from '../input/fast-read.js';
import type { ParallelRunner } from '../input/fast-parallel.js';
import { readWhole, type StreamedInput } from '../input/fast-source.js';
import { readActivityStreamed } from '../input/csv-stream.js';
import { aggregate, builtInDims, totalsOf, type OutputRow, type RowOrder, type Totals } from './aggregate.js';
import { resolveGridRegion } from './grid-region.js';
import { calculateLines, type ElectricityMethod, type LineResult } from './calculate.js';
import { selectFactors } from './select-factors.js';
import { energyBasisOf, tcePerKwhOf, type EnergyBasis } from './energy-basis.js';
import { nonFossilByYear, type ImportShare, type NonFossilSummary } from './non-fossil.js';
import { energyOnBothBases, type BothBases } from './both-bases.js';
import { ZERO, type Decimal } from '../decimal.js';
import { UsageError } from '../usage-error.js';
import { appendAll } from '../arrays.js';
import { calcLimits, summariseDiagnostics, type ListLimits } from '../quality/summarise.js';
import { readProcessInputs, splitProcessInputs } from '../process/inputs.js';
import { calculateProcess, type ProcessLine } from '../process/calculate.js';
import { withProcessTotals } from '../process/totals.js';

export interface InputFile {
  /** the name shown in messages and recorded in the result */
  path: string;
  bytes: Uint8Array;
}

/** A file in memory, or one read in chunks (the CLI's files: never held whole unless the csv-parse path needs it). */
export type InputSource = InputFile | StreamedInput;

export interface CalcRequest {
  by?: string[] | undefined;
  factors?: string[] | undefined;
  grid?: string | undefined;
  gridYear?: number | undefined;
  electricityMethod?: ElectricityMethod | undefined;
  /** non-fossil share of the electricity the city imports, percent (for non_fossil_tce); unknown = counted as fossil */
  importNonFossilSharePct?: Decimal | undefined;
  gwp?: string | undefined;
  encoding?: Encoding | undefined;
  /** unknown sectors become errors */
  strict?: boolean | undefined;
  /**
   * true (the default): the fast path, and csv-parse streaming what it leaves; 'stream': csv-parse
   * streaming only; false: every file read whole by csv-parse (the reference the others are tested against)
   */
  fast?: boolean | 'stream' | undefined;
  /** bytes read so far and in all, for a progress bar */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** other readers for big files (the CLI's reading threads; see fast-parallel.ts) */
  readers?: ParallelRunner | undefined;
  /** how many problems of one kind are listed before the rest are summarised (default: calcLimits) */
  listLimits?: ListLimits | undefined;
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
  /** electricity generated in the city, by year and fuel (electricity = fuel-fired plants, else primary) */
  generation: LocalGeneration[];
  lines: LineResult[];
  /** yearbook row order, for anyone aggregating `lines` again (aggregate(report.lines, by, report.order)) */
  order: RowOrder;
  records: number;
  /** every problem, each kind's beyond `listLimits` summarised in one MORE_OF_KIND (countProblems counts them all) */
  diagnostics: Diagnostic[];
  /** which basis energy_tce is on (electricity at 0.1229 kgce/kWh, or at each year's coal rate) */
  energyBasis: EnergyBasis;
  /** industrial process (IPPU) lines of the process files, apart from energy; empty without process files */
  processLines: ProcessLine[];
  /** whether any input was a process file */
  processInput: boolean;
  /** said beside the figures, not warned about: e.g. feedstock that counts as no CO2 (src/core/process/calculate.ts) */
  notes: Diagnostic[];
  /** non-fossil energy per year and in all, on the same basis as energy_tce */
  nonFossil: NonFossilSummary;
  /** energy and non-fossil energy of each year on the calorific and the coal-equivalent basis (both-bases.ts) */
  bases: BothBases;
}

export const defaultBy = ['year', 'sector', 'fuel'];

/** One year's local generation of one fuel: kWh, and its tce by the electricity method. */
export interface LocalGeneration {
  year: number;
  /** `electricity` for fuel-fired plants (netted from energy), else hydro_power, wind_power, solar_power, nuclear_power */
  fuel: string;
  primary: boolean;
  kwh: Decimal;
  tce: Decimal;
}

/** Local generation by year and fuel, in the dictionary's fuel order. */
function localGeneration(lines: readonly LineResult[], order: RowOrder): LocalGeneration[] {
  const byKey = new Map<string, LocalGeneration>();
  for (const l of lines) {
    if (l.use !== 'output' || l.generatedKwh.isZero()) continue;
    const key = `${l.year}\u0000${l.fuel.id}`;
    const primary = l.fuel.kind === 'primary-electricity';
    const tce = primary ? l.primaryTce : l.energyTce.negated();
    const g = byKey.get(key);
    if (g) {
      g.kwh = g.kwh.plus(l.generatedKwh);
      g.tce = g.tce.plus(tce);
    } else byKey.set(key, { year: l.year, fuel: l.fuel.id, primary, kwh: l.generatedKwh, tce });
  }
  return [...byKey.values()].sort((a, b) => a.year - b.year || (order.fuel.get(a.fuel) ?? 9000) - (order.fuel.get(b.fuel) ?? 9000));
}

export interface ReadOptions {
  encoding?: Encoding | undefined;
  strict?: boolean | undefined;
  /** extra columns grouped by: the fast path keeps them apart when it sums rows */
  keepColumns?: readonly string[] | undefined;
  /** true: the fast path, then the streaming reader (runCalculation's default); 'stream': the streaming reader; both sum records by key. Else one record per row, files read whole */
  fast?: boolean | 'stream' | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** other readers for big files (the CLI's reading threads; see fast-parallel.ts) */
  readers?: ParallelRunner | undefined;
  /** problems of one kind the fast path's quality checks make before summarising (default: all) */
  listLimits?: ListLimits | undefined;
}

export interface ReadResult {
  /** with the fast path, one record per distinct key (quantities summed exactly), not per row */
  records: ActivityRecord[];
  inputs: InputSummary[];
  diagnostics: Diagnostic[];
  extraColumns: Set<string>;
  /** rows that made a record */
  recordCount?: number;
  /** with records summed by key: the row-level quality warnings (calculateLines' rowQuality) */
  quality?: Diagnostic[];
}

/**
 * Reads every input, collects every problem, and only then calculates. The fast path
 * (src/core/input/fast-read.ts) streams the bytes and sums rows by key; whatever it cannot read
 * exactly as csv-parse would, it leaves to csv-parse, which reads the whole file.
 */
export function readInputs(files: readonly InputSource[], dict: Dictionaries, options: ReadOptions = {}): ReadResult {
  const read = readEachInput(files, dict, options);
  // a file rewritten while it was read gives totals of neither version: refuse them
  for (const f of files) {
    if ('unchanged' in f && f.unchanged && !f.unchanged()) read.diagnostics.push(error('FILE_CHANGED', {}, { file: f.path }));
  }
  return read;
}

function readEachInput(files: readonly InputSource[], dict: Dictionaries, options: ReadOptions): ReadResult {
  if (options.fast === false || options.fast === undefined || files.length === 0) {
    return readWholeFiles(files.map((f) => ('bytes' in f ? f : { path: f.path, bytes: readWhole(f) })), dict, options);
  }
  let read: ReadResult | undefined;
  if (options.fast === true) {
    try {
      const sources: FastSource[] = files.map((f) =>
        'bytes' in f ? memorySource(f.path, f.bytes) : { path: f.path, size: f.size, open: () => f.open(), openAt: f.openAt, identity: f.identity },
      );
      read = readActivityFast(sources, dict, options);
    } catch (e) {
      if (!(e instanceof FastFallback)) throw e;
    }
  }
  // what the fast path leaves (a quoted cell with a line break, …): csv-parse, streaming
  read ??= readActivityStreamed(files.map((f) => ('bytes' in f ? memorySource(f.path, f.bytes) : f)), dict, options);
  if (options.strict) {
    for (const d of read.diagnostics) if (d.code === 'UNKNOWN_SECTOR') d.severity = 'error';
  }
  return read;
}

function readWholeFiles(files: readonly InputFile[], dict: Dictionaries, options: ReadOptions): ReadResult {
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
    appendAll(records, parsed.records);
    appendAll(diagnostics, parsed.diagnostics);
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
  files: readonly InputSource[],
  dict: Dictionaries,
  registry: FactorRegistry,
  request: CalcRequest = {},
): CalcReport {
  const by = request.by ?? defaultBy;
  const electricityMethod = request.electricityMethod ?? 'equivalent';
  const importShare: ImportShare =
    request.importNonFossilSharePct !== undefined ? { pct: request.importNonFossilSharePct, source: '--import-non-fossil-share' } : { pct: null, source: 'none' };
  const gwp = request.gwp ?? 'ar5';
  const factors = selectFactors(registry, { factors: request.factors, gwp });
  const grid = resolveGridRegion(request.grid ?? 'gansu', factors.grid);
  if (electricityMethod === 'coal' && !factors.powerCoalRate) {
    throw new UsageError(
      '--electricity-method coal needs a power-coal-rate table (gce/kWh of thermal power supply by year); pass one with --factors <file> (see factors/README.md)',
      '--electricity-method coal 需要供电标准煤耗表（按年份，克标准煤/千瓦时）；请用 --factors <文件> 提供（格式见 factors/README.md）',
    );
  }
  const limits = request.listLimits ?? calcLimits;
  const keepColumns = by.filter((d) => !(builtInDims as readonly string[]).includes(d));
  // process files (header with a product column) are read apart, with the reference reader
  const split = splitProcessInputs(files, request.encoding);
  const read = readInputs(split.activity, dict, { ...request, keepColumns, fast: request.fast ?? true, listLimits: limits });
  const processRead = readProcessInputs(split.processFiles, dict.sectors, request);
  read.inputs = split.order(read.inputs, processRead.inputs);
  read.diagnostics = [...read.diagnostics, ...processRead.diagnostics];
  for (const dim of by) {
    if (!(builtInDims as readonly string[]).includes(dim) && !read.extraColumns.has(dim)) {
      throw new UsageError(
        `cannot group by "${dim}": use ${builtInDims.join(', ')}, or an extra column of the input (not quantity or unit, which are summed in base units)`,
        `无法按“${dim}”分组：可用 ${builtInDims.join('、')}，或输入中的其他列（消费量、计量单位不能用于分组，它们按基本单位加总）`,
      );
    }
  }
  const gridRegionKnown = factors.grid.some((t) => t.rows.some((r) => r.values.region === grid));
  if (!gridRegionKnown) {
    const regions = [...new Set(factors.grid.flatMap((t) => t.rows.map((r) => String(r.values.region))))].sort();
    const chosen = factors.grid.length === 1 ? tableRef(factors.grid[0]!) : undefined;
    throw new UsageError(
      chosen
        ? `the grid table ${chosen} has no region "${grid}"${request.grid === undefined ? ' (the default --grid)' : ''}; choose one of its regions with --grid: ${regions.join(', ')}`
        : `unknown --grid "${grid}" (known: ${regions.join(', ')})`,
      chosen
        ? `电网因子表 ${chosen} 没有地区“${grid}”${request.grid === undefined ? '（默认的 --grid）' : ''}；请用 --grid 选择其中的地区：${regions.join(', ')}`
        : `未知的 --grid “${grid}”（可选：${regions.join(', ')}）`,
    );
  }
  if (request.gridYear !== undefined && factors.grid.some((t) => t.year !== undefined)) {
    // an explicit --grid-year must be a year with a published factor for the region: a fallback is
    // for the default only, so a year asked for is never silently replaced by another
    const published = [...new Set(factors.grid.filter((t) => t.year !== undefined && t.rows.some((r) => r.values.region === grid)).map((t) => t.year!))].sort((a, b) => a - b);
    if (!published.includes(request.gridYear)) {
      throw new UsageError(
        `--grid-year ${request.gridYear}: no ${grid} grid factor is published for ${request.gridYear}; published years: ${published.join(', ')} (leave --grid-year out to take the data's year, or the nearest with a warning)`,
        `--grid-year ${request.gridYear}：${grid} 没有 ${request.gridYear} 年发布的电网因子；已发布年份：${published.join(', ')}（不给 --grid-year 则按数据年份取，没有时取最近年份并给出警告）`,
      );
    }
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
    generation: [],
    lines: [],
    order,
    records: read.recordCount ?? read.records.length,
    diagnostics: summariseDiagnostics(diagnostics, limits),
    energyBasis: energyBasisOf(electricityMethod, factors.standardCoal, new Map(), dict.fuels),
    processLines: [],
    processInput: split.processFiles.length > 0,
    notes: [],
    nonFossil: nonFossilByYear([], () => ZERO, importShare),
    bases: { equivalent: null, coal: null },
  });
  if (hasErrors(read.diagnostics)) return empty(read.diagnostics);

  const calc = calculateLines(
    read.records,
    factors,
    { grid, gridYear: request.gridYear, electricityMethod, keepColumns, rowQuality: read.quality },
    dict.fuels,
  );
  const diagnostics = [...read.diagnostics, ...calc.diagnostics];
  if (hasErrors(diagnostics)) return empty(diagnostics);
  // process emissions after energy: ammonia takes its carbon from the energy side's feedstock lines
  const processCalc = calculateProcess(
    processRead.records,
    { primary: factors.process, fallback: registry.defaultFor('process') },
    factors,
    calc.lines,
    dict.fuels,
  );
  appendAll(diagnostics, processCalc.diagnostics);
  if (hasErrors(diagnostics)) return empty(diagnostics);
  const rows = aggregate(calc.lines, by, order);
  const yearList = [...new Set(calc.lines.map((l) => l.year))].sort((a, b) => a - b);
  for (const l of processCalc.lines) if (!yearList.includes(l.year)) yearList.push(l.year);
  yearList.sort((a, b) => a - b);
  const years = yearList.map((year) => ({
    year,
    totals: withProcessTotals(
      totalsOf(aggregate(calc.lines.filter((l) => l.year === year), ['year'], order)),
      processCalc.lines.filter((l) => l.year === year),
      split.processFiles.length > 0,
    ),
  }));
  const used = [...calc.tablesUsed, ...processCalc.tablesUsed.filter((t) => !calc.tablesUsed.includes(t))].sort((a, b) => compareRefs(tableRef(a), tableRef(b)));
  for (const t of used) {
    const prior = options.factorTables[t.meta.kind];
    options.factorTables[t.meta.kind] = prior ? `${prior} ${tableRef(t)}` : tableRef(t);
  }
  const energyBasis = energyBasisOf(electricityMethod, factors.standardCoal, calc.coalRates, dict.fuels);
  const nonFossil = nonFossilByYear(years, (y) => tcePerKwhOf(energyBasis, y), importShare);
  const totals = withProcessTotals(totalsOf(rows), processCalc.lines, split.processFiles.length > 0);
  // the non-fossil figures join the totals, so every output that prints totals prints them
  const setNonFossil = (t: Totals, tce: Decimal, pct: Decimal | null) => {
    t.non_fossil_tce = tce;
    if (pct !== null) t.non_fossil_share_pct = pct;
  };
  setNonFossil(totals, nonFossil.non_fossil_tce, nonFossil.non_fossil_share_pct);
  for (const y of nonFossil.years) setNonFossil(years.find((t) => t.year === y.year)!.totals, y.non_fossil_tce, y.non_fossil_share_pct);
  // without --import-non-fossil-share imports count as fossil: the output says so (import_share.source `none`), no warning,
  // since most runs are not about the non-fossil share
  return {
    inputs: read.inputs,
    factors: used,
    options,
    rows,
    totals,
    years,
    generation: localGeneration(calc.lines, order),
    lines: calc.lines,
    order,
    records: read.recordCount ?? read.records.length,
    diagnostics: summariseDiagnostics(diagnostics, limits),
    energyBasis,
    nonFossil,
    bases: energyOnBothBases({ lines: calc.lines, years, energyBasis, nonFossil }, factors, dict.fuels),
    processLines: processCalc.lines,
    processInput: split.processFiles.length > 0,
    notes: processCalc.notes,
  };
}

/**
 * `a.localeCompare(b)` for table refs, without starting ICU (8 ms, a tenth of a small run) when
 * both are plain ids and versions: ICU's root order for these characters is this one, compared
 * character by character (test/unit/fast-scan-startup.test.ts checks it against localeCompare).
 */
export function compareRefs(a: string, b: string): number {
  if (!PLAIN_REF.test(a) || !PLAIN_REF.test(b)) return a.localeCompare(b);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = REF_ORDER.indexOf(a[i]!) - REF_ORDER.indexOf(b[i]!);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
const REF_ORDER = '_-.@0123456789abcdefghijklmnopqrstuvwxyz';
const PLAIN_REF = /^[-_.@0-9a-z]*$/;

