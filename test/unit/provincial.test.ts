import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation } from '../../src/core/calc/run.js';
import { Decimal } from '../../src/core/decimal.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';

/**
 * The province's own method (issue 16): reductants, captive plants, local primary generation and
 * the provincial view. Every expected value is worked out by hand from the pinned tables:
 * cn-gbt32151@2024 (combustion), cn-gbt2589@2020 (tce), mee-grid-2021 Gansu 0.4955 tCO2/MWh.
 */
const bundled = loadBundled();
const header = 'year,sector,fuel,quantity,unit,use\n';
const PINNED = ['cn-gbt32151@2024', 'cn-gbt2589@2020'];

function calc(csv: string, factors: string[] = PINNED) {
  return runCalculation([{ path: 'p.csv', bytes: new TextEncoder().encode(header + csv) }], bundled.dict, bundled.registry, { factors });
}
const t = (d: Decimal) => d.toFixed(6);

// raw coal (cn-gbt32151@2024 row): 20.908 GJ/t × 26.1 tC/TJ × 0.93 × 44/12 = 1.860832908 tCO2/t
const RAW_COAL_PER_T = new Decimal('20.908').times('26.1').times('0.93').times(44).dividedBy(12).dividedBy(1000);

describe('use=reductant (还原剂)', () => {
  it('1,000 t coke as reductant: 1,000 × 28.435 GJ/t × 29.5 tC/TJ × 44/12, oxidation 1, scope 1', () => {
    const r = calc('2021,32,焦炭,1000,t,还原剂\n');
    expect(r.diagnostics).toEqual([]);
    // 1000 t × 28.435 GJ/t = 28,435 GJ; × 29.5 tC/TJ / 1000 = 838.8325 tC; × 44/12 = 3,075.719166… tCO2
    const expected = new Decimal(1000).times('28.435').times('29.5').dividedBy(1000).times(44).dividedBy(12);
    expect(t(expected)).toBe('3075.719167');
    expect(t(r.totals.reductant_co2_t)).toBe('3075.719167');
    expect(t(r.totals.scope1_co2_t)).toBe('3075.719167');
    expect(t(r.totals.territorial_co2_t)).toBe('3075.719167');
    expect(t(r.totals.consumption_co2_t)).toBe('3075.719167');
    expect(t(r.totals.provincial_co2_t)).toBe('3075.719167');
    // counted in energy (coke 0.9714 kgce/kg: 971.4 tce), never as feedstock; no combustion CH4/N2O
    expect(t(r.totals.energy_tce)).toBe('971.400000');
    expect(r.totals.feedstock_tce.isZero()).toBe(true);
    expect(r.totals.ch4_t.isZero()).toBe(true);
    expect(r.lines[0]!.scope).toBe('1');
    expect(r.lines[0]!.category).toBe('IV.1');
  });

  it('burned, the same coke emits 7 % less (oxidation 0.93): the reductant is not a fuel', () => {
    const burned = calc('2021,32,焦炭,1000,t,\n');
    // 3,075.719167 × 0.93 = 2,860.418825
    expect(t(burned.totals.co2_t)).toBe('2860.418825');
    expect(burned.totals.reductant_co2_t.isZero()).toBe(true);
  });

  it('accepts 还原剂用, 作还原剂 and reductant', () => {
    for (const use of ['还原剂用', '作还原剂', 'reductant']) {
      const r = calc(`2021,32,焦炭,1000,t,${use}\n`);
      expect(r.diagnostics, use).toEqual([]);
      expect(t(r.totals.reductant_co2_t), use).toBe('3075.719167');
    }
  });

  it('electricity cannot be a reductant', () => {
    const r = calc('2021,32,电力,1000,kWh,还原剂\n');
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))[0]).toContain('use=reductant does not apply to Electricity (电力)');
  });

  it('warns "reductant?" for coke or coal entered as feedstock outside the chemical sectors', () => {
    const warned = (csv: string) => calc(csv).diagnostics.filter((d) => d.code === 'REDUCTANT_AS_FEEDSTOCK').map((d) => formatDiagnostic(d, 'en'));
    expect(warned('2021,32,焦炭,246000,t,用作原料、材料\n')).toEqual([
      'p.csv:2: warning: reductant? Coke (焦炭) is entered as feedstock in Smelting and Pressing of Non-ferrous Metals (有色金属冶炼和压延加工业): outside the chemical industry (26, 28) coke and coal used as raw material are almost always reductants, whose carbon all leaves as CO2; as feedstock it gets no CO2 (fix: if it reduces ore (smelting), write use=reductant (还原剂); keep feedstock only for carbon that stays in the product (ammonia, methanol, olefins; 发改环资〔2022〕803号))',
    ]);
    expect(warned('2021,31,原煤,1000,t,原料\n')).toHaveLength(1);
    expect(warned('2021,30,洗精煤,1000,t,原料\n')).toHaveLength(1);
    // chemicals (26, 28) and coking (25) use coal as raw material; natural gas is not a reductant here
    expect(warned('2021,26,原煤,1000,t,原料\n2021,28,焦炭,10,t,原料\n2021,25,原煤,10,t,原料\n2021,32,天然气,10,万m3,原料\n')).toEqual([]);
    const zh = calc('2021,32,焦炭,1,t,原料\n').diagnostics.find((d) => d.code === 'REDUCTANT_AS_FEEDSTOCK')!;
    expect(formatDiagnostic(zh, 'zh')).toContain('还原剂？有色金属冶炼和压延加工业的焦炭以“原料”填写');
  });
});

describe('captive plants (自备电厂: output in a sector other than 44)', () => {
  // 32 burns 10,000 t raw coal in its own plant and buys electricity too
  const coal = '2021,32,原煤,10000,t,\n';
  const scope1 = RAW_COAL_PER_T.times(10000); // 18,608.32908 t

  it("a sector-32 plant's output offsets its purchase: scope 2 = (consumed − self-generated) × grid factor", () => {
    const r = calc(coal + '2021,32,电力,50000000,kWh,\n2021,32,电力,20000000,kWh,发电量\n');
    expect(r.diagnostics).toEqual([]);
    expect(t(scope1)).toBe('18608.329080');
    // (50,000,000 − 20,000,000) kWh / 1000 × 0.4955 tCO2/MWh = 14,865 t
    expect(t(r.totals.scope2_co2_t)).toBe('14865.000000');
    // consumption view: the plant's coal (scope 1, not an energy industry) + what was still bought
    expect(t(r.totals.consumption_co2_t)).toBe('33473.329080');
    // energy nets the output as today: 10,000 × 0.7143 + (50e6 − 20e6) × 0.1229/1000 = 7,143 + 3,687 = 10,830 tce
    expect(t(r.totals.energy_tce)).toBe('10830.000000');
    // net imports 30,000,000 kWh; provincial = scope 1 + 30,000 MWh × 0.4955 = the consumption view here
    expect(t(r.totals.net_import_electricity_kwh)).toBe('30000000.000000');
    expect(t(r.totals.provincial_co2_t)).toBe('33473.329080');
    // the offset is carried by the output row as negative scope 2: 20,000 MWh × 0.4955 = −9,910 t
    const output = r.lines.find((l) => l.use === 'output')!;
    expect([output.scope, t(output.co2), t(output.selfSuppliedOffset), output.category]).toEqual(['2', '-9910.000000', '20000000.000000', 'I.3.2']);
  });

  it('scope 2 never goes below zero: the surplus is exported', () => {
    const r = calc(coal + '2021,32,电力,50000000,kWh,\n2021,32,电力,60000000,kWh,发电量\n');
    expect(t(r.totals.scope2_co2_t)).toBe('0.000000');
    // net export 10,000,000 kWh: provincial = 18,608.32908 − 10,000 MWh × 0.4955 = 13,653.32908
    expect(t(r.totals.net_import_electricity_kwh)).toBe('-10000000.000000');
    expect(t(r.totals.provincial_co2_t)).toBe('13653.329080');
  });

  it('output in sector 44 is not captive: it offsets nobody’s purchases', () => {
    const r = calc(coal + '2021,32,电力,50000000,kWh,\n2021,44,原煤,10000,t,\n2021,44,电力,20000000,kWh,发电量\n');
    expect(t(r.totals.scope2_co2_t)).toBe('24775.000000'); // 50,000 MWh × 0.4955
  });

  it("warns when a captive plant's output has no fuel input in its sector", () => {
    const r = calc('2021,32,电力,50000000,kWh,\n2021,32,电力,20000000,kWh,发电量\n');
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      "p.csv:3: warning: 2021: Electricity (电力) output of Smelting and Pressing of Non-ferrous Metals (有色金属冶炼和压延加工业) is netted as a captive plant's, but that sector lists no fuel input (fix: list the captive plant's fuel input in the same sector, or drop the output row; enter local wind, solar and hydro as 风电, 光伏发电, 水电 (use=output), which are not netted)",
    ]);
  });
});

describe('local primary electricity and the provincial view', () => {
  it('wind generation makes the city a net exporter: net imports negative, provincial below scope 1', () => {
    const r = calc('2021,32,原煤,1000,t,\n2021,32,电力,100000000,kWh,\n2021,44,风电,300000000,kWh,发电量\n');
    expect(r.diagnostics).toEqual([]);
    const scope1 = RAW_COAL_PER_T.times(1000); // 1,860.832908 t
    expect(t(r.totals.scope1_co2_t)).toBe(t(scope1));
    // consumed 100,000,000 − generated 300,000,000 = −200,000,000 kWh
    expect(t(r.totals.net_import_electricity_kwh)).toBe('-200000000.000000');
    // provincial = 1,860.832908 + (−200,000 MWh × 0.4955) = 1,860.832908 − 99,100 = −97,239.167092
    expect(t(r.totals.provincial_co2_t)).toBe('-97239.167092');
    expect(r.totals.provincial_co2_t.lessThan(r.totals.scope1_co2_t)).toBe(true);
    // wind is primary energy: not netted, so energy = 1000 × 0.7143 + 100e6 × 0.1229/1000 = 714.3 + 12,290
    expect(t(r.totals.energy_tce)).toBe('13004.300000');
    // it counts in local generation: 300,000,000 kWh, 36,870 tce by the calorific-equivalent method
    expect(t(r.totals.local_generation_kwh)).toBe('300000000.000000');
    expect(t(r.totals.local_primary_electricity_kwh)).toBe('300000000.000000');
    expect(t(r.totals.local_primary_electricity_tce)).toBe('36870.000000');
    expect(r.generation.map((g) => [g.year, g.fuel, g.primary, t(g.kwh), t(g.tce)])).toEqual([[2021, 'wind_power', true, '300000000.000000', '36870.000000']]);
    // scope 2 and the consumption view are unchanged by the wind farm
    expect(t(r.totals.scope2_co2_t)).toBe('49550.000000');
  });

  it('recognises 水电, 风电, 光伏发电 / 太阳能发电 and 核电, each as its own fuel', () => {
    const r = calc('2021,44,水电,1,亿kWh,发电量\n2021,44,风电,2,亿kWh,发电量\n2021,44,太阳能发电,3,亿kWh,发电量\n2021,44,光伏发电,4,亿kWh,发电量\n2021,44,核电,5,亿kWh,发电量\n');
    // 太阳能发电 and 光伏发电 are one fuel: the second row is flagged as a repeat and both are counted
    expect(r.diagnostics.map((d) => d.code)).toEqual(['DUPLICATE_ROW']);
    expect(r.generation.map((g) => [g.fuel, t(g.kwh)])).toEqual([
      ['hydro_power', '100000000.000000'],
      ['wind_power', '200000000.000000'],
      ['solar_power', '700000000.000000'],
      ['nuclear_power', '500000000.000000'],
    ]);
    expect(r.totals.energy_tce.isZero()).toBe(true);
  });

  it('provincial = scope 1 + net imported electricity × grid factor + net imported heat × heat factor', () => {
    // a coal CHP in 44 makes 20,000,000 kWh and 100,000 GJ; the city uses 50,000,000 kWh and 120,000 GJ
    const r = calc(
      '2021,44,原煤,10000,t,\n2021,44,电力,20000000,kWh,发电量\n2021,44,热力,100000,GJ,供热量\n2021,32,电力,50000000,kWh,\n2021,32,热力,120000,GJ,\n',
    );
    expect(r.diagnostics).toEqual([]);
    expect(t(r.totals.net_import_electricity_kwh)).toBe('30000000.000000');
    expect(t(r.totals.net_import_heat_gj)).toBe('20000.000000');
    // 18,608.32908 + 30,000 MWh × 0.4955 + 20,000 GJ × 0.11 = 18,608.32908 + 14,865 + 2,200 = 35,673.32908
    expect(t(r.totals.provincial_co2_t)).toBe('35673.329080');
    // territorial 18,608.32908; consumption = scope 2 only = 24,775 + 13,200 = 37,975
    expect(t(r.totals.territorial_co2_t)).toBe('18608.329080');
    expect(t(r.totals.consumption_co2_t)).toBe('37975.000000');
  });
});

describe('primary electricity is entered only as generation', () => {
  it('风电 with use=energy is an error that says how to enter it', () => {
    const r = calc('2021,44,风电,1,亿kWh,\n');
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'p.csv:2:6: error: use=energy does not apply to Wind Power (风电) (fix: local hydro, wind, solar and nuclear power are entered as generation: use=output (发电量), in kWh)',
    ]);
    expect(formatDiagnostic(r.diagnostics[0]!, 'zh')).toContain('本地水电、风电、光伏发电、核电按发电量填写');
  });
});

describe('the 2011 provincial guideline set (cn-provincial-2011), selectable with --factors', () => {
  it('raw coal 20.908 GJ/t × 26.37 tC/TJ × 0.94 × 44/12 = 1.9003 tCO2/t', () => {
    const r = calc('2021,32,原煤,1000,t,\n', ['cn-provincial-2011', 'cn-gbt2589@2020']);
    expect(r.diagnostics).toEqual([]);
    // 20.908 × 26.37 = 551.34396; × 0.94 = 518.2633224 kgC/t; × 44/12 = 1,900.298849 kgCO2/t → 1,900.298849 t for 1,000 t
    expect(t(r.totals.co2_t)).toBe('1900.298849');
    expect(r.factors.map((f) => `${f.meta.id}@${f.meta.version}`)).toContain('cn-provincial-2011@2011');
  });

  it('is not the default: the default raw-coal row is still 1.8608 t/t, now in cn-gbt32151@2024.1', () => {
    const r = runCalculation([{ path: 'p.csv', bytes: new TextEncoder().encode(header + '2021,32,原煤,1000,t,\n') }], bundled.dict, bundled.registry, {});
    expect(t(r.totals.co2_t)).toBe(t(RAW_COAL_PER_T.times(1000)));
    expect(r.factors.map((f) => `${f.meta.id}@${f.meta.version}`)).toContain('cn-gbt32151@2024.1');
  });
});
