import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation } from '../../src/core/calc/run.js';
import { Decimal } from '../../src/core/decimal.js';
import { indicatorYears } from '../../src/core/intensity/index.js';
import { computePathway, parseScenarios, type PathwayTarget } from '../../src/core/pathway/index.js';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../../src/core/report/index.js';

const { dict, registry } = loadBundled();
const tool = { name: 'jinchang-carbon', version: '0.0.0-test' };
const calc = runCalculation([{ path: 'data.csv', bytes: Buffer.from('year,sector,fuel,quantity,unit\n2021,建筑业,柴油,100,t\n', 'utf8') }], dict, registry);

/*
 * Base 2021: GDP 105, energy 105,000 tce, nf 20 %, 2.5 tCO2/tce → CO2 = 105,000 × 0.8 × 2.5 = 210,000 t.
 * "Up" grows 5 % with a 1 % intensity decline: CO2 × 1.0395 a year → highest in 2030, not peaked:
 * 210,000 × 1.0395^9 = 297,604.6671789…
 * "Down" (based on Up) declines 6 % from 2021: CO2 × 1.05 × 0.94 = 0.987 a year → peak 2021, declining.
 * History 2020 at 2021 prices: GDP 100, CO2 200,000 → CI 0.2; the CI target of 18 % → 0.164 in 2025.
 */
const csv = 'scenario,based_on,year,gdp,gdp_growth_pct,energy_tce,energy_intensity_decline_pct,non_fossil_share_pct,co2_per_fossil_tce\nUp,,2021,105,5,105000,1,20,2.5\nUp,,2030,,,,,,\nDown,Up,2022,,,,6,,\n';
const target: PathwayTarget = { indicator: 'carbon_intensity', from: 2020, to: 2025, target_pct: new Decimal(18), region: 'national', source: 'test@1' };
const history = indicatorYears([
  { year: 2020, gdp: 98, gdp_index: 105, energy_tce: 100000, co2_t: 200000 },
  { year: 2021, gdp: 105, gdp_index: 105, energy_tce: 105000, co2_t: 210000 },
]);
const result = computePathway(parseScenarios(csv, 'scenarios.csv').scenarios, { asOf: 2026, targets: [target], indicators: history });
const pathway = { result, file: { path: 'scenarios.csv', sha256: 'a'.repeat(64), rows: 3 } };

describe('the report pathway chapter', () => {
  it('comes after intensity only when scenarios are given', () => {
    expect(buildReport({ calc, lang: 'en', tool }).sections.map((s) => s.id)).not.toContain('pathway');
    const ids = buildReport({ calc, lang: 'en', tool, pathway }).sections.map((s) => s.id);
    expect(ids.slice(ids.indexOf('intensity'), ids.indexOf('intensity') + 4)).toEqual(['intensity', 'non-fossil', 'pathway', 'method']);
  });

  it('charts history and each scenario with its peak marked, and the target path', () => {
    const html = renderReportHtml(buildReport({ calc, lang: 'zh', tool, pathway }));
    const co2 = /<svg[^>]*data-chart="pathway-co2"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(co2.match(/<g class="mark"/g)!.length).toBe(2);
    // Up's peak is its last year, 2030; Down's its first, 2021 at 21.0万吨
    expect(co2).toContain('data-x="2030"');
    expect(co2).toContain('峰值 2021 · 21.0万吨');
    const ci = /<svg[^>]*data-chart="pathway-intensity"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(ci).toContain('data-kind="target"');
    // the path ends at 0.2 × (1 − 0.18) = 0.164 in 2025
    expect(ci).toMatch(/data-x="2025" data-value="0\.164"/);
  });

  it('tabulates the peak and the checks in Markdown', () => {
    const md = renderReportMarkdown(buildReport({ calc, lang: 'en', tool, pathway }));
    expect(md).toContain('| Up | 2030 (not peaked) | 297,604.67 | no |');
    expect(md).toContain('| Down | 2021 (first year highest) | 210,000.00 | yes |');
    expect(md).toMatch(/\| Up \| carbon intensity decline \| 2020–2025 \|/);
  });
});
