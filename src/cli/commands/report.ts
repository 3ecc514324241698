import { createHash } from 'node:crypto';
import { runCalculation } from '../../core/calc/run.js';
import { UsageError } from '../../core/usage-error.js';
import { hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import { tableRef } from '../../core/factors/table.js';
import type { Lang } from '../../core/i18n/lang.js';
import { decodeText } from '../../core/input/decode.js';
import {
  activityTotals,
  computeIntensity,
  mergeActivityTotals,
  mergeTargets,
  parseIndicators,
  targetsFromTables,
} from '../../core/intensity/index.js';
import { buildReport, renderReportHtml, renderReportMarkdown, type ReportIntensity, type ReportPathway } from '../../core/report/index.js';
import { ExitError, printDiagnostics, summariseErrors, type CliContext } from '../context.js';
import { assertNotAnInput, formatFromPath, readInputFiles, writeFileAtomic } from '../io.js';
import { factorsForRun } from '../user-factors.js';
import { parseAssessmentBasis, parseTargetOptions } from '../target-options.js';
import { toolName, toolVersion } from '../version.js';
import { parseCalcRequest, parseDecimalsOption, type CalcCliOptions } from '../calc-options.js';
import { appendAll } from '../../core/arrays.js';
import type { ReportDecomposition } from '../../core/report/decomposition.js';
import type { IndicatorYear } from '../../core/intensity/index.js';

export interface ReportCliOptions extends CalcCliOptions {
  indicators?: string;
  title?: string;
  city?: string;
  year?: string;
  region?: string;
  target?: string[];
  co2View?: string;
  assessmentBasis?: boolean | string;
  baseYear?: string;
  scenarios?: string;
}

function parseYear(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${option} "${value}" is not a four-digit year`, `${option} “${value}”不是四位年份`);
  return Number(value);
}

/**
 * `report <file...> --indicators <csv>`: the annual report as one HTML file (charts inline) or as
 * Markdown. Its language is Chinese unless `--lang en` is given (`reportLang`); messages on stderr
 * follow the usual --lang / locale rule.
 */
export async function reportCommand(files: string[], options: ReportCliOptions, ctx: CliContext, reportLang: Lang): Promise<void> {
  // every option is checked before anything is read
  const request = parseCalcRequest(options);
  const decimals = parseDecimalsOption(options.decimals) ?? 2;
  let format: 'html' | 'md';
  if (options.output) format = formatFromPath(options.output, ['html', 'md']) as 'html' | 'md';
  else if (options.format === undefined || options.format === 'md') format = 'md';
  else if (options.format === 'html') format = 'html';
  else throw new UsageError(`--format of report must be md or html, not "${options.format}"`, `report 的 --format 只能是 md 或 html，不是“${options.format}”`);
  const year = parseYear(options.year, '--year');
  const baseYear = parseYear(options.baseYear, '--base-year');
  const assessmentBasis = parseAssessmentBasis(options.assessmentBasis);
  const { region, explicit, co2View } = parseTargetOptions(options);
  if (options.output) assertNotAnInput(options.output, [...files, ...(options.indicators ? [options.indicators] : []), ...(options.scenarios ? [options.scenarios] : [])]);

  const inputs = readInputFiles(files, reportLang);
  const [indicatorFile] = options.indicators ? readInputFiles([options.indicators], reportLang) : [];
  const { dict, registry, refs } = factorsForRun(options.factors, ctx);
  request.factors = refs;
  const calc = runCalculation(inputs, dict, registry, request);
  const diagnostics: Diagnostic[] = [...calc.diagnostics];

  let intensity: ReportIntensity | undefined;
  let indicatorYears: IndicatorYear[] | undefined;
  const intensityDiagnostics: Diagnostic[] = [];
  if (indicatorFile) {
    const decoded = decodeText(indicatorFile.bytes, indicatorFile.path, request.encoding);
    if ('diagnostic' in decoded) intensityDiagnostics.push(decoded.diagnostic);
    else {
      const parsed = parseIndicators(decoded.text, indicatorFile.path);
      indicatorYears = parsed.years;
      appendAll(intensityDiagnostics, parsed.diagnostics);
      if (!hasErrors(parsed.diagnostics) && !hasErrors(calc.diagnostics)) {
        if (baseYear !== undefined && !parsed.years.some((y) => y.year === baseYear)) {
          throw new UsageError(
            `--base-year ${baseYear} is not a year of ${indicatorFile.path} (${parsed.years.map((y) => y.year).join(', ')})`,
            `--base-year ${baseYear} 不是 ${indicatorFile.path} 中的年份（${parsed.years.map((y) => y.year).join(', ')}）`,
          );
        }
        const merged = mergeActivityTotals(parsed.years, activityTotals(calc.years, co2View));
        appendAll(intensityDiagnostics, merged.diagnostics);
        const bundledTargets = registry.ofKind('targets');
        const targets = mergeTargets(targetsFromTables([bundledTargets], region), explicit);
        const result = computeIntensity(merged.years, { baseYear, targets, assessmentBasis });
        // a national target used for want of the region's own is said in the report beside the
        // targets (with the reason), not warned about: nothing in the user's data is amiss
        intensity = {
          result,
          co2View,
          region,
          file: { path: indicatorFile.path, sha256: createHash('sha256').update(indicatorFile.bytes).digest('hex'), rows: parsed.rows },
          targetTables: bundledTargets.filter((t) => result.targets_used.some((u) => u.source === tableRef(t))),
        };
      }
    }
  }
  // report has no --data: its messages name the activity files instead
  for (const d of [...intensityDiagnostics, ...(intensity?.result.diagnostics ?? [])]) d.params.command = 'report';
  const all = [...diagnostics, ...intensityDiagnostics, ...(intensity?.result.diagnostics ?? [])];
  printDiagnostics(ctx, all);
  if (hasErrors(all)) {
    summariseErrors(ctx, all);
    throw new ExitError(1);
  }
  if (year !== undefined && !calc.years.some((y) => y.year === year)) {
    throw new UsageError(
      `--year ${year} is not a year of the activity data (${calc.years.map((y) => y.year).join(', ')})`,
      `--year ${year} 不是活动数据中的年份（${calc.years.map((y) => y.year).join(', ')}）`,
    );
  }

  // --scenarios: the pathway chapter, projected as `pathway` does (with the same indicators as history)
  let pathway: ReportPathway | undefined;
  if (options.scenarios) {
    const { runPathway } = await import('./pathway.js');
    const run = runPathway(options.scenarios, { indicators: options.indicators, region, co2View: options.co2View, encoding: options.encoding }, ctx);
    const seen = new Set(all.map((d) => JSON.stringify([d.code, d.params, d.file, d.line])));
    const fresh = run.diagnostics.filter((d) => !seen.has(JSON.stringify([d.code, d.params, d.file, d.line])));
    printDiagnostics(ctx, fresh);
    intensityDiagnostics.push(...fresh);
    const input = run.inputs.find((i) => i.role === 'scenarios')!;
    pathway = { result: run.result, file: { path: input.path, sha256: input.sha256, rows: input.rows } };
  }

  // two or more years and GDP: the decomposition chapter (LMDI between the first and last year, Tapio by year)
  let decomposition: ReportDecomposition | undefined;
  if (indicatorYears && calc.years.length >= 2) {
    const { reportDecomposition } = await import('./decompose.js');
    decomposition = reportDecomposition(calc, indicatorYears, co2View, reportLang);
  }

  const doc = buildReport({
    calc,
    lang: reportLang,
    tool: { name: toolName, version: toolVersion() },
    city: options.city,
    title: options.title,
    year,
    decimals,
    intensity,
    diagnostics: intensityDiagnostics,
    pathway,
    decomposition,
    nonFossil: { region, tables: registry.ofKind('targets') },
  });
  const text = format === 'html' ? renderReportHtml(doc) : renderReportMarkdown(doc);
  if (options.output) writeFileAtomic(options.output, text);
  else ctx.stdout.write(text);
}
