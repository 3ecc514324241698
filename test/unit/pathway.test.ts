import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { indicatorYears } from '../../src/core/intensity/index.js';
import {
  computePathway,
  interp,
  parseScenarios,
  peakingTest,
  peakOf,
  resolveInheritance,
  fillScenario,
  step,
  triangular,
  mulberry32,
  uniform,
  type PathwayOptions,
  type PathwayTarget,
} from '../../src/core/pathway/index.js';

const d = (v: string | number) => new Decimal(v);
const s = (v: Decimal | null | undefined) => (v == null ? null : v.toString());
const r4 = (v: Decimal | null | undefined) => (v == null ? null : v.toFixed(4));
const opts = (extra: Partial<PathwayOptions> = {}): PathwayOptions => ({ asOf: 2026, targets: [], ...extra });

function run(csv: string, extra: Partial<PathwayOptions> = {}) {
  const parsed = parseScenarios(csv, 'scenarios.csv');
  expect(parsed.diagnostics).toEqual([]);
  return computePathway(parsed.scenarios, opts(extra));
}

const HEADER = 'scenario,based_on,year,gdp,gdp_growth_pct,energy_tce,energy_intensity_decline_pct,non_fossil_share_pct,co2_per_fossil_tce,process_co2_t,sinks_t,ccus_t';

describe('LEAP time functions', () => {
  it('Interp(2000,10,2010,16,2020,30) is 13.0 in 2005, a straight line between points, flat outside', () => {
    const points = [[2000, d(10)], [2010, d(16)], [2020, d(30)]] as const;
    // 2005: 10 + (16 − 10) × 5/10 = 13; 2015: 16 + (30 − 16) × 5/10 = 23
    expect(s(interp(points, 2005))).toBe('13');
    expect(s(interp(points, 2015))).toBe('23');
    expect(s(interp(points, 2020))).toBe('30');
    expect(s(interp(points, 1995))).toBe('10');
    expect(s(interp(points, 2030))).toBe('30');
  });
  it('Step holds the latest given value', () => {
    const points = [[2020, d(6)], [2023, d(4)]] as const;
    expect(step(points, 2019)).toBeUndefined();
    expect([2020, 2021, 2022, 2023, 2030].map((y) => s(step(points, y)))).toEqual(['6', '6', '6', '4', '4']);
  });
});

describe('a two-year projection, by hand', () => {
  /*
   * 2020: GDP 100 亿元, E 100,000 tce, nf 20 %, 2.5 tCO2/tce fossil, process 10,000 t, sinks 5,000 t.
   *   CO2 = 100,000 × (1 − 0.20) × 2.5 + 10,000 = 210,000; net = 210,000 − 5,000 = 205,000
   *   EI = 100,000 / (100 × 10^4) = 0.1 tce/万元; CI = 210,000 / 1,000,000 = 0.21
   * 2021: g 5 %, d 3 %: GDP = 100 × 1.05 = 105; E = 100,000 × 1.05 × 0.97 = 101,850
   *   CO2 = 101,850 × 0.8 × 2.5 + 10,000 = 213,700; net = 208,700
   *   EI = 101,850 / 1,050,000 = 0.097 (= 0.1 × 0.97); CI = 213,700 / 1,050,000 = 0.20352380952…
   */
  const csv = [HEADER, 'BAU,,2020,100,,100000,,20,2.5,10000,5000,', 'BAU,,2021,,5,,3,,,,,'].join('\n');
  it('applies the recurrences exactly', () => {
    const result = run(csv);
    const [bau] = result.scenarios;
    expect(bau!.years.map((y) => [y.year, s(y.gdp), s(y.energy_tce), s(y.co2_t), s(y.net_co2_t), s(y.energy_intensity)])).toEqual([
      [2020, '100', '100000', '210000', '205000', '0.1'],
      [2021, '105', '101850', '213700', '208700', '0.097'],
    ]);
    expect(bau!.years[1]!.carbon_intensity.toFixed(10)).toBe('0.2035238095');
    // the highest year is the last: no peak before the end year, and a warning says so
    expect(bau!.peak.status).toBe('not_peaked');
    expect(bau!.peak.peaked_by_2030).toBe(false);
    expect(result.diagnostics.map((x) => x.code)).toContain('PATHWAY_NOT_PEAKED');
  });
  it('derives CO2 per tce of fossil energy from a first-year CO2', () => {
    // (210,000 − 10,000) / (100,000 × 0.8) = 2.5
    const derived = [HEADER + ',co2_t', 'BAU,,2020,100,,100000,,20,,10000,5000,,210000', 'BAU,,2021,,5,,3,,,,,,'].join('\n');
    const [bau] = run(derived).scenarios;
    expect(s(bau!.drivers.series.co2_per_fossil_tce[0])).toBe('2.5');
    expect(s(bau!.years[1]!.co2_t)).toBe('213700');
  });
});

describe('steps and interpolation', () => {
  /*
   * g: 6 % from the first row, 4 % from 2023 (steps): GDP 2021 = 106, 2022 = 112.36, 2023 = 116.8544, 2024 = 121.528576
   * nf: 20 % in 2020, 30 % in 2024 (straight line): 22.5, 25, 27.5, 30
   */
  const csv = [HEADER, 'S,,2020,100,6,1000,0,20,2,,,', 'S,,2023,,4,,,,,,,', 'S,,2024,,,,,30,,,,'].join('\n');
  it('holds rates and interpolates levels', () => {
    const [sc] = run(csv).scenarios;
    expect(sc!.years.map((y) => s(y.gdp_growth_pct))).toEqual([null, '6', '6', '4', '4']);
    expect(sc!.years.map((y) => s(y.gdp))).toEqual(['100', '106', '112.36', '116.8544', '121.528576']);
    expect(sc!.years.map((y) => s(y.non_fossil_share_pct))).toEqual(['20', '22.5', '25', '27.5', '30']);
  });
  it('runs to --to, holding the last rate and level', () => {
    const [sc] = run(csv, { end: 2026 }).scenarios;
    expect(sc!.years.map((y) => s(y.non_fossil_share_pct)).slice(-2)).toEqual(['30', '30']);
    // 2025: 121.528576 × 1.04 = 126.38971904; 2026: × 1.04 = 131.4453078016
    expect(s(sc!.years.at(-1)!.gdp)).toBe('131.4453078016');
  });
});

describe('inheritance cell by cell', () => {
  /*
   * Parent P: g 6 % from 2020, nf 20 % (2020) → 40 % (2030).
   * Child C (based on P) gives nf 35 % and g 4 % in 2025 only; everything else is P's.
   * C's nf: 2020 20 (P's), 2025 35 (own), 2030 40 (P's) → 2022 = 20 + 15 × 2/5 = 26; 2028 = 35 + 5 × 3/5 = 38.
   * C's g: 6 % for 2021–2024 (P's first row), 4 % from 2025.  P's nf 2025 = 30.
   */
  const csv = [HEADER, 'P,,2020,100,6,1000,1,20,2,,,', 'P,,2030,,,,,40,,,,', 'C,P,2025,,4,,,35,,,,'].join('\n');
  it('merges the parent rows then fills as one scenario', () => {
    const result = run(csv);
    const [p, c] = result.scenarios;
    expect(c!.chain).toEqual(['C', 'P']);
    expect(c!.base_year).toBe(2020);
    const nf = (x: typeof p, y: number) => s(x!.years.find((z) => z.year === y)!.non_fossil_share_pct);
    expect([nf(c, 2022), nf(c, 2025), nf(c, 2028), nf(c, 2030)]).toEqual(['26', '35', '38', '40']);
    expect(nf(p, 2025)).toBe('30');
    expect(c!.years.map((y) => s(y.gdp_growth_pct)).slice(1, 7)).toEqual(['6', '6', '6', '6', '4', '4']);
  });
  it('refuses an unknown or circular parent', () => {
    const bad = parseScenarios([HEADER, 'A,B,2020,100,6,1000,1,20,2,,,', 'B,A,2021,,,,,,,,,', 'X,Nope,2021,,,,,,,,,'].join('\n'), 'f.csv');
    const r = resolveInheritance(bad.scenarios);
    expect(r.diagnostics.map((x) => x.code).sort()).toEqual(['PATHWAY_PARENT_CYCLE', 'PATHWAY_UNKNOWN_PARENT']);
  });
});

describe('peak', () => {
  it('a scenario that never peaks before its end year says so', () => {
    // CO2 ratio per year = 1.05 × 0.99 = 1.0395 > 1 with nf and factor constant: rises every year to 2030
    const csv = [HEADER, 'Up,,2020,100,5,1000,1,20,2,,,', 'Up,,2030,,,,,,,,,'].join('\n');
    const result = run(csv);
    const [up] = result.scenarios;
    expect(up!.peak.peak_year).toBe(2030);
    expect(up!.peak.status).toBe('not_peaked');
    expect(up!.peak.peaked_by_2030).toBe(false);
    expect(result.diagnostics.find((x) => x.code === 'PATHWAY_NOT_PEAKED')?.params).toEqual({ scenario: 'Up', end: 2030 });
  });
  it('first year of the maximum, and the plateau within 1 %', () => {
    const series = [100, 120, 130, 130, 129, 125, 128.8].map((v, i) => ({ year: 2020 + i, co2_t: d(v) }));
    const p = peakOf(series);
    // max 130 first in 2022; within 1 %: ≥ 128.7 → 2022, 2023, 2024 and (apart) 2026
    expect([p.peak_year, s(p.peak_co2_t), p.status, p.peaked_by_2030]).toEqual([2022, '130', 'peaks', true]);
    expect(p.plateau_years).toEqual([2022, 2023, 2024, 2026]);
    expect([p.plateau_from, p.plateau_to]).toEqual([2022, 2024]);
  });
});

describe('target checks', () => {
  const national65: PathwayTarget = { indicator: 'carbon_intensity', from: 2005, to: 2030, target_pct: d(65), region: 'national', source: 'test@1' };
  it('−48.4 % in 2020 against 2005 needs 3.8074 % a year to reach −65 % by 2030', () => {
    // I2005 = I2020 / (1 − 0.484); needed: 1 − (0.35 × I2005 / I2020)^(1/10) = 1 − (0.35 / 0.516)^0.1 = 3.80736 %
    const csv = [HEADER, 'N,,2020,100,5,1000,3,20,2,,,', 'N,,2030,,,,,,,,,'].join('\n');
    const [n] = run(csv, { targets: [national65], ci2005: { year: 2020, reduction_pct: d('48.4') } }).scenarios;
    const check = n!.checks.find((c) => c.from === 2005)!;
    expect(r4(check.required_annual_pct)).toBe('3.8074');
    // the projection itself: CI falls 3 % a year with nf and factor flat → 2030 = 0.516 × 0.97^10 of 2005
    // reduction = 1 − 0.516 × 0.737424… = 61.95 %: missed
    expect(check.value_pct!.toFixed(2)).toBe('61.95');
    expect([check.met, check.status]).toEqual([false, 'missed']);
  });
  it('a check without a bundled target says so, and nothing is invented', () => {
    const csv = [HEADER, 'N,,2020,100,5,1000,3,20,2,,,', 'N,,2025,,,,,30,,,,'].join('\n');
    const [n] = run(csv).scenarios;
    expect(n!.checks.map((c) => [c.target, c.from, c.to, c.status, s(c.target_pct)])).toEqual([
      ['energy_intensity', 2020, 2025, 'no_target', null],
      ['carbon_intensity', 2020, 2025, 'no_target', null],
      ['non_fossil_share', null, 2025, 'no_target', null],
    ]);
    // the figures are still given: EI 2025 = 0.97^5 of 2020 → decline 1 − 0.8587340257 = 14.1266 %
    expect(r4(n!.checks[0]!.value_pct)).toBe('14.1266');
    expect(s(n!.checks[2]!.value_pct)).toBe('30');
  });
  it('takes 2020 from history when the projection starts in 2021', () => {
    // 2020 at 2021 prices: GDP = 105 / 1.05 = 100; EI 2020 = 100,000 / 10^6 = 0.1. Base 2021 EI = 105,000 / 1,050,000 = 0.1.
    // 2025: EI 2021 × 0.96^4 = 0.084934656 → decline vs 2020 = 15.065344 % ≥ 13.5 → met
    const history = indicatorYears([
      { year: 2020, gdp: 98, gdp_index: 104, energy_tce: 100000, co2_t: 200000 },
      { year: 2021, gdp: 105, gdp_index: 105, energy_tce: 105000, co2_t: 210000 },
    ]);
    const t: PathwayTarget = { indicator: 'energy_intensity', from: 2020, to: 2025, target_pct: d('13.5'), region: 'national', source: 'test@1' };
    const csv = [HEADER, 'H,,2021,,6,,4,20,2.5,,,', 'H,,2025,,,,,,,,,'].join('\n');
    const [h] = run(csv, { indicators: history, targets: [t] }).scenarios;
    const check = h!.checks.find((c) => c.target === 'energy_intensity')!;
    expect(s(check.value_pct)).toBe('15.065344');
    expect(check.met).toBe(true);
  });
});

describe("C40's peaking test", () => {
  const series = (pairs: [number, number][]) => pairs.map(([year, v]) => ({ year, co2_t: d(v) }));
  it.each([
    ['peaked: all four criteria', series([[2010, 100], [2012, 120], [2018, 100], [2019, 95]]), 2022, 'peaked'],
    ['not peaked: rising, recent, enough points', series([[2017, 90], [2019, 95], [2021, 100]]), 2024, 'not_peaked'],
    ['unknown: too few points', series([[2010, 120], [2020, 90]]), 2022, 'unknown'],
    ['unknown: latest point too old', series([[2005, 120], [2008, 110], [2014, 90]]), 2024, 'unknown'],
    ['unknown: peak long ago but less than 10 % above the latest', series([[2010, 100], [2012, 105], [2019, 100]]), 2022, 'unknown'],
  ] as const)('%s', (_label, s, asOf, status) => {
    expect(peakingTest(s, asOf).status).toBe(status);
  });
});

describe('Monte Carlo draws', () => {
  it('mulberry32 gives the same integers everywhere; u is exact', () => {
    const next = mulberry32(42);
    const first = [next(), next(), next()];
    // fixed by the algorithm: integer arithmetic only
    expect(first).toEqual([2581720956, 1925393290, 3661312704]);
    expect(uniform(2147483648).toString()).toBe('0.5');
  });
  it('triangular quantiles', () => {
    // a = −2, c = 0, b = 2: Fc = 0.5; u = 0.125 → −2 + √(0.125 × 4 × 2) = −1; u = 0.875 → 2 − √(0.125 × 4 × 2) = 1
    expect(s(triangular(d('0.125'), d(-2), d(0), d(2)))).toBe('-1');
    expect(s(triangular(d('0.875'), d(-2), d(0), d(2)))).toBe('1');
    expect(s(triangular(d('0.5'), d(-2), d(0), d(2)))).toBe('0');
  });
  it('is reproducible from the seed', () => {
    const csv = [HEADER + ',gdp_growth_pct_low,gdp_growth_pct_high', 'M,,2020,100,5,1000,3,20,2,,,,3,7', 'M,,2035,,,,,,,,,,,'].join('\n');
    const a = run(csv, { monteCarlo: { runs: 50, seed: 7 } }).scenarios[0]!.monte_carlo!;
    const b = run(csv, { monteCarlo: { runs: 50, seed: 7 } }).scenarios[0]!.monte_carlo!;
    expect(a.variables).toEqual(['gdp_growth_pct']);
    expect(s(a.peak_co2_t.p50)).toBe(s(b.peak_co2_t.p50));
    expect(a.peak_years).toEqual(b.peak_years);
    expect(a.peak_co2_t.p5.lessThanOrEqualTo(a.peak_co2_t.p95)).toBe(true);
  });
});

describe('input problems', () => {
  it('flags a growth index, a share over 100 and a level after the first year', () => {
    const parsed = parseScenarios([HEADER, 'A,,2020,100,106.5,1000,1,120,2,,,'].join('\n'), 'f.csv');
    expect(parsed.diagnostics.map((x) => [x.code, x.params.column, x.line, x.column])).toEqual([
      ['PATHWAY_OUT_OF_RANGE', 'gdp_growth_pct', 2, 5],
      ['PATHWAY_OUT_OF_RANGE', 'non_fossil_share_pct', 2, 8],
    ]);
    const later = parseScenarios([HEADER, 'A,,2020,100,6,1000,1,20,2,,,', 'A,,2025,120,,,,,,,,'].join('\n'), 'f.csv');
    const r = resolveInheritance(later.scenarios);
    const f = fillScenario(r.scenarios[0]!);
    expect(f.diagnostics.map((x) => [x.code, x.line])).toEqual([['PATHWAY_LEVEL_AFTER_BASE', 3]]);
  });
  it('says which base level is missing', () => {
    const parsed = parseScenarios([HEADER, 'A,,2020,100,6,,1,,2,,,'].join('\n'), 'f.csv');
    const result = computePathway(parsed.scenarios, opts());
    expect(result.diagnostics.map((x) => x.params.column)).toEqual(['energy_tce', 'non_fossil_share_pct']);
  });
});
