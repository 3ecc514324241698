import { createHash } from 'node:crypto';
import { loadBundled } from '../../bundled.js';
import { runCalculation, type CalcReport } from '../../core/calc/run.js';
import { UsageError } from '../../core/usage-error.js';
import { error, hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import type { OutputFormat } from '../../core/format/calc.js';
import { decodeText } from '../../core/input/decode.js';
import { computeIntensity, parseIndicators, type IndicatorYear } from '../../core/intensity/index.js';
import { decompose, decomposeMethods, parseFactorTable, renderDecompose, type DecomposeMethod, type DecomposeResult, type IdentityData } from '../../core/decompose/index.js';
import { kayaBasisNotes, kayaIdentity, type KayaView, type KayaYear } from '../../core/decompose/kaya.js';
import { appendAll } from '../../core/arrays.js';
import type { ReportDecomposition } from '../../core/report/decomposition.js';
import { failWithDiagnostics, printDiagnostics, type CliContext } from '../context.js';
import { assertNotAnInput, formatFromPath, readInputFiles } from '../io.js';
import { resultRenderBasics, writeResult } from '../result-output.js';
import { factorsForRun } from '../user-factors.js';
import { parseCalcRequest, parseDecimalsOption, stdoutFormat, type CalcCliOptions } from '../calc-options.js';

export interface DecomposeCliOptions extends CalcCliOptions {
  from?: string;
  to?: string;
  method?: string;
  chained?: boolean;
  data?: string[];
  indicators?: string;
  co2View?: string;
}

function year(value: string | undefined, option: string): number {
  if (value === undefined) throw new UsageError(`${option} <year> is required`, `缺少 ${option} <年份>`);
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${option} "${value}" is not a four-digit year`, `${option} “${value}”不是四位年份`);
  return Number(value);
}

const VIEWS: readonly KayaView[] = ['consumption', 'territorial'];

/** The options, checked before anything is read. */
export function parseDecomposeOptions(file: string | undefined, options: DecomposeCliOptions) {
  const from = year(options.from, '--from');
  const to = year(options.to, '--to');
  if (to <= from) throw new UsageError(`--to ${to} must be after --from ${from}`, `--to ${to} 应晚于 --from ${from}`);
  const method = (options.method ?? 'additive') as DecomposeMethod;
  if (!decomposeMethods.includes(method)) {
    throw new UsageError(`--method must be additive or multiplicative, not "${options.method}"`, `--method 只能是 additive（加法）或 multiplicative（乘法），不是“${options.method}”`);
  }
  const data = options.data ?? [];
  if (file !== undefined && data.length > 0) {
    throw new UsageError(
      'give either a factor table or --data activity files, not both',
      '因素表和 --data 活动水平文件只能二选一',
    );
  }
  if (file === undefined && data.length === 0) {
    throw new UsageError(
      'give a factor table (year,group,<factors…>) or --data <activity files> --indicators <csv>',
      '请给出因素表（年份,分组,<因素…>），或 --data <活动水平文件> --indicators <指标文件>',
    );
  }
  if (data.length > 0 && options.indicators === undefined) {
    throw new UsageError(
      '--data needs --indicators <csv> with GDP by year (year,gdp,gdp_index[,population,gdp_primary,gdp_secondary,gdp_tertiary])',
      '--data 需要 --indicators <指标文件>，提供各年地区生产总值（年份、地区生产总值、指数[、常住人口、三次产业增加值]）',
    );
  }
  const view = (options.co2View ?? 'consumption') as KayaView;
  if (!VIEWS.includes(view)) {
    throw new UsageError(`--co2-view must be consumption or territorial, not "${options.co2View}"`, `--co2-view 只能是 consumption 或 territorial，不是“${options.co2View}”`);
  }
  return { from, to, method, chained: options.chained ?? false, data, view };
}

/** GDP at comparable prices of `base`, with population and value added, from an indicators file's years. */
export function kayaYears(years: readonly IndicatorYear[], base: number): { years: KayaYear[]; diagnostics: Diagnostic[] } {
  const intensity = computeIntensity(years, { baseYear: base });
  const diagnostics = intensity.diagnostics.filter((d) => d.code === 'INTENSITY_CHAIN_BROKEN');
  const byYear = new Map(years.map((y) => [y.year, y]));
  const out: KayaYear[] = [];
  for (const y of intensity.years) {
    if (y.gdp_constant === null) continue;
    const row = byYear.get(y.year)!;
    const va =
      row.gdp_primary !== undefined && row.gdp_secondary !== undefined && row.gdp_tertiary !== undefined
        ? { primary: row.gdp_primary, secondary: row.gdp_secondary, tertiary: row.gdp_tertiary }
        : undefined;
    out.push({ year: y.year, gdp: y.gdp_constant, population: row.population, valueAdded: va });
  }
  return { years: out, diagnostics };
}

export async function decomposeCommand(file: string | undefined, options: DecomposeCliOptions, ctx: CliContext): Promise<void> {
  const opts = parseDecomposeOptions(file, options);
  const request = parseCalcRequest(options);
  const decimals = parseDecimalsOption(options.decimals);
  const format = options.output ? formatFromPath(options.output, ['csv', 'tsv', 'json', 'md', 'xlsx']) : stdoutFormat(options.format, ctx);
  if (options.output) assertNotAnInput(options.output, [...(file ? [file] : []), ...opts.data, ...(options.indicators ? [options.indicators] : [])]);

  const diagnostics: Diagnostic[] = [];
  const inputs: { path: string; sha256: string; rows: number; encoding: string; role: string }[] = [];

  // the indicators file (GDP, population, value added): for the Kaya identity, or only for decoupling
  let indicatorYears: IndicatorYear[] | undefined;
  if (options.indicators !== undefined) {
    const read = readTextInput(options.indicators, 'indicators', ctx, request.encoding, diagnostics, parseIndicators);
    indicatorYears = read.parsed?.years;
    inputs.push(read.input);
  }

  let data: IdentityData | undefined;
  let report: CalcReport | undefined;
  let basisNotes: string[] = [];
  if (file !== undefined) {
    const read = readTextInput(file, 'factor-table', ctx, request.encoding, diagnostics, parseFactorTable);
    data = read.parsed?.data;
    inputs.unshift(read.input);
    if (hasErrors(diagnostics)) failWithDiagnostics(ctx, diagnostics);
    if (data && indicatorYears) {
      const k = kayaYears(indicatorYears, opts.from);
      appendAll(diagnostics, k.diagnostics);
      data.gdp = new Map(k.years.map((y) => [y.year, y.gdp]));
    }
  } else {
    const { dict, registry } = loadBundled();
    request.factors = factorsForRun(options.factors, ctx).refs;
    report = runCalculation(readInputFiles(opts.data, ctx.lang), dict, registry, request);
    appendAll(diagnostics, report.diagnostics);
    for (const i of report.inputs) inputs.push({ ...i, role: 'data' });
    if (hasErrors(diagnostics)) failWithDiagnostics(ctx, diagnostics);
    const k = kayaYears(indicatorYears ?? [], opts.from);
    appendAll(diagnostics, k.diagnostics);
    const needed = opts.chained ? Array.from({ length: opts.to - opts.from + 1 }, (_, i) => opts.from + i) : [opts.from, opts.to];
    const dataYears = new Set(report.lines.map((l) => l.year));
    for (const y of needed) {
      if (dataYears.has(y) && !k.years.some((ky) => ky.year === y)) diagnostics.push(error('DECOMPOSE_NO_GDP', { year: y }, { file: options.indicators }));
    }
    const build = kayaIdentity(report.lines, k.years, opts.view);
    appendAll(diagnostics, build.diagnostics);
    data = build.data;
    basisNotes = kayaBasisNotes(build, opts.view, ctx.lang, opts.from);
  }
  if (hasErrors(diagnostics) || !data) failWithDiagnostics(ctx, diagnostics);

  const result: DecomposeResult = decompose(data, { from: opts.from, to: opts.to, method: opts.method, chained: opts.chained });
  appendAll(diagnostics, result.diagnostics);
  if (hasErrors(diagnostics)) failWithDiagnostics(ctx, diagnostics);
  printDiagnostics(ctx, diagnostics);

  const renderOptions = {
    ...resultRenderBasics(ctx, options, decimals),
    inputs,
    factors: report?.factors ?? [],
    diagnostics,
    basisNotes,
    options: {
      from: opts.from,
      to: opts.to,
      mode: report ? 'kaya' : 'factor-table',
      ...(report
        ? { co2View: opts.view, grid: report.options.grid, gridYear: report.options.gridYear, electricityMethod: report.options.electricityMethod, gwp: report.options.gwp, factorTables: report.options.factorTables }
        : {}),
    },
  };
  await writeResult(ctx, options.output, format, {
    workbook: () => import('../decompose-xlsx.js').then((m) => (out) => m.decomposeWorkbook(result, renderOptions, out)),
    text: () => renderDecompose(result, format as OutputFormat, renderOptions),
  });
}


/**
 * One input file of decompose read whole and parsed: its line in meta.inputs (0 rows and encoding 'unknown' when it
 * could not be decoded) and what `parse` made of it; every problem is added to `diagnostics`.
 */
function readTextInput<T extends { rows: number; diagnostics: readonly Diagnostic[] }>(
  path: string,
  role: string,
  ctx: CliContext,
  encoding: Parameters<typeof decodeText>[2],
  diagnostics: Diagnostic[],
  parse: (text: string, path: string) => T,
): { input: { path: string; sha256: string; rows: number; encoding: string; role: string }; parsed?: T } {
  const [file] = readInputFiles([path], ctx.lang);
  const decoded = decodeText(file!.bytes, file!.path, encoding);
  const sha256 = createHash('sha256').update(file!.bytes).digest('hex');
  if ('diagnostic' in decoded) {
    diagnostics.push(decoded.diagnostic);
    return { input: { path: file!.path, sha256, rows: 0, encoding: 'unknown', role } };
  }
  const parsed = parse(decoded.text, file!.path);
  appendAll(diagnostics, parsed.diagnostics);
  return { input: { path: file!.path, sha256, rows: parsed.rows, encoding: decoded.encoding, role }, parsed };
}

/**
 * The report's decomposition chapter: the Kaya split of the activity data between its first and last year, on the
 * report's CO2 view (consumption unless territorial is asked for), with the indicators' GDP. Problems are returned,
 * not printed: the chapter says why it is missing.
 */
export function reportDecomposition(calc: CalcReport, indicators: readonly IndicatorYear[], co2View: string, lang: 'en' | 'zh'): ReportDecomposition {
  const years = calc.years.map((y) => y.year).sort((a, b) => a - b);
  const from = years[0]!;
  const to = years.at(-1)!;
  const view: KayaView = co2View === 'territorial' ? 'territorial' : 'consumption';
  const k = kayaYears(indicators, from);
  const problems: Diagnostic[] = [];
  for (const y of [from, to]) if (!k.years.some((ky) => ky.year === y)) problems.push(error('DECOMPOSE_NO_GDP', { year: y }));
  if (problems.length > 0) return { result: undefined, basisNotes: [], problems };
  const build = kayaIdentity(calc.lines, k.years, view);
  if (hasErrors(build.diagnostics)) return { result: undefined, basisNotes: [], problems: build.diagnostics.filter((d) => d.severity === 'error') };
  const result = decompose(build.data, { from, to, method: 'additive' });
  if (hasErrors(result.diagnostics)) return { result: undefined, basisNotes: [], problems: result.diagnostics };
  return { result, basisNotes: kayaBasisNotes(build, view, lang, from), problems: [] };
}
