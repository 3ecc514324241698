import { createHash } from 'node:crypto';
import { loadBundled } from '../../bundled.js';
import { appendAll } from '../../core/arrays.js';
import { runCalculation, type CalcReport } from '../../core/calc/run.js';
import { UsageError } from '../../core/usage-error.js';
import { Decimal } from '../../core/decimal.js';
import { hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import type { OutputFormat } from '../../core/format/calc.js';
import { decodeText } from '../../core/input/decode.js';
import { activityTotals, mergeActivityTotals, parseIndicators, type IndicatorYear } from '../../core/intensity/index.js';
import { computePathway, parseScenarios, pathwayTargets, renderPathway, type PathwayResult, type ScenarioInput } from '../../core/pathway/index.js';
import type { FactorTable } from '../../core/factors/table.js';
import { tableRef } from '../../core/factors/table.js';
import { failWithDiagnostics, printDiagnostics, type CliContext } from '../context.js';
import { assertNotAnInput, formatFromPath, readInputFiles } from '../io.js';
import { resultRenderBasics, writeResult } from '../result-output.js';
import { parseTargetOptions } from '../target-options.js';
import { factorsForRun } from '../user-factors.js';
import { parseCalcRequest, parseDecimalsOption, stdoutFormat, type CalcCliOptions } from '../calc-options.js';

export interface PathwayCliOptions extends CalcCliOptions {
  indicators?: string;
  data?: string[];
  region?: string;
  co2View?: string;
  to?: string;
  ci2005?: string;
  plateau?: string;
  asOf?: string;
  sensitivity?: boolean;
  runs?: string;
  seed?: string;
}

function parseYear(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${option} "${value}" is not a four-digit year`, `${option} “${value}”不是四位年份`);
  return Number(value);
}

/** `--ci-2005 2020:48.4`: the published decline of carbon intensity in 2020 against 2005. */
export function parseCi2005(value: string | undefined): { year: number; reduction_pct: Decimal } | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d{4})\s*[:：]\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$/.exec(value);
  if (!m || Number(m[1]) <= 2005 || new Decimal(m[2]!).greaterThanOrEqualTo(100)) {
    throw new UsageError(
      `--ci-2005 "${value}" is not year:percent, e.g. 2020:48.4 (carbon intensity in 2020 was 48.4 % below 2005)`,
      `--ci-2005 “${value}”格式应为 年份:百分比，如 2020:48.4（2020 年碳排放强度比 2005 年下降 48.4%）`,
    );
  }
  return { year: Number(m[1]), reduction_pct: new Decimal(m[2]!) };
}

export interface PathwayRun {
  result: PathwayResult;
  diagnostics: Diagnostic[];
  inputs: { path: string; sha256: string; rows: number; encoding?: string; role: 'scenarios' | 'indicators' | 'data' }[];
  factors: FactorTable[];
  options: Record<string, unknown>;
}

/** Reads the scenarios (and indicators, activity data), computes the pathways; throws ExitError(1) on invalid data. */
export function runPathway(file: string, options: PathwayCliOptions, ctx: CliContext): PathwayRun {
  const request = parseCalcRequest(options);
  const end = parseYear(options.to, '--to');
  const asOf = parseYear(options.asOf, '--as-of') ?? new Date().getUTCFullYear();
  const ci2005 = parseCi2005(options.ci2005);
  const { region, co2View } = parseTargetOptions({ region: options.region, co2View: options.co2View });
  let plateauPct: Decimal | undefined;
  if (options.plateau !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(options.plateau) || Number(options.plateau) >= 100) {
      throw new UsageError(`--plateau "${options.plateau}" is not a percentage below 100, e.g. 1`, `--plateau “${options.plateau}”应为小于 100 的百分数，如 1`);
    }
    plateauPct = new Decimal(options.plateau);
  }
  let monteCarlo: { runs: number; seed: number } | undefined;
  if (options.runs !== undefined) {
    if (!/^\d+$/.test(options.runs) || Number(options.runs) < 1 || Number(options.runs) > 100000) {
      throw new UsageError(`--runs "${options.runs}" must be a whole number from 1 to 100000`, `--runs “${options.runs}”应为 1 到 100000 的整数`);
    }
    const seed = options.seed ?? '1';
    if (!/^\d+$/.test(seed) || Number(seed) > 4294967295) {
      throw new UsageError(`--seed "${seed}" must be a whole number from 0 to 4294967295`, `--seed “${seed}”应为 0 到 4294967295 的整数`);
    }
    monteCarlo = { runs: Number(options.runs), seed: Number(seed) };
  } else if (options.seed !== undefined) {
    throw new UsageError('--seed needs --runs (the number of Monte Carlo runs)', '--seed 需与 --runs（蒙特卡洛模拟次数）一起使用');
  }
  const dataFiles = options.data ?? [];
  if (dataFiles.length > 0 && !options.indicators) {
    throw new UsageError('--data needs --indicators (GDP by year) to be used by pathway', '--data 需与 --indicators（各年 GDP）一起使用');
  }

  const [scenarioFile] = readInputFiles([file], ctx.lang);
  const indicatorFile = options.indicators ? readInputFiles([options.indicators], ctx.lang)[0] : undefined;
  const dataInputs = readInputFiles(dataFiles, ctx.lang);
  const { dict, registry } = loadBundled();
  const diagnostics: Diagnostic[] = [];
  const inputs: PathwayRun['inputs'] = [];
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

  let scenarios: ScenarioInput[] = [];
  const decoded = decodeText(scenarioFile!.bytes, scenarioFile!.path, request.encoding);
  if ('diagnostic' in decoded) diagnostics.push(decoded.diagnostic);
  else {
    const parsed = parseScenarios(decoded.text, scenarioFile!.path);
    appendAll(diagnostics, parsed.diagnostics);
    scenarios = parsed.scenarios;
    inputs.push({ path: scenarioFile!.path, sha256: sha(scenarioFile!.bytes), rows: parsed.rows, encoding: decoded.encoding, role: 'scenarios' });
  }
  let years: IndicatorYear[] | undefined;
  if (indicatorFile) {
    const d = decodeText(indicatorFile.bytes, indicatorFile.path, request.encoding);
    if ('diagnostic' in d) diagnostics.push(d.diagnostic);
    else {
      const parsed = parseIndicators(d.text, indicatorFile.path);
      appendAll(diagnostics, parsed.diagnostics);
      years = parsed.years;
      inputs.push({ path: indicatorFile.path, sha256: sha(indicatorFile.bytes), rows: parsed.rows, encoding: d.encoding, role: 'indicators' });
    }
  }
  let report: CalcReport | undefined;
  if (dataInputs.length > 0) {
    request.factors = factorsForRun(options.factors, ctx).refs;
    report = runCalculation(dataInputs, dict, registry, request);
    appendAll(diagnostics, report.diagnostics);
    inputs.push(...report.inputs.map((i) => ({ ...i, role: 'data' as const })));
  }
  if (hasErrors(diagnostics)) failWithDiagnostics(ctx, diagnostics);
  if (report && years) {
    const merged = mergeActivityTotals(years, activityTotals(report.years, co2View));
    years = merged.years;
    appendAll(diagnostics, merged.diagnostics);
  }

  const targetTables = registry.ofKind('targets');
  const targets = pathwayTargets([targetTables], region);
  const result = computePathway(scenarios, { end, indicators: years, asOf, targets, ci2005, plateauPct, sensitivity: options.sensitivity ?? false, monteCarlo });
  appendAll(diagnostics, result.diagnostics);
  if (hasErrors(diagnostics)) failWithDiagnostics(ctx, diagnostics);
  const used = new Set(result.scenarios.flatMap((s) => s.checks.map((c) => c.source)).filter((x): x is string => x !== null));
  // a target taken from national because the region has none is said beside it (the checks' target column, a note
  // with the reason, JSON fallback_reason), as intensity does, and not warned about: it is no fault of the input
  return {
    result,
    diagnostics,
    inputs,
    factors: [...targetTables.filter((t) => used.has(tableRef(t))), ...(report?.factors ?? [])],
    options: {
      region,
      to: end ?? null,
      asOf,
      ci2005: options.ci2005 ?? null,
      plateauPct: plateauPct?.toString() ?? '1',
      sensitivity: options.sensitivity ?? false,
      runs: monteCarlo?.runs ?? null,
      seed: monteCarlo?.seed ?? null,
      co2View: report ? co2View : null,
      ...(report ? { grid: report.options.grid, gridYear: report.options.gridYear, electricityMethod: report.options.electricityMethod } : {}),
    },
  };
}

export async function pathwayCommand(file: string, options: PathwayCliOptions, ctx: CliContext): Promise<void> {
  const decimals = parseDecimalsOption(options.decimals);
  const format = options.output ? formatFromPath(options.output, ['csv', 'tsv', 'json', 'md', 'xlsx']) : stdoutFormat(options.format, ctx);
  if (options.output) assertNotAnInput(options.output, [file, ...(options.indicators ? [options.indicators] : []), ...(options.data ?? [])]);
  const run = runPathway(file, options, ctx);
  printDiagnostics(ctx, run.diagnostics);
  const renderOptions = {
    ...resultRenderBasics(ctx, options, decimals),
    inputs: run.inputs,
    factors: run.factors,
    options: run.options,
    diagnostics: run.diagnostics,
  };
  await writeResult(ctx, options.output, format, {
    workbook: () => import('../pathway-xlsx.js').then((m) => (out) => m.pathwayWorkbook(run.result, renderOptions, out)),
    text: () => renderPathway(run.result, format as OutputFormat, renderOptions),
  });
}

