import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJSModule from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { runCli } from '../helpers/run-cli.js';

// exceljs is CommonJS: its exports arrive as the default import
const ExcelJS = ExcelJSModule as unknown as typeof import('exceljs');
const tmp = mkdtempSync(join(tmpdir(), 'jc-xlsx-'));
const example = 'examples/jinchang-2021.csv';

async function readBook(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

type Sheet = import('exceljs').Worksheet;

function header(ws: Sheet): string[] {
  return (ws.getRow(1).values as unknown[]).slice(1).map(String);
}

function column(ws: Sheet, name: string): unknown[] {
  const i = header(ws).indexOf(name);
  expect(i, `${ws.name} has a column ${name}`).toBeGreaterThanOrEqual(0);
  const out: unknown[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(row.getCell(i + 1).value);
  });
  return out;
}

describe('calc -o result.xlsx', () => {
  const out = join(tmp, 'result.xlsx');
  const run = runCli(['calc', example, '-o', out]);
  const json = JSON.parse(runCli(['calc', example, '-f', 'json']).stdout);
  const csv = runCli(['calc', example, '-f', 'csv']).stdout.trim().split('\n');

  it('writes a workbook with a sheet per breakdown', async () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const wb = await readBook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Totals', 'By sector', 'By fuel', 'Rows', 'Provenance', 'Warnings']);
  });

  // a cell holds the digits it shows, rounded half-to-even as the CLI and the report print them (2 decimals)
  const shown = (value: string) => Number(new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toString());

  it('reads back with the totals calc prints, to the digits shown', async () => {
    const ws = (await readBook(out)).getWorksheet('Totals')!;
    const keys = column(ws, 'key');
    const y2021 = column(ws, '2021');
    for (const [key, value] of Object.entries(json.totals as Record<string, string>)) {
      const i = keys.indexOf(key);
      expect(i, key).toBeGreaterThanOrEqual(0);
      expect(typeof y2021[i]).toBe('number');
      expect(y2021[i], key).toBe(shown(value));
    }
    // one year: nothing to sum over, so no column of all years
    expect(header(ws)).toEqual(['key', 'Item', 'Unit', '2021']);
  });

  it('writes the rounded figure the CLI prints, not an unrounded one a spreadsheet rounds half-up', async () => {
    const wb = await readBook(out);
    // sector 44 energy 673,512.085 tce (942,322.085 before the example's captive plant took 428,580 tce of coal and
    // 159,770 tce of output into 32) and diesel energy 290,181.465 tce: the CLI and the report print …08 and …46
    const sector = wb.getWorksheet('By sector')!;
    const i = column(sector, 'Code').indexOf('44');
    expect(column(sector, 'Energy (tce)')[i]).toBe(673512.08);
    const fuel = wb.getWorksheet('By fuel')!;
    const j = column(fuel, 'Fuel id').indexOf('diesel');
    expect(column(fuel, 'Energy (tce)')[j]).toBe(290181.46);
    expect(runCli(['calc', example, '--by', 'sector', '-f', 'table']).stdout).toMatch(/Production and Supply of Electric Power and Heat Power\s+1\+2\s+673,512\.08\s/);
  });

  it('labels the netted-output and feedstock rows of the By fuel sheet with their use', async () => {
    const fuel = (await readBook(out)).getWorksheet('By fuel')!;
    const rows = column(fuel, 'Fuel id').map((id, k) => `${id} ${column(fuel, 'Use')[k]}`);
    expect(rows).toContain('electricity energy');
    expect(rows).toContain('electricity netted output');
    expect(rows).toContain('raw_coal feedstock');
  });

  it('has the rows of the CSV, numbers as number cells, summing to the totals', async () => {
    const ws = (await readBook(out)).getWorksheet('Rows')!;
    expect(ws.rowCount).toBe(csv.length);
    const co2 = column(ws, 'CO2 (t)');
    expect(co2.every((v) => typeof v === 'number')).toBe(true);
    const sum = co2.reduce((acc: Decimal, v) => acc.plus(new Decimal(v as number)), new Decimal(0));
    // each cell carries 6 decimals: the sum is off by at most half a unit of the 6th per row
    expect(sum.minus(json.totals.co2_t).abs().toNumber()).toBeLessThanOrEqual(csv.length * 5e-7);
    expect(column(ws, 'Year').every((v) => v === 2021)).toBe(true);
  });

  it('sums by sector and by fuel to the same CO2', async () => {
    const wb = await readBook(out);
    for (const name of ['By sector', 'By fuel']) {
      const co2 = column(wb.getWorksheet(name)!, 'CO2 (t)') as number[];
      const sum = co2.reduce((acc, v) => acc.plus(v), new Decimal(0));
      // each cell rounded to the 2 decimals shown: off by at most half a cent per row
      expect(sum.minus(json.totals.co2_t).abs().toNumber(), name).toBeLessThanOrEqual(co2.length * 5e-3);
    }
  });

  it('records the inputs and factor tables with their sha256', async () => {
    const ws = (await readBook(out)).getWorksheet('Provenance')!;
    const cells: string[] = [];
    ws.eachRow((row) => (row.values as unknown[]).forEach((v) => cells.push(String(v))));
    expect(cells).toContain(json.meta.inputs[0].sha256);
    for (const f of json.meta.factors) {
      expect(cells).toContain(f.id);
      expect(cells).toContain(f.sha256);
    }
    expect(cells).toContain('jinchang-carbon');
  });

  it('names its sheets in Chinese with --lang zh', async () => {
    const zh = join(tmp, 'zh.xlsx');
    expect(runCli(['--lang', 'zh', 'calc', example, '-o', zh]).code).toBe(0);
    const wb = await readBook(zh);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['全市合计', '分部门', '分能源品种', '明细', '数据来源', '警告']);
  });
});

describe('calc 2020.csv 2021.csv -o result.xlsx: totals per year, and all years as a labelled sum', () => {
  const files = ['examples/jinchang-2020.csv', example];
  const json = JSON.parse(runCli(['calc', ...files, '-f', 'json']).stdout);
  const shown = (value: string) => Number(new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toString());

  it('a column per year, then "All years (sum of 2020–2021)" that is their sum, for every total of the one list', async () => {
    const out = join(tmp, 'years.xlsx');
    expect(runCli(['calc', ...files, '-o', out]).code).toBe(0);
    const ws = (await readBook(out)).getWorksheet('Totals')!;
    expect(header(ws)).toEqual(['key', 'Item', 'Unit', '2020', '2021', 'All years (sum of 2020–2021)']);
    const keys = column(ws, 'key');
    const all = column(ws, 'All years (sum of 2020–2021)');
    // every key the CLI prints, in every column
    expect([...keys].sort()).toEqual(Object.keys(json.totals).sort());
    for (const y of json.years as ({ year: number } & Record<string, string>)[]) {
      const col = column(ws, String(y.year));
      for (const key of Object.keys(json.totals)) expect(col[keys.indexOf(key)], `${y.year} ${key}`).toBe(shown(y[key]!));
    }
    for (const [key, value] of Object.entries(json.totals as Record<string, string>)) expect(all[keys.indexOf(key)], key).toBe(shown(value));
    // energy 5,020,974.177 (2020) + 5,316,583.355 (2021) = 10,337,557.532 tce, shown 10,337,557.53
    expect(all[keys.indexOf('energy_tce')]).toBe(10337557.53);
  });

  it('in Chinese: 全部年份（2020–2021年合计）', async () => {
    const out = join(tmp, 'years-zh.xlsx');
    expect(runCli(['calc', ...files, '--lang', 'zh', '-o', out]).code).toBe(0);
    const ws = (await readBook(out)).getWorksheet('全市合计')!;
    expect(header(ws)).toEqual(['键', '项目', '单位', '2020', '2021', '全部年份（2020–2021年合计）']);
    expect(ws.getColumn(6).width).toBeGreaterThanOrEqual(28);
  });
});

describe('calc -o result.xlsx --lang zh: codes with their names, words in Chinese', () => {
  const out = join(tmp, 'codes-zh.xlsx');
  const run = runCli(['calc', example, '--lang', 'zh', '-o', out]);

  it('the sector code column is named as one, wide enough for households-urban, beside the Chinese name', async () => {
    expect(run.code).toBe(0);
    const wb = await readBook(out);
    for (const name of ['分部门', '明细']) {
      const ws = wb.getWorksheet(name)!;
      const i = header(ws).indexOf('部门代码');
      expect(i, name).toBeGreaterThanOrEqual(0);
      expect(header(ws)[i + 1]).toBe('部门');
      expect(ws.getColumn(i + 1).width, name).toBeGreaterThanOrEqual('households-urban'.length + 2);
      const codes = column(ws, '部门代码');
      const names = column(ws, '部门');
      expect(names[codes.indexOf('households-urban')]).toBe('城镇居民生活');
      expect(names[codes.indexOf('trade-catering')]).toBe('批发和零售业、住宿和餐饮业');
    }
  });

  it('the rows say their use in Chinese, as the By fuel sheet does', async () => {
    const ws = (await readBook(out)).getWorksheet('明细')!;
    const uses = new Set(column(ws, '用途'));
    expect(uses).toEqual(new Set(['能源消费', '原料', '还原剂', '扣除本地产出']));
  });

  it('the provenance names factor kinds and options in Chinese, with their keys', async () => {
    const ws = (await readBook(out)).getWorksheet('数据来源')!;
    const cells: string[] = [];
    ws.eachRow((row) => (row.values as unknown[]).forEach((v) => cells.push(String(v))));
    expect(cells).toContain('折标准煤系数（standard-coal）');
    expect(cells).toContain('电网排放因子（grid）');
    expect(cells).toContain('电网排放因子地区（grid）');
    expect(cells).not.toContain('standard-coal');
  });
});

describe('xlsx and formula injection', () => {
  // issue 14 item 13: a string cell is never evaluated, so the text is stored as it is, without the CSV's guard apostrophe
  it('writes text that starts with = + - @ as a string cell, as it is, never as a formula', async () => {
    const out = join(tmp, 'injection.xlsx');
    const run = runCli(['calc', 'test/fixtures/report/injection.csv', '--by', 'year,sector,fuel,note', '-o', out]);
    expect(run.code).toBe(0);
    const wb = await readBook(out);
    let formulas = 0;
    const texts: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
          if (typeof cell.value === 'string') {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            texts.push(cell.value);
          }
        }),
      );
    }
    expect(formulas).toBe(0);
    expect(texts).toContain('=SUM(1+2)');
    expect(texts).toContain('@SUM(A1)');
    expect(texts).toContain('+1');
    expect(texts).toContain('-交通');
    expect(texts.some((t) => t.startsWith("'"))).toBe(false);
  });
});

describe('intensity -o intensity.xlsx', () => {
  it('writes years and periods with the same figures as intensity -f json', async () => {
    const out = join(tmp, 'intensity.xlsx');
    const args = ['intensity', 'examples/jinchang-indicators.csv', '--data', example];
    expect(runCli([...args, '-o', out]).code).toBe(0);
    const json = JSON.parse(runCli([...args, '-f', 'json']).stdout);
    const wb = await readBook(out);
    const years = wb.worksheets[0]!;
    const intensity = column(years, 'Energy intensity (tce per 10⁴ CNY)');
    const yearCol = column(years, 'Year');
    for (const y of json.years as { year: number; energy_intensity: string | null }[]) {
      const i = yearCol.indexOf(y.year);
      expect(i).toBeGreaterThanOrEqual(0);
      if (y.energy_intensity === null) expect(intensity[i]).toBeNull();
      // the 4 decimals the sheet shows (and the report prints), rounded half-to-even
      else expect(intensity[i]).toBe(Number(new Decimal(y.energy_intensity).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toString()));
    }
    expect(wb.worksheets.map((w) => w.name)).toContain('Periods and targets');
  });
});
