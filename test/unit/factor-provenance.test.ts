import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { factorTablesProvenance } from '../../src/core/factors/provenance.js';

const { registry } = loadBundled();

describe('factorTablesProvenance', () => {
  it('names each table by id, version, sha256, kind, title and source, in that key order', () => {
    const grid = registry.resolve('mee-grid-2023')!;
    const [p] = factorTablesProvenance([grid]);
    expect(Object.keys(p!)).toEqual(['id', 'version', 'sha256', 'kind', 'title', 'source']);
    expect(p).toEqual({ id: grid.meta.id, version: grid.meta.version, sha256: grid.sha256, kind: 'grid', title: grid.meta.title, source: grid.meta.source });
    expect(p!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the order of the tables and gives [] for none', () => {
    const tables = [registry.resolve('mee-grid-2023')!, registry.resolve('mee-grid-2022')!];
    expect(factorTablesProvenance(tables).map((p) => p.version)).toEqual(tables.map((t) => t.meta.version));
    expect(factorTablesProvenance([])).toEqual([]);
  });
});
