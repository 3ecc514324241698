import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const temp = mkdtempSync(join(tmpdir(), 'jc-readme-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the README commands on the bundled examples warn about nothing', () => {
  it.each([
    ['calc', ['calc', 'examples/jinchang-2021.csv']],
    ['calc --totals', ['calc', 'examples/jinchang-2021.csv', '--totals']],
    ['intensity', ['intensity', 'examples/jinchang-indicators.csv']],
    ['intensity in Chinese', ['intensity', 'examples/jinchang-indicators.csv', '--lang', 'zh']],
  ])('%s', (_name, args) => {
    const r = runCli(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([['zh'], ['en']])('report --indicators, in %s: no warning, none in the data-quality section', (lang) => {
    const out = join(temp, `report-${lang}.html`);
    const r = runCli(['report', 'examples/jinchang-2021.csv', '--indicators', 'examples/jinchang-indicators.csv', '--city', '金昌市', '-o', out, '--lang', lang]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(lang === 'zh' ? '数据质量提示</h2>' : 'Data-quality warnings</h2>');
    // the national targets used for want of Gansu's own are said beside the targets
    expect(html).toContain(lang === 'zh' ? '甘肃省“十四五”碳强度下降目标未公开数值' : '14th FYP carbon-intensity figure is not published');
  });

  it('the bundled indicators file gives 2021 as the bundled activity file computes it', () => {
    const calc = JSON.parse(runCli(['calc', 'examples/jinchang-2021.csv', '--totals', '-f', 'json', '--decimals', 'full']).stdout);
    const row = readFileSync('examples/jinchang-indicators.csv', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('2021,'))!
      .split(',');
    // energy exactly; CO2 (consumption view, the default of --co2-view) to the decimals the file writes
    expect(row[3]).toBe(calc.totals.energy_tce);
    const decimals = row[4]!.split('.')[1]?.length ?? 0;
    expect(Number(calc.totals.consumption_co2_t).toFixed(decimals)).toBe(row[4]);
  });
});

describe('a warning names only options its command has', () => {
  it('report with an indicators file that disagrees with the activity data names the activity files, not --data', () => {
    const indicators = join(temp, 'disagree.csv');
    const text = readFileSync('examples/jinchang-indicators.csv', 'utf8').replace(/^2021,384\.96,107\.5,[^,]+,/m, '2021,384.96,107.5,5316000,');
    writeFileSync(indicators, text);
    const r = runCli(['report', 'examples/jinchang-2021.csv', '--indicators', indicators, '-o', join(temp, 'r.html'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2021: energy_tce 5316000 in the indicators file is replaced by 5316583.355 computed from the activity files');
    expect(r.stderr).not.toContain('--data');
    expect(r.stderr).not.toContain('--targets');
  });

  it('the report lists the warnings of its input, counted', () => {
    const out = join(temp, 'warned.html');
    const r = runCli(['report', 'test/fixtures/report/two-years.csv', '--indicators', 'test/fixtures/report/indicators.csv', '-o', out]);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning:')).length;
    expect(warnings).toBeGreaterThan(0);
    expect(readFileSync(out, 'utf8')).toContain(`数据质量提示 (${warnings})`);
  });
});
