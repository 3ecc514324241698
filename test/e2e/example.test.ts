import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

/**
 * End-to-end run of the bundled illustrative inventory examples/jinchang-2021.csv (see
 * examples/README.md): it must reproduce the published aggregates it was built to match
 * (5.317 Mtce, 9.078 TWh, 7.967 TWh industrial) and its default CSV output must not drift.
 */

const EXAMPLE = 'examples/jinchang-2021.csv';
const GOLDEN = join(repoRoot, 'test/fixtures/golden/jinchang-2021.csv');

interface JsonRow {
  year: number;
  sector_code: string | null;
  fuel: string | null;
  use: string;
  quantity: string | null;
  unit: string | null;
  energy_tce: string;
  feedstock_tce: string;
  co2_t: string;
}
interface JsonResult {
  totals: Record<string, string>;
  rows: JsonRow[];
  warnings: { code: string; line: number | null }[];
}

/**
 * The example enters the plants' gross generation as use=output, so their own use (厂用电) listed under
 * sector 44 balances and raises no double-counting warning: the run is silent on stderr.
 */
const expectedStderr = (stderr: string) => {
  expect(stderr).toBe('');
};

const sum = (values: (string | null)[]) => values.reduce((acc, v) => acc.plus(new Decimal(v ?? '0')), new Decimal(0));
const isIndustrialDivision = (code: string | null) => code !== null && /^\d{2}$/.test(code) && Number(code) >= 6 && Number(code) <= 46;

describe('examples/jinchang-2021.csv', () => {
  const run = runCli(['calc', EXAMPLE, '-f', 'json', '--decimals', 'full', '--by', 'year,sector,fuel,use']);
  const result = JSON.parse(run.stdout) as JsonResult;

  it('runs cleanly, without warnings', () => {
    expect(run.code).toBe(0);
    expectedStderr(run.stderr);
    expect(result.warnings).toEqual([]);
  });

  it('matches the published total energy consumption (531.7万tce) within 1 %', () => {
    const energy = new Decimal(result.totals.energy_tce!);
    expect(energy.minus(5_317_000).abs().dividedBy(5_317_000).toNumber()).toBeLessThan(0.01);
    // the command line given in examples/README.md prints the same total
    const totalsRun = runCli(['calc', EXAMPLE, '--totals', '-f', 'json']);
    expect(totalsRun.code).toBe(0);
    expectedStderr(totalsRun.stderr);
    const totals = (JSON.parse(totalsRun.stdout) as JsonResult).totals;
    expect(new Decimal(totals.energy_tce!).toFixed(6)).toBe(energy.toFixed(6));
  });

  it('531.7万tce is reproduced on the calorific-equivalent basis; the coal basis adds 876,088.8 tce (examples/README.md)', () => {
    expect(result.totals.energy_tce).toBe('5316583.355');
    const coal = runCli(['calc', EXAMPLE, '--electricity-method', 'coal', '--totals', '-f', 'json']);
    expect(coal.code).toBe(0);
    const json = JSON.parse(coal.stdout) as JsonResult & { energy_basis: { method: string; electricity: { rate: string }[] } };
    // net electricity 907,800万 − 420,000万 kWh = 4,878,000,000 kWh; × (302.5 − 122.9) g/kWh = 876,088.8 tce more
    expect(new Decimal(json.totals.energy_tce!).minus('5316583.355').toString()).toBe('876088.8');
    expect(json.energy_basis).toMatchObject({ method: 'coal', electricity: [{ rate: '302.5' }] });
  });

  it('consumes exactly 90.78亿kWh of electricity, 79.67亿kWh of it in industry (divisions 06–46)', () => {
    const electricity = result.rows.filter((r) => r.fuel === 'electricity' && r.use === 'energy');
    expect(electricity.every((r) => r.unit === 'kWh')).toBe(true);
    expect(sum(electricity.map((r) => r.quantity)).toString()).toBe('9078000000');
    expect(sum(electricity.filter((r) => isIndustrialDivision(r.sector_code)).map((r) => r.quantity)).toString()).toBe('7967000000');
  });

  it('nets the coal plants’ electricity and heat output, and carries feedstock rows', () => {
    const output = result.rows.filter((r) => r.use === 'output');
    expect(output.map((r) => [r.sector_code, r.fuel, r.quantity, r.unit])).toEqual([
      ['32', 'electricity', '1300000000', 'kWh'], // the smelter's captive plant (illustrative)
      ['44', 'electricity', '2900000000', 'kWh'], // output rows keep the quantity generated; their energy is negative (netted)
      ['44', 'wind_power', '1000000000', 'kWh'], // primary electricity: local generation, not netted
      ['44', 'solar_power', '2500000000', 'kWh'],
      ['44', 'heat', '14200000', 'GJ'],
    ]);
    const primary = (r: JsonRow) => r.fuel === 'wind_power' || r.fuel === 'solar_power';
    expect(output.filter((r) => !primary(r)).every((r) => new Decimal(r.energy_tce).isNegative())).toBe(true);
    expect(output.filter(primary).every((r) => new Decimal(r.energy_tce).isZero())).toBe(true);
    const feedstock = result.rows.filter((r) => r.use === 'feedstock');
    expect(feedstock.map((r) => [r.sector_code, r.fuel])).toEqual([
      ['26', 'raw_coal'],
      ['26', 'natural_gas'],
    ]);
    expect(feedstock.every((r) => new Decimal(r.co2_t).isZero())).toBe(true);
    expect(sum(feedstock.map((r) => r.feedstock_tce)).toString()).toBe(result.totals.feedstock_tce);
  });

  it('shows the three views: coke as reductant, a captive plant, local wind and solar (all illustrative)', () => {
    const t = result.totals;
    // 24.6万t coke reducing ore: 246,000 × 28.435 GJ/t × 29.5 tC/TJ / 1000 × 44/12 = 756,626.915 t
    expect(new Decimal(t.reductant_co2_t!).toFixed(6)).toBe('756626.915000');
    // consumed 9,078,000,000 − generated (1.3 + 2.9 + 1.0 + 2.5 = 7.7 billion kWh) = 1,378,000,000 kWh
    expect(t.net_import_electricity_kwh).toBe('1378000000');
    expect(t.local_primary_electricity_kwh).toBe('3500000000');
    // provincial = scope 1 + 1,378,000 MWh × 0.4955 tCO2/MWh (= 682,799 t); heat nets to zero
    expect(new Decimal(t.provincial_co2_t!).minus(t.scope1_co2_t!).toFixed(6)).toBe('682799.000000');
    expect(t.territorial_co2_t).toBe(t.scope1_co2_t);
    // the captive plant's 1.3 billion kWh offset 32's purchase: scope 2 of 32 = (5.17e9 − 1.3e9) / 1000 × 0.4955
    const scope2Of32 = sum(result.rows.filter((r) => r.sector_code === '32' && r.fuel === 'electricity').map((r) => r.co2_t));
    expect(scope2Of32.toFixed(6)).toBe('1917585.000000');
  });

  it('covers at least 12 sectors and 10 fuels', () => {
    expect(new Set(result.rows.map((r) => r.sector_code)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(result.rows.map((r) => r.fuel)).size).toBeGreaterThanOrEqual(10);
  });

  it('adds up: the rows sum exactly to the totals', () => {
    expect(sum(result.rows.map((r) => r.co2_t)).equals(new Decimal(result.totals.co2_t!))).toBe(true);
    expect(sum(result.rows.map((r) => r.energy_tce)).equals(new Decimal(result.totals.energy_tce!))).toBe(true);
  });
});

describe('golden: default CSV output of examples/jinchang-2021.csv', () => {
  /*
   * test/fixtures/golden/jinchang-2021.csv was generated once with the CLI
   * (`LC_ALL=C LANG=C node bin/jinchang-carbon.js calc examples/jinchang-2021.csv`) and read by hand.
   * Rows checked against the bundled factors (GB/T 2589-2020 coefficients, GB/T 32151.22-2024
   * Table C.1, MEE 2021 Gansu grid 0.4955 tCO2/MWh, GB/T 32150 heat 0.11 tCO2/GJ):
   *  - 09 diesel 21,800 t: 21800 × 1.4571 = 31764.78 tce;
   *    21800 × 42.652 GJ/t × 20.2/1000 tC/GJ × 0.98 × 44/12 = 67490.8300938… → 67490.830094 tCO2
   *  - 44 diesel 1,350 t: 1350 × 1.4571 = 1967.085 tce; 1350 × 42.652 × 20.2/1000 × 0.98 × 44/12 = 4179.478010 tCO2
   *  - 32 coke 24.6万t as reductant: 246000 × 0.9714 = 238964.4 tce; 246000 × 28.435 × 29.5/1000 × 44/12 = 756626.915 tCO2
   *    (oxidation 1; burned as fuel at 0.93 it was 703663.030950)
   *  - 32 captive plant 130,000万kWh: −1.3e9 × 0.1229/1000 = −159770 tce, scope 2 −1.3e9/1000 × 0.4955 = −644150 t
   *  - 26 raw coal 38万t energy + 52万t feedstock: (900000 × 0.7143 = 642870 tce, of it 520000 × 0.7143 = 371436 feedstock);
   *    CO2 on the 380000 t burnt only: 380000 × 20.908 × 26.1/1000 × 0.93 × 44/12 = 707116.505040 t
   *  - 26 natural gas 3,200万m3 energy + 9,600万m3 feedstock: 128000000 × 1.33/1000 = 170240 tce (127680 feedstock);
   *    CO2 3200 × 389.31 GJ/10^4m3 × 15.3/1000 × 0.99 × 44/12 = 69190.041888 t
   *  - 32 electricity 517,000万kWh: 5.17e9 × 0.1229/1000 = 635393 tce; 5.17e9/1000 × 0.4955 = 2561735 tCO2 (scope 2)
   *  - 44 electricity 56,000万kWh used: 68824 tce, 277480 t; 290,000万kWh output: −2.9e9 × 0.1229/1000 = −356410 tce, no CO2;
   *    wind 100,000万kWh and solar 250,000万kWh output: 0 tce (primary electricity is not netted); 44 heat 65 − 1,420万GJ: −13550000 × 0.03412 = −462326 tce, CO2 650000 × 0.11 = 71500 t
   */
  it('prints exactly the stored CSV', () => {
    const run = runCli(['calc', EXAMPLE]);
    expect(run.code).toBe(0);
    expectedStderr(run.stderr);
    expect(run.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has the hand-checked diesel row', () => {
    const golden = readFileSync(GOLDEN, 'utf8').split('\n');
    const header = golden[0]!.split(',');
    const line = golden.find((l) => l.startsWith('2021,09,') && l.includes(',diesel,'));
    expect(line).toBeDefined();
    const cells = Object.fromEntries(line!.split(',').map((v, i) => [header[i] ?? String(i), v]));
    const t = new Decimal(21800);
    expect(cells.quantity).toBe('21800');
    expect(cells.energy_tce).toBe(t.times('1.4571').toFixed(6));
    const co2 = t.times('42.652').times('20.2').dividedBy(1000).times('0.98').times(44).dividedBy(12);
    expect(cells.co2_t).toBe(co2.toFixed(6, Decimal.ROUND_HALF_EVEN));
  });
});
