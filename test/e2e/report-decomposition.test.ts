import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'jc-report-decompose-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const years = ['examples/jinchang-2020.csv', 'examples/jinchang-2021.csv'];
const indicators = ['--indicators', 'examples/jinchang-indicators.csv'];

function waterfall(html: string): { kind: string; label: string; value: string; level: string }[] {
  const svg = /<svg [^>]*data-chart="decomposition-waterfall"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  return [...svg.matchAll(/<g class="step" data-kind="(\w+)" data-label="([^"]*)"><rect class="bar" data-value="([^"]*)" data-level="([^"]*)"/g)].map((m) => ({
    kind: m[1]!,
    label: m[2]!,
    value: m[3]!,
    level: m[4]!,
  }));
}

describe('the report of two years has the decomposition chapter', () => {
  const out = join(tmp, 'report.html');
  const run = runCli(['report', ...years, ...indicators, '--city', '金昌市', '-o', out]);
  const html = existsSync(out) ? readFileSync(out, 'utf8') : '';

  it('a waterfall 2020 → GDP, intensity, mix, emission factor → 2021', () => {
    expect(run.code).toBe(0);
    expect(html).toContain('<section id="decomposition"');
    expect(html).toContain('排放变化因素分解');
    const bars = waterfall(html);
    expect(bars.map((b) => b.kind)).toEqual(['total', 'effect', 'effect', 'effect', 'effect', 'total']);
    expect(bars.map((b) => b.label)).toEqual(['2020年', '经济规模（GDP）', '能耗强度', '能源结构', '排放因子', '2021年']);
  });

  it('explains the whole change: the last effect ends exactly at the 2021 total', () => {
    const bars = waterfall(html);
    const start = new Decimal(bars[0]!.value);
    const end = new Decimal(bars.at(-1)!.value);
    const sum = bars.slice(1, -1).reduce((a, b) => a.plus(b.value), new Decimal(0));
    expect(start.toDecimalPlaces(0).toString()).toBe('11123903');
    // 2021 is the example's consumption view with its illustrative reductant, captive plant and wind and solar (issue 16)
    expect(end.toDecimalPlaces(0).toString()).toBe('12162790');
    expect(sum.minus(end.minus(start)).abs().lessThan('1e-30')).toBe(true);
    expect(new Decimal(bars.at(-2)!.level).minus(end).abs().lessThan('1e-30')).toBe(true);
  });

  it('the decoupling state of each year', () => {
    expect(html).toContain('扩张负脱钩');
    expect(html).toMatch(/2020—2021<\/td>\s*<td[^>]*>\+9\.34<\/td>/);
  });

  it('in English and in Markdown too', () => {
    const md = runCli(['report', ...years, ...indicators, '--lang', 'en']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('Why emissions changed');
    expect(md.stdout).toContain('| Economic output (GDP) | +839,628.26 | 80.82 |');
    expect(md.stdout).toContain('| 2020–2021 | +9.34 | +7.50 | 1.25 | expansive negative decoupling |');
  });
});

describe('no chapter without two years and GDP', () => {
  it('one year: none', () => {
    const run = runCli(['report', 'examples/jinchang-2021.csv', ...indicators, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Why emissions changed');
  });

  it('two years without indicators: none', () => {
    const run = runCli(['report', ...years, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Why emissions changed');
  });

  it('a year without GDP: the chapter says why it is missing', () => {
    const run = runCli(['report', ...years, '--indicators', 'test/fixtures/decompose/indicators-2021-only.csv', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The decomposition could not be made: no GDP at comparable prices for 2020');
  });
});
