import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import {
  averageAnnualPct,
  computeIntensity,
  defaultPeriods,
  indicatorYears,
  mergeActivityTotals,
  planOf,
  requiredAnnualPct,
  type Target,
} from '../../src/core/intensity/index.js';

const r2 = (d: Decimal | null | undefined) => (d == null ? null : d.toFixed(2));
const r6 = (d: Decimal | null | undefined) => (d == null ? null : d.toFixed(6));
const target = (indicator: Target['indicator'], from: number, to: number, pct: string): Target => ({
  indicator,
  from,
  to,
  reduction_pct: new Decimal(pct),
  region: 'test',
  source: 'test@1',
});

/*
 * A series built to show the published declines 3.74 % (2017), 4.54 % (2018), 3.26 % (2019).
 * Base 2016: GDP 100 亿元, energy 100,000 tce → I = 100000 / (100 × 10000) = 0.1 tce/万元.
 * 2017: G = 100 × 105/100 = 105;     I = 0.1 × (1 − 0.0374) = 0.09626;       E = 0.09626 × 105 × 10^4 = 101,073
 * 2018: G = 105 × 106/100 = 111.3;   I = 0.09626 × 0.9546 = 0.091889796;    E = 0.091889796 × 111.3 × 10^4 = 102,273.342948
 * 2019: G = 111.3 × 107/100 = 119.091; I = 0.091889796 × 0.9674 = 0.0888941886504; E = × 119.091 × 10^4 = 105,864.978205647864
 * Nominal GDP 100, 110, 120, 130 (prices rose).
 */
const built = indicatorYears([
  { year: 2016, gdp: '100', gdp_index: '107.0', energy_tce: '100000' },
  { year: 2017, gdp: '110', gdp_index: '105', energy_tce: '101073' },
  { year: 2018, gdp: '120', gdp_index: '106', energy_tce: '102273.342948' },
  { year: 2019, gdp: '130', gdp_index: '107', energy_tce: '105864.978205647864' },
]);

describe('comparable prices: the built 3.74 / 4.54 / 3.26 series', () => {
  const result = computeIntensity(built);

  it('chains GDP from the first year with the growth index', () => {
    expect(result.gdp_basis).toBe('chained');
    expect(result.base_year).toBe(2016);
    expect(result.years.map((y) => y.gdp_constant!.toString())).toEqual(['100', '105', '111.3', '119.091']);
  });

  it('gives intensities in tce per 万元 (亿元 × 10,000)', () => {
    expect(result.years.map((y) => y.energy_intensity!.toString())).toEqual(['0.1', '0.09626', '0.091889796', '0.0888941886504']);
  });

  it('reproduces 3.74 %, 4.54 % and 3.26 % (exactly, by construction)', () => {
    expect(result.years.map((y) => y.energy_intensity_reduction_pct?.toString() ?? null)).toEqual([null, '3.74', '4.54', '3.26']);
  });

  it('nominal GDP would not: 8.12 %, 7.24 %, 4.45 %', () => {
    // 2017: 1 − (101073/110) / (100000/100) = 1 − 918.845454…/1000 = 8.115454…%
    // 2018: 1 − (102273.342948/120) / (101073/110) = 7.2447 %; 2019: 4.450646…%
    const nominal = computeIntensity(
      indicatorYears(built.map((y) => ({ year: y.year, gdp: y.gdp!, energy_tce: y.energy_tce! }))),
    );
    expect(nominal.gdp_basis).toBe('constant');
    expect(nominal.years.map((y) => r2(y.energy_intensity_reduction_pct))).toEqual([null, '8.12', '7.24', '4.45']);
  });

  it('cumulative is a ratio of end points, not the sum of yearly rates', () => {
    // 2016→2019: 1 − 0.0888941886504/0.1 = 11.10581135 %, while 3.74 + 4.54 + 3.26 = 11.54
    const r = computeIntensity(built, { periods: [{ from: 2016, to: 2019 }] });
    const p = r.periods[0]!;
    expect(p.energy_intensity_reduction_pct!.toString()).toBe('11.1058113496');
    expect(r2(p.energy_intensity_reduction_pct)).not.toBe('11.54');
    // average annual: 1 − 0.888941886504^(1/3) = 3.848118 %
    expect(r6(p.energy_intensity.average_annual_pct)).toBe('3.848118');
  });

  it('does not depend on the base year for the declines; the levels are at that year\'s prices', () => {
    const r = computeIntensity(built, { baseYear: 2018 });
    expect(r.base_year).toBe(2018);
    // backward: G(2017) = 120 × 100/106 = 113.207547…; G(2016) = G(2017) × 100/105
    expect(r6(r.years[1]!.gdp_constant)).toBe('113.207547');
    expect(r.years[2]!.gdp_constant!.toString()).toBe('120');
    expect(r.years.map((y) => r6(y.energy_intensity_reduction_pct))).toEqual([null, '3.740000', '4.540000', '3.260000']);
  });

  it('says what it cannot compute: no co2_t, carbon intensity left out with a warning', () => {
    expect(result.years.every((y) => y.carbon_intensity === null)).toBe(true);
    const w = result.diagnostics.find((d) => d.code === 'INTENSITY_NOT_COMPUTED');
    expect(w).toMatchObject({ severity: 'warning', params: { indicator: 'carbon_intensity', years: '2016–2019', column: 'co2_t' } });
  });
});

describe('chain breaks and base years', () => {
  it('a missing year breaks the chain: later years have no GDP at comparable prices', () => {
    const r = computeIntensity(
      indicatorYears([
        { year: 2020, gdp: '10', gdp_index: '103', energy_tce: '1000' },
        { year: 2021, gdp: '11', gdp_index: '105', energy_tce: '1000' },
        { year: 2023, gdp: '13', gdp_index: '104', energy_tce: '1000' },
      ]),
    );
    expect(r.years.map((y) => y.gdp_constant?.toString() ?? null)).toEqual(['10', '10.5', null]);
    expect(r.years[2]!.energy_intensity).toBeNull();
    expect(r.diagnostics.filter((d) => d.code === 'INTENSITY_CHAIN_BROKEN')).toMatchObject([
      { severity: 'warning', params: { year: 2023, missing: 'row', at: 2022 } },
    ]);
  });

  it('a base year outside the data is an error', () => {
    const r = computeIntensity(built, { baseYear: 2010 });
    expect(r.diagnostics).toMatchObject([{ severity: 'error', code: 'INTENSITY_BASE_YEAR_MISSING' }]);
  });
});

describe('periods, targets and the required annual rate (worked by hand)', () => {
  // constant-price GDP 1 亿元 = 10,000 万元, so I = energy / 10,000
  const series = (energies: Record<number, string>) =>
    indicatorYears(Object.entries(energies).map(([y, e]) => ({ year: Number(y), gdp: '1', energy_tce: e })));
  const t135 = [target('energy_intensity', 2020, 2025, '13.5')];

  it('met: 10000 → 8600 tce is a 14 % decline ≥ 13.5 %', () => {
    const p = computeIntensity(series({ 2020: '10000', 2025: '8600' }), { targets: t135 }).periods[0]!;
    expect(p).toMatchObject({ from: 2020, to: 2025, plan: 14 });
    expect(p.energy_intensity_reduction_pct!.toString()).toBe('14');
    // 1 − 0.86^(1/5) = 2.971417 %
    expect(r6(p.energy_intensity.average_annual_pct)).toBe('2.971417');
    expect(p.energy_intensity).toMatchObject({ through: 2025, complete: true, met: true, status: 'met', required_annual_pct: null });
    expect(p.met.energy_intensity).toBe(true);
    expect(p.target_pct.energy_intensity!.toString()).toBe('13.5');
  });

  it('missed: 10000 → 8700 tce is 13 % < 13.5 %', () => {
    const p = computeIntensity(series({ 2020: '10000', 2025: '8700' }), { targets: t135 }).periods[0]!;
    expect(p.energy_intensity_reduction_pct!.toString()).toBe('13');
    expect(p.energy_intensity).toMatchObject({ met: false, status: 'missed' });
    // 1 − 0.87^(1/5) = 2.746811 %
    expect(r6(p.energy_intensity.average_annual_pct)).toBe('2.746811');
  });

  it('exactly on the target counts as met (judged on exact figures)', () => {
    const p = computeIntensity(series({ 2020: '10000', 2025: '8650' }), { targets: t135 }).periods[0]!;
    expect(p.energy_intensity.met).toBe(true);
  });

  it('behind: through 2023 at 0.95, the last two years need 4.58 % a year', () => {
    // goal = (1 − 0.135) × 1.0 = 0.865; (0.865 / 0.95)^(1/2) = 0.954215 → 4.578497 %
    // the uniform rate of the plan: 1 − 0.865^(1/5) = 2.858854 % < 4.58 → behind
    const p = computeIntensity(series({ 2020: '10000', 2021: '9800', 2022: '9700', 2023: '9500' }), { targets: t135 }).periods[0]!;
    expect(p.energy_intensity).toMatchObject({ through: 2023, complete: false, met: null, status: 'off_track' });
    expect(r6(p.energy_intensity.required_annual_pct)).toBe('4.578497');
    expect(r6(p.energy_intensity.planned_annual_pct)).toBe('2.858854');
    expect(r6(p.energy_intensity.reduction_pct)).toBe('5.000000');
    // 1 − 0.95^(1/3) = 1.695243 %
    expect(r6(p.energy_intensity.average_annual_pct)).toBe('1.695243');
  });

  it('on track: through 2023 at 0.90, 1.96 % a year is enough', () => {
    // (0.865 / 0.90)^(1/2) = 0.980363 → 1.963726 % ≤ 2.858854
    const p = computeIntensity(series({ 2020: '10000', 2023: '9000' }), { targets: t135 }).periods[0]!;
    expect(p.energy_intensity).toMatchObject({ status: 'on_track', met: null });
    expect(r6(p.energy_intensity.required_annual_pct)).toBe('1.963726');
  });

  it('without a target: reductions, no verdict', () => {
    const p = computeIntensity(series({ 2020: '10000', 2025: '8600' })).periods[0]!;
    expect(p.energy_intensity).toMatchObject({ status: 'no_target', met: null, target: null });
    expect(p.carbon_intensity.status).toBe('no_data');
  });

  it('helpers agree with the formulas', () => {
    expect(r6(averageAnnualPct(new Decimal(1), new Decimal('0.86'), 5))).toBe('2.971417');
    expect(r6(requiredAnnualPct(new Decimal('13.5'), new Decimal(1), new Decimal('0.95'), 2))).toBe('4.578497');
    expect(planOf(2020, 2025)).toBe(14);
    expect(planOf(2015, 2020)).toBe(13);
    expect(planOf(2010, 2015)).toBe(12);
    expect(planOf(2020, 2023)).toBeNull();
  });
});

describe('default periods: each five-year plan the data covers', () => {
  it('2015–2023 → 13th and 14th plans', () => {
    expect(defaultPeriods([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023])).toEqual({
      periods: [
        { from: 2015, to: 2020 },
        { from: 2020, to: 2025 },
      ],
      missing: [],
    });
  });
  it('data inside a plan without its base year is reported as missing', () => {
    expect(defaultPeriods([2016, 2017, 2018, 2019])).toEqual({ periods: [], missing: [{ from: 2015, to: 2020 }] });
  });
  it('a base year alone does not make a period', () => {
    expect(defaultPeriods([2020])).toEqual({ periods: [], missing: [] });
  });
});

describe('assessment basis: feedstock and newly added renewables deducted', () => {
  /*
   * GDP 1 亿元 both years. 2020: 10,000 tce, feedstock 1,000 → assessed 9,000 (I 1.0 raw, 0.9 assessed)
   * 2025: 9,400 tce, feedstock 1,200, new renewable 800 → assessed 7,400 (I 0.94 raw, 0.74 assessed)
   * raw decline 1 − 0.94/1.0 = 6 % (misses 13.5 %); assessed 1 − 0.74/0.9 = 17.78 % (meets it)
   */
  const years = indicatorYears([
    { year: 2020, gdp: '1', energy_tce: '10000', feedstock_tce: '1000', new_renewable_tce: '0' },
    { year: 2025, gdp: '1', energy_tce: '9400', feedstock_tce: '1200', new_renewable_tce: '800' },
  ]);
  const r = computeIntensity(years, { assessmentBasis: '2022', targets: [target('energy_intensity', 2020, 2025, '13.5')] });

  it('shows both the raw and the adjusted intensity', () => {
    expect(r.years.map((y) => [y.energy_assessed_tce!.toString(), y.energy_intensity!.toString(), y.energy_intensity_assessed!.toString()])).toEqual([
      ['9000', '1', '0.9'],
      ['7400', '0.94', '0.74'],
    ]);
  });

  it('judges the energy target on the assessment basis', () => {
    const p = r.periods[0]!;
    expect(p.energy_intensity_reduction_pct!.toString()).toBe('6');
    expect(p.energy_intensity.status).toBe('missed');
    expect(r2(p.energy_intensity_assessed!.reduction_pct)).toBe('17.78');
    expect(p.energy_intensity_assessed!.status).toBe('met');
    expect(p.met.energy_intensity).toBe(true);
  });

  it('off by default', () => {
    const plain = computeIntensity(years, { targets: [target('energy_intensity', 2020, 2025, '13.5')] });
    expect(plain.years[0]!.energy_intensity_assessed).toBeNull();
    expect(plain.periods[0]!.energy_intensity_assessed).toBeNull();
    expect(plain.periods[0]!.met.energy_intensity).toBe(false);
  });

  it('a year without a deduction other years have gets no assessed figure, so no false jump', () => {
    // 2021 deducts 1,000 tce of feedstock, 2020 gives none: deducting 0 in 2020 would show a 10 % "decline"
    const mixed = computeIntensity(
      indicatorYears([
        { year: 2020, gdp: '1', energy_tce: '10000' },
        { year: 2021, gdp: '1', energy_tce: '10000', feedstock_tce: '1000' },
      ]),
      { assessmentBasis: '2022' },
    );
    expect(mixed.years.map((y) => y.energy_intensity_assessed?.toString() ?? null)).toEqual([null, '0.9']);
    expect(mixed.years[1]!.energy_intensity_assessed_reduction_pct).toBeNull();
    expect(mixed.diagnostics.map((d) => [d.code, d.params.years])).toContainEqual(['INTENSITY_BASIS_INCOMPLETE', '2020']);
  });

  it('deductions larger than the energy are an error', () => {
    const bad = computeIntensity(indicatorYears([{ year: 2020, gdp: '1', energy_tce: '100', feedstock_tce: '101' }]), { assessmentBasis: true });
    expect(bad.diagnostics.some((d) => d.code === 'INTENSITY_DEDUCTION_TOO_LARGE' && d.severity === 'error')).toBe(true);
  });
});

describe('merging activity totals (--data)', () => {
  it('fills what the file lacks, wins over what it has (with a warning), ignores unlisted years', () => {
    const years = indicatorYears([
      { year: 2020, gdp: '10' },
      { year: 2021, gdp: '11', energy_tce: '999' },
    ]);
    const d = (v: string) => new Decimal(v);
    const merged = mergeActivityTotals(years, [
      { year: 2020, energy_tce: d('100'), co2_t: d('250'), feedstock_tce: d('0') },
      { year: 2021, energy_tce: d('110'), co2_t: d('260'), feedstock_tce: d('5') },
      { year: 2022, energy_tce: d('120'), co2_t: d('270'), feedstock_tce: d('0') },
    ]);
    expect(merged.years.map((y) => [y.energy_tce!.toString(), y.co2_t!.toString(), y.sources.energy_tce])).toEqual([
      ['100', '250', 'data'],
      ['110', '260', 'data'],
    ]);
    expect(merged.diagnostics.map((x) => [x.code, x.params.year])).toEqual([
      ['INTENSITY_DATA_OVERRIDES', 2021],
      ['INTENSITY_DATA_YEAR_IGNORED', 2022],
    ]);
    expect(merged.diagnostics[0]!.params).toMatchObject({ column: 'energy_tce', fileValue: '999', dataValue: '110' });
  });
});

describe('assessment basis, 2024 rule (发改环资〔2024〕113号): feedstock and ALL non-fossil energy deducted', () => {
  /*
   * Same city as above, with all its non-fossil energy: 2020 1,500 tce, 2025 2,600 tce (of which 800 new since 2020).
   * 2024 rule: 2020 10,000 − 1,000 − 1,500 = 7,500 (I 0.75); 2025 9,400 − 1,200 − 2,600 = 5,600 (I 0.56)
   * decline 1 − 0.56/0.75 = 25.333 % (the 2022 rule gave 17.78 %: the non-fossil already there in 2020 now leaves the base too)
   */
  const years = indicatorYears([
    { year: 2020, gdp: '1', energy_tce: '10000', feedstock_tce: '1000', new_renewable_tce: '0', non_fossil_tce: '1500' },
    { year: 2025, gdp: '1', energy_tce: '9400', feedstock_tce: '1200', new_renewable_tce: '800', non_fossil_tce: '2600' },
  ]);
  const targets = [target('energy_intensity', 2020, 2025, '13.5')];

  it('deducts feedstock and all non-fossil consumption, and names its document', () => {
    const r = computeIntensity(years, { assessmentBasis: '2024', targets });
    expect(r.years.map((y) => y.energy_assessed_tce!.toString())).toEqual(['7500', '5600']);
    expect(r2(r.periods[0]!.energy_intensity_assessed!.reduction_pct)).toBe('25.33');
    expect(r.assessment_rule).toMatchObject({ rule: '2024', chosen: 'option', document: '发改环资〔2024〕113号 (2024-01-27)', deducts: ['feedstock_tce', 'non_fossil_tce'] });
  });

  it('by default follows the period assessed: the 14th FYP is judged under 113号', () => {
    const auto = computeIntensity(years, { assessmentBasis: 'auto', targets });
    expect(auto.assessment_rule).toMatchObject({ rule: '2024', chosen: 'period' });
    expect(auto.years[1]!.energy_assessed_tce!.toString()).toBe('5600');
    // a 13th-FYP-only run keeps the 2022 rules
    const older = computeIntensity(
      indicatorYears([
        { year: 2015, gdp: '1', energy_tce: '100', feedstock_tce: '10', new_renewable_tce: '0' },
        { year: 2020, gdp: '1', energy_tce: '90', feedstock_tce: '10', new_renewable_tce: '5' },
      ]),
      { assessmentBasis: true },
    );
    expect(older.assessment_rule).toMatchObject({ rule: '2022', chosen: 'period' });
    expect(older.years[1]!.energy_assessed_tce!.toString()).toBe('75');
  });

  it('without a non_fossil_tce figure it says so and deducts only feedstock', () => {
    const r = computeIntensity(
      indicatorYears([
        { year: 2020, gdp: '1', energy_tce: '10000', feedstock_tce: '1000' },
        { year: 2021, gdp: '1', energy_tce: '9900', feedstock_tce: '1000' },
      ]),
      { assessmentBasis: '2024' },
    );
    expect(r.years.map((y) => y.energy_assessed_tce!.toString())).toEqual(['9000', '8900']);
    expect(r.diagnostics.map((d) => `${d.code}:${d.params.column}`)).toContain('INTENSITY_NO_DEDUCTION_DATA:non_fossil_tce');
  });
});
