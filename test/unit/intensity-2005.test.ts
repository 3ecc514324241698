import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { Decimal } from '../../src/core/decimal.js';
import { computeIntensity, indicatorYears, targetsFromTables } from '../../src/core/intensity/index.js';

const r4 = (d: Decimal | null | undefined) => (d == null ? null : d.toFixed(4));
const tables = loadBundled().registry.ofKind('targets');

/*
 * The 2030 target against 2005 (中发〔2021〕36号: CO2/GDP down 65 % or more). GDP at constant prices, 100 亿元 each year.
 * 2005: CO2 1,000,000 t → CI = 1e6 / (100 × 10^4) = 1 tCO2/万元; 2020: 516,000 t → 0.516, i.e. −48.4 % (China's 2020 figure).
 * 2021: 500,000 t → 0.5, −50 %.
 * Needed from 2021 to reach 0.35 by 2030: 1 − (0.35 / 0.5)^(1/9) = 1 − 0.7^(1/9) = 1 − exp(ln 0.7 / 9) = 1 − 0.961144 = 3.8856 % a year;
 * from 2020 (the national case): 1 − (0.35 / 0.516)^(1/10) = 3.8074 % a year.
 * Planned uniform rate over 2005–2030: 1 − 0.35^(1/25) = 1 − exp(−1.0498221 × 0.04) = 1 − 0.9588766 = 4.1123 %.
 */
const years = indicatorYears([
  { year: 2005, gdp: '100', co2_t: '1000000' },
  { year: 2020, gdp: '100', co2_t: '516000' },
  { year: 2021, gdp: '100', co2_t: '500000' },
]);

describe('the 2030 carbon-intensity target against 2005', () => {
  it('is assessed when the data has a 2005 row, with the bundled Gansu target (65 % or more)', () => {
    const targets = targetsFromTables([tables], 'gansu');
    const r = computeIntensity(years, { targets });
    const p = r.periods.find((x) => x.from === 2005 && x.to === 2030)!;
    expect(p.plan).toBeNull();
    expect(p.carbon_intensity.target).toMatchObject({ region: 'gansu', source: 'cn-targets-2030@2023', qualifier: 'at_least' });
    expect([r4(p.carbon_intensity.reduction_pct), p.carbon_intensity.through, p.carbon_intensity.status]).toEqual(['50.0000', 2021, 'on_track']);
    expect(r4(p.carbon_intensity.required_annual_pct)).toBe('3.8856');
    expect(r4(p.carbon_intensity.planned_annual_pct)).toBe('4.1123');
    expect(p.carbon_intensity.from_given).toBeNull();
    expect(r.targets_not_assessed).toEqual([]);
  });

  it('−48.4 % in 2020 needs 3.8074 % a year to reach −65 % by 2030', () => {
    const r = computeIntensity(years.filter((y) => y.year !== 2021), { targets: targetsFromTables([tables], 'national') });
    const p = r.periods.find((x) => x.from === 2005)!;
    expect(r4(p.carbon_intensity.reduction_pct)).toBe('48.4000');
    expect(r4(p.carbon_intensity.required_annual_pct)).toBe('3.8074');
  });

  it('takes a 2005 intensity given directly (--base-2005) when the file has no 2005 row', () => {
    const r = computeIntensity(
      years.filter((y) => y.year !== 2005),
      { targets: targetsFromTables([tables], 'gansu'), givenIntensities: [{ year: 2005, indicator: 'carbon_intensity', value: new Decimal(1), source: '--base-2005' }] },
    );
    const p = r.periods.find((x) => x.from === 2005)!;
    expect(p.carbon_intensity.from_given).toBe('--base-2005');
    expect(r4(p.carbon_intensity.reduction_pct)).toBe('50.0000');
    expect(r4(p.carbon_intensity.required_annual_pct)).toBe('3.8856');
    // energy intensity has no 2005 figure: no data for that line, nothing invented
    expect(p.energy_intensity.status).toBe('no_data');
  });

  it('without a 2005 figure the target is listed as not assessed (the notes say how to give it)', () => {
    const r = computeIntensity(years.filter((y) => y.year !== 2005), { targets: targetsFromTables([tables], 'gansu') });
    expect(r.periods.some((x) => x.from === 2005)).toBe(false);
    expect(r.targets_not_assessed.map((t) => `${t.indicator}:${t.from}-${t.to}`)).toEqual(['carbon_intensity:2005-2030']);
  });
});
