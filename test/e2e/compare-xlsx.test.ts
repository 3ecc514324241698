import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJSModule from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { runCli } from '../helpers/run-cli.js';

// exceljs is CommonJS: its exports arrive as the default import
const ExcelJS = ExcelJSModule as unknown as typeof import('exceljs');
type Sheet = import('exceljs').Worksheet;
const temp = mkdtempSync(join(tmpdir(), 'jc-compare-xlsx-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function readBook(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
const header = (ws: Sheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);
function column(ws: Sheet, name: string): unknown[] {
  const i = header(ws).indexOf(name);
  expect(i, `${ws.name} has a column ${name}`).toBeGreaterThanOrEqual(0);
  const out: unknown[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(row.getCell(i + 1).value);
  });
  return out;
}
/** what a cell shows: the CLI's figure rounded half-to-even to the 2 decimals of its format */
const shown = (value: string) => Number(new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toString());

describe('calc --compare-factors <table> -o x.xlsx', () => {
  const args = ['calc', 'examples/jinchang-2021.csv', '--compare-factors', 'mee-grid-2023'];
  const out = join(temp, 'compare.xlsx');
  const run = runCli([...args, '-o', out]);
  const json = JSON.parse(runCli([...args, '-f', 'json']).stdout);

  it('writes a workbook, nothing on stdout, the tables compared on stderr', async () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('grid: mee-grid-2021@2024-04 → mee-grid-2023@2025-12');
    const wb = await readBook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tables compared', 'Totals', 'Rows', 'Provenance', 'Warnings']);
    const tables = wb.getWorksheet('Tables compared')!;
    expect(header(tables)).toEqual(['Kind', 'Before (base run)', 'After (--compare-factors)']);
    expect((tables.getRow(2).values as unknown[]).slice(1)).toEqual(['grid', 'mee-grid-2021@2024-04', 'mee-grid-2023@2025-12']);
  });

  it('every row with both versions\' values, the change and %, as the JSON gives them', async () => {
    const ws = (await readBook(out)).getWorksheet('Rows')!;
    expect(header(ws).slice(0, 11)).toEqual(['Year', 'Code', 'Sector', 'Fuel id', 'Fuel', 'Scope', 'Use', 'CO2 (t) before', 'CO2 (t) after', 'CO2 (t) change', 'CO2 (t) change %']);
    expect(ws.rowCount - 1).toBe(json.rows.length);
    const codes = column(ws, 'Code');
    const fuels = column(ws, 'Fuel id');
    const uses = column(ws, 'Use');
    const cols = Object.fromEntries(
      ['CO2 (t) before', 'CO2 (t) after', 'CO2 (t) change', 'CO2 (t) change %', 'Energy (tce) before', 'Energy (tce) after', 'CO2e (t) change %'].map((h) => [h, column(ws, h)]),
    );
    json.rows.forEach((r: Record<string, string>, i: number) => {
      const word: Record<string, string> = { energy: 'energy', feedstock: 'feedstock', reductant: 'reductant', output: 'netted output' };
      expect(`${codes[i]}/${fuels[i]}/${uses[i]}`).toBe(`${r.sector_code}/${r.fuel}/${word[r.use!]}`);
      expect(cols['CO2 (t) before']![i]).toBe(shown(r.co2_t_before!));
      expect(cols['CO2 (t) after']![i]).toBe(shown(r.co2_t_after!));
      expect(cols['CO2 (t) change']![i]).toBe(shown(r.co2_t_change!));
      expect(cols['CO2 (t) change %']![i]).toBe(shown(r.co2_t_change_pct!));
      expect(cols['Energy (tce) before']![i]).toBe(shown(r.energy_tce_before!));
      expect(cols['Energy (tce) after']![i]).toBe(shown(r.energy_tce_after!));
      expect(cols['CO2e (t) change %']![i]).toBe(shown(r.co2e_t_change_pct!));
    });
    // sector 09 electricity, 2021: 336,940 t at Gansu 2021's 0.4955 → × 0.4471 / 0.4955 = 304,028 t, −32,912 t, −9.77 %
    const i = json.rows.findIndex((r: Record<string, string>) => r.sector_code === '09' && r.fuel === 'electricity');
    expect([cols['CO2 (t) before']![i], cols['CO2 (t) after']![i], cols['CO2 (t) change']![i], cols['CO2 (t) change %']![i]]).toEqual([336940, 304028, -32912, -9.77]);
  });

  it('the totals of the year, before and after, as the JSON gives them', async () => {
    const ws = (await readBook(out)).getWorksheet('Totals')!;
    expect(header(ws)).toEqual(['Year', 'key', 'Item', 'Unit', 'before', 'after', 'change', 'change %']);
    const keys = column(ws, 'key');
    expect(new Set(column(ws, 'Year'))).toEqual(new Set([2021]));
    expect([...keys].sort()).toEqual(Object.keys(json.totals).sort());
    for (const [k, c] of Object.entries(json.totals as Record<string, Record<string, string | null>>)) {
      const i = keys.indexOf(k);
      expect(column(ws, 'before')[i], k).toBe(shown(c.before!));
      expect(column(ws, 'after')[i], k).toBe(shown(c.after!));
      expect(column(ws, 'change')[i], k).toBe(shown(c.change!));
    }
    // CO2 15,870,026.64 → 15,493,571.44 t: −376,455.20 t, −2.37 %
    const co2 = keys.indexOf('co2_t');
    expect([column(ws, 'before')[co2], column(ws, 'after')[co2], column(ws, 'change')[co2], column(ws, 'change %')[co2]]).toEqual([15870026.64, 15493571.44, -376455.2, -2.37]);
  });

  it('records both runs\' tables in the provenance', async () => {
    const ws = (await readBook(out)).getWorksheet('Provenance')!;
    const cells: string[] = [];
    ws.eachRow((row) => (row.values as unknown[]).forEach((v) => cells.push(String(v))));
    expect(cells).toContain('mee-grid-2021');
    expect(cells).toContain('mee-grid-2023');
    expect(cells).toContain('compareFactors');
  });
});

describe('calc 2020.csv 2021.csv --compare-factors <table> -o x.xlsx --lang zh', () => {
  const out = join(temp, 'compare-zh.xlsx');
  const run = runCli(['calc', 'examples/jinchang-2020.csv', 'examples/jinchang-2021.csv', '--compare-factors', 'mee-grid-2023', '--lang', 'zh', '-o', out]);

  it('in Chinese, totals per year and then their sum, labelled as a sum', async () => {
    expect(run.code).toBe(0);
    const wb = await readBook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['因子表对比', '全市合计', '明细', '数据来源', '警告']);
    expect((wb.getWorksheet('因子表对比')!.getRow(2).values as unknown[]).slice(1)).toEqual(['电网排放因子（grid）', 'mee-grid-2021@2024-04', 'mee-grid-2023@2025-12']);
    const totals = wb.getWorksheet('全市合计')!;
    expect(header(totals)).toEqual(['年份', '键', '项目', '单位', '原', '新', '变化量', '变化率(%)']);
    expect(new Set(column(totals, '年份'))).toEqual(new Set([2020, 2021, '2020–2021年合计']));
    const rows = wb.getWorksheet('明细')!;
    expect(header(rows).slice(0, 8)).toEqual(['年份', '部门代码', '部门', '品种编号', '能源品种', '范围', '用途', 'CO2(吨) 原']);
    expect(new Set(column(rows, '用途'))).toEqual(new Set(['能源消费', '原料', '还原剂', '扣除本地产出']));
    // the sum of the years is the sum of each year's figures, before and after
    const year = column(totals, '年份');
    const keys = column(totals, '键');
    const before = column(totals, '原') as number[];
    const at = (y: unknown) => before[year.findIndex((v, i) => v === y && keys[i] === 'energy_tce')]!;
    // 5,020,974.177 + 5,316,583.355 = 10,337,557.532 tce
    expect([at(2020), at(2021), at('2020–2021年合计')]).toEqual([5020974.18, 5316583.36, 10337557.53]);
  });
});

describe('--compare-factors -o with a format the comparison cannot write', () => {
  it('-o x.txt is a usage error listing the formats, .xlsx among them', () => {
    const r = runCli(['calc', 'examples/jinchang-2021.csv', '--compare-factors', 'mee-grid-2023', '-o', join(temp, 'x.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.xlsx');
  });
});
