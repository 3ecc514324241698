import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// four years of the same 1000万kWh and 200 t diesel: energy each year
// 10,000,000 kWh × 0.1229 kgce/kWh = 1,229 tce + 200 t × 1.4571 tce/t = 291.42 tce → 1,520.42 tce
const years = 'test/fixtures/factors/jinchang-2021-2024.csv';

describe('several years in one run: totals per year, a sum over years only where asked', () => {
  it('--totals as CSV: one line per year and key, with label and unit; no line sums the years', () => {
    const r = runCli(['calc', years, '--totals', '-f', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('year,key,label,unit,value');
    const energy = lines.filter((l) => l.includes(',energy_tce,'));
    expect(energy).toEqual([2021, 2022, 2023, 2024].map((y) => `${y},energy_tce,Total energy consumption,tce,1520.420000`));
    expect(r.stdout).not.toContain('6081.68');
    // scope 2 moves with each year's grid factor: 10,000 MWh × 0.4955 / 0.4772 / 0.4471 / 0.4471 (2023's)
    expect(lines.filter((l) => l.includes(',scope2_co2_t,')).map((l) => l.split(',').at(-1))).toEqual(['4955.000000', '4772.000000', '4471.000000', '4471.000000']);
  });

  it('--totals on a terminal-style table: a column per year, the label carrying the unit', () => {
    const r = runCli(['calc', years, '--totals', '-f', 'table', '--grid-year', '2023']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^City totals\s+2021\s+2022\s+2023\s+2024$/);
    expect(r.stdout).toMatch(/\nTotal energy consumption, tce\s+1,520\.42\s+1,520\.42\s+1,520\.42\s+1,520\.42\n/);
    expect(r.stdout).not.toContain('6,081.68');
  });

  it('--sum-years adds the sum, labelled as one, in every format', () => {
    const table = runCli(['calc', years, '--totals', '-f', 'table', '--sum-years', '--grid-year', '2023']);
    expect(table.stdout.split('\n')[0]).toMatch(/^City totals\s+2021\s+2022\s+2023\s+2024\s+Sum of 2021–2024$/);
    expect(table.stdout).toMatch(/\nTotal energy consumption, tce\s+1,520\.42\s+1,520\.42\s+1,520\.42\s+1,520\.42\s+6,081\.68\n/);
    const csv = runCli(['calc', years, '--totals', '-f', 'csv', '--sum-years', '--grid-year', '2023']);
    expect(csv.stdout).toContain('\n2021-2024,energy_tce,Total energy consumption,tce,6081.680000\n');
    const zh = runCli(['calc', years, '--totals', '-f', 'md', '--sum-years', '--lang', 'zh', '--grid-year', '2023']);
    expect(zh.stdout.split('\n')[0]).toBe('| 全市合计 | 键 | 2021 | 2022 | 2023 | 2024 | 2021–2024年合计 |');
    expect(zh.stdout).toContain('\n| 综合能源消费量（吨标准煤） | energy_tce | 1,520.42 | 1,520.42 | 1,520.42 | 1,520.42 | 6,081.68 |\n');
  });

  it('the rows of several years close with no sum line unless asked, and then a labelled one', () => {
    const plain = runCli(['calc', years, '-f', 'table', '--grid-year', '2023']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('Sum of rows');
    expect(plain.stdout).not.toContain('6,081.68');
    const asked = runCli(['calc', years, '-f', 'table', '--grid-year', '2023', '--sum-years']);
    expect(asked.stdout).toMatch(/\nSum of 2021–2024\s+6,081\.68\s/);
  });

  it('JSON: totals per year in years, and totals_years names the years `totals` adds up', () => {
    const r = runCli(['calc', years, '--totals', '-f', 'json', '--grid-year', '2023']);
    const json = JSON.parse(r.stdout);
    expect(json.totals_years).toEqual([2021, 2022, 2023, 2024]);
    expect(json.years.map((y: { energy_tce: string }) => y.energy_tce)).toEqual(['1520.420000', '1520.420000', '1520.420000', '1520.420000']);
  });

  it('one year in Markdown and TSV: the stable key and a localised label with its unit', () => {
    const md = runCli(['calc', 'test/fixtures/hand-check.csv', '--totals', '-f', 'md', '--lang', 'zh']);
    expect(md.stdout.split('\n')[0]).toBe('| 全市合计 | 键 | 2022 |');
    expect(md.stdout).toMatch(/\n\| 范围二 CO2（外购电力、热力）（吨） \| scope2_co2_t \| [\d,.]+ \|\n/);
    const tsv = runCli(['calc', 'test/fixtures/hand-check.csv', '--totals', '-f', 'tsv', '--lang', 'zh']);
    expect(tsv.stdout.split('\n')[1]).toMatch(/^2022\tenergy_tce\t综合能源消费量\ttce\t[\d.]+$/);
  });

  it('--compare-factors over several years says that its totals add the years up', () => {
    const r = runCli(['calc', years, '--compare-factors', 'mee-grid-2023', '--totals', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nCity totals: Sum of 2021–2024\s+before\s+after/);
  });
});

describe('netted-output rows are labelled', () => {
  it('--by sector,scope: the −840,914 tce row of the plants says it is netted output, not a blank scope', () => {
    // 2,900,000,000 kWh × 0.1229 kgce/kWh + 14,200,000 GJ × 0.03412 = 356,410 + 484,504 = 840,914 tce
    // (the example's wind and solar output rows are in the same row, not netted: 0 tce)
    const en = runCli(['calc', 'examples/jinchang-2021.csv', '--by', 'sector,scope', '-f', 'table']);
    expect(en.stdout).toMatch(/\nProduction and Supply of Electric Power and Heat Power\s+netted output\s+-840,914\.00\s/);
    const zh = runCli(['calc', 'examples/jinchang-2021.csv', '--by', 'sector,scope', '-f', 'md', '--lang', 'zh']);
    expect(zh.stdout).toContain('| 电力、热力生产和供应业 | 扣除本地产出 | -840,914.00 |');
    // machines keep the scope key empty and name the use in its own column
    const csv = runCli(['calc', 'examples/jinchang-2021.csv', '--by', 'sector,scope', '-f', 'csv']);
    expect(csv.stdout).toMatch(/\n44,Production and Supply of Electric Power and Heat Power,,[^\n]*,output,-840914\.000000,/);
  });
});
