import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJSModule from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// exceljs is CommonJS: its exports arrive as the default import
const ExcelJS = ExcelJSModule as unknown as typeof import('exceljs');
const tmp = mkdtempSync(join(tmpdir(), 'jc-both-bases-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/*
 * Issue 17's city (test/fixtures/both-bases/city.csv: 100 GWh local wind, 300 GWh consumed, 100,000 tce of coal) with
 * a GDP of 10 亿元 = 100,000 万元 (no index: taken as constant prices):
 *   calorific        energy 100,000 + 300,000,000 × 0.0001229 = 136,870 tce → 1.3687 tce/万元
 *   coal-equivalent  energy 100,000 + 300,000,000 × 0.0003025 = 190,750 tce → 1.9075 tce/万元 (2021 rate 302.5)
 */
const args = ['intensity', 'test/fixtures/both-bases/indicators.csv', '--data', 'test/fixtures/both-bases/city.csv'];

describe('intensity --both-bases', () => {
  it('JSON: new keys beside the old ones, on both bases, whichever --electricity-method', () => {
    for (const method of ['equivalent', 'coal']) {
      const run = runCli([...args, '--both-bases', '--electricity-method', method, '-f', 'json']);
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      const y = out.years[0];
      expect([y.energy_tce_calorific, y.energy_tce_coal_equivalent, y.energy_intensity_calorific, y.energy_intensity_coal_equivalent]).toEqual(['136870.000000', '190750.000000', '1.368700', '1.907500']);
      // the old keys stay, on the run's basis
      expect(y.energy_tce).toBe(method === 'coal' ? '190750.000000' : '136870.000000');
      expect(out.meta.options.bothBases).toBe(true);
      expect(out.meta.options.energy_bases.coal_equivalent.electricity[0]).toMatchObject({ year: 2021, rate: '302.5', table: 'cn-power-coal-rate@2025' });
      expect(out.meta.options.energy_bases.calorific.electricity[0]).toMatchObject({ factor: '0.1229', unit: 'kgce/kWh' });
    }
  });

  it('tables label each column with its basis, and the notes give the rate and its table (both languages)', () => {
    const en = runCli([...args, '--both-bases', '-f', 'md']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('| Energy, calorific basis (tce) | Energy, coal-equivalent basis (tce) | Energy intensity, calorific basis (tce/万元) | Energy intensity, coal-equivalent basis (tce/万元) |');
    expect(en.stdout).toContain('| 136,870.00 | 190,750.00 | 1.3687 | 1.9075 |');
    expect(en.stdout).toContain('calorific basis (电热当量法, 122.9 gce/kWh); coal-equivalent basis (发电煤耗法, 2021: 302.5 gce/kWh, unverified; cn-power-coal-rate@2025)');
    const zh = runCli(['--lang', 'zh', ...args, '--both-bases', '-f', 'md']);
    expect(zh.stdout).toContain('能耗，发电煤耗法(吨标准煤)');
    expect(zh.stdout).toContain('能耗及能耗强度按两种口径并列：电热当量法（当量值，122.9 克标准煤/千瓦时）；发电煤耗法（等价值，2021年 302.5 克标准煤/千瓦时，未核实；cn-power-coal-rate@2025）');
  });

  it('without the option: no new columns, and the notes say which basis --data is on', () => {
    const csv = runCli([...args, '-f', 'csv']);
    expect(csv.stdout.split('\n')[0]).not.toContain('calorific');
    const md = runCli([...args, '-f', 'md']);
    expect(md.stdout).toContain('Energy computed from --data is on the calorific basis (电热当量法, 122.9 gce/kWh); --both-bases shows both bases side by side.');
    expect(runCli([...args, '-f', 'csv', '--both-bases']).stdout.split('\n')[0]).toContain(',energy_tce_calorific,energy_tce_coal_equivalent,energy_intensity_calorific,energy_intensity_coal_equivalent,');
  });

  it('needs --data (usage error, exit 2, in both languages)', () => {
    const run = runCli(['intensity', 'test/fixtures/both-bases/indicators.csv', '--both-bases']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--both-bases needs --data');
    expect(runCli(['--lang', 'zh', 'intensity', 'test/fixtures/both-bases/indicators.csv', '--both-bases']).stderr).toContain('--both-bases 需配合 --data');
  });

  it('the workbook carries the four columns and the note (Chinese)', async () => {
    const out = join(tmp, 'both.xlsx');
    expect(runCli(['--lang', 'zh', ...args, '--both-bases', '-o', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const years = wb.worksheets[0]!;
    const header = (years.getRow(1).values as unknown[]).slice(1).map(String);
    const at = (name: string) => years.getRow(2).getCell(header.indexOf(name) + 1).value;
    expect([at('能耗，电热当量法(吨标准煤)'), at('能耗，发电煤耗法(吨标准煤)'), at('能耗强度，电热当量法(吨标准煤/万元)'), at('能耗强度，发电煤耗法(吨标准煤/万元)')]).toEqual([136870, 190750, 1.3687, 1.9075]);
    const notes: string[] = [];
    wb.worksheets[2]!.eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes.some((n) => n.startsWith('能耗及能耗强度按两种口径并列'))).toBe(true);
  });
});

