import type { ChalkInstance } from 'chalk';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.js';
import { countProblems } from '../core/quality/summarise.js';
import type { Lang } from '../core/i18n/lang.js';
import { plainStyle, type Style } from '../core/format/text-table.js';

/** What a command needs from the process: streams, environment, language and colour. */
export interface CliContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  lang: Lang;
}

export function colourEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  // chalk does not read NO_COLOR itself
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

// Loading chalk probes the terminal (tty, os), a few ms of a small run, and without colour its
// styles return the text unchanged; so main() loads it only when a stream is a colour terminal.
let chalk: typeof import('chalk') | undefined;

export async function loadColour(ctx: CliContext): Promise<void> {
  if (colourEnabled(ctx.stdout, ctx.env) || colourEnabled(ctx.stderr, ctx.env)) chalk ??= await import('chalk');
}

/** chalk at level 1 for a colour terminal (once loadColour has run), else undefined: plain text. */
function colourFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): ChalkInstance | undefined {
  return chalk && colourEnabled(stream, env) ? new chalk.Chalk({ level: 1 }) : undefined;
}

export function styleFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): Style {
  const c = colourFor(stream, env);
  return c ? { header: (s) => c.bold(s), total: (s) => c.bold(s), dim: (s) => c.dim(s) } : plainStyle;
}

export function printDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[]): void {
  const c = colourFor(ctx.stderr, ctx.env);
  for (const d of diagnostics) {
    const text = formatDiagnostic(d, ctx.lang);
    ctx.stderr.write((c ? (d.severity === 'error' ? c.red(text) : c.yellow(text)) : text) + '\n');
  }
}

export function summariseErrors(ctx: CliContext, diagnostics: readonly Diagnostic[]): void {
  const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file ?? ''));
  const { errors } = countProblems(diagnostics);
  ctx.stderr.write(
    ctx.lang === 'zh'
      ? `共 ${errors} 个错误（${files.size} 个文件），未输出任何结果。\n`
      : `${errors} error${errors === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}; nothing was written.\n`,
  );
}

/** The end of a run whose data is invalid: every problem, the count, exit 1 (nothing written). */
export function failWithDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[]): never {
  printDiagnostics(ctx, diagnostics);
  summariseErrors(ctx, diagnostics);
  throw new ExitError(1);
}

export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/**
 * The output could not be written (exit 4): the system refused it (no permission in the folder, a
 * full disk, a read-only file system) or standard output failed. The user's to fix, not a bug.
 */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}
