import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { Decimal } from '../../src/core/decimal.js';
import { co2PerUnit } from '../../src/core/factors/diff.js';
import { decimalOf, type FactorRow, type FactorTable } from '../../src/core/factors/table.js';

/**
 * A sample of the bundled values, each checked against the source the table cites (see the
 * table's # source and # verified lines). A failure here means a value no longer says what the
 * source says: the table is wrong, not the test.
 */
const { registry } = loadBundled();

function table(ref: string): FactorTable {
  const t = registry.resolve(ref);
  if (!t) throw new Error(`no table ${ref}`);
  return t;
}
function row(ref: string, column: string, value: string): FactorRow {
  const r = table(ref).rows.find((x) => String(x.values[column]) === value);
  if (!r) throw new Error(`${ref} has no row ${column}=${value}`);
  return r;
}
const v = (ref: string, keyColumn: string, key: string, column: string) => decimalOf(row(ref, keyColumn, key), column).toString();

describe('GB/T 2589-2020 附录A (cn-gbt2589@2020): tce conversion coefficients', () => {
  it.each([
    ['diesel', '1.4571', 'kgce/kg'],
    ['coke', '0.9714', 'kgce/kg'],
    ['raw_coal', '0.7143', 'kgce/kg'],
    ['gasoline', '1.4714', 'kgce/kg'],
    ['lpg', '1.7143', 'kgce/kg'],
    ['natural_gas', '1.33', 'kgce/m3'],
    ['natural_gas_gasfield', '1.2143', 'kgce/m3'],
    ['electricity', '0.1229', 'kgce/kWh'],
    ['heat', '0.03412', 'kgce/MJ'],
  ])('%s = %s %s', (fuel, coefficient, unit) => {
    expect(v('cn-gbt2589@2020', 'fuel', fuel, 'coefficient')).toBe(coefficient);
    expect(row('cn-gbt2589@2020', 'fuel', fuel).values.unit).toBe(unit);
  });

  it('every coefficient is the printed NCV in kcal (kJ / 4.1816) over 7000 kcal/kgce, to 4 decimals (refinery gas printed with 4.1868)', () => {
    for (const r of table('cn-gbt2589@2020').rows) {
      const ncv = r.values.ncv;
      if (!(ncv instanceof Decimal)) continue;
      const factor = r.values.fuel === 'refinery_gas' ? '4.1868' : '4.1816';
      const fromNcv = ncv.dividedBy(factor).dividedBy(7000).toDecimalPlaces(4);
      expect(fromNcv.toString(), String(r.values.fuel)).toBe(decimalOf(r, 'coefficient').toDecimalPlaces(4).toString());
    }
  });

  it('electricity 0.1229 kgce/kWh is 3600 kJ/kWh at 29307.6 kJ/kgce (calorific equivalent)', () => {
    expect(new Decimal(3600).dividedBy('29307.6').toDecimalPlaces(4).toString()).toBe('0.1228');
    expect(new Decimal(860).dividedBy(7000).toDecimalPlaces(4).toString()).toBe('0.1229'); // 860 kcal/kWh, as the standard prints it
  });
});

describe('GB/T 32151.22-2024 表C.1 (cn-gbt32151@2024): combustion defaults', () => {
  const t = 'cn-gbt32151@2024';
  it('diesel 42.652 GJ/t, 20.2 tC/TJ, 0.98', () => {
    expect([v(t, 'fuel', 'diesel', 'ncv'), v(t, 'fuel', 'diesel', 'carbon_content'), v(t, 'fuel', 'diesel', 'oxidation_rate')]).toEqual(['42.652', '20.2', '0.98']);
    expect(co2PerUnit(row(t, 'fuel', 'diesel'))!.toDecimalPlaces(4).toString()).toBe('3.0959');
  });
  it('natural gas 389.31 GJ/10^4m3, 15.3 tC/TJ (0.0153 tC/GJ printed), 0.99 = 21.622 tCO2 per 10^4 m3', () => {
    expect([v(t, 'fuel', 'natural_gas', 'ncv'), v(t, 'fuel', 'natural_gas', 'carbon_content'), v(t, 'fuel', 'natural_gas', 'oxidation_rate')]).toEqual(['389.31', '15.3', '0.99']);
    expect(row(t, 'fuel', 'natural_gas').values.ncv_unit).toBe('GJ/10^4m3');
    expect(co2PerUnit(row(t, 'fuel', 'natural_gas'))!.toDecimalPlaces(3).toString()).toBe('21.622');
  });
  it('coke 28.435 GJ/t, 29.5 tC/TJ, 0.93', () => {
    expect([v(t, 'fuel', 'coke', 'ncv'), v(t, 'fuel', 'coke', 'carbon_content'), v(t, 'fuel', 'coke', 'oxidation_rate')]).toEqual(['28.435', '29.5', '0.93']);
  });
  it('raw coal combines the GB/T 2589 NCV 20.908 with the Table C.1 bituminous 26.1 / 0.93 = 1.8608 tCO2/t (the # choice line)', () => {
    expect(v(t, 'fuel', 'raw_coal', 'ncv')).toBe('20.908');
    expect(v('cn-gbt2589@2020', 'fuel', 'raw_coal', 'ncv')).toBe('20908'); // kJ/kg = 20.908 GJ/t
    expect(v(t, 'fuel', 'raw_coal', 'carbon_content')).toBe(v(t, 'fuel', 'bituminous_coal', 'carbon_content'));
    expect(v(t, 'fuel', 'raw_coal', 'oxidation_rate')).toBe(v(t, 'fuel', 'bituminous_coal', 'oxidation_rate'));
    expect(co2PerUnit(row(t, 'fuel', 'raw_coal'))!.toDecimalPlaces(4).toString()).toBe('1.8608');
    expect(table(t).meta.choice).toContain('1.8608 tCO2/t');
  });
  it('cites table C.1 of the standard', () => {
    expect(table(t).meta.source).toContain('附录C 表C.1');
  });
});

describe('MEE/NBS electricity CO2 factors, tCO2/MWh', () => {
  it.each([
    ['mee-grid-2021', 'national', '0.5568'],
    ['mee-grid-2022', 'national', '0.5366'],
    ['mee-grid-2023', 'national', '0.5306'],
    ['mee-grid-2021', 'gansu', '0.4955'],
    ['mee-grid-2022', 'gansu', '0.4772'],
    ['mee-grid-2023', 'gansu', '0.4471'],
    ['mee-grid-2021', 'northwest', '0.5951'],
    ['mee-grid-2022', 'northwest', '0.5857'],
    ['mee-grid-2023', 'northwest', '0.5543'],
    ['mee-grid-2022', 'national-excl-market', '0.5856'],
    ['mee-grid-2023', 'national-excl-market', '0.6096'],
    ['mee-grid-2021', 'national-fossil', '0.8426'],
  ])('%s %s = %s', (id, region, factor) => {
    expect(v(id, 'region', region, 'factor')).toBe(factor);
  });

  it('reproduces the changes the MEE press releases state (national −3.6 % 2021→22, −1.1 % 2022→23; 西北 −5.4 %)', () => {
    const pct = (a: string, b: string) => new Decimal(b).minus(a).dividedBy(a).times(100).toDecimalPlaces(1).toString();
    expect(pct('0.5568', v('mee-grid-2022', 'region', 'national', 'factor'))).toBe('-3.6');
    expect(pct(v('mee-grid-2022', 'region', 'national', 'factor'), v('mee-grid-2023', 'region', 'national', 'factor'))).toBe('-1.1');
    expect(pct(v('mee-grid-2022', 'region', 'northwest', 'factor'), v('mee-grid-2023', 'region', 'northwest', 'factor'))).toBe('-5.4');
  });

  it('each MEE table applies to one data year and names its announcement', () => {
    expect([2021, 2022, 2023].map((y) => table(`mee-grid-${y}`).year)).toEqual([2021, 2022, 2023]);
    expect(table('mee-grid-2021').meta.source).toContain('公告2024年第12号');
    expect(table('mee-grid-2023').meta.source).toContain('公告2025年第47号');
  });

  it('NDRC 2012 regional grid factor, 西北 0.6671, is kept as historical (not chosen by year)', () => {
    expect(v('ndrc-grid-2012', 'region', 'northwest', 'factor')).toBe('0.6671');
    expect(table('ndrc-grid-2012').meta.status).toBe('historical');
  });
});

describe('other kinds', () => {
  it('purchased heat 0.11 tCO2/GJ (GB/T 32150-2025 7.5.6-7.5.7)', () => {
    expect(v('cn-heat-gbt32150', 'fuel', 'heat', 'factor')).toBe('0.11');
    expect(table('cn-heat-gbt32150').meta.source).toContain('7.5.6-7.5.7');
  });
  it.each([
    ['gwp-sar', '21', '310'],
    ['gwp-ar4', '25', '298'],
    ['gwp-ar5', '28', '265'],
    ['gwp-ar6', '27.9', '273'],
  ])('%s: CH4 %s, N2O %s', (id, ch4, n2o) => {
    expect(v(id, 'gas', 'ch4', 'factor')).toBe(ch4);
    expect(v(id, 'gas', 'n2o', 'factor')).toBe(n2o);
  });
  it('IPCC 2006 Vol.2 Ch.2 stationary CH4/N2O: Table 2.2 coal 1 / 1.5, Table 2.3 coal 10 / 1.5, Table 2.5 coal 300 / 1.5 kg/TJ', () => {
    const ef = (sector: string, fuel: string, gas: string) =>
      decimalOf(table('ipcc2006-stationary').rows.find((r) => r.values.sector_class === sector && r.values.fuel_class === fuel && r.values.gas === gas)!, 'factor').toString();
    expect([ef('energy', 'coal', 'ch4'), ef('energy', 'coal', 'n2o')]).toEqual(['1', '1.5']);
    expect([ef('manufacturing', 'coal', 'ch4'), ef('manufacturing', 'coal', 'n2o')]).toEqual(['10', '1.5']);
    expect([ef('residential', 'coal', 'ch4'), ef('residential', 'coal', 'n2o')]).toEqual(['300', '1.5']);
    expect(ef('manufacturing', 'natural_gas', 'n2o')).toBe('0.1');
  });
  it('IPCC 2006 Vol.2 Ch.1 Table 1.2/1.3: gas/diesel oil 43.0 TJ/Gg, 20.2 kg C/GJ, complete oxidation', () => {
    const t = 'ipcc2006-combustion';
    expect([v(t, 'fuel', 'diesel', 'ncv'), v(t, 'fuel', 'diesel', 'carbon_content'), v(t, 'fuel', 'diesel', 'oxidation_rate')]).toEqual(['43', '20.2', '1']);
  });
  it('intensity targets: 14th FYP national energy −13.5 %, carbon −18 %; Gansu energy −12.5 %', () => {
    const target = (region: string, indicator: string) =>
      decimalOf(table('cn-targets-14fyp').rows.find((r) => r.values.region === region && r.values.indicator === indicator)!, 'reduction_pct').toString();
    expect(target('national', 'energy_intensity')).toBe('13.5');
    expect(target('national', 'carbon_intensity')).toBe('18');
    expect(target('gansu', 'energy_intensity')).toBe('12.5');
  });
});

describe('defaults and provenance', () => {
  it('each kind defaults to the table factors/defaults.csv names', () => {
    expect(registry.defaultFor('standard-coal')?.meta.id).toBe('cn-gbt2589');
    expect(registry.defaultFor('combustion')?.meta.id).toBe('cn-gbt32151');
    expect(registry.defaultFor('heat')?.meta.id).toBe('cn-heat-gbt32150');
    expect(registry.defaultFor('non-co2')?.meta.id).toBe('ipcc2006-stationary');
    expect(registry.defaultFor('gwp')?.meta.id).toBe('gwp-ar5');
  });
  it('every bundled table says where its numbers come from and how they were checked', () => {
    for (const t of registry.tables) {
      for (const key of ['title', 'publisher', 'source', 'published', 'region', 'applies_to', 'units', 'verified']) {
        expect(t.meta[key], `${t.meta.id} # ${key}`).toBeTruthy();
      }
      expect(t.meta.published, t.meta.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });
});

describe('cn-power-coal-rate@2025: national coal consumption of thermal power supply', () => {
  const t = () => table('cn-power-coal-rate@2025');
  it('has every year 2005–2024 on the supply basis, each with its document and how far it was checked', () => {
    const years = t().rows.map((r) => Number(r.values.year));
    expect(years).toEqual(Array.from({ length: 20 }, (_, i) => 2005 + i));
    for (const r of t().rows) {
      expect(r.values.basis, String(r.values.year)).toBe('supply');
      expect(String(r.values.source), String(r.values.year)).not.toBe('');
      expect(['secondary', 'derived', 'unverified']).toContain(r.values.status);
    }
  });
  it('anchors on the NDRC/NEA plan: 305.5 in 2020, 64.5 / 27.5 / 9.9 g below 2005 / 2010 / 2015', () => {
    const rate = (y: string) => new Decimal(v('cn-power-coal-rate@2025', 'year', y, 'rate'));
    expect(rate('2020').toString()).toBe('305.5');
    expect(rate('2005').minus(rate('2020')).toString()).toBe('64.5');
    expect(rate('2010').minus(rate('2020')).toString()).toBe('27.5');
    expect(rate('2015').minus(rate('2020')).toString()).toBe('9.9');
    // the other published 2020 value is recorded with the reason for the choice
    expect(t().meta.choice).toContain('305.8');
  });
  it('rows without a source seen are marked unverified (2007–2009, 2012–2014, 2016–2019, 2021–2022)', () => {
    const unverified = t().rows.filter((r) => r.values.status === 'unverified').map((r) => Number(r.values.year));
    expect(unverified).toEqual([2007, 2008, 2009, 2012, 2013, 2014, 2016, 2017, 2018, 2019, 2021, 2022]);
  });
});

describe('targets tables: every row names its document', () => {
  it.each(['cn-targets-14fyp@2023', 'cn-targets-2030@2023'])('%s', (ref) => {
    for (const r of table(ref).rows) expect(String(r.values.note), `${ref} line ${r.line}`).toMatch(/〔20\d\d〕\d+号|《[^》]+》/);
  });
  it('the 2030 and 2060 figures of 中发〔2021〕36号', () => {
    const get = (region: string, indicator: string, to: string) =>
      table('cn-targets-2030@2023').rows.find((r) => r.values.region === region && r.values.indicator === indicator && String(r.values.to) === to)!;
    expect([decimalOf(get('national', 'carbon_intensity', '2030'), 'reduction_pct').toString(), get('national', 'carbon_intensity', '2030').values.from]).toEqual(['65', 2005]);
    expect(decimalOf(get('national', 'non_fossil_share', '2030'), 'share_pct').toString()).toBe('25');
    expect(decimalOf(get('national', 'non_fossil_share', '2060'), 'share_pct').toString()).toBe('80');
    expect(decimalOf(get('gansu', 'non_fossil_share', '2030'), 'share_pct').toString()).toBe('35');
  });
});
