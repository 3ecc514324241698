import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { runCli } from '../helpers/run-cli.js';

const data = ['--data', 'examples/jinchang-2020.csv', 'examples/jinchang-2021.csv'];
const ind = (f = 'examples/jinchang-indicators.csv') => ['--indicators', f];
const years = ['--from', '2020', '--to', '2021'];

interface EffectJson {
  factor: string;
  value: string;
  share_pct: string | null;
}
const GRID_WARNING =
  'examples/jinchang-2020.csv:11: warning: grid factor of 2021 (gansu) used for 2020 data: no 2020 factor is published; nearest is 2021 (mee-grid-2021@2024-04) (fix: pass --grid-year to choose the year explicitly (published: 2021, 2022, 2023))';

function json(args: string[]) {
  const run = runCli(['decompose', ...data, ...years, '-f', 'json', '--decimals', 'full', ...args]);
  expect(run.code).toBe(0);
  return { ...JSON.parse(run.stdout), stderr: run.stderr };
}
const byFactor = (j: { effects: EffectJson[] }) => Object.fromEntries(j.effects.map((e) => [e.factor, new Decimal(e.value)]));

/*
 * Since issue 16 the 2021 example has illustrative rows the 2020 one lacks: coke as reductant (all of its
 * carbon emitted, so coke's CO2 per tce rises), a captive plant in 32 (its 60万t coal moves from the power
 * sector into final consumption, and its output covers part of 32's purchases) and local wind and solar.
 * On the consumption basis that raises 2021's energy and changes two fuels' emission factors, so the split
 * below shows those breaks; the identities (effects sum to the change, residual zero) hold as before.
 */
describe('decompose the bundled example, 2020 → 2021 (Kaya identity by fuel, consumption view)', () => {
  const j = json(ind());

  it('the two years are the indicators rows: 11,123,903 t and 12,162,790 t of consumption CO2', () => {
    expect(new Decimal(j.start).toDecimalPlaces(0).toString()).toBe('11123903');
    expect(new Decimal(j.end).toDecimalPlaces(0).toString()).toBe('12162790');
    // the only warning: 2020 has no published grid factor, so 2021's is used
    expect(j.stderr.trim()).toBe(GRID_WARNING);
  });

  it('explains the whole change: GDP + intensity + mix + emission factor = +1,038,886.90 t, residual < 1e-30', () => {
    const e = byFactor(j);
    expect(Object.keys(e)).toEqual(['gdp', 'energy_intensity', 'energy_mix', 'emission_factor']);
    expect(e.gdp!.toFixed(2)).toBe('839628.26');
    // the captive plant (in service from 2021) burns coal that is final consumption: consumption-basis energy grows faster than GDP
    expect(e.energy_intensity!.toFixed(2)).toBe('442566.74');
    expect(e.energy_mix!.toFixed(2)).toBe('-243308.10');
    // the same grid factor both years, and the 2020 file has the 2021 file's shape (coke as reductant in both): no factor effect
    expect(e.emission_factor!.abs().lessThan('1e-30')).toBe(true);
    const sum = Object.values(e).reduce((a, v) => a.plus(v), new Decimal(0));
    expect(sum.minus(j.change).abs().lessThan('1e-30')).toBe(true);
    expect(new Decimal(j.change).toFixed(2)).toBe('1038886.90');
    expect(new Decimal(j.residual).abs().lessThan('1e-30')).toBe(true);
  });

  it('jet kerosene, absent in 2020, gives its whole 2021 CO2 to the energy mix (Ang & Liu zero rule)', () => {
    const kerosene = j.by_group.find((g: { group: string }) => g.group === 'kerosene');
    expect(kerosene.start).toBe('0');
    expect(kerosene.effects.energy_mix).toBe(kerosene.end);
    expect([kerosene.effects.gdp, kerosene.effects.energy_intensity, kerosene.effects.emission_factor]).toEqual(['0', '0', '0']);
  });

  it('decoupling 2020–2021: CO2 +9.34 %, GDP +7.5 % at comparable prices, e = 1.245: expansive negative decoupling', () => {
    expect(j.decoupling).toHaveLength(1);
    const d = j.decoupling[0];
    expect(new Decimal(d.co2_change_pct).toFixed(2)).toBe('9.34');
    expect(new Decimal(d.gdp_change_pct).toFixed(2)).toBe('7.50');
    expect(new Decimal(d.elasticity).toFixed(3)).toBe('1.245');
    expect(d.state).toBe('expansive_negative_decoupling');
  });

  it('multiplicative: the indices multiply to the ratio 1.093392', () => {
    const m = json([...ind(), '--method', 'multiplicative']);
    const product = m.effects.reduce((a: Decimal, e: { ratio: string }) => a.times(e.ratio), new Decimal(1));
    expect(product.minus(m.ratio).abs().lessThan('1e-30')).toBe(true);
    expect(new Decimal(m.ratio).toFixed(6)).toBe('1.093392');
  });

  it('with population, P and GDP per capita split the GDP effect exactly (LMDI is consistent in aggregation)', () => {
    const p = byFactor(json(ind('test/fixtures/decompose/indicators-population.csv')));
    expect(Object.keys(p)).toEqual(['population', 'gdp_per_capita', 'energy_intensity', 'energy_mix', 'emission_factor']);
    expect(p.population!.plus(p.gdp_per_capita!).minus(byFactor(j).gdp!).abs().lessThan('1e-30')).toBe(true);
    expect(p.population!.isNegative()).toBe(true); // 43.80 → 43.62 万人
  });

  it('with value added by industry: the structure effect, households apart, still summing to the change', () => {
    const s = json(ind('test/fixtures/decompose/indicators-2020-2021.csv'));
    const e = byFactor(s);
    expect(Object.keys(e)).toEqual(['population', 'gdp_per_capita', 'structure', 'energy_intensity', 'household_energy', 'energy_mix', 'emission_factor']);
    // secondary industry's share rose from 172.94/303.41 = 57.0 % to 236.38/384.96 = 61.4 %: structure pushes CO2 up
    expect(e.structure!.toFixed(2)).toBe('464486.18');
    const sum = Object.values(e).reduce((a, v) => a.plus(v), new Decimal(0));
    expect(sum.minus(s.change).abs().lessThan('1e-30')).toBe(true);
    expect(s.stderr).toContain('warning: sector shares of GDP are taken from value added at current prices');
  });

  it('the people table, in Chinese', () => {
    const run = runCli(['decompose', ...data, ...ind(), ...years, '-f', 'table', '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('二氧化碳（消费端口径，吨），2020年');
    expect(run.stdout).toContain('经济规模（GDP）    +839,628.26');
    expect(run.stdout).toContain('2020—2021        +9.34              +7.50     1.245  扩张负脱钩');
  });

  it('a year without GDP is refused; so is the territorial view when the city would export power', () => {
    const run = runCli(['decompose', ...data, ...ind('test/fixtures/decompose/indicators-population.csv'), '--from', '2020', '--to', '2021', '--chained']);
    expect(run.code).toBe(0);
    const noGdp = runCli(['decompose', ...data, '--indicators', 'test/fixtures/decompose/indicators-2021-only.csv', ...years]);
    expect(noGdp.code).toBe(1);
    expect(noGdp.stderr).toContain('test/fixtures/decompose/indicators-2021-only.csv: error: no GDP at comparable prices for 2020: the indicators file has no row (or chain) for it (fix: add that year to the indicators file with gdp and gdp_index)');
    // a city generating more power than it uses: net electricity is negative on the territorial basis
    const exportArgs = ['decompose', '--data', 'test/fixtures/decompose/export-power.csv', ...ind('test/fixtures/decompose/indicators-population.csv'), ...years];
    const territorial = runCli([...exportArgs, '--co2-view', 'territorial']);
    expect(territorial.code).toBe(1);
    expect(territorial.stdout).toBe('');
    expect(territorial.stderr).toContain(
      'error: energy of Electricity in 2020 is negative (-184350): the LMDI logarithms are not defined for it (fix: a negative value here is a net export (the city generates more than it uses): decompose with --co2-view consumption, or give imports and exports as separate rows)',
    );
    const zh = runCli([...exportArgs, '--co2-view', 'territorial', '--lang', 'zh']);
    expect(zh.stderr).toContain('错误: 2020 年电力的能耗为负数（-184350），LMDI 的对数对负数无定义');
    // the consumption view leaves the plants (and their output) out: nothing negative
    expect(runCli(exportArgs).code).toBe(0);
  });
});
