import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation } from '../../src/core/calc/run.js';

/**
 * Vehicle fuels in transport and households take mobile-combustion CH4/N2O (ipcc2006-mobile@2006,
 * IPCC 2006 Vol 2 ch 3), not the stationary tables. NCVs from cn-gbt32151@2024: gasoline 43.070,
 * diesel 42.652, kerosene 43.070 GJ/t. kg/TJ × GJ / 10^6 = t.
 */
const bundled = loadBundled();
const header = 'year,sector,fuel,quantity,unit,use\n';
function calc(csv: string) {
  return runCalculation([{ path: 'm.csv', bytes: new TextEncoder().encode(header + csv) }], bundled.dict, bundled.registry, {
    factors: ['cn-gbt32151@2024', 'ipcc2006-mobile@2006', 'ipcc2006-stationary@2006'],
  });
}
const gases = (csv: string) => {
  const r = calc(csv);
  expect(r.diagnostics).toEqual([]);
  return [r.totals.ch4_t.toFixed(7), r.totals.n2o_t.toFixed(7)];
};

describe('mobile combustion CH4/N2O', () => {
  it('gasoline in road transport (54): Table 3.2.2 low-mileage light-duty 1995+, 3.8 / 5.7 kg/TJ', () => {
    // 1000 t × 43.070 GJ/t = 43,070 GJ; CH4 43,070 × 3.8 / 10^6 = 0.163666 t; N2O 43,070 × 5.7 / 10^6 = 0.245499 t
    expect(gases('2021,54,汽油,1000,t,\n')).toEqual(['0.1636660', '0.2454990']);
    const r = calc('2021,54,汽油,1000,t,\n');
    expect(r.factors.map((f) => f.meta.id)).toContain('ipcc2006-mobile');
    expect(r.factors.map((f) => f.meta.id)).not.toContain('ipcc2006-stationary');
  });

  it('diesel of the transport section (G, road): 3.9 / 3.9; households’ diesel too', () => {
    // 1000 t × 42.652 = 42,652 GJ × 3.9 / 10^6 = 0.1663428 t each
    expect(gases('2021,交通运输、仓储和邮政业,柴油,1000,t,\n')).toEqual(['0.1663428', '0.1663428']);
    expect(gases('2021,乡村居民生活,柴油,1000,t,\n')).toEqual(['0.1663428', '0.1663428']);
  });

  it('rail diesel (53) takes the railway row, 4.15 / 28.6', () => {
    // 42,652 × 4.15 / 10^6 = 0.1770058; 42,652 × 28.6 / 10^6 = 1.2198472
    expect(gases('2021,53,柴油,1000,t,\n')).toEqual(['0.1770058', '1.2198472']);
  });

  it('jet kerosene in the transport section falls to its only mode, aviation: 0.5 / 2', () => {
    // 43,070 × 0.5 / 10^6 = 0.021535; 43,070 × 2 / 10^6 = 0.08614
    expect(gases('2021,交通运输、仓储和邮政业,煤油,1000,t,\n')).toEqual(['0.0215350', '0.0861400']);
  });

  it('households’ LPG and natural gas are cooking: stationary Table 2.5 (LPG 5 / 0.1)', () => {
    // 1000 t × 50.179 GJ/t = 50,179 GJ × 5 / 10^6 = 0.250895; × 0.1 / 10^6 = 0.0050179
    expect(gases('2021,城镇居民生活,液化石油气,1000,t,\n')).toEqual(['0.2508950', '0.0050179']);
  });

  it('gasoline burnt in a factory stays stationary (Table 2.3 oil 3 / 0.6)', () => {
    // 43,070 × 3 / 10^6 = 0.12921; × 0.6 / 10^6 = 0.025842
    expect(gases('2021,32,汽油,1000,t,\n')).toEqual(['0.1292100', '0.0258420']);
  });
});
