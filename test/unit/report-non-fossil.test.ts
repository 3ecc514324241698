import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation, type CalcRequest } from '../../src/core/calc/run.js';
import { Decimal } from '../../src/core/decimal.js';
import { parseFactorTable } from '../../src/core/factors/table.js';
import type { Block, Section } from '../../src/core/report/doc.js';
import { buildReport, renderReportHtml, renderReportMarkdown } from '../../src/core/report/index.js';
import { NON_FOSSIL_CHART } from '../../src/core/report/non-fossil.js';
import { withEnergyBasis } from '../../src/core/report/basis.js';
import { activityTotals, computeIntensity, indicatorYears, mergeActivityTotals } from '../../src/core/intensity/index.js';

/*
 * Issue 17's city in 2021: 100 GWh of local wind (use=output), 300 GWh of electricity consumed (200 GWh net imports),
 * imports 50 % non-fossil, 100,000 tce of raw coal (entered in tce).
 *
 * calorific basis, 0.1229 kgce/kWh = 0.0001229 tce/kWh:
 *   energy     = 100,000 + (200,000,000 + 100,000,000) × 0.0001229 = 136,870 tce   (wind is primary: not netted)
 *   non-fossil = (100,000,000 + 200,000,000 × 0.5) × 0.0001229   =  24,580 tce
 *   share      = 24,580 / 136,870 = 17.958646891 %;  Gansu 2025 (30 %): 12.04 points short, 3.01 a year over 2022–2025
 * coal-equivalent basis, 2021 rate 302.5 gce/kWh (cn-power-coal-rate@2025) = 0.0003025 tce/kWh:
 *   energy     = 100,000 + 300,000,000 × 0.0003025 = 190,750 tce
 *   non-fossil = 200,000,000 × 0.0003025           =  60,500 tce
 *   share      = 60,500 / 190,750 = 31.716906946 %;  Gansu 2025 (30 %) already reached
 */
const { dict, registry } = loadBundled();
const tool = { name: 'jinchang-carbon', version: '0.0.0-test' };
const file = (text: string) => ({ path: 'city.csv', bytes: new TextEncoder().encode(text) });
const city = 'year,sector,fuel,quantity,unit,use\n2021,32,原煤,100000,tce,\n2021,32,电力,300,GWh,\n2021,44,风电,100,GWh,发电量\n';
const targets = { region: 'gansu', tables: registry.ofKind('targets') };

function chapter(csv: string, request: CalcRequest, lang: 'en' | 'zh' = 'en', withTargets = true): Section {
  const calc = runCalculation([file(csv)], dict, registry, request);
  const doc = buildReport({ calc, lang, tool, nonFossil: withTargets ? targets : undefined });
  return doc.sections.find((s) => s.id === 'non-fossil')!;
}
const table = (s: Section, id: string) => s.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.id === id)?.table;
const cards = (s: Section) => s.blocks.find((b): b is Extract<Block, { kind: 'cards' }> => b.kind === 'cards')?.cards ?? [];
const text = (s: Section) => s.blocks.map((b) => (b.kind === 'p' ? b.text : b.kind === 'table' ? `${b.caption ?? ''}\n${b.table.rows.map((r) => r.join('|')).join('\n')}` : b.kind === 'chart' ? b.caption : '')).join('\n');

describe('the non-fossil chapter of the report', () => {
  it('calorific basis: 24,580 tce of 136,870 (17.96 %), said to be on that basis', () => {
    const s = chapter(city, { importNonFossilSharePct: new Decimal(50) });
    const [share, tce] = cards(s);
    expect(share!.exact).toBe(new Decimal(24580).dividedBy(136870).times(100).toFixed());
    expect(share!.value).toBe('17.96');
    expect(tce!.exact).toBe('24580');
    expect(table(s, 'non-fossil-years')!.rows).toEqual([
      ['2021', '136,870.00', '100,000,000', '12,290.00', '200,000,000', '12,290.00', '24,580.00', '17.96', ''],
    ]);
    const gansu2025 = table(s, 'non-fossil-targets')!.rows.find((r) => r[0] === 'Gansu' && r[1] === '2025')!;
    // 30 − 17.958646891 = 12.041353109; over the 4 years to 2025: 3.010338277
    expect(gansu2025.slice(2, 6)).toEqual(['30%', '17.96%', '12.04', '3.01']);
    expect(text(s)).toContain('calorific basis (电热当量法, 122.9 gce/kWh)');
    expect(text(s)).toContain("is the user’s --import-non-fossil-share");
    // on this basis the targets are not measured: the chapter says so
    expect(text(s)).toContain('Published shares');
  });

  it('coal-equivalent basis: 60,500 tce of 190,750 (31.72 %), with the rate and its table', () => {
    const s = chapter(city, { electricityMethod: 'coal', importNonFossilSharePct: new Decimal(50) });
    const [share, tce] = cards(s);
    expect(share!.exact).toBe(new Decimal(60500).dividedBy(190750).times(100).toFixed());
    expect(tce!.exact).toBe('60500');
    expect(table(s, 'non-fossil-years')!.rows[0]).toEqual(['2021', '190,750.00', '100,000,000', '30,250.00', '200,000,000', '30,250.00', '60,500.00', '31.72', '']);
    const rows = table(s, 'non-fossil-targets')!.rows;
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['Gansu', '2025', '30%', 'already reached'],
      ['Gansu', '2030', 'about 35%', '3.28'], // 35 − 31.716906946
      ['National', '2025', 'about 20%', 'already reached'],
      ['National', '2030', 'about 25%', 'already reached'],
      ['National', '2060', '80% or more', '48.28'],
    ]);
    // every target names its table and document
    expect(rows.map((r) => r[7])).toEqual(['cn-targets-14fyp@2023', 'cn-targets-2030@2023', 'cn-targets-14fyp@2023', 'cn-targets-2030@2023', 'cn-targets-2030@2023']);
    expect(rows[2]![6]).toContain('中发〔2021〕36号');
    expect(text(s)).toContain('coal-equivalent basis (发电煤耗法, 2021: 302.5 gce/kWh, unverified; cn-power-coal-rate@2025)');
    expect(text(s)).not.toContain('Published shares');
  });

  it('without an import share the share is a lower bound, and says so', () => {
    const s = chapter(city, { electricityMethod: 'coal' });
    // 100,000,000 × 0.0003025 = 30,250 of 190,750 = 15.86 %
    expect(table(s, 'non-fossil-years')!.rows[0]!.slice(6)).toEqual(['30,250.00', '15.86', 'a lower bound: imported electricity counted as fossil']);
    expect(cards(s)[0]!.note).toBe('a lower bound: imported electricity counted as fossil');
    expect(text(s)).toContain('no provincial table is bundled');
  });

  it('says why instead of printing 0: no electricity rows, or only imports of unknown share', () => {
    const noPower = chapter('year,sector,fuel,quantity,unit\n2021,32,原煤,1000,t\n', {}, 'en');
    expect(cards(noPower)).toEqual([]);
    expect(text(noPower)).toContain('The non-fossil share cannot be given from this data: no electricity consumed or generated in the data');
    expect(table(noPower, 'non-fossil-years')!.rows[0]!.slice(6, 8)).toEqual(['—', '—']);
    const onlyImports = chapter('year,sector,fuel,quantity,unit\n2021,32,原煤,1000,t\n2021,32,电力,100,万kWh\n', {}, 'zh');
    expect(text(onlyImports)).toContain('无法由本数据得出非化石能源消费比重：本市无水电、风电、光伏或核电发电量');
    expect(renderReportHtml(buildReport({ calc: runCalculation([file('year,sector,fuel,quantity,unit\n2021,32,原煤,1000,t\n')], dict, registry), lang: 'en', tool }))).toContain(`data-chart="${NON_FOSSIL_CHART}"`);
  });

  it('takes its targets from the tables only: none given, none shown; a user table is used', () => {
    const none = chapter(city, {}, 'en', false);
    expect(table(none, 'non-fossil-targets')).toBeUndefined();
    expect(text(none)).toContain('No targets table with a non-fossil share was given');
    const user = parseFactorTable(
      new TextEncoder().encode(
        '# id: my-targets\n# version: 1\n# kind: targets\n# title: t\n# publisher: p\n# source: 某市文件〔2024〕1号\n# published: 2024\n# region: CN\n# applies_to: 2025\n# units: percent\nregion,indicator,from,to,reduction_pct,share_pct,qualifier,note\nsomecity,non_fossil_share,2020,2025,,42,,某市文件〔2024〕1号\n',
      ),
      'my.csv',
      dict.fuels,
    ).table!;
    const calc = runCalculation([file(city)], dict, registry, {});
    const doc = buildReport({ calc, lang: 'zh', tool, nonFossil: { region: 'somecity', tables: [...registry.ofKind('targets'), user] } });
    const rows = table(doc.sections.find((s) => s.id === 'non-fossil')!, 'non-fossil-targets')!.rows;
    expect(rows[0]!.slice(0, 3)).toEqual(['somecity', '2025', '42%']);
    expect(rows[0]![7]).toBe('my-targets@1');
    // the method chapter lists the tables the targets came from
    expect(renderReportMarkdown(doc)).toMatch(/^\| my-targets@1 \| .* \| 某市文件〔2024〕1号 \| [0-9a-f]{64} \|$/m);
  });

  it('comes after the intensity chapter and draws the share against dashed target lines', () => {
    const calc = runCalculation([file(city)], dict, registry, { electricityMethod: 'coal', importNonFossilSharePct: new Decimal(50) });
    const doc = buildReport({ calc, lang: 'zh', tool, nonFossil: targets });
    expect(doc.sections.map((s) => s.id)).toEqual(['summary', 'sectors', 'fuels', 'scopes', 'views', 'trend', 'intensity', 'non-fossil', 'method', 'warnings']);
    const html = renderReportHtml(doc);
    const svg = /<svg [^>]*data-chart="non-fossil-share"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg).toContain(`data-value="${new Decimal(60500).dividedBy(190750).times(100).toFixed()}"`);
    expect(svg).toContain('data-kind="target"');
    expect(svg).toContain('stroke-dasharray');
    // Gansu 30 % (2025) and 35 % (2030) are charted; 2060 is beyond the ten-year horizon
    expect(svg).toContain('data-x="2025" data-value="30"');
    expect(svg).toContain('data-x="2030" data-value="35"');
    expect(svg).not.toContain('data-x="2060"');
    expect(html).toContain('目标年距数据年份十年以上的目标（2060年）只列于表中');
  });
});

describe('the report shows energy on both bases side by side', () => {
  // the issue city: 136,870 tce calorific, 190,750 tce coal-equivalent: 190,750 / 136,870 − 1 = 39.3658 %;
  // GDP 10 亿元 = 100,000 万元: 1.3687 and 1.9075 tce/万元
  const calc = runCalculation([file(city)], dict, registry, { importNonFossilSharePct: new Decimal(50) });
  const bothTable = (doc: ReturnType<typeof buildReport>, section: string) => table(doc.sections.find((s) => s.id === section)!, 'energy-bases');

  it('in the trend chapter without an indicators file', () => {
    const doc = buildReport({ calc, lang: 'en', tool });
    const t = bothTable(doc, 'trend')!;
    expect(t.columns.map((c) => c.label)).toEqual(['Year', 'Energy, calorific basis (tce)', 'Energy, coal-equivalent basis (tce)', 'Coal-equivalent over calorific (%)']);
    expect(t.rows).toEqual([['2021', '136,870.00', '190,750.00', '39.37']]);
    const block = doc.sections.find((s) => s.id === 'trend')!.blocks.find((b) => b.kind === 'table' && b.id === 'energy-bases');
    expect(block?.kind === 'table' && block.caption).toBe(
      'Energy on both bases · calorific basis (电热当量法, 122.9 gce/kWh); coal-equivalent basis (发电煤耗法, 2021: 302.5 gce/kWh, unverified; cn-power-coal-rate@2025)',
    );
  });

  it('in the intensity chapter with GDP, with energy intensity on each basis (Chinese)', () => {
    const years = mergeActivityTotals(indicatorYears([{ year: 2021, gdp: '10' }]), activityTotals(calc.years)).years;
    const intensity = { result: computeIntensity(years, {}), co2View: 'consumption' as const, file: { path: 'i.csv', sha256: 'a'.repeat(64), rows: 1 }, targetTables: [] };
    const doc = buildReport({ calc, lang: 'zh', tool, intensity });
    expect(bothTable(doc, 'trend')).toBeUndefined();
    const t = bothTable(doc, 'intensity')!;
    expect(t.columns.map((c) => c.label)).toEqual(['年份', '能耗，电热当量法(吨标准煤)', '能耗，发电煤耗法(吨标准煤)', '发电煤耗法比电热当量法高(%)', '能耗强度，电热当量法(吨标准煤/万元)', '能耗强度，发电煤耗法(吨标准煤/万元)']);
    expect(t.rows).toEqual([['2021', '136,870.00', '190,750.00', '39.37', '1.3687', '1.9075']]);
  });

  it('the non-fossil chapter gives the share on the other basis too', () => {
    const s = chapter(city, { importNonFossilSharePct: new Decimal(50) });
    expect(text(s)).toContain('On the coal-equivalent basis (发电煤耗法, 2021: 302.5 gce/kWh, unverified; cn-power-coal-rate@2025) the share would be 31.72 % in 2021 (60,500.00 tce of 190,750.00 tce).');
    const zh = chapter(city, { electricityMethod: 'coal', importNonFossilSharePct: new Decimal(50) }, 'zh');
    expect(text(zh)).toContain('按电热当量法（当量值，122.9 克标准煤/千瓦时），2021年比重为 17.96%（136,870.00 吨标准煤中的 24,580.00 吨标准煤）。');
  });
});

describe('withEnergyBasis', () => {
  const calc = runCalculation([file(city)], dict, registry, { electricityMethod: 'coal' });
  it('notes the basis of the Kaya effects under the decomposition; leaves chapters without energy alone', () => {
    const sections = [
      { id: 'decomposition', title: 'd', blocks: [] },
      { id: 'scopes', title: 's', blocks: [{ kind: 'table' as const, id: 'scope-table', table: { columns: [{ key: 'co2_t', label: 'CO2 (t)', numeric: true }], rows: [] } }] },
      { id: 'sectors', title: 'x', blocks: [{ kind: 'table' as const, id: 'sector-table', table: { columns: [{ key: 'energy_tce', label: '能耗(吨标准煤)', numeric: true }], rows: [] } }] },
    ];
    const out = withEnergyBasis(sections, calc.energyBasis, 'zh');
    expect(out[0]!.blocks).toEqual([{ kind: 'p', tone: 'note', text: '能耗强度效应和能源结构效应按发电煤耗法（等价值，2021年 302.5 克标准煤/千瓦时，未核实；cn-power-coal-rate@2025）的能耗计算。' }]);
    expect(out[1]).toEqual(sections[1]);
    const t = out[2]!.blocks[0]!;
    expect(t.kind === 'table' && [t.table.columns[0]!.label, t.caption]).toEqual(['能耗(吨标准煤，发电煤耗法)', '能耗口径：发电煤耗法（等价值，2021年 302.5 克标准煤/千瓦时，未核实；cn-power-coal-rate@2025）']);
  });
});

