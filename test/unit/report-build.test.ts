import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation } from '../../src/core/calc/run.js';
import { Decimal } from '../../src/core/decimal.js';
import { computeIntensity, indicatorYears, type Target } from '../../src/core/intensity/index.js';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../../src/core/report/index.js';

const { dict, registry } = loadBundled();
const file = (text: string, path = 'data.csv') => ({ path, bytes: Buffer.from(text, 'utf8') });
const tool = { name: 'jinchang-carbon', version: '0.0.0-test' };

const calc = runCalculation(
  [file('year,sector,fuel,quantity,unit\n2020,建筑业,柴油,100,t\n2021,建筑业,柴油,90,t\n2021,城镇居民生活,电力,50,万kWh\n')],
  dict,
  registry,
);

describe('buildReport', () => {
  it('is a pure function of its input: the same document twice, no clock in it', () => {
    const a = renderReportHtml(buildReport({ calc, lang: 'zh', tool }));
    const b = renderReportHtml(buildReport({ calc, lang: 'zh', tool }));
    expect(a).toBe(b);
    expect(a).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it('has the sections in order, with no city unless one is given', () => {
    const doc = buildReport({ calc, lang: 'en', tool });
    expect(doc.sections.map((s) => s.id)).toEqual(['summary', 'sectors', 'fuels', 'scopes', 'views', 'trend', 'intensity', 'non-fossil', 'method', 'warnings']);
    expect(doc.title).toBe('Carbon emissions report, 2021');
    expect(buildReport({ calc, lang: 'zh', tool, city: '某市' }).title).toBe('某市2021年碳排放核算报告');
    expect(buildReport({ calc, lang: 'zh', tool, title: '自定标题' }).title).toBe('自定标题');
  });

  it('compares the headline with the year before', () => {
    const cards = buildReport({ calc, lang: 'en', tool }).sections[0]!.blocks.find((b) => b.kind === 'cards');
    const energy = cards?.kind === 'cards' ? cards.cards.find((c) => c.key === 'energy_tce') : undefined;
    expect(energy?.exact).toBe(calc.years[1]!.totals.energy_tce.toString());
    expect(energy?.change).toMatch(/vs 2020$/);
  });

  it('draws the target path from the period start to (1 − target) × the start intensity', () => {
    const years = indicatorYears([
      { year: 2020, gdp: 100, energy_tce: 1000, co2_t: 2500 },
      { year: 2021, gdp: 105, energy_tce: 1010, co2_t: 2480 },
      { year: 2022, gdp: 110, energy_tce: 1000, co2_t: 2450 },
    ]);
    const target: Target = { indicator: 'energy_intensity', from: 2020, to: 2025, reduction_pct: new Decimal('13.5'), region: 'user', source: '--target' };
    const result = computeIntensity(years, { targets: [target], periods: [{ from: 2020, to: 2025 }] });
    const html = renderReportHtml(
      buildReport({ calc, lang: 'en', tool, intensity: { result, co2View: 'consumption', file: { path: 'i.csv', sha256: 'x', rows: 3 }, targetTables: [] } }),
    );
    const svg = /<svg [^>]*data-chart="intensity-energy"[\s\S]*?<\/svg>/.exec(html)![0];
    const target2025 = /data-kind="target">[\s\S]*?<circle class="point" data-x="2025" data-value="([^"]+)"/.exec(svg)!;
    // 1000 tce / (100 亿元 = 10^6 万元) = 0.001 tce per 万元; 13.5 % lower in 2025
    expect(new Decimal(target2025[1]!).equals('0.000865')).toBe(true);
    expect(svg).toMatch(/data-x="2020" data-value="0.001"/);
  });

  it('Markdown carries no raw HTML from the input', () => {
    const odd = runCalculation([file('year,sector,fuel,quantity,unit\n2021,<i>x</i> | y,柴油,1,t\n')], dict, registry);
    const md = renderReportMarkdown(buildReport({ calc: odd, lang: 'en', tool }));
    expect(md).not.toContain('<i>');
    expect(md).toContain('&lt;i&gt;x&lt;/i&gt; \\| y');
  });
});

describe('the example report', () => {
  it('names no city of its own: Jinchang appears only when asked for', () => {
    const source = ['build.ts', 'html.ts', 'markdown.ts', 'text.ts'].map((f) => readFileSync(new URL(`../../src/core/report/${f}`, import.meta.url), 'utf8')).join('\n');
    expect(source).not.toMatch(/金昌|Jinchang/);
  });
});
