import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadBundled } from '../../bundled.js';
import { runCalculation, type CalcReport } from '../../core/calc/run.js';
import { UsageError } from '../../core/usage-error.js';
import { hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import type { OutputFormat } from '../../core/format/calc.js';
import { parseFactorTable, tableRef, type FactorTable } from '../../core/factors/table.js';
import { decodeText } from '../../core/input/decode.js';
import {
  activityTotals,
  computeIntensity,
  mergeActivityTotals,
  mergeTargets,
  parseIndicators,
  renderIntensity,
  targetsFromTables,
  type IndicatorYear,
} from '../../core/intensity/index.js';
import { intensityOnBothBases } from '../../core/intensity/bases.js';
import { ExitError, failWithDiagnostics, printDiagnostics, type CliContext } from '../context.js';
import { assertNotAnInput, formatFromPath, readInputFiles } from '../io.js';
import { resultRenderBasics, writeResult } from '../result-output.js';
import { factorsForRun } from '../user-factors.js';
import { parseAssessmentBasis, parseTargetOptions } from '../target-options.js';
import { parseCalcRequest, parseDecimalsOption, stdoutFormat, type CalcCliOptions } from '../calc-options.js';
import { appendAll } from '../../core/arrays.js';
import { Decimal } from '../../core/decimal.js';

export interface IntensityCliOptions extends CalcCliOptions {
  data?: string[];
  baseYear?: string;
  period?: string[];
  region?: string;
  target?: string[];
  targets?: string;
  assessmentBasis?: boolean | string;
  co2View?: string;
  base2005?: string;
  bothBases?: boolean;
}

interface Period {
  from: number;
  to: number;
}

function parsePeriods(values: readonly string[]): Period[] {
  return values.map((v) => {
    const m = /^\s*(\d{4})\s*[-–—~:]\s*(\d{4})\s*$/.exec(v);
    if (!m) throw new UsageError(`--period "${v}" is not from-to, e.g. 2020-2025`, `--period “${v}”格式应为 起始年-终止年，如 2020-2025`);
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (to <= from) throw new UsageError(`--period "${v}": ${to} is not after ${from}`, `--period “${v}”：${to} 不晚于 ${from}`);
    return { from, to };
  });
}

/** `--base-2005 <intensity>`: a positive plain number, tCO2 per 万元. */
function parseBase2005(value: string | undefined): Decimal | undefined {
  if (value === undefined) return undefined;
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || new Decimal(value.trim()).isZero()) {
    throw new UsageError(
      `--base-2005 "${value}" is not a carbon intensity: give tCO2 per 万元 as a positive number, e.g. 4.25`,
      `--base-2005 “${value}”不是碳排放强度：请给出正数（吨CO2/万元），如 4.25`,
    );
  }
  return new Decimal(value.trim());
}

function parseYear(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${option} "${value}" is not a four-digit year`, `${option} “${value}”不是四位年份`);
  return Number(value);
}

/** `--targets <file|id>`: a user's targets table (validated like any table) or a bundled one by id[@version]. */
function resolveTargetsTable(arg: string, ctx: CliContext): FactorTable {
  const { dict, registry } = loadBundled();
  let table: FactorTable | undefined;
  if (existsSync(arg)) {
    const parsed = parseFactorTable(readFileSync(arg), arg, dict.fuels);
    if (!parsed.table) {
      printDiagnostics(ctx, parsed.diagnostics);
      throw new ExitError(2);
    }
    table = parsed.table;
  } else {
    table = registry.resolve(arg);
    if (!table) {
      const known = registry.ofKind('targets').map(tableRef).join(', ');
      throw new UsageError(
        `--targets "${arg}" is neither a file nor a bundled table (targets tables: ${known})`,
        `--targets “${arg}”既不是文件也不是内置因子表（目标表：${known}）`,
      );
    }
  }
  if (table.meta.kind !== 'targets') {
    throw new UsageError(
      `--targets ${arg} is a ${table.meta.kind} table, not a targets table`,
      `--targets ${arg} 是 ${table.meta.kind} 类因子表，不是目标表（targets）`,
    );
  }
  return table;
}

export async function intensityCommand(file: string, options: IntensityCliOptions, ctx: CliContext): Promise<void> {
  // options first: a usage error must come before any reading
  const request = parseCalcRequest(options);
  const decimals = parseDecimalsOption(options.decimals);
  const format = options.output ? formatFromPath(options.output, ['csv', 'tsv', 'json', 'md', 'xlsx']) : stdoutFormat(options.format, ctx);
  const baseYear = parseYear(options.baseYear, '--base-year');
  const periods = options.period && options.period.length > 0 ? parsePeriods(options.period) : undefined;
  const { region, explicit, co2View } = parseTargetOptions(options);
  const base2005 = parseBase2005(options.base2005);
  const assessmentBasis = parseAssessmentBasis(options.assessmentBasis);
  const dataFiles = options.data ?? [];
  if (options.bothBases && dataFiles.length === 0) {
    throw new UsageError(
      '--both-bases needs --data: energy can be put on the other basis only where it is computed from activity data (the basis of energy_tce in the indicators file is the file\'s)',
      '--both-bases 需配合 --data：只有由活动水平数据算得的能耗才能换算到另一口径（指标文件中能耗的口径由该文件决定）',
    );
  }
  if (options.output) assertNotAnInput(options.output, [file, ...dataFiles]);
  const userTable = options.targets !== undefined ? resolveTargetsTable(options.targets, ctx) : undefined;

  const [indicatorFile] = readInputFiles([file], ctx.lang);
  const dataInputs = readInputFiles(dataFiles, ctx.lang);
  const { dict, registry } = loadBundled();

  const diagnostics: Diagnostic[] = [];
  let years: IndicatorYear[] = [];
  const decoded = decodeText(indicatorFile!.bytes, indicatorFile!.path, request.encoding);
  let indicatorRows = 0;
  let encoding = 'unknown';
  if ('diagnostic' in decoded) diagnostics.push(decoded.diagnostic);
  else {
    encoding = decoded.encoding;
    const parsed = parseIndicators(decoded.text, indicatorFile!.path);
    appendAll(diagnostics, parsed.diagnostics);
    years = parsed.years;
    indicatorRows = parsed.rows;
  }

  let report: CalcReport | undefined;
  if (dataInputs.length > 0) {
    request.factors = factorsForRun(options.factors, ctx).refs;
    report = runCalculation(dataInputs, dict, registry, request);
    appendAll(diagnostics, report.diagnostics);
  }
  if (hasErrors(diagnostics)) failWithDiagnostics(ctx, diagnostics);

  if (baseYear !== undefined && !years.some((y) => y.year === baseYear)) {
    throw new UsageError(
      `--base-year ${baseYear} is not a year of ${file} (${years.map((y) => y.year).join(', ')})`,
      `--base-year ${baseYear} 不是 ${file} 中的年份（${years.map((y) => y.year).join(', ')}）`,
    );
  }
  if (report) {
    const merged = mergeActivityTotals(years, activityTotals(report.years, co2View));
    years = merged.years;
    appendAll(diagnostics, merged.diagnostics);
  }

  const bundledTargets = registry.ofKind('targets');
  const targets = mergeTargets(targetsFromTables([bundledTargets, userTable ? [userTable] : []], region), explicit);
  const result = computeIntensity(years, {
    baseYear,
    periods,
    targets,
    assessmentBasis: assessmentBasis,
    givenIntensities: base2005 ? [{ year: 2005, indicator: 'carbon_intensity', value: base2005, source: '--base-2005' }] : undefined,
  });
  // a national target used for want of the region's own is said beside the target in the output
  // (with the reason, where known), not warned about: nothing in the user's data is amiss
  diagnostics.push(...result.diagnostics);
  if (hasErrors(diagnostics)) failWithDiagnostics(ctx, diagnostics);
  printDiagnostics(ctx, diagnostics);

  const targetTables = [...bundledTargets, ...(userTable ? [userTable] : [])].filter((t) =>
    result.targets_used.some((u) => u.source === tableRef(t)),
  );
  const inputs = [
    {
      path: indicatorFile!.path,
      sha256: createHash('sha256').update(indicatorFile!.bytes).digest('hex'),
      rows: indicatorRows,
      encoding,
      role: 'indicators' as const,
    },
    ...(report?.inputs ?? []).map((i) => ({ ...i, role: 'data' as const })),
  ];
  const renderOptions = {
    bases: options.bothBases && report ? intensityOnBothBases(result, report.bases) : undefined,
    energyBasis: report?.energyBasis,
    ...resultRenderBasics(ctx, options, decimals),
    inputs,
    factors: [...targetTables, ...(report?.factors ?? [])],
    options: {
      region,
      periods: periods ?? null,
      targetsTable: userTable ? tableRef(userTable) : null,
      targets: options.target ?? [],
      data: dataInputs.length > 0,
      co2View: report ? co2View : null,
      base2005: base2005 ? base2005.toString() : null,
      ...(report
        ? { grid: report.options.grid, gridYear: report.options.gridYear, electricityMethod: report.options.electricityMethod, gwp: report.options.gwp, factorTables: report.options.factorTables }
        : {}),
    },
  };
  await writeResult(ctx, options.output, format, {
    workbook: () => import('../xlsx.js').then((m) => (out) => m.intensityWorkbook(result, { ...renderOptions, diagnostics }, out)),
    // every warning printed on stderr is also in the result (the JSON `warnings`), not only intensity's own
    text: () => renderIntensity({ ...result, diagnostics }, format as OutputFormat, renderOptions),
  });
}

