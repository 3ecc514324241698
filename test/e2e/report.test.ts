import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { fixed, grouped } from '../../src/core/format/number.js';
import { REPORT_CHARTS } from '../../src/core/report/build.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'jc-report-'));
const example = 'examples/jinchang-2021.csv';
const indicators = 'examples/jinchang-indicators.csv';
const twoYears = 'test/fixtures/report/two-years.csv';
const twoYearsIndicators = 'test/fixtures/report/indicators.csv';
const SECTIONS = ['summary', 'sectors', 'fuels', 'scopes', 'trend', 'intensity', 'non-fossil', 'method', 'warnings'];
const TOTAL_KEYS = ['territorial_co2_t', 'consumption_co2_t', 'energy_tce', 'scope1_co2_t', 'scope2_co2_t'];

function calcTotals(file: string): { totals: Record<string, string>; years: ({ year: number } & Record<string, string>)[]; meta: { inputs: { sha256: string }[]; factors: { id: string; version: string; sha256: string }[] } } {
  const run = runCli(['calc', file, '-f', 'json', '--decimals', 'full']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

/** data-value of each headline card, keyed by its totals key and the keys it also stands for (data-also) */
function cards(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<div class="card" data-key="([^"]+)" data-value="([^"]+)"(?: data-also="([^"]+)")?>/g)].flatMap((m) => [m[1]!, ...(m[3]?.split(' ') ?? [])].map((k) => [k, m[2]!])),
  );
}

function chart(html: string, id: string): string {
  const m = new RegExp(`<svg [^>]*data-chart="${id}"[\\s\\S]*?</svg>`).exec(html);
  return m ? m[0] : '';
}

/** A self-contained page: nothing it could fetch, nothing it could run. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/@import|url\(/i);
  expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?\s*(https?:|\/\/)/i);
  // the only absolute URL is the SVG namespace, which is a name, not a request
  const urls = [...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
  expect(new Set(urls)).toEqual(new Set(urls.length ? ['http://www.w3.org/2000/svg'] : []));
  expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
}

describe('report from the examples (HTML, Chinese by default)', () => {
  const out = join(tmp, 'report.html');
  const run = runCli(['report', example, '--indicators', indicators, '--city', '金昌市', '-o', out]);
  const html = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const calc = calcTotals(example);

  it('writes the file and nothing on stdout', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('is in Chinese without --lang, titled from --city and the year', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>金昌市2021年碳排放核算报告</h1>');
    expect(html).toContain('分部门二氧化碳排放');
  });

  it('has every section and every chart, each with something drawn', () => {
    for (const id of SECTIONS) expect(html).toContain(`<section id="${id}"`);
    for (const id of REPORT_CHARTS) {
      const svg = chart(html, id);
      expect(svg, id).not.toBe('');
      expect(svg, id).not.toContain('data-empty="true"');
      expect(svg, id).toMatch(/class="(bar|slice|line|point)"/);
    }
  });

  it('leads with the same totals as calc, exactly', () => {
    const c = cards(html);
    for (const key of TOTAL_KEYS) expect(c[key], key).toBe(calc.totals[key]);
  });

  it('prints the totals, rounded to 2 decimals, in the tables', () => {
    for (const key of ['energy_tce', 'territorial_co2_t', 'consumption_co2_t', 'co2_t']) {
      expect(html).toContain(grouped(fixed(new Decimal(calc.totals[key]!), 2)));
    }
    // the sector table closes on the city's CO2 (scope 1 + 2, every row once)
    const sectorTable = /<table id="sector-table">[\s\S]*?<\/table>/.exec(html)![0];
    expect(sectorTable).toContain(`<td class="n">${grouped(fixed(new Decimal(calc.totals.co2_t!), 2))}</td>`);
  });

  it('records its provenance: input hashes, factor tables with their hashes, options', () => {
    const method = /<section id="method"[\s\S]*?<\/section>/.exec(html)![0];
    for (const input of calc.meta.inputs) expect(method).toContain(input.sha256);
    for (const f of calc.meta.factors) {
      expect(method).toContain(`${f.id}@${f.version}`);
      expect(method).toContain(f.sha256);
    }
    expect(method).toContain('--grid');
    expect(method).toContain(indicators);
  });

  it('draws intensity against a dashed target path', () => {
    for (const id of ['intensity-energy', 'intensity-carbon']) {
      const svg = chart(html, id);
      expect(svg).toContain('data-kind="target"');
      expect(svg).toContain('stroke-dasharray');
    }
    expect(html).toContain('分时期目标完成情况');
  });

  it('the bundled examples agree with each other: no warning, and the report says there is none', () => {
    expect(run.stderr).toBe('');
    expect(html).toContain('数据质量提示</h2>');
  });

  it('is self-contained', () => {
    expectSelfContained(html);
  });
});

describe('report in English, and as Markdown', () => {
  it('--lang en gives an English report', () => {
    const out = join(tmp, 'en.html');
    const run = runCli(['--lang', 'en', 'report', example, '--indicators', indicators, '-o', out]);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Carbon emissions report, 2021');
    expect(html).toContain('CO2 by sector');
    expect(html).toContain('Non-ferrous');
    expect(html).not.toContain('分部门二氧化碳排放');
    expectSelfContained(html);
  });

  it('prints Markdown on stdout without -o, with the same figures and no charts', () => {
    const run = runCli(['report', example, '--indicators', indicators]);
    expect(run.code).toBe(0);
    const md = run.stdout;
    const calc = calcTotals(example);
    expect(md.startsWith('# 2021年碳排放核算报告\n')).toBe(true);
    expect(md).toContain('## 1. 概要');
    expect(md).toContain('## 7. 能耗强度与碳排放强度');
    expect(md).not.toContain('<svg');
    expect(md).toMatch(/^\| --- \|/m);
    expect(md).toContain(grouped(fixed(new Decimal(calc.totals.territorial_co2_t!), 2)));
  });

  it('writes report.md, in English with --lang en', () => {
    const out = join(tmp, 'report.md');
    const run = runCli(['report', example, '--indicators', indicators, '--lang', 'en', '-o', out]);
    expect(run.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('## 2. CO2 by sector');
    expect(md).toContain('| Sector |');
  });

  it('-f html prints the HTML on stdout', () => {
    const run = runCli(['report', example, '-f', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<svg');
  });
});

describe('report on several years', () => {
  const out = join(tmp, 'two.html');
  const run = runCli(['report', twoYears, '--indicators', twoYearsIndicators, '--lang', 'en', '-o', out]);
  const html = readFileSync(out, 'utf8');
  const calc = calcTotals(twoYears);

  it('leads with the latest year, equal to that year of calc', () => {
    expect(run.code).toBe(0);
    const y2023 = calc.years.find((y) => y.year === 2023)!;
    const c = cards(html);
    for (const key of TOTAL_KEYS) expect(c[key], key).toBe(y2023[key]);
    expect(html).toMatch(/(up|down) [\d.]+% vs 2022/);
  });

  it('--year picks another year', () => {
    const other = join(tmp, 'y2022.html');
    expect(runCli(['report', twoYears, '--year', '2022', '-o', other]).code).toBe(0);
    const y2022 = calc.years.find((y) => y.year === 2022)!;
    expect(cards(readFileSync(other, 'utf8')).territorial_co2_t).toBe(y2022.territorial_co2_t);
  });

  it('draws one trend point per year and view', () => {
    const svg = chart(html, 'trend-co2');
    expect(svg.match(/<circle class="point" data-x="2022"/g)).toHaveLength(2);
    expect(svg.match(/<circle class="point" data-x="2023"/g)).toHaveLength(2);
  });

  it('escapes labels taken from the input', () => {
    expect(html).toContain('&lt;b&gt;R&amp;D 中心&lt;/b&gt;');
    expect(html).not.toContain('<b>R&D');
    expectSelfContained(html);
  });
});

describe('report without an indicators file', () => {
  it('says intensity is not computed and draws the other charts', () => {
    const out = join(tmp, 'no-indicators.html');
    const run = runCli(['report', 'test/fixtures/hand-check.csv', '--lang', 'en', '-o', out]);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('No indicators file was given');
    expect(chart(html, 'intensity-energy')).toBe('');
    for (const id of ['sector-co2', 'fuel-co2', 'scope-split', 'views', 'trend-co2']) expect(chart(html, id)).not.toBe('');
  });
});

describe('report errors', () => {
  it('refuses an extension it cannot write (exit 2)', () => {
    const run = runCli(['report', example, '-o', join(tmp, 'report.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.html .md');
  });

  it('refuses a year that is not in the data (exit 2)', () => {
    expect(runCli(['report', example, '--year', '1999']).code).toBe(2);
  });

  it('writes nothing when the data is invalid (exit 1), and leaves an existing file alone', () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'year,sector,fuel,quantity,unit\n2023,建筑业,柴油,abc,t\n');
    const out = join(tmp, 'keep.html');
    writeFileSync(out, 'old');
    const run = runCli(['report', bad, '-o', out]);
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('writes nothing when the indicators file is invalid (exit 1)', () => {
    const bad = join(tmp, 'bad-indicators.csv');
    writeFileSync(bad, 'year,gdp\n2021,abc\n');
    const out = join(tmp, 'never.html');
    expect(runCli(['report', example, '--indicators', bad, '-o', out]).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
