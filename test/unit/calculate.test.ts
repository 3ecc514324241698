import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation, type CalcRequest } from '../../src/core/calc/run.js';
import { Decimal } from '../../src/core/decimal.js';

const bundled = loadBundled();

function calc(csv: string, request: CalcRequest = {}) {
  const report = runCalculation([{ path: 'test.csv', bytes: new TextEncoder().encode(csv) }], bundled.dict, bundled.registry, request);
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  return report;
}

const header = 'year,sector,fuel,quantity,unit,use\n';
const national2022: CalcRequest = { grid: 'national', gridYear: 2022 };

/** the one row's figures, rounded for comparison with hand arithmetic */
function only(csv: string, request: CalcRequest = national2022, decimals = 6) {
  const report = calc(header + csv, request);
  expect(report.rows).toHaveLength(1);
  const r = report.rows[0]!;
  return {
    energy: r.energyTce.toFixed(decimals),
    co2: r.co2.toFixed(decimals),
    feedstock: r.feedstockTce.toFixed(decimals),
    scope: r.scope,
    report,
  };
}

describe('fuel combustion: quantity × NCV × carbon content × oxidation × 44/12 (cn-gbt32151@2024)', () => {
  it('diesel 200 t → 291.42 tce and 619.18 tCO2', () => {
    // tce: 200 t × 1.4571 kgce/kg (GB/T 2589-2020) = 291.42
    // CO2: 200 × 42.652 GJ/t = 8530.4 GJ × 20.2 tC/TJ / 1000 = 172.31408 tC × 0.98 = 168.8677984 × 44/12 = 619.181927 t
    const r = only('2022,有色金属冶炼和压延加工业,柴油,200,t,\n');
    expect(r.energy).toBe('291.420000');
    expect(r.co2).toBe('619.181927');
    expect(r.scope).toBe('1');
  });

  it('natural gas 100万m3 → 1330 tce and 2162.19 tCO2', () => {
    // 1,000,000 m3 = 100 × 10^4 m3 × 389.31 GJ/10^4m3 = 38931 GJ × 15.3/1000 = 595.6443 tC × 0.99 × 44/12 = 2162.188809
    // tce: 1,000,000 m3 × 1.3300 kgce/m3 / 1000 = 1330
    const r = only('2022,化学原料和化学制品制造业,天然气,100,万m3,\n');
    expect(r.energy).toBe('1330.000000');
    expect(r.co2).toBe('2162.188809');
  });

  it('coke 500 t → 485.7 tce and 1430.21 tCO2', () => {
    // 500 × 28.435 = 14217.5 GJ × 29.5/1000 = 419.41625 tC × 0.93 = 390.0571125 × 44/12 = 1430.2094125 exactly;
    // printed to 6 places half-to-even: 1430.209412
    const r = only('2022,有色金属冶炼和压延加工业,焦炭,500,吨,\n');
    expect(r.energy).toBe('485.700000');
    expect(r.co2).toBe('1430.209412');
    expect(r.report.rows[0]!.co2.toString()).toBe('1430.2094125');
  });

  it('the same diesel given in tce or in GJ gives the same CO2', () => {
    const inTce = only('2022,有色金属冶炼和压延加工业,柴油,291.42,tce,\n');
    const inGj = only('2022,有色金属冶炼和压延加工业,柴油,8530.4,GJ,\n');
    expect(inTce.co2).toBe('619.181927');
    expect(inTce.energy).toBe('291.420000');
    expect(inGj.co2).toBe('619.181927');
    expect(inGj.energy).toBe('291.420000');
  });

  it('CH4 and N2O of diesel in manufacturing (IPCC 2006 Table 2.3: 3 and 0.6 kg/TJ), CO2e with AR5', () => {
    // 8.5304 TJ × 3 kg = 25.5912 kg CH4; × 0.6 kg = 5.11824 kg N2O
    // CO2e = 619.18192746… + 0.0255912 × 28 + 0.00511824 × 265 = 619.18192746… + 0.7165536 + 1.3563336 = 621.25481466…
    const r = only('2022,有色金属冶炼和压延加工业,柴油,200,t,\n');
    const row = r.report.rows[0]!;
    expect(row.ch4.toFixed(7)).toBe('0.0255912');
    expect(row.n2o.toFixed(8)).toBe('0.00511824');
    expect(row.co2e.toFixed(6)).toBe('621.254815');
    const ar4 = only('2022,有色金属冶炼和压延加工业,柴油,200,t,\n', { ...national2022, gwp: 'ar4' });
    // AR4: 0.0255912 × 25 + 0.00511824 × 298 = 0.63978 + 1.52523552
    expect(ar4.report.rows[0]!.co2e.toFixed(6)).toBe(new Decimal('619.1819274666666666666').plus('0.63978').plus('1.52523552').toFixed(6));
  });
});

describe('electricity and heat', () => {
  it('electricity 1000万kWh → 1229 tce (0.1229 kgce/kWh) and 5366 tCO2 with the 2022 national factor 0.5366', () => {
    const r = only('2022,有色金属冶炼和压延加工业,电力,1000,万kWh,\n');
    expect(r.energy).toBe('1229.000000');
    expect(r.co2).toBe('5366.000000');
    expect(r.scope).toBe('2');
  });

  it('the default grid is Gansu by the data year: 2022 → 0.4772, 2023 → 0.4471, 2021 → 0.4955', () => {
    expect(only('2022,32,电力,1000,MWh,\n', {}).co2).toBe('477.200000');
    expect(only('2023,32,电力,1000,MWh,\n', {}).co2).toBe('447.100000');
    expect(only('2021,32,电力,1000,MWh,\n', {}).co2).toBe('495.500000');
    expect(only('2022,32,电力,1000,MWh,\n', { grid: 'northwest' }).co2).toBe('585.700000');
  });

  it('a year with no published factor uses the nearest year and says so', () => {
    const r = only('2024,32,电力,1000,MWh,\n', {});
    expect(r.co2).toBe('447.100000');
    const w = r.report.diagnostics.find((d) => d.code === 'GRID_YEAR_MISMATCH');
    expect(w?.severity).toBe('warning');
    expect(w?.params).toMatchObject({ factorYear: 2023, dataYear: 2024, region: 'gansu' });
  });

  it('purchased heat 1000 GJ → 110 tCO2 (0.11 t/GJ) and 34.12 tce (0.03412 kgce/MJ)', () => {
    const r = only('2022,城镇居民生活,热力,1000,GJ,\n');
    expect(r.co2).toBe('110.000000');
    expect(r.energy).toBe('34.120000');
    expect(r.scope).toBe('2');
  });
});

describe('feedstock, output and the two reporting views', () => {
  it('feedstock is counted in energy and reported apart, with no combustion CO2', () => {
    const r = only('2022,26,天然气,100,万m3,原料\n');
    expect(r.energy).toBe('1330.000000');
    expect(r.feedstock).toBe('1330.000000');
    expect(r.co2).toBe('0.000000');
  });

  it('power-plant output is netted from energy so nothing is counted twice', () => {
    const report = calc(
      header +
        [
          '2022,电力、热力生产和供应业,原煤,10,万吨,', // plant input: 100,000 t × 0.7143 = 71,430 tce
          '2022,电力、热力生产和供应业,电力,2,亿kWh,output', // 200,000,000 kWh × 0.1229 kgce = 24,580 tce netted
          '2022,32,电力,2,亿kWh,', // consumed: +24,580 tce; scope 2 200,000 MWh × 0.4772 = 95,440 t
        ].join('\n'),
      {},
    );
    const t = report.totals;
    expect(t.energy_tce.toFixed(2)).toBe('71430.00');
    // plant coal: 100,000 t × 20.908 GJ/t × 26.1 tC/TJ /1000 × 0.93 × 44/12 = 186,083.2908 t
    expect(t.scope1_co2_t.toFixed(4)).toBe('186083.2908');
    expect(t.energy_industries_co2_t.toFixed(4)).toBe('186083.2908');
    expect(t.scope2_co2_t.toFixed(4)).toBe('95440.0000');
    expect(t.co2_t.toFixed(4)).toBe('281523.2908');
    expect(t.territorial_co2_t.toFixed(4)).toBe('186083.2908');
    expect(t.consumption_co2_t.toFixed(4)).toBe('95440.0000');
    // CO2e views: plant coal 2,090.8 TJ × (1 kg CH4, 1.5 kg N2O per TJ; IPCC Table 2.2 energy industries)
    // = 2.0908 t CH4 × 28 + 3.1362 t N2O × 265 = 58.5424 + 831.093; grid electricity is CO2 only
    expect(t.territorial_co2e_t.toFixed(4)).toBe('186972.9262');
    expect(t.consumption_co2e_t.toFixed(4)).toBe('95440.0000');
  });

  it('the sum of the rows equals the totals exactly, every row once', () => {
    const report = calc(
      header +
        [
          '2022,32,原煤,12.5,万吨,',
          '2022,32,电力,33.3,亿kWh,',
          '2022,26,天然气,"1,234.5",万m3,',
          '2022,26,原煤,3,万吨,原料',
          '2022,44,原煤,40,万吨,',
          '2022,44,电力,5,亿kWh,产出',
          '2022,城镇居民生活,热力,"12,345",GJ,',
          '2022,乡村居民生活,液化石油气,1234.567,t,',
        ].join('\n'),
      { by: ['sector', 'fuel', 'scope'] },
    );
    const sum = (pick: (r: (typeof report.rows)[number]) => Decimal) =>
      report.rows.reduce((acc, r) => acc.plus(pick(r)), new Decimal(0));
    expect(sum((r) => r.co2).equals(report.totals.co2_t)).toBe(true);
    expect(sum((r) => r.energyTce).equals(report.totals.energy_tce)).toBe(true);
    expect(sum((r) => r.scope1Co2).plus(sum((r) => r.scope2Co2)).equals(report.totals.co2_t)).toBe(true);
    expect(sum((r) => r.co2e).equals(report.totals.co2e_t)).toBe(true);
  });
});

describe('aggregation', () => {
  it('groups by the requested dimensions; quantity only where one fuel and unit', () => {
    const csv = header + '2022,32,原煤,1,万吨,\n2022,32,原煤,500,t,\n2022,32,柴油,10,t,\n2022,26,原煤,2,万吨,\n';
    const bySector = calc(csv, { by: ['sector'] });
    expect(bySector.rows.map((r) => r.sectorCode)).toEqual(['26', '32']);
    expect(bySector.rows[1]!.quantity).toBeUndefined();
    const byFuel = calc(csv, { by: ['fuel'] });
    const coal = byFuel.rows.find((r) => r.fuelId === 'raw_coal')!;
    expect(coal.quantity!.toString()).toBe('30500');
    expect(coal.unit).toBe('t');
    // 30,500 t × 0.7143 = 21,786.15 tce
    expect(coal.energyTce.toString()).toBe('21786.15');
  });

  it('groups by GPC category', () => {
    const csv = header + '2022,32,原煤,1,万吨,\n2022,32,电力,1,亿kWh,\n2022,城镇居民生活,天然气,1,万m3,\n2022,44,原煤,1,万吨,\n';
    const r = calc(csv, { by: ['category'] });
    expect(r.rows.map((x) => x.key.category).sort()).toEqual(['I.1.1', 'I.3.1', 'I.3.2', 'I.4.4']);
  });
});

describe('CEADs sectors', () => {
  it('groups by the CEADs 47-sector numbers, in numeric order', () => {
    const csv = header + '2022,32,原煤,1,万吨,\n2022,09,原煤,1,万吨,\n2022,城镇居民生活,原煤,1,万吨,\n2022,30,原煤,1,万吨,\n';
    const r = calc(csv, { by: ['ceads'] });
    expect(r.rows.map((x) => x.key.ceads)).toEqual(['5', '27', '29', '46']);
  });
});

describe('row order', () => {
  it('sectors not in the dictionary come last, by their labels in pinyin order with numbers as numbers', () => {
    const rows = ['行业10', '乙厂', '行业2', '甲厂', '32'].map((s) => `2022,${s},原煤,1,t,\n`).join('');
    const report = runCalculation([{ path: 'order.csv', bytes: new TextEncoder().encode(header + rows) }], bundled.dict, bundled.registry, { by: ['sector'] });
    // 32 is a division; then jia, hang 2, hang 10, yi
    expect(report.rows.map((r) => r.key.sector)).toEqual(['32', '甲厂', '行业2', '行业10', '乙厂']);
  });
});
