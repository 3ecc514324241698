import { runCalculation, type CalcReport, type CalcRequest } from '../../core/calc/run.js';
import { hasErrors } from '../../core/diagnostics.js';
import { renderCalc, type OutputFormat } from '../../core/format/calc.js';
import type { Decimals } from '../../core/format/number.js';
import { UsageError } from '../../core/calc/select-factors.js';
import { ExitError, printDiagnostics, styleFor, summariseErrors, type CliContext } from '../context.js';
import { assertNotAnInput, formatFromPath, openInputFiles, wholeFile, writeFileAtomic, writeStreamAtomic } from '../io.js';
import { progressBar } from '../progress.js';
import { helperSettings, wantsHelpers } from '../helper-settings.js';
import { factorsForRun } from '../user-factors.js';
import { toolName, toolVersion } from '../version.js';

export interface CalcCliOptions {
  by?: string;
  factors?: string[];
  grid?: string;
  gridYear?: string;
  electricityMethod?: string;
  gwp?: string;
  encoding?: string;
  format?: string;
  output?: string;
  bom?: boolean;
  decimals?: string;
  totals?: boolean;
  /** with several years, add their sum (labelled) to the totals */
  sumYears?: boolean;
  strict?: boolean;
  /** --compare-factors: tables to put in place of the ones of their kind, to show what changes */
  compareFactors?: string[];
}

export function parseCalcRequest(options: CalcCliOptions): CalcRequest {
  const request: CalcRequest = {};
  if (options.by !== undefined) {
    request.by = options.by.split(',').map((d) => d.trim()).filter(Boolean);
    if (request.by.length === 0) throw new UsageError('--by needs at least one dimension', '--by 至少需要一个分组维度');
  }
  if (options.grid !== undefined) request.grid = options.grid;
  if (options.gridYear !== undefined) {
    if (!/^\d{4}$/.test(options.gridYear)) {
      throw new UsageError(`--grid-year "${options.gridYear}" is not a four-digit year`, `--grid-year “${options.gridYear}”不是四位年份`);
    }
    request.gridYear = Number(options.gridYear);
  }
  if (options.electricityMethod !== undefined) {
    if (options.electricityMethod !== 'equivalent' && options.electricityMethod !== 'coal') {
      throw new UsageError(
        `--electricity-method must be equivalent or coal, not "${options.electricityMethod}"`,
        `--electricity-method 只能是 equivalent（当量值）或 coal（等价值/发电煤耗法），不是“${options.electricityMethod}”`,
      );
    }
    request.electricityMethod = options.electricityMethod;
  }
  if (options.gwp !== undefined) request.gwp = options.gwp;
  if (options.encoding !== undefined) {
    const e = options.encoding.toLowerCase().replace(/[-_]/g, '');
    const encoding = e === 'utf8' ? 'utf8' : ['gbk', 'gb18030', 'gb2312', 'cp936'].includes(e) ? 'gbk' : undefined;
    if (!encoding) throw new UsageError(`--encoding must be utf8 or gbk, not "${options.encoding}"`, `--encoding 只能是 utf8 或 gbk，不是“${options.encoding}”`);
    request.encoding = encoding;
  }
  if (options.strict) request.strict = true;
  return request;
}

export function parseDecimalsOption(value: string | undefined): Decimals | undefined {
  if (value === undefined) return undefined;
  if (value === 'full') return 'full';
  if (!/^\d{1,2}$/.test(value)) throw new UsageError(`--decimals must be 0–20 or full, not "${value}"`, `--decimals 应为 0–20 或 full，不是“${value}”`);
  return Number(value);
}

const STDOUT_FORMATS = ['table', 'csv', 'tsv', 'json', 'md'] as const;

export function stdoutFormat(value: string | undefined, ctx: CliContext): OutputFormat {
  if (value === undefined) return ctx.stdout.isTTY ? 'table' : 'csv';
  if (!(STDOUT_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${STDOUT_FORMATS.join(', ')}, not "${value}"`, `--format 只能是 ${STDOUT_FORMATS.join('、')}，不是“${value}”`);
  }
  return value as OutputFormat;
}

export async function calcCommand(files: string[], options: CalcCliOptions, ctx: CliContext): Promise<void> {
  const request = parseCalcRequest(options);
  const decimals = parseDecimalsOption(options.decimals);
  const format = options.output ? formatFromPath(options.output, ['csv', 'tsv', 'json', 'md', 'xlsx']) : stdoutFormat(options.format, ctx);
  if (options.output) assertNotAnInput(options.output, files);
  const inputs = openInputFiles(files);
  // JINCHANG_FAST=0 reads every file with csv-parse (the reference path; see docs/PERFORMANCE.md)
  if (ctx.env.JINCHANG_FAST === '0') request.fast = false;
  // big files are read with helper processes too; they start now, to be up when the reading starts
  // (for small files their code is not even loaded)
  const settings = helperSettings(ctx.env);
  const sizes = request.fast === false ? [] : inputs.map((i) => ('bytes' in i || !i.openAt ? undefined : i.size));
  const early = ctx.earlyHelpers;
  const helpers = wantsHelpers(sizes, settings) ? (await import('../read-helpers.js')).helperRunner(settings, early) : undefined;
  // started early for a file that turns out not to be read with helpers: stop them now
  if (early && !early.adopted) {
    early.adopted = true;
    (await import('../helper-processes.js')).endHelperProcesses(early.dir);
  }
  const progress = progressBar(ctx.stderr, inputs.reduce((a, i) => a + ('bytes' in i ? i.bytes.length : (i.size ?? 0)), 0), ctx.lang === 'zh' ? '读取' : 'reading');
  let report: CalcReport;
  let factors: ReturnType<typeof factorsForRun>;
  try {
    factors = factorsForRun(options.factors, ctx);
    request.factors = factors.refs;
    request.onProgress = (done, total) => progress.update(done, total);
    request.parallel = helpers;
    report = runCalculation(inputs, factors.dict, factors.registry, request);
  } finally {
    helpers?.close();
    request.parallel = undefined;
    progress.done();
  }
  if (ctx.env.JINCHANG_DEBUG_READ === '1') {
    const stats = helpers?.stats ?? { jobs: 0, answers: 0, helperPeakKB: 0 };
    ctx.stderr.write(`debug: ${stats.jobs} parallel jobs, ${stats.answers} helper answers, helper peak RSS ${Math.round(stats.helperPeakKB / 1024)} MB${helpers?.early ? ', helpers started early' : ''}\n`);
  }
  printDiagnostics(ctx, report.diagnostics);
  if (hasErrors(report.diagnostics)) {
    summariseErrors(ctx, report.diagnostics);
    throw new ExitError(1);
  }
  if (options.compareFactors?.length) {
    const { compareCommand } = await import('./compare.js');
    await compareCommand({ inputs: inputs.map(wholeFile), dict: factors.dict, registry: factors.registry, request, report }, options, ctx);
    return;
  }
  const tool = { name: toolName, version: toolVersion() };
  if (format === 'xlsx') {
    const { calcWorkbook } = await import('../xlsx.js');
    await writeStreamAtomic(options.output!, (out) => calcWorkbook(report, { lang: ctx.lang, tool }, out));
    return;
  }
  const text = renderCalc(report, format as OutputFormat, {
    lang: ctx.lang,
    decimals,
    bom: options.bom,
    tool,
    totalsOnly: options.totals,
    sumYears: options.sumYears,
    style: options.output ? undefined : styleFor(ctx.stdout, ctx.env),
  });
  if (options.output) writeFileAtomic(options.output, text);
  else ctx.stdout.write(text);
}
