// The report's headline and scope figures say only what may be quoted (issue 13, "The report, printed").
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation } from '../../src/core/calc/run.js';
import { fixed, grouped } from '../../src/core/format/number.js';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../../src/core/report/index.js';
import type { Card } from '../../src/core/report/doc.js';

const { dict, registry } = loadBundled();
const file = (text: string, path = 'data.csv') => ({ path, bytes: Buffer.from(text, 'utf8') });
const tool = { name: 'jinchang-carbon', version: '0.0.0-test' };

// a power plant that burns coal and sells 900 万kWh, a smelter that burns coal and buys 800 万kWh
const calc = runCalculation(
  [
    file(
      'year,sector,fuel,quantity,unit,use\n' +
        '2021,有色金属冶炼和压延加工业,原煤,1200,t,\n2021,有色金属冶炼和压延加工业,电力,800,万kWh,\n' +
        '2021,电力、热力生产和供应业,原煤,5000,t,\n2021,电力、热力生产和供应业,电力,900,万kWh,output\n' +
        '2023,有色金属冶炼和压延加工业,原煤,1100,t,\n2023,有色金属冶炼和压延加工业,电力,850,万kWh,\n' +
        '2023,电力、热力生产和供应业,原煤,5200,t,\n2023,电力、热力生产和供应业,电力,950,万kWh,output\n',
    ),
  ],
  dict,
  registry,
);
const cardsOf = (lang: 'zh' | 'en') => {
  const b = buildReport({ calc, lang, tool }).sections[0]!.blocks.find((x) => x.kind === 'cards');
  return b?.kind === 'cards' ? b.cards : ([] as Card[]);
};
const chart = (html: string, id: string) => new RegExp(`<svg [^>]*data-chart="${id}"[\\s\\S]*?</svg>`).exec(html)![0];

describe('headline cards', () => {
  it('show territorial CO2 and scope 1 (the same figure by definition) as one card with both names, in both languages', () => {
    const totals = calc.years.at(-1)!.totals;
    expect(totals.territorial_co2_t.equals(totals.scope1_co2_t)).toBe(true);
    for (const lang of ['zh', 'en'] as const) {
      const cards = cardsOf(lang);
      const values = cards.map((c) => c.exact);
      // no two cards carry the same figure
      expect(new Set(values).size, lang).toBe(values.length);
      const territorial = cards.find((c) => c.key === 'territorial_co2_t')!;
      expect(territorial.also).toEqual(['scope1_co2_t']);
      expect(cards.some((c) => c.key === 'scope1_co2_t')).toBe(false);
      expect(territorial.label).toMatch(lang === 'zh' ? /属地.*范围一/ : /Territorial.*scope 1/);
      expect(cards.map((c) => c.key).slice(0, 5)).toEqual(['territorial_co2_t', 'consumption_co2_t', 'provincial_co2_t', 'energy_tce', 'scope2_co2_t']);
    }
    const html = renderReportHtml(buildReport({ calc, lang: 'en', tool }));
    expect(html).toMatch(/<div class="card" data-key="territorial_co2_t" data-value="[^"]+" data-also="scope1_co2_t">/);
    expect(renderReportMarkdown(buildReport({ calc, lang: 'zh', tool }))).toContain('**属地排放 CO2（即范围一）**');
  });
});

describe('the scope donut', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`quotes no scope 1 + 2 sum, in its hole or its caption, and says which view each part belongs to (${lang})`, () => {
      const totals = calc.years.at(-1)!.totals;
      const html = renderReportHtml(buildReport({ calc, lang, tool }));
      const svg = chart(html, 'scope-split');
      const figure = /<figure class="chart-figure" id="fig-scope-split">[\s\S]*?<\/figure>/.exec(html)![0];
      // scope 1 + 2 in any print form: whole tonnes, 2 decimals, 万吨 or Mt
      const sum = totals.co2_t;
      const forms = [grouped(fixed(sum, 0)), grouped(fixed(sum, 2)), grouped(fixed(sum.dividedBy(10_000), 2)), grouped(fixed(sum.dividedBy(1_000_000), 2)), grouped(fixed(sum.dividedBy(1_000), 2))];
      for (const f of forms) expect(figure, f).not.toContain(`>${f}<`);
      expect(figure).not.toMatch(lang === 'zh' ? /范围一 \+ 范围二[:：]/ : /scope 1 \+ 2:/);
      // nothing in the hole: every text is in the legend
      expect(svg.replace(/<g class="legend-item">[\s\S]*?<\/g>/g, '')).not.toMatch(/<text/);
      const legend = [...svg.matchAll(/<g class="legend-item">([\s\S]*?)<\/g>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' '));
      expect(legend).toHaveLength(3);
      if (lang === 'en') {
        expect(legend[0]).toMatch(/of territorial .* of consumption/);
        expect(legend[1]).toMatch(/of territorial .* not in consumption/);
        expect(legend[2]).toMatch(/of consumption .* not in territorial/);
      } else {
        expect(legend[0]).toMatch(/占属地口径 .* 占消费端口径/);
        expect(legend[1]).toMatch(/占属地口径 .* 不计入消费端口径/);
        expect(legend[2]).toMatch(/占消费端口径 .* 不计入属地口径/);
      }
    });
  }
});

describe('a year missing from the data', () => {
  it('is a row of dashes in the trend table and a note, in both languages; the line breaks there', () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = renderReportHtml(buildReport({ calc, lang, tool }));
      const section = /<section id="trend"[\s\S]*?<\/section>/.exec(html)![0];
      expect(section).toContain(lang === 'zh' ? '2022年无数据' : 'No data for 2022');
      expect(section).toMatch(lang === 'zh' ? /<tr><td>2022<\/td><td class="n">—<\/td><td class="n">—<\/td><td class="n">—<\/td><td>无数据<\/td><\/tr>/ : /<tr><td>2022<\/td>(<td class="n">—<\/td>){3}<td>no data<\/td><\/tr>/);
      for (const id of ['trend-co2', 'trend-energy']) {
        const svg = chart(html, id);
        expect(svg, id).toContain('<g class="gap" data-x="2022">');
        // 2021 and 2023 are not joined: no piece of line, since each piece has one point
        expect(svg, id).not.toContain('<path class="line"');
      }
    }
  });
});

describe('English typography', () => {
  it('takes ’ “ ” · × from a Latin font in English (the CJK fonts draw them a full em wide: "city’ s"), not in Chinese', () => {
    const en = renderReportHtml(buildReport({ calc, lang: 'en', tool }));
    const face = /@font-face \{ font-family: "([^"]+)"; src: ([^;]+); unicode-range: ([^;]+); \}/.exec(en)!;
    expect(face[2]).toMatch(/local\("DejaVu Sans"\)/);
    expect(face[2]).not.toMatch(/url\(/);
    // U+2019 (’), U+201C/D (“ ”), U+00B7 (·), U+00D7 (×)
    expect(face[3]).toContain('U+2018-201F');
    expect(face[3]).toContain('U+00B7');
    expect(face[3]).toContain('U+00D7');
    expect(en).toContain(`html:lang(en) body, html:lang(en) svg.chart { font-family: "${face[1]}", `);
    expect(en).toContain('<html lang="en">');
    expect(renderReportHtml(buildReport({ calc, lang: 'zh', tool }))).toContain('<html lang="zh-CN">');
  });
});
