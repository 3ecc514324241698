import { error, type Diagnostic } from '../diagnostics.js';
import type { FactorKind } from './kinds.js';
import { tableRef, type FactorTable } from './table.js';

/** All factor tables known to a run: the bundled ones plus any the user passed. */
export class FactorRegistry {
  readonly tables: FactorTable[] = [];
  private readonly defaults = new Map<FactorKind, string>();

  constructor(tables: FactorTable[] = [], defaults: Iterable<[FactorKind, string]> = []) {
    for (const t of tables) this.add(t);
    for (const [kind, id] of defaults) this.defaults.set(kind, id);
  }

  /** Adds a table; a second table with the same id@version is refused. */
  add(table: FactorTable): Diagnostic | undefined {
    const existing = this.tables.find((t) => tableRef(t) === tableRef(table));
    if (existing) {
      return error('TABLE_DUPLICATE_VERSION', { ref: tableRef(table), other: existing.path }, { file: table.path });
    }
    this.tables.push(table);
    return undefined;
  }

  ofKind(kind: FactorKind): FactorTable[] {
    return this.tables.filter((t) => t.meta.kind === kind);
  }

  /** `id` (newest version) or `id@version`. */
  resolve(ref: string): FactorTable | undefined {
    const [id, version] = ref.split('@');
    const candidates = this.tables.filter((t) => t.meta.id === id);
    if (version !== undefined) return candidates.find((t) => t.meta.version === version);
    return newest(candidates);
  }

  defaultFor(kind: FactorKind): FactorTable | undefined {
    const id = this.defaults.get(kind);
    return id === undefined ? undefined : this.resolve(id);
  }

  defaultIdFor(kind: FactorKind): string | undefined {
    return this.defaults.get(kind);
  }
}

/** Newest version: the latest publication date, then the highest version string. */
export function newest(tables: FactorTable[]): FactorTable | undefined {
  return [...tables].sort(compareVersions).at(-1);
}

export function compareVersions(a: FactorTable, b: FactorTable): number {
  const byDate = a.meta.published.localeCompare(b.meta.published);
  if (byDate !== 0) return byDate;
  return a.meta.version.localeCompare(b.meta.version, 'en', { numeric: true });
}
