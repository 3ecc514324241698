import type { FactorKind } from './kinds.js';
import type { FactorTable } from './table.js';

/** How a result names one factor table it was made with, in the `meta.factors` of every JSON document. */
export interface FactorTableProvenance {
  id: string;
  version: string;
  sha256: string;
  kind: FactorKind;
  title: string;
  source: string;
}

/** The tables behind a result, in the key order the JSON documents have always printed. */
export function factorTablesProvenance(tables: readonly FactorTable[]): FactorTableProvenance[] {
  return tables.map((f) => ({ id: f.meta.id, version: f.meta.version, sha256: f.sha256, kind: f.meta.kind, title: f.meta.title, source: f.meta.source }));
}
