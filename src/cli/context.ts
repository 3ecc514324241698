import { Chalk } from 'chalk';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.js';
import type { Lang } from '../core/i18n/lang.js';
import type { Style } from '../core/format/text-table.js';

/** What a command needs from the process: streams, environment, language and colour. */
export interface CliContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  lang: Lang;
}

export function colourEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  // chalk does not read NO_COLOR itself
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function styleFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): Style {
  const chalk = new Chalk({ level: colourEnabled(stream, env) ? 1 : 0 });
  return { header: (s) => chalk.bold(s), total: (s) => chalk.bold(s), dim: (s) => chalk.dim(s) };
}

export function printDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[]): void {
  const chalk = new Chalk({ level: colourEnabled(ctx.stderr, ctx.env) ? 1 : 0 });
  for (const d of diagnostics) {
    const text = formatDiagnostic(d, ctx.lang);
    ctx.stderr.write((d.severity === 'error' ? chalk.red(text) : chalk.yellow(text)) + '\n');
  }
}

export function summariseErrors(ctx: CliContext, diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const files = new Set(errors.map((d) => d.file ?? ''));
  ctx.stderr.write(
    ctx.lang === 'zh'
      ? `共 ${errors.length} 个错误（${files.size} 个文件），未输出任何结果。\n`
      : `${errors.length} error${errors.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}; nothing was written.\n`,
  );
}

export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
