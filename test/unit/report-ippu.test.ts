import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation } from '../../src/core/calc/run.js';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../../src/core/report/index.js';
import { IPPU_CHART } from '../../src/core/report/ippu.js';

const { dict, registry } = loadBundled();
const file = (text: string, path: string) => ({ path, bytes: Buffer.from(text, 'utf8') });
const tool = { name: 'jinchang-carbon', version: '0.0.0-test' };
const activity = file('year,sector,fuel,quantity,unit,use\n2021,26,天然气,1000,万m3,原料\n2021,30,原煤,1000,t,\n', 'a.csv');
const process = file('year,sector,product,quantity,unit,technology\n2021,30,水泥熟料,1000,t,\n2021,26,硝酸,100,t,中压法\n2021,26,合成氨,10000,t,\n', 'p.csv');

describe('the IPPU chapter of the report', () => {
  it('comes after the scopes only with a process file, energy and process side by side, by product', () => {
    const without = buildReport({ calc: runCalculation([activity], dict, registry), lang: 'en', tool });
    expect(without.sections.map((s) => s.id)).not.toContain('ippu');
    const calc = runCalculation([activity, process], dict, registry);
    const doc = buildReport({ calc, lang: 'en', tool });
    expect(doc.sections.map((s) => s.id)).toEqual(['summary', 'sectors', 'fuels', 'scopes', 'views', 'ippu', 'trend', 'intensity', 'non-fossil', 'method', 'warnings']);
    const ippu = doc.sections.find((s) => s.id === 'ippu')!;
    const cards = ippu.blocks.find((b) => b.kind === 'cards');
    // clinker 1000 × 0.52 = 520; nitric acid 100 t × 7 kg = 0.7 t N2O × 265 = 185.5; ammonia 21,621.88809 (all the sector's feedstock gas)
    expect(cards?.kind === 'cards' ? cards.cards.map((c) => [c.key, c.exact]) : []).toEqual([
      ['territorial_co2e_t', calc.totals.territorial_co2e_t.toString()],
      ['process_co2e_t', '22327.38809'],
      ['inventory_co2e_t', calc.totals.territorial_co2e_t.plus('22327.38809').toString()],
    ]);
    const table = ippu.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.table.rows.map((r) => [r[0], r[1], r[6], r[7]]) : []).toEqual([
      ['ammonia', '2.B.1', '21,621.89', '96.8%'],
      ['cement clinker', '2.A.1', '520.00', '2.3%'],
      ['nitric acid', '2.B.2', '185.50', '0.8%'],
    ]);
    const html = renderReportHtml(doc);
    expect(html).toContain(`data-chart="${IPPU_CHART}"`);
    expect(renderReportMarkdown(buildReport({ calc, lang: 'zh', tool }))).toContain('工业生产过程排放（IPPU）');
  });
});
