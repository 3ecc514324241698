import { runCalculation } from '../../core/calc/run.js';
import { diagnosticToJson, hasErrors } from '../../core/diagnostics.js';
import { UsageError } from '../../core/usage-error.js';
import { ExitError, printDiagnostics, type CliContext } from '../context.js';
import { readInputFiles } from '../io.js';
import { countProblems, validateLimits } from '../../core/quality/summarise.js';
import { factorsForRun } from '../user-factors.js';
import { validateSummary } from '../../core/i18n/summaries.js';
import { parseCalcRequest, type CalcCliOptions } from '../calc-options.js';

/**
 * Checks input the way calc reads it (same parser, same factor lookups) and lists every
 * problem. Problems go to stderr as `file:line:column: message (fix)`; with --format json the
 * list is the result and goes to stdout.
 */
export async function validateCommand(files: string[], options: CalcCliOptions, ctx: CliContext): Promise<void> {
  if (options.format !== undefined && options.format !== 'text' && options.format !== 'json') {
    throw new UsageError(`--format must be text or json, not "${options.format}"`, `--format 只能是 text 或 json，不是“${options.format}”`);
  }
  const request = parseCalcRequest(options);
  const inputs = readInputFiles(files, ctx.lang);
  const { dict, registry, refs } = factorsForRun(options.factors, ctx);
  request.factors = refs;
  request.listLimits = validateLimits;
  const report = runCalculation(inputs, dict, registry, request);
  const { errors, warnings } = countProblems(report.diagnostics);
  const rows = report.inputs.reduce((n, i) => n + i.rows, 0);
  if (options.format === 'json') {
    ctx.stdout.write(
      JSON.stringify(
        {
          valid: errors === 0,
          inputs: report.inputs.map((i) => ({ path: i.path, sha256: i.sha256, rows: i.rows, encoding: i.encoding })),
          errors,
          warnings,
          problems: report.diagnostics.map((d) => diagnosticToJson(d, ctx.lang)),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    printDiagnostics(ctx, report.diagnostics);
    ctx.stderr.write(`${validateSummary(ctx.lang, { files: inputs.length, rows, errors, warnings })}\n`);
  }
  if (hasErrors(report.diagnostics)) throw new ExitError(1);
}
