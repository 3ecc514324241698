import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation, type CalcRequest } from '../../src/core/calc/run.js';
import { Decimal } from '../../src/core/decimal.js';
import { activityTotals, computeIntensity, indicatorYears, mergeActivityTotals } from '../../src/core/intensity/index.js';

/*
 * Issue 17's city through the whole calculation (2022): 100 GWh of local wind (use=output), 300 GWh of electricity
 * consumed (so 200 GWh net imports), imports 40 % non-fossil, 100,000 tce of raw coal (entered in tce).
 *
 * coal basis, 2022 rate 300.7 gce/kWh (cn-power-coal-rate@2025):
 *   energy_tce     = 100,000 + 300,000,000 kWh × 0.0003007 = 190,210        (the wind output is not netted: primary)
 *   non_fossil_tce = (100,000,000 + 200,000,000 × 0.40) × 0.0003007 = 54,126;  share 54,126 / 190,210 = 28.455917 %
 * calorific basis, 0.1229 kgce/kWh:
 *   energy_tce     = 100,000 + 300,000,000 × 0.0001229 = 136,870
 *   non_fossil_tce = 180,000,000 × 0.0001229 = 22,122;                           share 22,122 / 136,870 = 16.162782 %
 */
const bundled = loadBundled();
const csv = 'year,sector,fuel,quantity,unit,use\n2022,32,原煤,100000,tce,\n2022,32,电力,300,GWh,\n2022,44,风电,100,GWh,发电量\n';
const calc = (request: CalcRequest) =>
  runCalculation([{ path: 'city.csv', bytes: new TextEncoder().encode(csv) }], bundled.dict, bundled.registry, request);
const t = (d: Decimal | undefined) => d!.toFixed(6);

describe('non_fossil_tce and non_fossil_share_pct from activity data', () => {
  it('coal-equivalent basis: 54,126 tce of 190,210 (28.455917 %)', () => {
    const r = calc({ electricityMethod: 'coal', importNonFossilSharePct: new Decimal(40) });
    expect(t(r.totals.net_import_electricity_kwh)).toBe('200000000.000000');
    expect(t(r.totals.energy_tce)).toBe('190210.000000');
    expect(t(r.totals.non_fossil_tce)).toBe('54126.000000');
    expect(t(r.totals.non_fossil_share_pct)).toBe('28.455917');
    expect(r.nonFossil.import_share).toEqual({ pct: new Decimal(40), source: '--import-non-fossil-share' });
  });

  it('calorific-equivalent basis: 22,122 tce of 136,870 (16.162782 %)', () => {
    const r = calc({ importNonFossilSharePct: new Decimal(40) });
    expect(t(r.totals.energy_tce)).toBe('136870.000000');
    expect(t(r.totals.non_fossil_tce)).toBe('22122.000000');
    expect(t(r.totals.non_fossil_share_pct)).toBe('16.162782');
  });

  it('without the import share the imports count as fossil and the result says so', () => {
    const r = calc({ electricityMethod: 'coal' });
    // 100,000,000 × 0.0003007 = 30,070 tce: the local wind only
    expect(t(r.totals.non_fossil_tce)).toBe('30070.000000');
    expect(r.nonFossil.import_share.source).toBe('none');
  });

  it('the 2024 assessment basis deducts all of it (intensity --data)', () => {
    for (const [request, assessed] of [
      [{ electricityMethod: 'coal', importNonFossilSharePct: new Decimal(40) }, '136084'], // 190,210 − 54,126
      [{ importNonFossilSharePct: new Decimal(40) }, '114748'], // 136,870 − 22,122
    ] as const) {
      const r = calc(request as CalcRequest);
      const years = mergeActivityTotals(indicatorYears([{ year: 2022, gdp: '10' }]), activityTotals(r.years)).years;
      const result = computeIntensity(years, { assessmentBasis: '2024' });
      expect(result.years[0]!.energy_assessed_tce!.toString()).toBe(assessed);
    }
  });
});
