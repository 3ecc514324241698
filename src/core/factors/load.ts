import type { Diagnostic } from '../diagnostics.js';
import type { FuelDictionary } from '../dictionary/fuels.js';
import { parseCsvLines } from '../csv-text.js';
import { factorKinds, type FactorKind } from './kinds.js';
import { FactorRegistry } from './registry.js';
import { parseFactorTable } from './table.js';
import { appendAll } from '../arrays.js';

export interface FactorFile {
  /** path relative to the factors folder, e.g. cn-gbt2589/2020.csv */
  path: string;
  bytes: Uint8Array;
}

/** Builds a registry from table files and defaults.csv; a bad bundled file is a bug, reported like a user's. */
export function buildRegistry(
  files: readonly FactorFile[],
  defaultsText: string,
  fuels: FuelDictionary,
): { registry: FactorRegistry; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const defaults: [FactorKind, string][] = [];
  const [, ...rows] = parseCsvLines(defaultsText);
  for (const { fields } of rows) {
    const [kind, table] = fields;
    if (kind && table && factorKinds.includes(kind as FactorKind)) defaults.push([kind as FactorKind, table]);
  }
  const registry = new FactorRegistry([], defaults);
  for (const file of files) {
    const parsed = parseFactorTable(file.bytes, file.path, fuels);
    appendAll(diagnostics, parsed.diagnostics);
    if (!parsed.table) continue;
    const expected = `${parsed.table.meta.id}/${parsed.table.meta.version}.csv`;
    if (file.path.replace(/\\/g, '/') !== expected) {
      diagnostics.push({
        severity: 'error',
        code: 'TABLE_BAD_VALUE',
        file: file.path,
        line: 1,
        params: { column: 'id/version', value: file.path, expected: `stored as ${expected}` },
      });
      continue;
    }
    const dup = registry.add(parsed.table);
    if (dup) diagnostics.push(dup);
  }
  return { registry, diagnostics };
}
