import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { nonFossilEnergy } from '../../src/core/calc/non-fossil.js';
import { computeIntensity, indicatorYears } from '../../src/core/intensity/index.js';

const d = (v: string) => new Decimal(v);

/*
 * The city: 100 GWh of local wind, 200 GWh of net imports from a grid that is 40 % non-fossil, and
 * 100,000 tce of coal. It consumes 300 GWh (100 local + 200 imported) and has no fuel-fired generation.
 *
 * Coal-equivalent basis (2022 rate 300.7 gce/kWh = 0.0003007 tce/kWh):
 *   energy      = 100,000 + 300,000,000 × 0.0003007 = 100,000 + 90,210 = 190,210 tce
 *   non-fossil  = (100,000,000 + 200,000,000 × 0.40) × 0.0003007 = 180,000,000 × 0.0003007 = 54,126 tce
 *   share       = 54,126 / 190,210 = 28.4559171 %
 * Calorific-equivalent basis (0.1229 kgce/kWh = 0.0001229 tce/kWh):
 *   energy      = 100,000 + 300,000,000 × 0.0001229 = 136,870 tce
 *   non-fossil  = 180,000,000 × 0.0001229 = 22,122 tce
 *   share       = 22,122 / 136,870 = 16.1627822 %
 */
const city = (tcePerKwh: string, energy: string) =>
  nonFossilEnergy({
    energy_tce: d(energy),
    local_primary_kwh: d('100000000'),
    local_generation_kwh: d('100000000'),
    net_import_kwh: d('200000000'),
    tce_per_kwh: d(tcePerKwh),
    import_share_pct: d('40'),
  });

describe('non-fossil energy, statistical method (issue 17)', () => {
  it('coal-equivalent basis: 54,126 tce, 28.46 % of 190,210 tce', () => {
    const r = city('0.0003007', '190210');
    expect(r.local_primary_tce.toString()).toBe('30070');
    expect(r.net_import_tce.toString()).toBe('24056');
    expect(r.non_fossil_tce.toString()).toBe('54126');
    expect(r.non_fossil_share_pct!.toFixed(7)).toBe('28.4559171');
  });

  it('calorific-equivalent basis: 22,122 tce, 16.16 % of 136,870 tce', () => {
    const r = city('0.0001229', '136870');
    expect(r.non_fossil_tce.toString()).toBe('22122');
    expect(r.non_fossil_share_pct!.toFixed(7)).toBe('16.1627822');
  });

  it('without a share for imported electricity the imports count as fossil (a lower bound)', () => {
    const r = nonFossilEnergy({
      energy_tce: d('190210'),
      local_primary_kwh: d('100000000'),
      local_generation_kwh: d('100000000'),
      net_import_kwh: d('200000000'),
      tce_per_kwh: d('0.0003007'),
      import_share_pct: null,
    });
    expect(r.non_fossil_tce.toString()).toBe('30070');
  });

  it('a net exporter exports its own mix: 300 GWh wind + 100 GWh coal power, 150 GWh exported', () => {
    // exported non-fossil = −150,000,000 × 300/400 = −112,500,000 kWh; (300,000,000 − 112,500,000) × 0.0003007 = 56,381.25 tce
    const r = nonFossilEnergy({
      energy_tce: d('200000'),
      local_primary_kwh: d('300000000'),
      local_generation_kwh: d('400000000'),
      net_import_kwh: d('-150000000'),
      tce_per_kwh: d('0.0003007'),
      import_share_pct: d('40'),
    });
    expect(r.net_import_non_fossil_kwh.toString()).toBe('-112500000');
    expect(r.non_fossil_tce.toString()).toBe('56381.25');
  });

  it('the 2024 assessment basis (发改环资〔2024〕113号) deducts all of it', () => {
    // coal basis: 190,210 − 54,126 = 136,084 tce assessed; calorific: 136,870 − 22,122 = 114,748 tce
    for (const [energy, nf, assessed] of [
      ['190210', '54126', '136084'],
      ['136870', '22122', '114748'],
    ] as const) {
      const r = computeIntensity(indicatorYears([{ year: 2022, gdp: '10', energy_tce: energy, feedstock_tce: '0', non_fossil_tce: nf }]), {
        assessmentBasis: '2024',
      });
      expect(r.years[0]!.energy_assessed_tce!.toString()).toBe(assessed);
    }
  });
});
