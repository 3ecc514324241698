import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJSModule from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { runCli } from '../helpers/run-cli.js';

// exceljs is CommonJS: its exports arrive as the default import
const ExcelJS = ExcelJSModule as unknown as typeof import('exceljs');
const example = 'examples/jinchang-scenarios.csv';
const indicators = 'examples/jinchang-indicators.csv';

interface ScenarioJson {
  name: string;
  peak_year: number;
  peak_co2_t: string;
  peaked_by_2030: boolean;
  years: Record<string, unknown>[];
  checks: Record<string, unknown>[];
}

describe('pathway on the illustrative Jinchang scenarios', () => {
  const json = runCli(['pathway', example, '-f', 'json']);
  const doc = JSON.parse(json.stdout) as { meta: Record<string, unknown>; scenarios: ScenarioJson[] };

  it("has the SPEC's JSON keys", () => {
    expect(json.code).toBe(0);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['meta', 'scenarios']));
    const s = doc.scenarios[0]!;
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['name', 'peak_year', 'peak_co2_t', 'peaked_by_2030', 'years', 'checks']));
    expect(Object.keys(s.years[0]!)).toEqual(
      expect.arrayContaining(['year', 'gdp', 'energy_tce', 'co2_t', 'net_co2_t', 'energy_intensity', 'carbon_intensity', 'non_fossil_share_pct']),
    );
    expect(Object.keys(s.checks[0]!)).toEqual(expect.arrayContaining(['target', 'from', 'to', 'value_pct', 'target_pct', 'met']));
  });

  it('a national target used for want of the region\'s own carries the reason in JSON (fallback_reason), and warns nothing', () => {
    expect(doc).toHaveProperty('warnings', []);
    const ci = doc.scenarios[0]!.checks.find((c) => c.target === 'carbon_intensity')!;
    expect(ci).toMatchObject({ region: 'national', fallback_for: 'gansu' });
    expect(ci.fallback_reason).toBe("Gansu's 14th FYP carbon-intensity figure is not published; 《甘肃省碳达峰实施方案》 only says the national target is to be met");
    const ei = doc.scenarios[0]!.checks.find((c) => c.target === 'energy_intensity')!;
    expect(ei).toMatchObject({ region: 'gansu', fallback_for: null, fallback_reason: null });
  });

  it('peaks: 基准 2035, 政策 2030, 强化 2025', () => {
    // 2021 base: 12,162,789.67438 t (consumption view of examples/jinchang-2021.csv), projected to 2060
    expect(doc.scenarios.map((s) => [s.name, s.peak_year, s.peak_co2_t, s.peaked_by_2030])).toEqual([
      ['基准', 2035, '16207001.326910', false],
      ['政策', 2030, '13340207.051615', true],
      ['强化', 2025, '12591497.792692', true],
    ]);
    // 12,162,789.67438 / (5,316,583.355 × (1 − 0.25)) = 3.050277… tCO2 per tce of fossil energy
    expect(doc.scenarios[0]!.years[0]).toMatchObject({ year: 2021, co2_t: '12162789.674380', gdp: '384.960000', co2_per_fossil_tce: '3.050277' });
    expect(doc.scenarios[0]!.years.at(-1)).toMatchObject({ year: 2060 });
  });

  it('prints peak year and value per scenario in English', () => {
    const run = runCli(['pathway', example, '-f', 'table']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Peak per scenario');
    expect(lines.find((l) => l.startsWith('政策'))).toMatch(/^政策\s+2030\s+13,340,207\.05\s+yes\s+2029–2030/);
    // the national target used for want of Gansu's own is said beside it, with the reason, as intensity does: no warning
    expect(run.stderr).toBe('');
    expect(lines.find((l) => l.startsWith('基准') && l.includes('carbon intensity decline'))).toContain('down ≥ 18% (national; none for gansu)');
    expect(run.stdout).toContain(
      "Target: carbon intensity decline 2020–2025 ≥ 18% (national, cn-targets-14fyp@2023; gansu has none, the national target is used: Gansu's 14th FYP carbon-intensity figure is not published;",
    );
  });

  it('and in Chinese', () => {
    const run = runCli(['pathway', example, '-f', 'table', '--lang', 'zh']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('各情景达峰情况');
    expect(lines[1]).toMatch(/^情景\s+峰值年\s+峰值排放\(吨\)\s+2030年前达峰/);
    expect(lines.find((l) => l.startsWith('基准'))).toMatch(/^基准\s+2035\s+16,207,001\.33\s+否/);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('甘肃无该目标，采用全国目标：甘肃省“十四五”碳强度下降目标未公开数值');
  });

  it('with --indicators: the 2020→2025 checks start from observed 2020, and the history gets the C40 test', () => {
    const run = runCli(['pathway', example, '--indicators', indicators, '--as-of', '2026', '-f', 'json']);
    expect(run.code).toBe(0);
    const d = JSON.parse(run.stdout);
    const ei = (name: string) => d.scenarios.find((s: ScenarioJson) => s.name === name).checks.find((c: { target: string }) => c.target === 'energy_intensity');
    // Gansu's 12.5 %. EI 2020 (2021 prices) = 5,020,974 / (384.96 / 1.075 × 10^4) = 1.402106…; EI 2021 = 1.381074…
    // 强化 falls 3 %/yr 2022–2025: 1.381074 × 0.97^4 = 1.222655… → 12.7987 % below 2020, met; 政策 2.6 %/yr → 11.35 %, missed
    const pct = (v: string) => new Decimal(v).toFixed(2);
    expect([pct(ei('政策').value_pct), ei('政策').met, pct(ei('强化').value_pct), ei('强化').met]).toEqual(['11.35', false, '12.80', true]);
    expect(d.history.peaking).toMatchObject({ status: 'not_peaked', points: 9, peak_year: 2023, latest_year: 2023, as_of: 2026 });
  });

  it('writes long CSV by scenario and year', () => {
    const run = runCli(['pathway', example, '-f', 'csv']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]!.startsWith('record,scenario,year,gdp,energy_tce,co2_t,net_co2_t,')).toBe(true);
    expect(lines.filter((l) => l.startsWith('projected,')).length).toBe(3 * 40);
    expect(lines.filter((l) => l.startsWith('summary,')).length).toBe(3);
  });

  it('Monte Carlo is the same for the same seed', () => {
    const a = runCli(['pathway', example, '--runs', '30', '--seed', '11', '-f', 'json']);
    const b = runCli(['pathway', example, '--runs', '30', '--seed', '11', '-f', 'json']);
    expect(a.code).toBe(0);
    const mc = (r: typeof a) => JSON.parse(r.stdout).scenarios.map((s: { monte_carlo: unknown }) => s.monte_carlo);
    expect(mc(a)).toEqual(mc(b));
    expect(mc(a)[0]).toMatchObject({ runs: 30, seed: 11, variables: ['gdp_growth_pct'] });
  });
});

describe('the bundled scenarios agree with the other bundled examples, and the docs with the tool', () => {
  it("the scenarios' 2021 base is what calc computes on examples/jinchang-2021.csv (consumption view), to the decimals written", () => {
    const calc = JSON.parse(runCli(['calc', 'examples/jinchang-2021.csv', '--totals', '-f', 'json', '--decimals', 'full']).stdout);
    const header = readFileSync(example, 'utf8').split('\n').find((l) => l.startsWith('scenario,'))!.split(',');
    const base = readFileSync(example, 'utf8').split('\n').find((l) => l.startsWith('基准,,2021,'))!.split(',');
    const cell = (name: string) => base[header.indexOf(name)]!;
    expect(cell('energy_tce')).toBe(calc.totals.energy_tce);
    const decimals = cell('co2_t').split('.')[1]?.length ?? 0;
    expect(new Decimal(calc.totals.consumption_co2_t).toFixed(decimals)).toBe(cell('co2_t'));
  });

  it('with --indicators and with --data the base agrees: no disagreement is warned about', () => {
    for (const args of [['--indicators', indicators], ['--indicators', indicators, '--data', 'examples/jinchang-2021.csv']]) {
      const run = runCli(['pathway', example, ...args, '-f', 'json']);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('in the scenarios file but');
    }
  });

  it('examples/README.md and docs/PATHWAY.md quote the peaks the tool prints', () => {
    const run = runCli(['pathway', example, '-f', 'table']);
    const peaks = ['基准', '政策', '强化'].map((name) => {
      const m = new RegExp(`^${name}\\s+(\\d{4})\\s+([\\d,.]+)`, 'm').exec(run.stdout)!;
      return `${name} ${m[1]} at ${m[2]} t`;
    });
    for (const doc of ['examples/README.md', 'docs/PATHWAY.md']) {
      const text = readFileSync(doc, 'utf8').replace(/\s+/g, ' ');
      for (const peak of peaks) expect(text, doc).toContain(peak);
    }
  });
});

describe('pathway input problems', () => {
  it('lists every problem with file:line:column, exit 1, nothing on stdout', () => {
    const run = runCli(['pathway', 'test/fixtures/pathway/bad.csv']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'test/fixtures/pathway/bad.csv:2:5: error: gdp_growth_pct "106.5" is out of range: a yearly rate in percent must lie between −20 and 30 (106.5 looks like an index, 0.065 like a fraction) (fix: write the rate in percent: 6.5 for 6.5 % (not 106.5 or 0.065))',
    );
  });
  it('in Chinese too', () => {
    const run = runCli(['pathway', 'test/fixtures/pathway/bad.csv', '--lang', 'zh']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('test/fixtures/pathway/bad.csv:2:5: 错误: GDP增速“106.5”超出范围');
  });
  it('an unknown parent is named', () => {
    const run = runCli(['pathway', '-'], { input: 'scenario,based_on,year,gdp,gdp_growth_pct,energy_tce,energy_intensity_decline_pct,non_fossil_share_pct,co2_per_fossil_tce\nA,,2020,100,6,50,2,20,2.5\nB,C,2021,,,,,,\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('scenario "B" is based on "C", which the file does not define (scenarios: A, B)');
  });
  it('--seed without --runs is a usage error', () => {
    const run = runCli(['pathway', example, '--seed', '3']);
    expect(run.code).toBe(2);
  });
});

describe('pathway against the bundled 2030 target', () => {
  it('−48.4 % in 2020 against 2005 (--ci-2005 2020:48.4) needs 3.8074 % a year to reach the −65 % of 中发〔2021〕36号', () => {
    // I2005 = I2020 / 0.516; needed from 2020: 1 − (0.35 / 0.516)^(1/10) = 3.80736 %.
    // The scenario: CI falls by 3 % a year (energy intensity) and by the fossil share 84 % → 75 %:
    // I2030 / I2020 = 0.97^10 × 0.75 / 0.84 = 0.658414… → 1 − 0.516 × 0.658414 = 66.03 % ≥ 65: met
    const run = runCli(['pathway', 'test/fixtures/pathway/national.csv', '--region', 'national', '--ci-2005', '2020:48.4', '-f', 'json']);
    expect(run.code).toBe(0);
    const check = JSON.parse(run.stdout).scenarios[0].checks.find((c: { from: number }) => c.from === 2005);
    expect(check).toMatchObject({ target: 'carbon_intensity', to: 2030, target_pct: '65.000000', met: true, source: 'cn-targets-2030@2023' });
    expect(new Decimal(check.required_annual_pct).toFixed(4)).toBe('3.8074');
    expect(new Decimal(check.value_pct).toFixed(2)).toBe('66.03');
  });
  it('a bad --ci-2005 is a usage error', () => {
    const run = runCli(['pathway', 'test/fixtures/pathway/national.csv', '--ci-2005', '48.4']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--ci-2005 "48.4" is not year:percent');
  });
});

describe('pathway with the base year from --indicators and --data', () => {
  it('takes GDP from the indicators file and energy and CO2 from the activity data', () => {
    const run = runCli(['pathway', 'test/fixtures/pathway/from-data.csv', '--indicators', indicators, '--data', 'examples/jinchang-2021.csv', '--as-of', '2026', '-f', 'json']);
    expect(run.code).toBe(0);
    const y = JSON.parse(run.stdout).scenarios[0].years;
    // 2021: GDP 384.96 (indicators), energy 5,316,583.355 tce and consumption CO2 12,162,789.674380 t (calc of the
    // example, with its illustrative reductant, captive plant and wind and solar since issue 16)
    expect(y[0]).toMatchObject({ year: 2021, gdp: '384.960000', energy_tce: '5316583.355000', co2_t: '12162789.674380' });
    // 2022: GDP × 1.06 = 408.0576; energy × 1.06 × 0.97 = 5,466,511.005611
    expect(y[1]).toMatchObject({ year: 2022, gdp: '408.057600', energy_tce: '5466511.005611' });
  });
});

describe('pathway -o pathway.xlsx', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'jc-pathway-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  it('has a sheet per scenario, with the years', async () => {
    const out = join(tmp, 'pathway.xlsx');
    const run = runCli(['pathway', example, '-o', out, '--lang', 'zh']);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['达峰情况', '目标检查', '基准', '政策', '强化', '说明']));
    const ws = wb.getWorksheet('政策')!;
    expect(ws.rowCount).toBe(1 + 40);
    expect(ws.getRow(2).getCell(1).value).toBe(2021);
  });
});

describe('pathway help', () => {
  it('in both languages', () => {
    expect(runCli(['pathway', '--help']).stdout).toContain('--ci-2005 <year:pct>');
    expect(runCli(['pathway', '--help', '--lang', 'zh']).stdout).toContain('公布的碳排放强度比 2005 年下降幅度');
  });
});
