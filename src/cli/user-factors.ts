import { existsSync, readFileSync } from 'node:fs';
import { error, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import type { FuelDictionary } from '../core/dictionary/fuels.js';
import type { FactorRegistry } from '../core/factors/registry.js';
import { parseFactorTable, tableRef, type FactorTable } from '../core/factors/table.js';
import { bundledFactorsDir, loadBundled, type Bundled } from '../bundled.js';
import { join } from 'node:path';
import { ExitError, printDiagnostics, type CliContext } from './context.js';
import { appendAll } from '../core/arrays.js';

/** Bundled tables are read as <id>/<version>.csv relative to the factors folder; a user's file keeps the path given. */
export function isBundledTable(table: FactorTable): boolean {
  return table.path === `${table.meta.id}/${table.meta.version}.csv` && existsSync(join(bundledFactorsDir, table.path));
}

/** How a table is named in messages: a bundled one by its place in the package, factors/<id>/<version>.csv. */
export function tablePlace(table: FactorTable): string {
  return isBundledTable(table) ? `factors/${table.path}` : table.path;
}

/**
 * A user's table claiming the id@version of another with other content: `factors check` and every
 * command that calculates say the same, naming the other table by the same path.
 */
export function duplicateTable(table: FactorTable, clash: FactorTable, file: string): Diagnostic {
  const code = isBundledTable(clash) ? 'TABLE_DUPLICATE_BUNDLED' : 'TABLE_DUPLICATE_VERSION';
  return error(code, { ref: tableRef(table), other: tablePlace(clash) }, { file, line: 1 });
}

/**
 * `--factors` takes a table id (id@version) or a path to the user's own table file. Files are
 * validated exactly like bundled tables and added to the registry; the refs come back for selection.
 */
export function resolveFactorArgs(
  args: readonly string[],
  registry: FactorRegistry,
  fuels: FuelDictionary,
): { refs: string[]; diagnostics: Diagnostic[] } {
  const refs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const arg of args) {
    const looksLikePath = /[\\/]|\.csv$/i.test(arg);
    if (!looksLikePath || !existsSync(arg)) {
      refs.push(arg);
      continue;
    }
    const parsed = parseFactorTable(readFileSync(arg), arg, fuels);
    appendAll(diagnostics, parsed.diagnostics);
    if (!parsed.table) continue;
    const clash = registry.resolve(tableRef(parsed.table));
    if (clash && clash.sha256 !== parsed.table.sha256) {
      diagnostics.push(duplicateTable(parsed.table, clash, arg));
      continue;
    }
    if (!clash) registry.add(parsed.table);
    refs.push(tableRef(parsed.table));
  }
  return { refs, diagnostics };
}

/**
 * The bundled tables plus the user's own from `--factors`, for any command that calculates.
 * A bad user table stops the run before any data is read (exit 2), with every problem printed.
 */
export function factorsForRun(
  args: readonly string[] | undefined,
  ctx: CliContext,
): { dict: Bundled['dict']; registry: FactorRegistry; refs: string[] } {
  const { dict, registry } = loadBundled();
  const userTables = resolveFactorArgs(args ?? [], registry, dict.fuels);
  printDiagnostics(ctx, userTables.diagnostics);
  if (hasErrors(userTables.diagnostics)) throw new ExitError(2);
  return { dict, registry, refs: userTables.refs };
}
