import { runCalculation, type CalcReport } from '../../core/calc/run.js';
import { hasErrors } from '../../core/diagnostics.js';
import { renderCalc, type OutputFormat } from '../../core/format/calc.js';
import { ExitError, printDiagnostics, styleFor, summariseErrors, type CliContext } from '../context.js';
import { assertNotAnInput, formatFromPath, openInputFiles, wholeFile, writeFileAtomic, writeStreamAtomic } from '../io.js';
import { progressBar } from '../progress.js';
import { terminalFit } from '../terminal-width.js';
import { readerSettings, wantsReaders } from '../reader-settings.js';
import { factorsForRun } from '../user-factors.js';
import { toolName, toolVersion } from '../version.js';
import { parseCalcRequest, parseDecimalsOption, stdoutFormat, type CalcCliOptions } from '../calc-options.js';


export async function calcCommand(files: string[], options: CalcCliOptions, ctx: CliContext): Promise<void> {
  const request = parseCalcRequest(options);
  const decimals = parseDecimalsOption(options.decimals);
  const format = options.output ? formatFromPath(options.output, ['csv', 'tsv', 'json', 'md', 'xlsx'], options.format) : stdoutFormat(options.format, ctx);
  if (options.output) assertNotAnInput(options.output, files);
  const inputs = openInputFiles(files, ctx.lang);
  // JINCHANG_FAST=0 reads every file whole with csv-parse (the reference path; see docs/PERFORMANCE.md),
  // JINCHANG_FAST=stream with csv-parse streaming (what the fast path falls back to)
  if (ctx.env.JINCHANG_FAST === '0') request.fast = false;
  if (ctx.env.JINCHANG_FAST === 'stream') request.fast = 'stream';
  // big files are read with worker threads too; they start now, to be up when the reading starts
  // (for small files their code is not even loaded)
  const settings = readerSettings(ctx.env);
  const sizes = request.fast !== undefined && request.fast !== true ? [] : inputs.map((i) => ('bytes' in i || !i.openAt ? undefined : i.size));
  const readers = wantsReaders(sizes, settings) ? (await import('../worker-runner.js')).workerRunner(settings) : undefined;
  const progress = progressBar(ctx.stderr, inputs.reduce((a, i) => a + ('bytes' in i ? i.bytes.length : (i.size ?? 0)), 0), ctx.lang === 'zh' ? '读取' : 'reading');
  let report: CalcReport;
  let factors: ReturnType<typeof factorsForRun>;
  try {
    factors = factorsForRun(options.factors, ctx);
    request.factors = factors.refs;
    request.onProgress = (done, total) => progress.update(done, total);
    request.readers = readers;
    report = runCalculation(inputs, factors.dict, factors.registry, request);
  } finally {
    readers?.close();
    request.readers = undefined;
    progress.done();
  }
  if (ctx.env.JINCHANG_DEBUG_READ === '1') {
    const stats = readers?.stats ?? { jobs: 0, answers: 0 };
    ctx.stderr.write(`debug: ${stats.jobs} parallel jobs, ${stats.answers} reader answers\n`);
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
  // a terminal's table fits its width (people's table only; files and pipes get it whole)
  const terminal = options.output ? undefined : terminalFit(ctx);
  const text = renderCalc(report, format as OutputFormat, {
    lang: ctx.lang,
    decimals,
    bom: options.bom,
    tool,
    totalsOnly: options.totals,
    sumYears: options.sumYears,
    style: options.output ? undefined : styleFor(ctx.stdout, ctx.env),
    fit: terminal?.fit,
  });
  if (options.output) writeFileAtomic(options.output, text);
  else ctx.stdout.write(text);
  terminal?.done();
}
