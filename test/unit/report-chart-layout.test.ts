// Layout of the report's charts: labels wrapped, never cut; value labels clear of tick labels and of each
// other (checked on the boxes of the texts, estimated as the charts estimate them); lines broken at a
// missing year. Issue 13, "The report, printed".
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { barChart } from '../../src/core/report/svg/bar.js';
import { textWidth, wrapText } from '../../src/core/report/svg/common.js';
import { lineChart } from '../../src/core/report/svg/line.js';
import { waterfallChart } from '../../src/core/report/svg/waterfall.js';
import { describePairs, outside, overlaps, textBoxes } from '../helpers/svg-layout.js';

const d = (v: string | number) => new Decimal(v);

// the English names of the example's longest sectors (sectors.csv), and a Chinese one
const LONG = [
  'Smelting and Pressing of Non-ferrous Metals',
  'Production and Supply of Electric Power and Heat Power',
  'Manufacture of Raw Chemical Materials and Chemical Products',
  'Wholesale, Retail Trade, Accommodation and Catering',
  'Agriculture, Forestry, Animal Husbandry and Fishery',
];

describe('wrapText', () => {
  it('breaks Latin text at spaces and hyphens, each line within the width, no character lost', () => {
    for (const label of LONG) {
      const lines = wrapText(label, 12, 150);
      expect(lines.length, label).toBeGreaterThan(1);
      for (const l of lines) expect(textWidth(l, 12), l).toBeLessThanOrEqual(150);
      // the lines are the words of the label, in order, the spaces at the breaks dropped
      expect(lines.join(' ').replace(/- /g, '-')).toBe(label);
      expect(lines.join('')).not.toContain('…');
    }
    expect(wrapText('Smelting and Pressing of Non-ferrous Metals', 12, 150)).toEqual(['Smelting and Pressing of', 'Non-ferrous Metals']);
  });

  it('breaks CJK text between characters (a CJK character is 1 em, twice a Latin letter of 0.5 em), never before closing punctuation', () => {
    // 12 px type, 60 px: five CJK characters a line
    expect(wrapText('有色金属冶炼和压延加工业', 12, 60)).toEqual(['有色金属冶', '炼和压延加', '工业']);
    const lines = wrapText('电力、热力生产和供应业', 12, 36);
    expect(lines.join('')).toBe('电力、热力生产和供应业');
    for (const l of lines) expect(l.startsWith('、'), l).toBe(false);
    expect(wrapText('范围一（其他部门）', 12, 48).every((l) => !l.startsWith('）') && !l.endsWith('（'))).toBe(true);
  });

  it('keeps a short label on one line, cuts a word longer than a line between letters, and returns one line for empty text', () => {
    expect(wrapText('Construction', 12, 200)).toEqual(['Construction']);
    const cut = wrapText('Supercalifragilisticexpialidocious', 12, 60);
    expect(cut.join('')).toBe('Supercalifragilisticexpialidocious');
    for (const l of cut) expect(textWidth(l, 12)).toBeLessThanOrEqual(60);
    expect(wrapText('', 12, 60)).toEqual(['']);
  });
});

describe('barChart labels', () => {
  const spec = { id: 'sector-co2', title: 'CO2 by sector', lang: 'en' as const, series: [{ name: 'Scope 1' }, { name: 'Scope 2' }], unit: 't CO2', emptyText: 'no data' };
  const bars = LONG.map((label, i) => ({ label, values: [d(5_000_000 - i * 900_000), d(1_000_000)], valueText: (6_000_000 - i * 900_000).toLocaleString('en') }));

  it('wraps long sector names onto several lines instead of cutting them with "…"', () => {
    const svg = barChart({ ...spec, bars });
    expect(svg).not.toContain('…');
    const rows = svg.match(/<g class="bar-row"[\s\S]*?<\/g>/g)!;
    expect(rows).toHaveLength(LONG.length);
    rows.forEach((row, i) => {
      const label = textBoxes(row).filter((b) => b.cls === 'bar-label');
      expect(label.length, LONG[i]).toBeGreaterThan(1);
      expect(label.map((b) => b.text).join(' ').replace(/- /g, '-')).toBe(LONG[i]);
    });
  });

  it('places every text clear of every other (labels, values, ticks, legend) and inside the chart', () => {
    for (const lang of ['en', 'zh'] as const) {
      const zhBars = ['有色金属冶炼和压延加工业', '电力、热力生产和供应业', '化学原料和化学制品制造业', '批发和零售业、住宿和餐饮业', '城镇居民生活'].map((label, i) => ({ ...bars[i]!, label }));
      const svg = barChart({ ...spec, lang, bars: lang === 'en' ? bars : zhBars });
      expect(describePairs(overlaps(textBoxes(svg))), lang).toEqual([]);
      expect(outside(svg), lang).toEqual([]);
    }
  });

  it('keeps a value label off the tick labels when the longest bar reaches the last tick', () => {
    const svg = barChart({ ...spec, series: [{ name: 'CO2' }], bars: [{ label: 'A', values: [d(10_000)], valueText: '10,000' }, { label: 'B', values: [d(9_999)], valueText: '9,999' }] });
    expect(describePairs(overlaps(textBoxes(svg)))).toEqual([]);
    expect(outside(svg)).toEqual([]);
  });
});

describe('lineChart', () => {
  const base = { id: 'trend-co2', title: 'trend', lang: 'en' as const, unit: 't CO2', emptyText: 'no data' };
  const pts = (list: [number, number][]) => list.map(([x, y]) => ({ x, y: d(y), text: y.toLocaleString('en') }));

  it('breaks the line at a missing year and marks the year', () => {
    const svg = lineChart({ ...base, series: [{ name: 'Territorial CO2', points: pts([[2020, 11_398], [2021, 12_186], [2023, 12_415]]) }] });
    const path = /<path class="line" d="([^"]+)"/.exec(svg)![1]!;
    // two pieces: 2020–2021, then 2023 alone (a lone point is its circle)
    expect(path.match(/M/g)).toHaveLength(1);
    const xs = [...svg.matchAll(/<circle class="point" data-x="(\d+)"[^>]*cx="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const x2021 = xs.find(([y]) => y === 2021)![1]!;
    const x2023 = xs.find(([y]) => y === 2023)![1]!;
    const ends = [...path.matchAll(/[ML] ([\d.]+) /g)].map((m) => Number(m[1]));
    expect(Math.max(...ends)).toBeCloseTo(x2021, 0);
    expect(ends).not.toContain(x2023);
    const gap = /<g class="gap" data-x="2022">[\s\S]*?<\/g>/.exec(svg);
    expect(gap, 'a mark at 2022').not.toBeNull();
    expect(gap![0]).toContain('no data');
  });

  it('breaks every series at its own missing years, and a target path is not a data series', () => {
    const svg = lineChart({
      ...base,
      series: [
        { name: 'a', points: pts([[2015, 5], [2016, 6], [2017, 6], [2019, 7], [2020, 8]]) },
        { name: 'target', kind: 'target', dashed: true, points: pts([[2015, 5], [2020, 4]]) },
      ],
    });
    const paths = [...svg.matchAll(/<path class="line" d="([^"]+)"/g)].map((m) => m[1]!);
    expect(paths[0]!.match(/M/g)).toHaveLength(2);
    expect(paths[1]!.match(/M/g)).toHaveLength(1);
    expect([...svg.matchAll(/<g class="gap" data-x="(\d+)"/g)].map((m) => m[1])).toEqual(['2018']);
  });

  it('keeps point labels off the axis tick labels and off each other', () => {
    for (const lang of ['en', 'zh'] as const) {
      const svg = lineChart({
        ...base,
        lang,
        series: [
          { name: 'Territorial CO2', labels: true, points: pts([[2020, 11_398], [2021, 12_186], [2023, 12_415]]) },
          { name: 'Consumption CO2', labels: true, points: pts([[2020, 11_300], [2021, 12_100], [2023, 12_300]]) },
        ],
      });
      expect(describePairs(overlaps(textBoxes(svg))), lang).toEqual([]);
      expect(outside(svg), lang).toEqual([]);
    }
  });

  it('keeps point labels clear of everything on a two-year chart with the first point at the top tick', () => {
    const svg = lineChart({ ...base, series: [{ name: 'Energy', labels: true, points: pts([[2020, 5_000], [2021, 4_000]]) }] });
    expect(describePairs(overlaps(textBoxes(svg)))).toEqual([]);
    expect(outside(svg)).toEqual([]);
  });
});

describe('waterfallChart', () => {
  it('wraps step names instead of cutting them, every text clear of the others', () => {
    const steps = [
      { label: '2020', kind: 'total' as const, value: d(11_123_903), valueText: '11,123,903' },
      { label: 'Economic output', kind: 'effect' as const, value: d(839_628), valueText: '+839,628' },
      { label: 'Energy intensity', kind: 'effect' as const, value: d(442_567), valueText: '+442,567' },
      { label: 'Energy mix', kind: 'effect' as const, value: d(-243_308), valueText: '−243,308' },
      { label: 'Emission factor', kind: 'effect' as const, value: d(0), valueText: '0' },
      { label: 'Population and something longer', kind: 'effect' as const, value: d(-2_000_000), valueText: '−2,000,000' },
      { label: '2021', kind: 'total' as const, value: d(10_162_790), valueText: '10,162,790' },
    ];
    const svg = waterfallChart({ id: 'decomposition-waterfall', title: 'w', steps, lang: 'en', unit: 't CO2', emptyText: 'no data' });
    expect(svg).not.toContain('…');
    expect(describePairs(overlaps(textBoxes(svg)))).toEqual([]);
    expect(outside(svg)).toEqual([]);
  });
});

describe('lineChart marks (a scenario peak)', () => {
  it('keeps a peak label inside the chart and off the tick labels, at the first or the last year', () => {
    const d2 = (v: number) => new Decimal(v);
    const series = [
      { name: 'history', points: [2018, 2019, 2020].map((x, i) => ({ x, y: d2(1_000 + i * 10), text: '' })) },
      {
        name: 'scenario A',
        points: [2018, 2019, 2020, 2021, 2022].map((x, i) => ({ x, y: d2(1_000 + i * 20), text: '' })),
        marks: [{ x: 2022, text: 'peak 2022 · 1,080 t, a long label' }],
      },
      {
        name: 'scenario B',
        points: [2018, 2019, 2020, 2021, 2022].map((x) => ({ x, y: d2(1_000), text: '' })),
        marks: [{ x: 2018, text: 'peak 2018 · 1,000 t' }],
      },
    ];
    const svg = lineChart({ id: 'pathway-co2', title: 'p', lang: 'en', unit: 't CO2', emptyText: 'no data', series });
    expect(svg.match(/<g class="mark"/g)).toHaveLength(2);
    expect(describePairs(overlaps(textBoxes(svg)))).toEqual([]);
    expect(outside(svg)).toEqual([]);
  });
});
