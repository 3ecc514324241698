import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { runCli } from '../helpers/run-cli.js';

const example = 'examples/jinchang-indicators.csv';
const fx = (name: string) => `test/fixtures/intensity/${name}`;
const pct2 = (v: string | null) => (v === null ? null : new Decimal(v).toFixed(2));
const tmp = () => mkdtempSync(join(tmpdir(), 'jc-intensity-'));

interface YearJson {
  year: number;
  energy_intensity_reduction_pct: string | null;
  carbon_intensity_reduction_pct: string | null;
  [k: string]: unknown;
}

describe('intensity on the illustrative Jinchang series', () => {
  const run = runCli(['intensity', example, '-f', 'json']);
  const json = JSON.parse(run.stdout);

  it('exits 0 with no warning; the output says which targets fell back to national, and why', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const fallbacks = json.targets.filter((t: { fallback_for: string | null }) => t.fallback_for === 'gansu');
    expect(fallbacks.map((t: { indicator: string; from: number }) => `${t.indicator} ${t.from}`)).toEqual(['energy_intensity 2015', 'carbon_intensity 2015', 'carbon_intensity 2020']);
    expect(fallbacks[2].fallback_reason).toBe("Gansu's 14th FYP carbon-intensity figure is not published; 《甘肃省碳达峰实施方案》 only says the national target is to be met");
    const md = runCli(['intensity', example, '-f', 'md']);
    expect(md.stderr).toBe('');
    expect(md.stdout).toContain(
      "Target: carbon intensity 2020–2025 down 18% (national, cn-targets-14fyp@2023; gansu has none, the national target is used: Gansu's 14th FYP carbon-intensity figure is not published; 《甘肃省碳达峰实施方案》 only says the national target is to be met).",
    );
  });

  it('reproduces the published declines 3.74 % (2017), 4.54 % (2018), 3.26 % (2019) to two decimals', () => {
    const byYear = new Map<number, YearJson>(json.years.map((y: YearJson) => [y.year, y]));
    expect(pct2(byYear.get(2017)!.energy_intensity_reduction_pct)).toBe('3.74');
    expect(pct2(byYear.get(2018)!.energy_intensity_reduction_pct)).toBe('4.54');
    expect(pct2(byYear.get(2019)!.energy_intensity_reduction_pct)).toBe('3.26');
  });

  it('nominal GDP instead would not: 5.35 %, 8.29 %, 8.02 %', () => {
    // the same file without the index column: GDP is then taken as constant prices
    const lines = readFileSync(example, 'utf8').trim().split('\n').map((l) => l.split(',').filter((_, i) => i !== 2).join(','));
    const dir = tmp();
    writeFileSync(join(dir, 'nominal.csv'), lines.join('\n') + '\n');
    const nominal = runCli(['intensity', join(dir, 'nominal.csv'), '-f', 'json']);
    expect(nominal.code).toBe(0);
    const got = nominal.stdout && JSON.parse(nominal.stdout).years.filter((y: YearJson) => y.year >= 2017 && y.year <= 2019);
    expect(got.map((y: YearJson) => pct2(y.energy_intensity_reduction_pct))).toEqual(['5.35', '8.29', '8.02']);
    expect(JSON.parse(nominal.stdout).meta.options.gdpBasis).toBe('constant');
  });

  it('has the SPEC keys', () => {
    expect(Object.keys(json)).toEqual(['meta', 'years', 'periods', 'targets', 'warnings']);
    expect(Object.keys(json.meta)).toEqual(expect.arrayContaining(['tool', 'version', 'inputs', 'factors', 'options']));
    expect(Object.keys(json.years[0])).toEqual(
      expect.arrayContaining(['year', 'gdp_constant', 'energy_tce', 'co2_t', 'energy_intensity', 'carbon_intensity', 'energy_intensity_reduction_pct', 'carbon_intensity_reduction_pct']),
    );
    expect(Object.keys(json.periods[0])).toEqual(
      expect.arrayContaining(['from', 'to', 'energy_intensity_reduction_pct', 'carbon_intensity_reduction_pct', 'target_pct', 'met']),
    );
    expect(json.meta.inputs[0]).toMatchObject({ path: example, rows: 9, role: 'indicators' });
    expect(json.meta.factors.map((f: { id: string }) => f.id)).toEqual(['cn-targets-13fyp', 'cn-targets-14fyp']);
  });

  it('assesses the 13th and 14th five-year plans', () => {
    expect(json.periods.map((p: { from: number; to: number; plan: number }) => [p.from, p.to, p.plan])).toEqual([
      [2015, 2020, 13],
      [2020, 2025, 14],
    ]);
    const [p13, p14] = json.periods;
    // 13th: 1 − I2020/I2015 = 1 − 0.974×0.9626×0.9546×0.9674×0.975 (the built yearly declines) = 15.58 % ≥ 15 %
    expect(pct2(p13.energy_intensity_reduction_pct)).toBe('15.58');
    expect(p13.met).toEqual({ energy_intensity: true, carbon_intensity: true });
    expect(p13.target_pct).toEqual({ energy_intensity: '15.000000', carbon_intensity: '18.000000' });
    // 14th through 2023: 1 − 0.985×1.02×0.97 = 2.54 %; Gansu 12.5 %: (0.875/0.974…)^(1/2) → 5.25 % a year needed
    expect(pct2(p14.energy_intensity_reduction_pct)).toBe('2.54');
    expect(p14.met).toEqual({ energy_intensity: null, carbon_intensity: null });
    expect(p14.energy_intensity).toMatchObject({ through: 2023, complete: false, status: 'off_track', target_pct: '12.500000' });
    expect(pct2(p14.energy_intensity.required_annual_pct)).toBe('5.25');
    expect(p14.carbon_intensity.target).toMatchObject({ region: 'national', fallback_for: 'gansu', source: 'cn-targets-14fyp@2023' });
  });
});

describe('intensity output formats', () => {
  it('csv: the built series, every figure, exactly', () => {
    const run = runCli(['intensity', fx('built-series.csv'), '-f', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'record,year,gdp,gdp_index,gdp_constant,energy_tce,co2_t,energy_intensity,carbon_intensity,energy_intensity_reduction_pct,carbon_intensity_reduction_pct,from,to,plan,measure,through,reduction_pct,average_annual_pct,target_pct,target_region,target_source,met,status,required_annual_pct',
        'year,2016,100.000000,107.000000,100.000000,100000.000000,,0.100000,,,,,,,,,,,,,,,,',
        'year,2017,110.000000,105.000000,105.000000,101073.000000,,0.096260,,3.740000,,,,,,,,,,,,,,',
        'year,2018,120.000000,106.000000,111.300000,102273.342948,,0.091890,,4.540000,,,,,,,,,,,,,,',
        'year,2019,130.000000,107.000000,119.091000,105864.978206,,0.088894,,3.260000,,,,,,,,,,,,,,',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe(
      [
        'warning: carbon intensity is not computed for 2016–2019: neither the indicators file nor --data gives co2_t (fix: add a co2_t column, or pass the activity data with --data)',
        'warning: period 2015–2020 is not assessed: no data for its first year 2015 (fix: give the intensities of the first year of the period and at least one later year)',
        '',
      ].join('\n'),
    );
  });

  it('table in Chinese writes 下降3.74%', () => {
    const run = runCli(['intensity', fx('built-series.csv'), '-f', 'table', '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('下降3.74%');
    expect(run.stdout).toContain('下降4.54%');
    expect(run.stdout).toContain('下降3.26%');
    expect(run.stdout).toContain('能耗强度(吨标准煤/万元)');
    expect(run.stderr).toContain('警告: 2016–2019 年的碳排放强度未计算');
  });

  it('md has both tables and the notes', () => {
    const run = runCli(['intensity', example, '-f', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## Intensity by year');
    expect(run.stdout).toContain('## Periods');
    expect(run.stdout).toContain('| 2020–2025 (14th FYP) | energy intensity | 2023 | down 2.54% | down 0.86% | 12.5% (gansu) | behind | down 5.25% |');
  });

  it('-o writes the file whole, format from the extension', () => {
    const dir = tmp();
    const out = join(dir, 'intensity.json');
    const run = runCli(['intensity', example, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).years).toHaveLength(9);
  });

  it('reads standard input', () => {
    const run = runCli(['intensity', '-', '-f', 'json'], { input: readFileSync(fx('built-series.csv')) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).years[1].energy_intensity_reduction_pct).toBe('3.740000');
  });
});

describe('intensity errors', () => {
  it('a bad indicators file: every problem on stderr, nothing on stdout, exit 1', () => {
    const dir = tmp();
    const out = join(dir, 'x.json');
    const run = runCli(['intensity', fx('bad.csv'), '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(run.stderr).toBe(
      [
        `${fx('bad.csv')}:2:5: error: co2_t "abc" is not a number (fix: write a plain number such as 1234.5 or 1,234.5, without units or notes)`,
        `${fx('bad.csv')}:3:3: error: gdp_index 6.5 looks like a growth rate in percent, not an index with the previous year = 100 (fix: write the index, e.g. 106.5 for growth of 6.5 %)`,
        `${fx('bad.csv')}:4:1: error: year 2021 appears twice (first on line 3) (fix: keep one row per year)`,
        '3 errors in 1 file; nothing was written.',
        '',
      ].join('\n'),
    );
  });

  it('the same in Chinese', () => {
    const run = runCli(['intensity', fx('bad.csv'), '--lang', 'zh']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${fx('bad.csv')}:2:5: 错误: 二氧化碳排放量“abc”不是数字`);
    expect(run.stderr).toContain('共 3 个错误（1 个文件），未输出任何结果。');
  });

  it('a missing file is a usage error (exit 2)', () => {
    const run = runCli(['intensity', 'no-such-indicators.csv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('usage error: no such file: no-such-indicators.csv\n');
  });

  it.each([
    [['--period', '2025-2020'], '--period "2025-2020": 2020 is not after 2025'],
    [['--co2-view', 'scope3'], '--co2-view must be one of consumption, territorial, total, provincial, not "scope3"'],
    [['--target', 'energy:2020:13'], '--target "energy:2020:13" is not indicator:from-to:percent'],
    [['--base-year', '2030'], '--base-year 2030 is not a year of'],
    [['--targets', 'no-such-table'], '--targets "no-such-table" is neither a file nor a bundled table'],
    [['--targets', 'cn-gbt2589'], 'is a standard-coal table, not a targets table'],
  ])('usage error %j', (args, message) => {
    const run = runCli(['intensity', example, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});

describe('intensity targets', () => {
  it('--region national uses the national targets without fallback notes', () => {
    const run = runCli(['intensity', example, '-f', 'json', '--region', 'national']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const p14 = JSON.parse(run.stdout).periods[1];
    expect(p14.target_pct).toEqual({ energy_intensity: '13.500000', carbon_intensity: '18.000000' });
  });

  it('--target sets a user target, e.g. for a custom --period', () => {
    const run = runCli(['intensity', example, '-f', 'json', '--period', '2020-2023', '--target', 'energy_intensity:2020-2023:2.5']);
    expect(run.code).toBe(0);
    const [p] = JSON.parse(run.stdout).periods;
    // 2.54 % ≥ 2.5 % over a complete custom period
    expect(p).toMatchObject({ from: 2020, to: 2023, plan: null, met: { energy_intensity: true, carbon_intensity: null } });
    expect(p.energy_intensity.target).toMatchObject({ source: '--target', region: 'user' });
  });

  it('--targets reads a user table, validated like any table', () => {
    const run = runCli(['intensity', example, '-f', 'json', '--targets', fx('user-targets.csv'), '--region', 'jinchang', '--period', '2020-2025']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.periods[0].target_pct).toEqual({ energy_intensity: '14.000000', carbon_intensity: '19.000000' });
    expect(json.meta.factors.map((f: { id: string }) => f.id)).toContain('jinchang-targets');
  });

  it('a broken targets table is refused (exit 2) with its problems', () => {
    const dir = tmp();
    const bad = join(dir, 'bad-targets.csv');
    writeFileSync(bad, readFileSync(fx('user-targets.csv'), 'utf8').replace('jinchang,energy_intensity,2020,2025,14', 'jinchang,energy_intensity,2020,2025,lots'));
    const run = runCli(['intensity', example, '--targets', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: reduction_pct "lots" is not a plain number such as 0.5366');
  });
});

describe('intensity --assessment-basis', () => {
  it('shows the raw and the adjusted energy intensity and judges the target on the adjusted one', () => {
    const run = runCli(['intensity', fx('assessment.csv'), '-f', 'json', '--assessment-basis', '2022', '--region', 'national']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    // 2020: (10000 − 1000 − 0) / 10000 = 0.9; 2025: (9400 − 1200 − 800) / 10000 = 0.74
    expect(json.years.map((y: Record<string, string>) => [y.energy_intensity, y.energy_intensity_assessed])).toEqual([
      ['1.000000', '0.900000'],
      ['0.940000', '0.740000'],
    ]);
    const [p] = json.periods;
    // raw 6 % misses 13.5 %; assessed 1 − 0.74/0.9 = 17.78 % meets it
    expect(p.energy_intensity_reduction_pct).toBe('6.000000');
    expect(p.energy_intensity.status).toBe('missed');
    expect(p.energy_intensity_assessed).toMatchObject({ reduction_pct: '17.777778', status: 'met' });
    expect(p.met.energy_intensity).toBe(true);
    expect(run.stderr).toContain('carbon intensity is not computed for 2020, 2025');
  });
});

describe('intensity --data', () => {
  it('gives the same result as the indicators file with those totals', () => {
    // the totals calc computes per year, written into an indicators file at full precision
    const calc = runCli(['calc', fx('activity-multi-year.csv'), '-f', 'json', '--decimals', 'full']);
    expect(calc.code).toBe(0);
    const totals = JSON.parse(calc.stdout).years as Record<string, string>[];
    const gdp: Record<string, string[]> = { 2020: ['10', '102.3'], 2021: ['11', '108.0'], 2022: ['12', '104.5'] };
    const dir = tmp();
    const withTotals = join(dir, 'indicators.csv');
    writeFileSync(
      withTotals,
      'year,gdp,gdp_index,energy_tce,co2_t,feedstock_tce,non_fossil_tce\n' +
        totals.map((y) => [y.year, ...gdp[y.year!]!, y.energy_tce, y.consumption_co2_t, y.feedstock_tce, y.non_fossil_tce].join(',')).join('\n') +
        '\n',
    );
    const common = ['-f', 'json', '--decimals', 'full', '--assessment-basis'];
    const fromData = runCli(['intensity', fx('gdp-only.csv'), '--data', fx('activity-multi-year.csv'), ...common]);
    const fromFile = runCli(['intensity', withTotals, ...common]);
    expect(fromData.code).toBe(0);
    expect(fromFile.code).toBe(0);
    const strip = (out: string) => {
      const j = JSON.parse(out);
      return { years: j.years.map(({ sources: _s, ...rest }: Record<string, unknown>) => rest), periods: j.periods };
    };
    expect(strip(fromData.stdout)).toEqual(strip(fromFile.stdout));
    const data = JSON.parse(fromData.stdout);
    expect(data.years[0].sources).toEqual({ energy_tce: 'data', co2_t: 'data', feedstock_tce: 'data', non_fossil_tce: 'data' });
    expect(data.meta.inputs.map((i: { role: string }) => i.role)).toEqual(['indicators', 'data']);
    expect(data.meta.options.co2View).toBe('consumption');
    expect(data.years[0].energy_intensity).not.toBeNull();
  });

  it('--co2-view territorial takes all scope 1 instead', () => {
    const calc = JSON.parse(runCli(['calc', fx('activity-multi-year.csv'), '-f', 'json', '--decimals', 'full']).stdout);
    const run = runCli(['intensity', fx('gdp-only.csv'), '--data', fx('activity-multi-year.csv'), '--co2-view', 'territorial', '-f', 'json', '--decimals', 'full']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).years[0].co2_t).toBe(calc.years[0].territorial_co2_t);
  });

  it('--data wins over the file, with a warning', () => {
    const run = runCli(['intensity', example, '--data', fx('activity-multi-year.csv'), '-f', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('2020: energy_tce 5020974 in the indicators file is replaced by 3709.7 computed from --data');
    const y2020 = JSON.parse(run.stdout).years.find((y: YearJson) => y.year === 2020);
    expect(y2020.energy_tce).toBe('3709.700000');
  });

  it('bad activity data is reported like calc does (exit 1)', () => {
    const dir = tmp();
    const bad = join(dir, 'bad-activity.csv');
    writeFileSync(bad, 'year,sector,fuel,quantity,unit\n2020,有色金属冶炼和压延加工业,unobtainium,1,t\n');
    const run = runCli(['intensity', fx('gdp-only.csv'), '--data', bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown fuel "unobtainium"');
  });
});

describe('intensity JSON carries every warning printed on stderr', () => {
  it('with --data, the overrides are in `warnings` too', () => {
    // 2021 of the bundled indicators file agrees with the bundled activity file: make it disagree
    const dir = tmp();
    const file = join(dir, 'indicators.csv');
    writeFileSync(file, readFileSync('examples/jinchang-indicators.csv', 'utf8').replace(/^2021,384\.96,107\.5,[^,]+,/m, '2021,384.96,107.5,5316000,'));
    const run = runCli(['intensity', file, '--data', 'examples/jinchang-2021.csv', '-f', 'json']);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(0);
    const printed = run.stderr.split('\n').filter((l) => l.includes('warning: '));
    const json = JSON.parse(run.stdout);
    expect(json.warnings).toHaveLength(printed.length);
    expect(json.warnings.map((w: { code: string }) => w.code)).toContain('INTENSITY_DATA_OVERRIDES');
  });
});

describe('the 2030 target against 2005', () => {
  // 2020: 516,000 t / (100 亿元 × 10^4) = 0.516; 2021: 0.5 tCO2/万元. With 2005 = 1: −50 %, and
  // 1 − (0.35/0.5)^(1/9) = 3.8856 % a year still needed for Gansu's 65 % or more (cn-targets-2030).
  it('--base-2005 gives the 2005 carbon intensity; the period line and the note say so', () => {
    const run = runCli(['intensity', fx('no-2005.csv'), '--base-2005', '1', '-f', 'json']);
    expect(run.code).toBe(0);
    const p = JSON.parse(run.stdout).periods.find((x: { from: number }) => x.from === 2005);
    expect(p.carbon_intensity).toMatchObject({ from_given: '--base-2005', from_value: '1.000000', reduction_pct: '50.000000', status: 'on_track', target_pct: '65.000000' });
    expect(p.carbon_intensity.target).toMatchObject({ region: 'gansu', qualifier: 'at_least', source: 'cn-targets-2030@2023' });
    expect(pct2(p.carbon_intensity.required_annual_pct)).toBe('3.89');
    const table = runCli(['intensity', fx('no-2005.csv'), '--base-2005', '1', '-f', 'table']);
    expect(table.stdout).toContain('65% or more (gansu)');
    expect(table.stdout).toContain('The 2005 carbon intensity 1 was given with --base-2005');
  });

  it('without it the notes say the target was not checked and how to give the figure', () => {
    const run = runCli(['intensity', fx('no-2005.csv'), '-f', 'table', '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('未检查目标：2005—2030 碳排放强度下降 65%以上（甘肃，cn-targets-2030@2023）');
    expect(run.stdout).toContain('--base-2005');
  });

  it('a --base-2005 that is not a positive number is a usage error', () => {
    const run = runCli(['intensity', fx('no-2005.csv'), '--base-2005', '-3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base-2005');
  });
});

describe('--assessment-basis 2022|2024', () => {
  // 2024 rule: 2020 10,000 − 1,000 − 1,500 = 7,500; 2025 9,400 − 1,200 − 2,600 = 5,600; 1 − 0.56/0.75 = 25.33 %
  it('2024 deducts all non-fossil energy; the output names the rule and its document', () => {
    const run = runCli(['intensity', fx('assessment-2024.csv'), '-f', 'json', '--assessment-basis', '2024', '--region', 'national']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.years.map((y: Record<string, string>) => [y.non_fossil_tce, y.energy_assessed_tce])).toEqual([
      ['1500.000000', '7500.000000'],
      ['2600.000000', '5600.000000'],
    ]);
    expect(pct2(json.periods[0].energy_intensity_assessed.reduction_pct)).toBe('25.33');
    expect(json.meta.options.assessmentRule).toMatchObject({ rule: '2024', chosen: 'option', document: '发改环资〔2024〕113号 (2024-01-27)' });
    const zh = runCli(['intensity', fx('assessment-2024.csv'), '-f', 'table', '--lang', 'zh', '--assessment-basis', '2024', '--region', 'national']);
    expect(zh.stdout).toContain('考核口径 2024 年规则（发改环资〔2024〕113号 (2024-01-27)）：扣除原料用能和全部非化石能源消费量（可再生能源、核电等）');
  });

  it('2022 deducts new renewables instead (17.78 %)', () => {
    const run = runCli(['intensity', fx('assessment-2024.csv'), '-f', 'json', '--assessment-basis', '2022', '--region', 'national']);
    expect(pct2(JSON.parse(run.stdout).periods[0].energy_intensity_assessed.reduction_pct)).toBe('17.78');
  });

  it('with no value it follows the period (2020–2025: 113号), also when the flag comes before the file', () => {
    const run = runCli(['intensity', '--assessment-basis', fx('assessment-2024.csv'), '-f', 'table', '--region', 'national']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Assessment basis, 2024 rule (发改环资〔2024〕113号 (2024-01-27))');
    expect(run.stdout).toContain('the rule in force for the periods assessed');
  });

  it('another value is a usage error', () => {
    const run = runCli(['intensity', fx('assessment-2024.csv'), '--assessment-basis', '2023']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--assessment-basis must be 2022');
  });
});
