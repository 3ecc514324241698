import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { factorTablesProvenance } from '../../src/core/factors/provenance.js';
import { resultMetaHead } from '../../src/core/format/result-meta.js';

const { registry } = loadBundled();

describe('resultMetaHead', () => {
  it('tool, version, inputs, factors, in that order', () => {
    const grid = registry.resolve('mee-grid-2023')!;
    const inputs = [{ path: 'a.csv', sha256: 'ab', rows: 2, encoding: 'utf-8', role: 'data' }];
    const head = resultMetaHead({ lang: 'en', tool: { name: 'jinchang-carbon', version: '9.9.9' }, inputs, factors: [grid] });
    expect(Object.keys(head)).toEqual(['tool', 'version', 'inputs', 'factors']);
    expect(head).toEqual({ tool: 'jinchang-carbon', version: '9.9.9', inputs, factors: factorTablesProvenance([grid]) });
  });

  it('no inputs and no tables: two empty lists', () => {
    expect(resultMetaHead({ lang: 'zh', tool: { name: 't', version: '1' } })).toEqual({ tool: 't', version: '1', inputs: [], factors: [] });
  });
});
