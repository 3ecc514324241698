import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const activity = 'examples/jinchang-2021.csv';
const process = 'examples/jinchang-2021-process.csv';

describe('calc with the example activity and process files', () => {
  const both = runCli(['calc', activity, process, '-f', 'json', '--lang', 'en']);
  const alone = runCli(['calc', activity, '-f', 'json', '--lang', 'en']);
  const json = JSON.parse(both.stdout);
  const energy = JSON.parse(alone.stdout);

  it('exits 0 with nothing on stderr: products without process GHG are notes beside the figures', () => {
    expect(both.code).toBe(0);
    expect(both.stderr).toBe('');
    expect(json.notes.map((n: { code: string; line: number }) => [n.code, n.line])).toEqual([
      ['PROCESS_NO_GHG', 7],
      ['PROCESS_NO_GHG', 10],
      ['PROCESS_NO_GHG', 11],
    ]);
    expect(json.notes[1].message).toBe('sulfuric acid (硫酸) releases no process greenhouse gas; its emissions are the fuel, electricity and steam in the activity data');
  });

  it('without the process file, the output says the feedstock counts as no CO2 (a note, not a warning)', () => {
    expect(alone.stderr).toBe('');
    expect(energy.notes.map((n: { code: string; line: number }) => [n.code, n.line])).toEqual([['FEEDSTOCK_NOT_EMITTED', 16]]);
    const table = runCli(['calc', activity, '-f', 'table', '--lang', 'zh']).stdout;
    expect(table).toContain('说明：\n  examples/jinchang-2021.csv:16: 2021年化学原料和化学制品制造业：用作原料的原煤、天然气（499116 吨标准煤）计入能耗，但不计 CO2');
  });

  it('leaves every energy total as it is without the process file', () => {
    for (const key of Object.keys(energy.totals)) {
      if (key.startsWith('process_') || key === 'inventory_co2e_t') continue;
      expect(json.totals[key], key).toBe(energy.totals[key]);
    }
    expect(json.rows).toEqual(energy.rows);
    expect(energy.process).toBeUndefined();
    expect(energy.totals.process_co2_t).toBeUndefined();
  });

  it('adds process CO2, N2O, CO2e and the inventory (territorial CO2e + process CO2e)', () => {
    // clinker 1,200,000 × 0.52 = 624,000; lime 300,000 × 0.75 = 225,000; limestone 50,000 × 0.92 × 0.43971 = 20,226.66;
    // soda ash used 20,000 × 0.99 × 0.41492 = 8,215.416; ammonia: feedstock CO2 (raw coal 967,633.112160 + natural gas
    // 207,570.125664, as if burned with cn-gbt32151@2024) − urea 200,000 × 44/60 = 1,028,536.571157;
    // process CO2 = 1,905,978.647157. Nitric acid 80,000 × 7 kg = 560 t N2O × 265 = 148,400 t CO2e.
    expect(json.totals.process_co2_t).toBe('1905978.647157');
    expect(json.totals.process_n2o_t).toBe('560.000000');
    expect(json.totals.process_co2e_t).toBe('2054378.647157');
    expect(json.totals.inventory_co2e_t).toBe('12617043.465183');
    expect(Number(json.totals.inventory_co2e_t)).toBeCloseTo(Number(json.totals.territorial_co2e_t) + 2054378.647157, 5);
    const ammonia = json.process.find((r: { product: string }) => r.product === 'ammonia');
    expect(ammonia).toMatchObject({ scope: '1', category: 'IV.1', crf: '2.B.1', basis: 'feedstock', urea_co2_t: '146666.666667', process_co2_t: '1028536.571157' });
    expect(ammonia.feedstock.map((f: { fuel: string }) => f.fuel)).toEqual(['raw_coal', 'natural_gas']);
    expect(json.meta.factors.map((f: { id: string }) => f.id)).toContain('ipcc2006-ippu');
    expect(json.meta.inputs.map((i: { path: string; rows: number }) => [i.path, i.rows])).toEqual([[activity, 78], [process, 9]]);
  });

  it('CSV: process rows after the energy rows, with their own columns', () => {
    const csv = runCli(['calc', activity, process, '-f', 'csv']).stdout.trim().split('\n');
    const header = csv[0]!.split(',');
    expect(header.slice(-9)).toEqual(['product', 'product_name', 'technology', 'crf', 'factor', 'factor_unit', 'process_co2_t', 'process_n2o_t', 'process_co2e_t']);
    // quantity and unit share the energy rows' columns; the energy measures stay empty on process rows
    expect(csv.find((l) => l.includes(',clinker,'))).toBe(
      '2021,30,Manufacture of Non-metallic Mineral Products,,,1,IV.1,,1200000,t,,,,,,,,,clinker,cement clinker,,2.A.1,0.52,t/t CO2,624000.000000,0.000000,624000.000000',
    );
  });

  it('the process file alone: its ammonia row finds no feedstock, so its urea is more than the carbon it has', () => {
    const r = runCli(['calc', process, '-f', 'json', '--totals', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'examples/jinchang-2021-process.csv:9: warning: ammonia in Manufacture of Raw Chemical Materials and Chemical Products 2021: no feedstock rows (use=feedstock) in the activity data of that sector and year, so its process CO2 is 0',
    );
    expect(r.stderr).toContain(
      'examples/jinchang-2021-process.csv:9:10: error: the CO2 recovered into urea (146666.67 t) is more than the feedstock carbon gives (0 t CO2)',
    );
  });
});

describe('validate a bad process file', () => {
  it('lists every problem as file:line:column, in English and Chinese', () => {
    const file = 'test/fixtures/process/bad-process.csv';
    const en = runCli(['validate', file, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      [
        `${file}:3:5: error: unit "万立方米" is not a unit of mass; process quantities are tonnes of product or material (fix: use t, 吨, 万吨 or kg)`,
        `${file}:4:6: error: technology "超高压" is not known for nitric acid (硝酸) (fix: use one of: nscr (非选择性催化还原), integrated (尾气分解), atmospheric (常压法), low_pressure (低压法), medium_pressure (中压法), high_pressure (高压法), dual_pressure (双加压法), combined (综合法))`,
        `${file}:5:1: error: year "20x1" is not a four-digit year (fix: write the year as four digits, e.g. 2021 (not 21 or 2021年度))`,
        'invalid: 1 file, 4 data rows, 3 errors, 0 warnings',
        '',
      ].join('\n'),
    );
    const zh = runCli(['validate', file, '--lang', 'zh']);
    expect(zh.stderr.split('\n')[0]).toBe(`${file}:3:5: 错误: 计量单位“万立方米”不是质量单位；工业过程数据按产品或原料的吨数填写（改法：使用 吨、万吨、t 或 kg）`);
    expect(zh.stderr.split('\n')[1]).toBe(`${file}:4:6: 错误: 硝酸没有“超高压”这种工艺（改法：可用：nscr (非选择性催化还原), integrated (尾气分解), atmospheric (常压法), low_pressure (低压法), medium_pressure (中压法), high_pressure (高压法), dual_pressure (双加压法), combined (综合法)）`);
  });
});

describe('template --process', () => {
  it('prints a file that calc reads back (header only: no data rows)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jc-process-'));
    try {
      for (const lang of ['en', 'zh']) {
        const t = runCli(['template', '--process', '--lang', lang]);
        expect(t.code).toBe(0);
        expect(t.stdout).toContain(lang === 'zh' ? '水泥熟料' : 'clinker (水泥熟料)');
        const path = join(dir, `p-${lang}.csv`);
        writeFileSync(path, t.stdout + (lang === 'zh' ? '2021,30,水泥熟料,1,万吨,,,,,,,\n' : '2021,30,clinker,10000,t,,,,,,,\n'));
        const r = runCli(['calc', path, '-f', 'json', '--totals']);
        expect(r.stderr).toBe('');
        expect(JSON.parse(r.stdout).totals.process_co2_t).toBe('5200.000000');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
