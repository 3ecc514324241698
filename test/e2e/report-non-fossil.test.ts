import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { fixed, grouped } from '../../src/core/format/number.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'jc-report-nf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const example = 'examples/jinchang-2021.csv';
const indicators = 'examples/jinchang-indicators.csv';

/** calc's own non-fossil share of the example, on the same options */
function calcShare(extra: string[]): string {
  const run = runCli(['calc', example, '-f', 'json', '--decimals', 'full', ...extra]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).totals.non_fossil_share_pct;
}
const section = (html: string, id: string) => new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';

describe('report: the non-fossil chapter on the bundled example', () => {
  const coal = ['--electricity-method', 'coal', '--import-non-fossil-share', '50'];

  it('Chinese HTML: the share of calc, the Gansu and national targets with their documents, the chart', () => {
    const out = join(tmp, 'zh.html');
    const run = runCli(['report', example, '--indicators', indicators, ...coal, '-o', out]);
    expect(run.code).toBe(0);
    const html = section(readFileSync(out, 'utf8'), 'non-fossil');
    const share = calcShare(coal);
    expect(html).toContain('<h2>8. 非化石能源消费比重</h2>');
    expect(html).toContain(`data-key="non_fossil_share_pct" data-value="${share}"`);
    expect(html).toContain(`${fixed(new Decimal(share), 2)}%`);
    for (const text of ['甘肃省', '全国', '30%', '35%左右', '20%左右', '25%左右', '中发〔2021〕36号', '《甘肃省碳达峰实施方案》', 'cn-targets-14fyp@2023', 'cn-targets-2030@2023']) expect(html).toContain(text);
    expect(html).toContain('调入电力的非化石能源比重 50% 由用户以 --import-non-fossil-share 给出');
    expect(html).toMatch(/<svg [^>]*data-chart="non-fossil-share"[\s\S]*data-kind="target"/);
    expect(html).toContain('发电煤耗法（等价值，2021年 302.5 克标准煤/千瓦时，未核实；cn-power-coal-rate@2025）');
  });

  it('English Markdown on the default (calorific) basis: a lower bound, the basis said', () => {
    const run = runCli(['--lang', 'en', 'report', example]);
    expect(run.code).toBe(0);
    const md = run.stdout;
    const chapter = md.slice(md.indexOf('Non-fossil share of energy consumption'), md.indexOf('Method, factor tables'));
    expect(md).toMatch(/## \d+\. Non-fossil share of energy consumption/);
    expect(chapter).toContain(`${fixed(new Decimal(calcShare([])), 2)} %`);
    expect(chapter).toContain('a lower bound: imported electricity counted as fossil');
    expect(chapter).toContain('calorific basis (电热当量法, 122.9 gce/kWh)');
    expect(chapter).toContain('| Gansu | 2025 | 30% |');
    expect(chapter).toContain('| National | 2030 | about 25% |');
    expect(chapter).toContain('no provincial table is bundled');
  });
});

/** the caption (HTML figcaption or table caption, Markdown bold line) before each energy figure */
describe('report: every figure of energy states its basis, in both languages', () => {
  it('Chinese HTML on the coal-equivalent basis: rate and table on the energy charts and tables', () => {
    const out = join(tmp, 'basis-zh.html');
    expect(runCli(['report', example, '--indicators', indicators, '--electricity-method', 'coal', '-o', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const label = '能耗口径：发电煤耗法（等价值，2021年 302.5 克标准煤/千瓦时，未核实；cn-power-coal-rate@2025）';
    for (const id of ['summary', 'sectors', 'fuels', 'trend', 'intensity']) expect(section(html, id), id).toContain(label);
    // the charts of energy: caption under the chart
    for (const id of ['trend-energy', 'intensity-energy']) {
      expect(html).toMatch(new RegExp(`data-chart="${id}"[\\s\\S]*?</svg>[\\s\\S]{0,200}${label.slice(0, 12)}`));
    }
    expect(section(html, 'sectors')).toContain('能耗(吨标准煤，发电煤耗法)');
    expect(section(html, 'intensity')).toContain('吨标准煤/万元，发电煤耗法');
    // CO2-only chapters say nothing of it
    expect(section(html, 'scopes')).not.toContain('能耗口径');
  });

  it('English Markdown on the calorific basis', () => {
    const run = runCli(['--lang', 'en', 'report', example, '--indicators', indicators]);
    expect(run.code).toBe(0);
    const md = run.stdout;
    const label = 'energy on the calorific basis (电热当量法, 122.9 gce/kWh)';
    expect(md).toContain(`**City totals (2021) · ${label}**`);
    expect(md).toContain('| Energy (tce, calorific basis) |');
    expect(md).toContain('Energy intensity (tce per 10⁴ CNY, calorific basis)');
    expect(md).toContain('feedstock included · calorific basis');
    // some years' energy comes from the indicators file: said where it shows
    expect(md).toContain(`${label}; energy taken from the indicators file is on that file’s basis`);
    // totals, sectors, fuels, trend and intensity tables (Markdown has no charts)
    expect(md.match(/energy on the calorific basis \(电热当量法, 122\.9 gce\/kWh\)/gi)).toHaveLength(5);
  });
});

describe('report: energy and energy intensity on both bases, side by side', () => {
  it('Chinese HTML (calorific run): the table in the intensity chapter, the coal-rate table in the provenance', () => {
    const out = join(tmp, 'bases-zh.html');
    expect(runCli(['report', example, '--indicators', indicators, '-o', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const intensity = section(html, 'intensity');
    expect(intensity).toContain('两种折标口径下的能耗与能耗强度 · 电热当量法（当量值，122.9 克标准煤/千瓦时）；发电煤耗法（等价值，2021年 302.5 克标准煤/千瓦时，未核实；cn-power-coal-rate@2025）');
    // the coal-equivalent column equals calc --electricity-method coal
    const coal = JSON.parse(runCli(['calc', example, '-f', 'json', '--decimals', '2', '--electricity-method', 'coal']).stdout).totals.energy_tce;
    expect(intensity).toContain(grouped(coal));
    expect(section(html, 'method')).toContain('cn-power-coal-rate@2025');
  });

  it('English Markdown (coal-equivalent run)', () => {
    const run = runCli(['--lang', 'en', 'report', example, '--indicators', indicators, '--electricity-method', 'coal']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('**Energy and energy intensity on both bases · calorific basis (电热当量法, 122.9 gce/kWh); coal-equivalent basis');
    expect(run.stdout).toContain('| Year | Energy, calorific basis (tce) | Energy, coal-equivalent basis (tce) | Coal-equivalent over calorific (%) | Energy intensity, calorific basis (tce/万元) | Energy intensity, coal-equivalent basis (tce/万元) |');
    expect(run.stdout).toContain('| 2021 | 5,316,583.36 | 6,192,672.16 | 16.48 |');
    expect(run.stdout).toContain('The report’s other figures are on the coal-equivalent basis');
  });
});

