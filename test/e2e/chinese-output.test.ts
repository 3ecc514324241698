/**
 * What a Chinese reader sees: no raw keys of the code (standard-coal, co2 view, energy_tce, gansu)
 * where a sentence or a label is meant. Option names (--grid) stay, beside a Chinese label.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJSModule from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// exceljs is CommonJS: its exports arrive as the default import
const ExcelJS = ExcelJSModule as unknown as typeof import('exceljs');
const example = 'examples/jinchang-2021.csv';
const indicators = 'examples/jinchang-indicators.csv';

/** The Markdown of one chapter: from its heading to the next. */
function chapter(md: string, title: string): string {
  const start = md.search(new RegExp(`^## \\d+\\. ${title}`, 'm'));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const next = md.slice(start + 3).search(/^## /m);
  return next < 0 ? md.slice(start) : md.slice(start, start + 3 + next);
}

describe('report --lang zh: the intensity and method chapters in Chinese', () => {
  const run = runCli(['report', example, '--indicators', indicators, '--assessment-basis', '--lang', 'zh', '-f', 'md']);
  const intensity = chapter(run.stdout, '能耗强度与碳排放强度');
  const method = chapter(run.stdout, '核算方法');

  it('runs', () => {
    expect(run.code).toBe(0);
  });

  it('names the region of a fallback target in Chinese, in a Chinese sentence', () => {
    expect(intensity).not.toContain('gansu');
    expect(intensity).toContain('甘肃没有 2015—2020 年的能耗强度下降目标');
    expect(intensity).toContain('碳强度所用活动数据 CO2 口径：消费端排放 CO2。');
  });

  it('labels every option in Chinese, the option itself beside it', () => {
    for (const raw of ['| --grid |', 'co2 view', 'assessment basis', 'factors: ', 'standard-coal', '| equivalent |', 'energy_tce']) {
      expect(method, raw).not.toContain(raw);
    }
    for (const row of [
      '| 电网排放因子地区（--grid） | 甘肃（gansu） |',
      '| 电力折标准煤方法（--electricity-method） | 当量值（equivalent） |',
      '| 全球增温潜势（--gwp） | IPCC 第五次评估报告（AR5） |',
      '| 因子表：折标准煤系数 | cn-gbt2589@2020 |',
      '| 强度目标所属地区（--region） | 甘肃（gansu） |',
      '| 碳排放强度所用 CO2 口径（--co2-view） | 消费端排放 CO2（consumption） |',
    ]) {
      expect(method).toContain(row);
    }
    // the factor tables' kinds
    expect(method).toMatch(/\| cn-gbt2589@2020 \| 折标准煤系数 \|/);
    expect(method).toMatch(/\| mee-grid-2021@[^|]+ \| 电网排放因子 \|/);
  });

  it('in English, the same rows say what each option is', () => {
    const en = runCli(['report', example, '--indicators', indicators, '--lang', 'en', '-f', 'md']);
    const m = chapter(en.stdout, 'Method');
    expect(m).toContain('| Grid factor region (--grid) | gansu |');
    expect(m).toContain('| Electricity in standard coal (--electricity-method) | equivalent (calorific equivalent) |');
    expect(m).toContain('| Factor table: standard-coal | cn-gbt2589@2020 |');
    expect(chapter(en.stdout, 'Energy and carbon intensity')).toContain('Gansu');
  });
});

describe('indicators messages name their columns in Chinese', () => {
  it('a figure of the indicators file replaced by the activity data', () => {
    const file = 'year,gdp,gdp_index,energy_tce,co2_t\n2020,303.41,104.2,5020974,1\n2021,384.96,107.5,5316583,12162789\n';
    const r = runCli(['report', 'examples/jinchang-2020.csv', '--indicators', '-', '--lang', 'zh', '-f', 'md'], { input: file });
    expect(r.stderr).toContain('2020 年：指标文件中的二氧化碳排放量 1 被活动水平文件计算结果');
    expect(r.stderr).not.toMatch(/中的co2_t/);
  });
});

describe('regions, units and colons in Chinese output', () => {
  it('a grid year fallback names the region 甘肃, not gansu; the factor list ends its heading with a Chinese colon', () => {
    const r = runCli(['calc', 'examples/jinchang-2020.csv', '--lang', 'zh', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2020 年数据使用了 2021 年的电网因子（甘肃）：');
    expect(r.stdout).toContain('所用因子表：\n');
    expect(r.stdout).not.toContain('所用因子表:');
  });

  it('pathway targets name their regions in Chinese (全国，甘肃无)', () => {
    const r = runCli(['pathway', 'examples/jinchang-scenarios.csv', '--indicators', indicators, '--lang', 'zh', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/碳排放强度下降\s+2020—2025\s+下降[\d.]+%\s+下降≥18%（全国，甘肃无）/);
    expect(r.stdout).toMatch(/下降≥12\.5%（甘肃）/);
    expect(r.stdout).not.toMatch(/gansu|national/);
  });

  it('the decomposition chapter gives energy in 吨标准煤, not tce', () => {
    const r = runCli(['report', 'examples/jinchang-2020.csv', example, '--indicators', indicators, '--lang', 'zh', '-f', 'md']);
    expect(r.code).toBe(0);
    const decomposition = chapter(r.stdout, '排放变化因素分解');
    expect(decomposition).toContain('能耗为同一口径的终端消费（不含原料用能）：2020 年 3,792,147 吨标准煤，2021 年 4,234,957 吨标准煤。');
    expect(decomposition).not.toMatch(/\btce\b/);
  });
});

describe('factor tables and input uses named in Chinese', () => {
  it('factors list: kinds by name, 不限 for any year', () => {
    const r = runCli(['factors', 'list', '--lang', 'zh', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cn-gbt2589\s+2020\s+折标准煤系数\s+不限\s+CN\s+是\s/m);
    expect(r.stdout).not.toMatch(/standard-coal|\bany\b/);
    // a machine format keeps the keys
    expect(runCli(['factors', 'list', '--lang', 'zh', '-f', 'csv']).stdout).toContain('cn-gbt2589,2020,standard-coal,any,CN,');
  });

  it('factors check -f table: the kind by name in Chinese', () => {
    const r = runCli(['factors', 'check', 'test/fixtures/factors/good', '--lang', 'zh', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gansu-grid-2024\.csv\s+是\s+test-gansu-grid-2024@2026-01\s+电网排放因子\s+3\s/);
    expect(r.stdout).not.toMatch(/\s(grid|combustion)\s/);
  });

  it('factors diff: the kind by name in Chinese; "1 row" in English', () => {
    const zh = runCli(['factors', 'diff', 'mee-grid-2022', 'mee-grid-2023', '--lang', 'zh', '-f', 'csv']);
    expect(zh.stderr).toBe('mee-grid-2022@2024-12 → mee-grid-2023@2025-12（电网排放因子）：40 行变化，0 行新增，0 行删除，0 行相同\n');
  });

  it('a use that does not fit the fuel is named as the input writes it in Chinese', () => {
    const r = runCli(['validate', '-', '--lang', 'zh'], { input: '年份,部门,能源品种,消费量,计量单位,用途\n2021,32,电力,100,万千瓦时,还原剂\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('用途“还原剂”不适用于电力');
    expect(r.stderr).not.toMatch(/用途 reductant/);
  });
});

describe('intensity in Chinese: regions by name, workbook words in Chinese', () => {
  it('the periods table and the notes name 甘肃 and 全国', () => {
    const r = runCli(['intensity', indicators, '--lang', 'zh', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/能耗强度\s+2023\s+下降2\.54%\s+下降0\.86%\s+下降12\.5%（甘肃）\s+进度滞后/);
    expect(r.stdout).toContain('下降18%（全国，甘肃无）');
    expect(r.stdout).toContain('目标：2015—2020 能耗强度下降 15%（全国，cn-targets-13fyp@2016；甘肃无该目标，采用全国目标');
    expect(r.stdout).not.toMatch(/gansu|national/);
  });

  it('the workbook: measures, statuses, regions and sources in words', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jc-zh-')), 'i.xlsx');
    expect(runCli(['intensity', indicators, '--data', example, '--lang', 'zh', '-o', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = (name: string) => {
      const all: string[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => all.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return all;
    };
    const periods = rows('分时期目标');
    const energy2025 = periods.find((r) => r[0] === '2020' && r[3] === '能耗强度')!;
    expect(energy2025.slice(10, 13)).toEqual(['甘肃', 'cn-targets-14fyp@2023', '进度滞后']);
    expect(periods.find((r) => r[0] === '2015' && r[3] === '能耗强度')!.slice(10, 14)).toEqual(['全国', 'cn-targets-13fyp@2016', '完成', '是']);
    const years = rows('分年度强度');
    expect(years.find((r) => r[0] === '2021')!.at(-1)).toBe('能耗：活动水平数据；CO2：活动水平数据；原料用能：活动水平数据；非化石能源：活动水平数据');
    expect(years.find((r) => r[0] === '2020')!.at(-1)).toBe('能耗：指标文件；CO2：指标文件');
  });
});

describe('pathway workbook: headers and words, not keys', () => {
  async function sheets(lang: string) {
    const out = join(mkdtempSync(join(tmpdir(), 'jc-zh-')), 'p.xlsx');
    expect(runCli(['pathway', 'examples/jinchang-scenarios.csv', '--indicators', indicators, '--lang', lang, '-o', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    return (i: number) => {
      const all: string[][] = [];
      wb.worksheets[i]!.eachRow((row) => all.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return all;
    };
  }

  it('in Chinese', async () => {
    const sheet = await sheets('zh');
    const [head, ...rows] = sheet(0);
    expect(head).toContain('平台期起');
    expect(head).toContain('达峰形态');
    expect(head!.some((h) => /^[a-z_]+$/.test(h))).toBe(false);
    for (const r of rows) {
      expect(['是', '否']).toContain(r[3]);
      expect(['达峰', '未达峰', '起始年最高']).toContain(r.at(-1));
    }
    const [checksHead, ...checks] = sheet(1);
    expect(checksHead).toEqual(expect.arrayContaining(['是否完成', '完成情况']));
    const status = checksHead!.indexOf('完成情况');
    for (const c of checks) expect(['完成', '未完成', '无内置目标', '无数据']).toContain(c[status]);
  });

  it('in English the headers are words too, and the workbook opens (no sheet named History, which Excel reserves)', async () => {
    const [head] = (await sheets('en'))(0);
    expect(head).toEqual(expect.arrayContaining(['Plateau from', 'Plateau to', 'Peak']));
  });
});

describe('the report heading line', () => {
  it('uses Chinese colons in Chinese, English ones in English', () => {
    const zh = runCli(['report', example, '--lang', 'zh', '-f', 'md']).stdout;
    expect(zh).toContain('核算年份：2021 · 数据年份：2021 · 生成工具：jinchang-carbon');
    const en = runCli(['report', example, '--lang', 'en', '-f', 'md']).stdout;
    expect(en).toContain('Report year: 2021 · Years in the data: 2021 · Generated by: jinchang-carbon');
  });
});

describe('units of quantities in Chinese tables', () => {
  it('the report\'s fuel table: 吨, 立方米, 千瓦时, 吉焦', () => {
    const md = runCli(['report', example, '--lang', 'zh', '-f', 'md']).stdout;
    const fuels = chapter(md, '分能源品种');
    expect(fuels).toMatch(/\| 原煤 \|  \| 1 \| 4,231,000 \| 吨 \|/);
    expect(fuels).toMatch(/\| 天然气 \|  \| 1 \| 307,500,000 \| 立方米 \|/);
    expect(fuels).toMatch(/\| 电力 \|  \| 2 \| 9,078,000,000 \| 千瓦时 \|/);
    expect(fuels).toMatch(/\| 热力 \|  \| 2 \| 14,200,000 \| 吉焦 \|/);
    expect(fuels).not.toMatch(/\| (t|m3|kWh|GJ) \|/);
  });

  it('the workbook\'s By fuel and Rows sheets', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jc-zh-')), 'u.xlsx');
    expect(runCli(['calc', example, '--lang', 'zh', '-o', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const name of ['分能源品种', '明细']) {
      const ws = wb.getWorksheet(name)!;
      const i = (ws.getRow(1).values as unknown[]).indexOf('单位');
      const units = new Set<string>();
      ws.eachRow((row, n) => {
        if (n > 1) units.add(String(row.getCell(i).value));
      });
      expect(units, name).toEqual(new Set(['吨', '立方米', '千瓦时', '吉焦']));
    }
  });
});
