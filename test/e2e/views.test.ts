import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJSModule from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * The three views (provincial 省级核算, territorial IPCC·CEADs, consumption GPC) are in every output of
 * calc and in the report, labelled with whose convention each is, in both languages (issue 16).
 */
const ExcelJS = ExcelJSModule as unknown as typeof import('exceljs');
const example = 'examples/jinchang-2021.csv';
const tmp = mkdtempSync(join(tmpdir(), 'jc-views-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LABELS = {
  en: ['Provincial CO2', '省级核算', 'Territorial CO2', 'IPCC·CEADs', 'Consumption CO2', 'GPC BASIC', 'Net imported electricity'],
  zh: ['省级核算 CO2', '省级核算口径', '属地排放 CO2', 'IPCC·CEADs 口径', '消费端排放 CO2', 'GPC BASIC 口径', '净调入电量'],
};

describe('the three views in every output', () => {
  it('calc JSON carries provincial_co2_t, net_import_electricity_kwh and reductant_co2_t beside the two others', () => {
    const json = JSON.parse(runCli(['calc', example, '-f', 'json']).stdout);
    for (const key of ['provincial_co2_t', 'territorial_co2_t', 'consumption_co2_t', 'net_import_electricity_kwh', 'reductant_co2_t']) {
      expect(json.totals, key).toHaveProperty(key);
      expect(json.years[0], key).toHaveProperty(key);
    }
    expect(json.totals.provincial_co2_t).toBe('11136826.639311');
    expect(json.totals.net_import_electricity_kwh).toBe('1378000000.000000');
    expect(json.generation.map((g: { fuel: string; kwh: string }) => [g.fuel, g.kwh])).toEqual([
      ['electricity', '4200000000.000000'],
      ['wind_power', '1000000000.000000'],
      ['solar_power', '2500000000.000000'],
    ]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`the terminal table labels each view with its convention (--lang ${lang})`, () => {
      const run = runCli(['calc', example, '-f', 'table', '--lang', lang]);
      expect(run.code).toBe(0);
      for (const text of LABELS[lang]) expect(run.stdout, text).toContain(text);
    });

    it(`the xlsx Totals sheet has them labelled (--lang ${lang})`, async () => {
      const out = join(tmp, `views-${lang}.xlsx`);
      expect(runCli(['calc', example, '--lang', lang, '-o', out]).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      const text = cells.join('\n');
      for (const key of ['provincial_co2_t', 'net_import_electricity_kwh', 'reductant_co2_t']) expect(text).toContain(key);
      for (const label of LABELS[lang].filter((l) => !/^(Net|净)/.test(l))) expect(text, label).toContain(label);
    });

    it(`the report has a chapter with the three views, a sentence each (--lang ${lang})`, () => {
      const out = join(tmp, `report-${lang}.md`);
      expect(runCli(['report', example, '--lang', lang, '-o', out]).code).toBe(0);
      const md = readFileSync(out, 'utf8');
      const chapter = md.slice(md.indexOf(lang === 'en' ? 'Three views of the same emissions' : '同一排放的三种核算口径'));
      expect(chapter.length).toBeLessThan(md.length);
      for (const text of lang === 'en'
        ? ['Provincial CO2 | 11,136,826.64 t', 'IPCC·CEADs', 'GPC BASIC', 'The provincial view is', 'The territorial view counts', 'The consumption view charges']
        : ['省级核算 CO2 | 11,136,826.64 吨', 'IPCC·CEADs 属地清单口径', 'GPC BASIC 口径', '省级核算口径是', '属地口径统计', '消费端口径按'])
        expect(chapter, text).toContain(text);
    });
  }

  it('calc --totals -f md lists the three views too', () => {
    const md = runCli(['calc', example, '--totals', '-f', 'md', '--lang', 'zh']).stdout;
    for (const text of LABELS.zh) expect(md, text).toContain(text);
  });
});
