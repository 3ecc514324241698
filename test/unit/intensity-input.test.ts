import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { regionNamesZh } from '../../src/core/calc/grid-region.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { decodeText } from '../../src/core/input/decode.js';
import {
  fallbackWarnings,
  mergeTargets,
  parseIndicators,
  parseTargetOption,
  shareTargetsFromTables,
  targetPct,
  targetsFor,
  targetsFromTables,
  type AnyTarget,
  type Target,
} from '../../src/core/intensity/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/intensity/${name}`, import.meta.url));

describe('parseIndicators', () => {
  it('reads the canonical header', () => {
    const r = parseIndicators('year,gdp,gdp_index,energy_tce,co2_t\n2021,11,105,1100,2900\n2020,10,103,1000,2500\n', 'a.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.columns).toEqual(['year', 'gdp', 'gdp_index', 'energy_tce', 'co2_t']);
    expect(r.years.map((y) => y.year)).toEqual([2020, 2021]); // sorted
    expect(r.years[1]).toMatchObject({ line: 2, file: 'a.csv' });
    expect(r.years[1]!.gdp!.toString()).toBe('11');
  });

  it('reads a GBK file with a title line, Chinese headers with units, CRLF and thousands separators', () => {
    const decoded = decodeText(fixture('chinese-gbk.csv'), 'chinese-gbk.csv');
    if ('diagnostic' in decoded) throw new Error('not decoded');
    expect(decoded.encoding).toBe('gbk');
    const r = parseIndicators(decoded.text, 'chinese-gbk.csv');
    expect(r.diagnostics).toEqual([]);
    const y = r.years[0]!;
    expect(y.gdp!.toString()).toBe('1000.5'); // "1,000.5" 亿元
    expect(y.gdp_index!.toString()).toBe('103');
    expect(y.energy_tce!.toString()).toBe('6002500'); // 600.25 万吨标准煤 × 10,000
    expect(y.co2_t!.toString()).toBe('15000000'); // 1500 万吨 × 10,000
  });

  it('converts 万元 GDP to 亿元', () => {
    const r = parseIndicators('年份,GDP(万元),能耗\n2020,1234500,10\n', 'w.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.years[0]!.gdp!.toString()).toBe('123.45');
  });

  it('accepts feedstock and new renewable columns by their Chinese names', () => {
    const r = parseIndicators('年份,地区生产总值,能源消费量,原料用能,新增可再生能源消费量\n2022,10,1000,100,50\n', 'c.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.years[0]!.feedstock_tce!.toString()).toBe('100');
    expect(r.years[0]!.new_renewable_tce!.toString()).toBe('50');
  });

  it('reports every problem with file, line and column', () => {
    const r = parseIndicators(fixture('bad.csv').toString('utf8'), 'bad.csv');
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'bad.csv:2:5: error: co2_t "abc" is not a number (fix: write a plain number such as 1234.5 or 1,234.5, without units or notes)',
      'bad.csv:3:3: error: gdp_index 6.5 looks like a growth rate in percent, not an index with the previous year = 100 (fix: write the index, e.g. 106.5 for growth of 6.5 %)',
      'bad.csv:4:1: error: year 2021 appears twice (first on line 3) (fix: keep one row per year)',
    ]);
    expect(formatDiagnostic(r.diagnostics[1]!, 'zh')).toBe(
      'bad.csv:3:3: 错误: 地区生产总值指数 6.5 像是增长率（%），而不是上年=100 的指数（改法：请填指数，例如增长 6.5% 填 106.5）',
    );
  });

  it('needs year and gdp columns', () => {
    const r = parseIndicators('year,energy_tce\n2020,1\n', 'm.csv');
    expect(r.diagnostics).toMatchObject([{ code: 'INTENSITY_MISSING_COLUMN', line: 1, params: { column: 'gdp' } }]);
  });

  it('refuses a unit that does not fit the column', () => {
    const r = parseIndicators('year,gdp(亿元),energy_tce(万千瓦时)\n2020,1,1\n', 'u.csv');
    expect(r.diagnostics).toMatchObject([{ code: 'INTENSITY_BAD_HEADER_UNIT', column: 3, params: { unit: '万千瓦时' } }]);
  });

  it('an empty file and a header-only file', () => {
    expect(parseIndicators('', 'e.csv').diagnostics).toMatchObject([{ code: 'INTENSITY_FILE_EMPTY' }]);
    expect(parseIndicators('year,gdp\n', 'h.csv').diagnostics).toMatchObject([{ code: 'INTENSITY_NO_DATA_ROWS' }]);
  });

  it('a negative energy figure and a zero GDP are errors', () => {
    const r = parseIndicators('year,gdp,energy_tce\n2020,0,1\n2021,1,-5\n', 'n.csv');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['INTENSITY_NOT_POSITIVE', 2, 2],
      ['INTENSITY_NEGATIVE', 3, 3],
    ]);
  });
});

describe('targets', () => {
  const tables = loadBundled().registry.ofKind('targets');

  it('gansu: its own 12.5 % energy target; carbon falls back to the national 18 %', () => {
    const t = targetsFromTables([tables], 'gansu').filter((x) => x.from === 2020);
    expect(t.map((x) => [x.indicator, x.reduction_pct.toString(), x.region, x.fallback_for ?? null, x.source])).toEqual([
      ['carbon_intensity', '18', 'national', 'gansu', 'cn-targets-14fyp@2023'],
      ['energy_intensity', '12.5', 'gansu', null, 'cn-targets-14fyp@2023'],
    ]);
  });

  it('national: 13.5 % and 18 % for 2020–2025, 15 % and 18 % for 2015–2020', () => {
    const t = targetsFromTables([tables], 'national');
    expect(t.map((x) => `${x.indicator}:${x.from}-${x.to}:${x.reduction_pct}`)).toEqual([
      'carbon_intensity:2005-2030:65',
      'carbon_intensity:2015-2020:18',
      'energy_intensity:2015-2020:15',
      'carbon_intensity:2020-2025:18',
      'energy_intensity:2020-2025:13.5',
    ]);
    expect(t.every((x) => x.fallback_for === undefined)).toBe(true);
  });

  it('says which was used and why: Gansu\'s carbon-intensity number is not published', () => {
    const used = targetsFromTables([tables], 'gansu').filter((x) => x.from === 2020 && x.indicator === 'carbon_intensity');
    const [w] = fallbackWarnings(used);
    expect(formatDiagnostic(w!, 'en')).toContain("gansu has no carbon intensity target for 2020–2025 (Gansu's 14th FYP carbon-intensity figure is not published");
    expect(formatDiagnostic(w!, 'en')).toContain('the national target of 18 % (cn-targets-14fyp@2023) is used');
  });

  it('the 14th FYP national carbon target is cited to 中发〔2021〕36号, no longer to a press report', () => {
    const t = targetsFor([tables], 'national', { indicator: 'carbon_intensity', from: 2020, to: 2025 });
    expect(t).toHaveLength(1);
    expect(t[0]!.note).toContain('中发〔2021〕36号');
    expect(t[0]!.note).not.toContain('press');
  });

  it('targetsFor: region, indicator and period, including the non-fossil share and the 2030 target against 2005', () => {
    const row = (t: AnyTarget) => `${t.region}:${t.indicator}:${t.from}-${t.to}:${targetPct(t)}:${t.qualifier ?? ''}:${t.fallback_for ?? ''}:${t.source}`;
    expect(targetsFor([tables], 'gansu', { indicator: 'non_fossil_share' }).map(row)).toEqual([
      'gansu:non_fossil_share:2020-2025:30:::cn-targets-14fyp@2023',
      'gansu:non_fossil_share:2020-2030:35:about::cn-targets-2030@2023',
      // Gansu sets none for 2060: the national 80 % or more, marked as a fallback
      'national:non_fossil_share:2020-2060:80:at_least:gansu:cn-targets-2030@2023',
    ]);
    expect(targetsFor([tables], 'national', { indicator: 'non_fossil_share' }).map(row)).toEqual([
      'national:non_fossil_share:2020-2025:20:about::cn-targets-14fyp@2023',
      'national:non_fossil_share:2020-2030:25:about::cn-targets-2030@2023',
      'national:non_fossil_share:2020-2060:80:at_least::cn-targets-2030@2023',
    ]);
    expect(targetsFor([tables], 'gansu', { indicator: 'carbon_intensity', to: 2030 }).map(row)).toEqual([
      'gansu:carbon_intensity:2005-2030:65:at_least::cn-targets-2030@2023',
    ]);
    expect(shareTargetsFromTables([tables], 'gansu').every((t) => t.indicator === 'non_fossil_share')).toBe(true);
    const [w] = fallbackWarnings(targetsFor([tables], 'gansu', { indicator: 'non_fossil_share', to: 2060 }));
    expect(formatDiagnostic(w!, 'en')).toContain('gansu has no non-fossil share target for 2020–2060');
    expect(formatDiagnostic(w!, 'zh')).toContain('地区“gansu”没有 2020—2060 年的非化石能源消费比重目标');
    // with the tables' names of their regions, the region by its Chinese name
    const [named] = fallbackWarnings(targetsFor([tables], 'gansu', { indicator: 'non_fossil_share', to: 2060 }), regionNamesZh(tables));
    expect(formatDiagnostic(named!, 'zh')).toMatch(/^警告: 甘肃没有 2020—2060 年的非化石能源消费比重目标/);
  });

  it('--target text', () => {
    const t = parseTargetOption('energy_intensity:2020-2025:13.5') as Target;
    expect([t.indicator, t.from, t.to, t.reduction_pct.toString(), t.source]).toEqual(['energy_intensity', 2020, 2025, '13.5', '--target']);
    expect((parseTargetOption('碳强度:2020-2025:18%') as Target).indicator).toBe('carbon_intensity');
    expect(parseTargetOption('energy:2025-2020:3')).toHaveProperty('error');
    expect(parseTargetOption('speed:2020-2025:3')).toHaveProperty('error');
  });

  it('--target overrides the tables for the same indicator and period', () => {
    const user = parseTargetOption('energy:2020-2025:14') as Target;
    const merged = mergeTargets(targetsFromTables([tables], 'gansu'), [user]);
    const e = merged.find((x) => x.indicator === 'energy_intensity' && x.from === 2020)!;
    expect([e.reduction_pct.toString(), e.source]).toEqual(['14', '--target']);
  });
});
