// The report's charts as printed from the examples and from a gapped fixture, both languages: no label cut
// with "…", no two texts on each other, a missing year breaks the lines (issue 13, "The report, printed").
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describePairs, outside, overlaps, textBoxes } from '../helpers/svg-layout.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'jc-report-layout-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const charts = (html: string) => [...html.matchAll(/<svg [^>]*data-chart="([^"]+)"[\s\S]*?<\/svg>/g)].map((m) => ({ id: m[1]!, svg: m[0] }));

function report(name: string, args: string[]): string {
  const out = join(tmp, `${name}.html`);
  const run = runCli(['report', ...args, '-o', out]);
  expect(run.code, run.stderr).toBe(0);
  return existsSync(out) ? readFileSync(out, 'utf8') : '';
}

describe.each(['zh', 'en'] as const)('report charts from the examples (%s)', (lang) => {
  // two years of activity data, the indicators and the scenarios: every chart of the report, waterfall and pathway included
  const html = report(`examples-${lang}`, ['examples/jinchang-2020.csv', 'examples/jinchang-2021.csv', '--indicators', 'examples/jinchang-indicators.csv', '--scenarios', 'examples/jinchang-scenarios.csv', '--lang', lang]);

  it('cuts no label with "…": every sector name is printed whole', () => {
    const all = charts(html);
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const { id, svg } of all) expect(svg.replace(/<title>[\s\S]*?<\/title>/g, ''), id).not.toContain('…');
    const sector = all.find((c) => c.id === 'sector-co2')!.svg;
    for (const row of sector.match(/<g class="bar-row"[\s\S]*?<\/g>/g)!) {
      const label = /data-label="([^"]+)"/.exec(row)![1]!.replace(/&amp;/g, '&');
      const lines = textBoxes(row).filter((b) => b.cls === 'bar-label').map((b) => b.text);
      expect(lines.join(lang === 'en' ? ' ' : '').replace(/- /g, '-'), label).toBe(label);
    }
  });

  it('places no text of any chart on another, nor outside the chart', () => {
    for (const { id, svg } of charts(html)) {
      expect(describePairs(overlaps(textBoxes(svg))), id).toEqual([]);
      expect(outside(svg), id).toEqual([]);
    }
  });

  it('shows territorial CO2 and scope 1 as one card, and no scope 1 + 2 figure in the scope donut', () => {
    // no two cards print the same figure
    const values = [...html.matchAll(/<div class="card" data-key="[^"]+" data-value="([^"]+)"/g)].map((m) => m[1]);
    expect(values.length).toBeGreaterThanOrEqual(5);
    expect(new Set(values).size).toBe(values.length);
    expect(html).toContain('data-key="territorial_co2_t"');
    expect(html).toContain('data-also="scope1_co2_t"');
    expect(html).not.toContain('data-key="scope1_co2_t"');
    const donut = charts(html).find((c) => c.id === 'scope-split')!.svg;
    // 2021: scope 1 + 2 = 15,870,026.64 t (the totals table's "every row once") — 1,587.00 万吨, 15.87 Mt
    expect(html).toContain('15,870,026.64');
    for (const f of ['1,587.00', '15.87', '15,870,027']) expect(donut, f).not.toContain(f);
  });
});

describe('a gapped series: 2020, 2021, 2023 (no 2022)', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`breaks the trend lines at 2022 and says so (${lang})`, () => {
      const html = report(`gap-${lang}`, ['test/fixtures/report/gap-years.csv', '--grid-year', '2021', '--lang', lang]);
      const trend = /<section id="trend"[\s\S]*?<\/section>/.exec(html)![0];
      expect(trend).toContain(lang === 'zh' ? '2022年无数据' : 'No data for 2022');
      for (const { id, svg } of charts(trend)) {
        expect(svg, id).toContain('<g class="gap" data-x="2022">');
        // each line is one piece, 2020–2021: it starts once and never reaches 2023's x
        for (const d of [...svg.matchAll(/<path class="line" d="([^"]+)"/g)].map((m) => m[1]!)) {
          expect(d.match(/M/g), id).toHaveLength(1);
          expect(d.match(/L/g), id).toHaveLength(1);
        }
        expect(describePairs(overlaps(textBoxes(svg))), id).toEqual([]);
      }
      expect(trend).toMatch(/<tr><td>2022<\/td>(<td class="n">—<\/td>){3}<td>(无数据|no data)<\/td><\/tr>/);
    });
  }
});
