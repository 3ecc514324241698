import { fitNotice, type FitResult } from '../core/format/fit-table.js';
import type { TableFit } from '../core/format/text-table.js';
import type { CliContext } from './context.js';

/**
 * The width to fit people's tables to: the terminal's (stdout a TTY), or JINCHANG_COLUMNS when set
 * (tests, or a user who wants another width); none when stdout is piped or a file, which get the
 * whole table as before.
 */
export function terminalWidth(ctx: CliContext): number | undefined {
  const forced = ctx.env.JINCHANG_COLUMNS;
  if (forced !== undefined && /^\d+$/.test(forced.trim()) && Number(forced) > 0) return Number(forced);
  const columns = ctx.stdout.isTTY ? ctx.stdout.columns : undefined;
  return columns && columns > 0 ? columns : undefined;
}

/**
 * A TableFit for the formatters, and `done()` to say on stderr, in one line, what every table
 * printed gave up to fit (nothing when all fitted whole).
 */
export function terminalFit(ctx: CliContext): { fit: TableFit | undefined; done: () => void } {
  const width = terminalWidth(ctx);
  if (width === undefined) return { fit: undefined, done: () => {} };
  const fits: FitResult[] = [];
  return {
    fit: { width, report: (f) => fits.push(f) },
    done: () => {
      const notice = fitNotice(fits, width, ctx.lang);
      if (notice) ctx.stderr.write(`${notice}\n`);
    },
  };
}

/** A TableFit that says what it gave up as soon as its one table is fitted (a command printing one table). */
export function oneTableFit(ctx: CliContext): TableFit | undefined {
  const width = terminalWidth(ctx);
  if (width === undefined) return undefined;
  return {
    width,
    report: (f) => {
      const notice = fitNotice([f], width, ctx.lang);
      if (notice) ctx.stderr.write(`${notice}\n`);
    },
  };
}
