import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import type { BasisFigures } from '../../src/core/calc/both-bases.js';
import { runCalculation, type CalcRequest } from '../../src/core/calc/run.js';
import { Decimal } from '../../src/core/decimal.js';

const { dict, registry } = loadBundled();
const run = (files: { path: string; text: string }[], request: CalcRequest) =>
  runCalculation(files.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) })), dict, registry, request);
const city = 'year,sector,fuel,quantity,unit,use\n2021,32,原煤,100000,tce,\n2021,32,电力,300,GWh,\n2021,44,风电,100,GWh,发电量\n';
const figures = (b: BasisFigures | null) => b!.years.map((y) => [y.year, y.energy_tce.toFixed(), y.non_fossil.non_fossil_tce.toFixed(), y.non_fossil.non_fossil_share_pct?.toFixed() ?? null]);

describe('energy on both bases', () => {
  /*
   * Issue 17's city, imports 50 % non-fossil (see test/unit/report-non-fossil.test.ts for the arithmetic):
   *   calorific        136,870 tce, non-fossil 24,580 (0.0001229 × 200,000,000 kWh)
   *   coal-equivalent  190,750 tce, non-fossil 60,500 (0.0003025 × 200,000,000 kWh; 2021 rate 302.5)
   */
  it('the issue city by hand, from either run', () => {
    for (const method of ['equivalent', 'coal'] as const) {
      const r = run([{ path: 'city.csv', text: city }], { electricityMethod: method, importNonFossilSharePct: new Decimal(50) });
      expect(figures(r.bases.equivalent)).toEqual([[2021, '136870', '24580', new Decimal(24580).dividedBy(136870).times(100).toFixed()]]);
      expect(figures(r.bases.coal)).toEqual([[2021, '190750', '60500', new Decimal(60500).dividedBy(190750).times(100).toFixed()]]);
      expect(r.bases[method]!.own).toBe(true);
      expect(r.bases[method === 'coal' ? 'equivalent' : 'coal']!.own).toBe(false);
    }
    const r = run([{ path: 'city.csv', text: city }], {});
    expect(r.bases.coal!.basis.coalRates!.map((c) => [c.dataYear, c.rate.toString(), c.table])).toEqual([[2021, '302.5', 'cn-power-coal-rate@2025']]);
  });

  it('the other basis equals a run with the other --electricity-method, exactly (both example years)', () => {
    const files = ['examples/jinchang-2020.csv', 'examples/jinchang-2021.csv'].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const equivalent = run(files, {});
    const coal = run(files, { electricityMethod: 'coal' });
    expect(figures(equivalent.bases.coal)).toEqual(figures(coal.bases.coal));
    expect(figures(coal.bases.equivalent)).toEqual(figures(equivalent.bases.equivalent));
    expect(figures(coal.bases.coal)).toEqual(coal.years.map((y) => [y.year, y.totals.energy_tce.toFixed(), y.totals.non_fossil_tce!.toFixed(), y.totals.non_fossil_share_pct!.toFixed()]));
  });

  it('electricity entered in tce keeps its tce and is re-read in kWh; a net exporter exports its own mix', () => {
    const text = 'year,sector,fuel,quantity,unit,use\n2022,32,原煤,1000,t,\n2022,32,电力,500,tce,\n2022,44,风电,300,GWh,发电量\n2022,44,电力,100,GWh,发电量\n2022,44,原煤,40000,t,\n';
    for (const share of [undefined, new Decimal(30)]) {
      const equivalent = run([{ path: 'x.csv', text }], { importNonFossilSharePct: share });
      const coal = run([{ path: 'x.csv', text }], { electricityMethod: 'coal', importNonFossilSharePct: share });
      expect(figures(equivalent.bases.coal)).toEqual(figures(coal.bases.coal));
      expect(figures(coal.bases.equivalent)).toEqual(figures(equivalent.bases.equivalent));
      expect(coal.totals.net_import_electricity_kwh.isNegative()).toBe(true);
    }
  });

  it('a year without electricity is the same on both bases', () => {
    const r = run([{ path: 'x.csv', text: 'year,sector,fuel,quantity,unit\n2022,32,原煤,1000,t\n' }], {});
    expect(figures(r.bases.coal)).toEqual(figures(r.bases.equivalent));
    expect(r.bases.coal!.basis.coalRates).toEqual([]);
  });
});
