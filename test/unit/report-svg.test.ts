import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { barChart } from '../../src/core/report/svg/bar.js';
import { compactNumber, fitText, niceTicks, xml } from '../../src/core/report/svg/common.js';
import { donutChart } from '../../src/core/report/svg/donut.js';
import { lineChart } from '../../src/core/report/svg/line.js';

const d = (v: string | number) => new Decimal(v);
const attr = (el: string, name: string) => Number(new RegExp(`\\s${name}="([^"]*)"`).exec(el)![1]);
const rects = (svg: string) => svg.match(/<rect class="bar"[^>]*>/g) ?? [];

/** Well-formed XML, as far as a test without a parser can tell: every tag closed, no bare & or <. */
function wellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  const text = svg.replace(/<[^>]*>/g, '');
  expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
  expect(text).not.toMatch(/[<>]/);
}

describe('xml()', () => {
  it('escapes markup and quotes, and drops characters XML forbids', () => {
    expect(xml(`<script>alert("x")</script> & 'y'\u0001`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
});

describe('barChart', () => {
  const spec = {
    id: 'sector-co2',
    title: 'CO2 <by> sector & "fuel"',
    lang: 'zh' as const,
    series: [{ name: 'S1' }],
    emptyText: '无数据',
  };

  it('draws bars whose lengths are proportional to the values', () => {
    const svg = barChart({
      ...spec,
      bars: [
        { label: '有色金属冶炼和压延加工业', values: [d('3000')], valueText: '3,000' },
        { label: '化学原料', values: [d('1500')], valueText: '1,500' },
        { label: '建筑业', values: [d('750.5')], valueText: '750.5' },
      ],
    });
    const [a, b, c] = rects(svg).map((r) => attr(r, 'width'));
    expect(a! / b!).toBeCloseTo(2, 1);
    expect(a! / c!).toBeCloseTo(3000 / 750.5, 1);
    // bars start at the same zero line
    expect(new Set(rects(svg).map((r) => attr(r, 'x'))).size).toBe(1);
    // the exact figure is carried, not a float
    expect(svg).toContain('data-value="750.5"');
    expect(svg).toContain('data-chart="sector-co2"');
    wellFormed(svg);
  });

  it('stacks series left to right, each segment proportional', () => {
    const svg = barChart({
      ...spec,
      series: [{ name: 'scope 1' }, { name: 'scope 2' }],
      bars: [{ label: 'A', values: [d(300), d(100)], valueText: '400' }],
    });
    const [s1, s2] = rects(svg);
    expect(attr(s1!, 'width') / attr(s2!, 'width')).toBeCloseTo(3, 1);
    expect(attr(s2!, 'x')).toBeCloseTo(attr(s1!, 'x') + attr(s1!, 'width'), 0);
    expect(svg).toContain('class="legend"');
  });

  it('escapes every label, title and series name', () => {
    const svg = barChart({
      ...spec,
      series: [{ name: '<s>&' }, { name: 'x' }],
      bars: [{ label: '<img src=x onerror=alert(1)>"&\'', values: [d(1), d(2)], valueText: '<b>3</b>' }],
    });
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<s>');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    expect(svg).toContain('CO2 &lt;by&gt; sector &amp; &quot;fuel&quot;');
    wellFormed(svg);
  });

  it('says so when there is nothing to draw', () => {
    for (const bars of [[], [{ label: 'A', values: [d(0)], valueText: '0' }]]) {
      const svg = barChart({ ...spec, bars });
      expect(svg).toContain('data-empty="true"');
      expect(svg).toContain('无数据');
      expect(rects(svg)).toHaveLength(0);
      wellFormed(svg);
    }
  });

  it('draws negative values to the left of zero', () => {
    const svg = barChart({
      ...spec,
      bars: [
        { label: 'up', values: [d(100)], valueText: '100' },
        { label: 'down', values: [d(-50)], valueText: '-50' },
      ],
    });
    const [up, down] = rects(svg);
    expect(attr(down!, 'x') + attr(down!, 'width')).toBeCloseTo(attr(up!, 'x'), 0);
    expect(attr(up!, 'width') / attr(down!, 'width')).toBeCloseTo(2, 1);
  });

  it('wraps a long label onto several lines, every character shown (issue 13: labels were cut with "…")', () => {
    const long = '非常非常长的部门名称'.repeat(8);
    const svg = barChart({ ...spec, bars: [{ label: long, values: [d(1)], valueText: '1' }] });
    expect(svg).not.toContain('…');
    const lines = [...svg.matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
  });

  it('uses a font stack that starts with CJK fonts', () => {
    const svg = barChart({ ...spec, bars: [{ label: 'A', values: [d(1)], valueText: '1' }] });
    expect(svg).toMatch(/font-family='"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif'/);
  });
});

describe('donutChart', () => {
  const base = { id: 'scope-split', title: 'scopes', emptyText: 'no data' };

  it('gives each slice its share of the whole', () => {
    const svg = donutChart({
      ...base,
      slices: [
        { label: 'scope 1', value: d(300), valueText: '300 t' },
        { label: 'scope 2', value: d(100), valueText: '100 t' },
      ],
    });
    expect(svg.match(/class="slice"/g)).toHaveLength(2);
    expect(svg).toContain('data-share="75.0"');
    expect(svg).toContain('data-share="25.0"');
    wellFormed(svg);
  });

  it('draws a single slice as a full ring and leaves out zero and negative slices', () => {
    const svg = donutChart({
      ...base,
      slices: [
        { label: 'all', value: d(5), valueText: '5' },
        { label: 'none', value: d(0), valueText: '0' },
        { label: 'minus', value: d(-1), valueText: '-1' },
      ],
    });
    expect(svg.match(/class="slice"/g)).toHaveLength(1);
    expect(svg).toContain('data-share="100.0"');
    expect(svg).toContain('fill-rule="evenodd"');
  });

  it('is an empty chart with nothing positive', () => {
    expect(donutChart({ ...base, slices: [] })).toContain('data-empty="true"');
  });

  it('escapes labels', () => {
    const svg = donutChart({ ...base, slices: [{ label: '<x>&', value: d(1), valueText: '"1"' }] });
    expect(svg).not.toContain('<x>');
    wellFormed(svg);
  });
});

describe('lineChart', () => {
  const base = { id: 'trend-co2', title: 'trend', lang: 'en' as const, emptyText: 'no data' };

  it('places points by year and value on a zero-based axis', () => {
    const svg = lineChart({
      ...base,
      series: [
        {
          name: 'CO2',
          points: [
            { x: 2020, y: d(100), text: '100' },
            { x: 2021, y: d(200), text: '200' },
            { x: 2022, y: d(50), text: '50' },
          ],
        },
      ],
    });
    const circles = svg.match(/<circle class="point"[^>]*>/g)!;
    expect(circles).toHaveLength(3);
    const cy = circles.map((c) => attr(c, 'cy'));
    const cx = circles.map((c) => attr(c, 'cx'));
    // equal spacing of consecutive years
    expect(cx[1]! - cx[0]!).toBeCloseTo(cx[2]! - cx[1]!, 0);
    // find the zero line from two points: y(v) = zero − k·v
    const k = (cy[0]! - cy[1]!) / 100;
    const zero = cy[0]! + 100 * k;
    expect(zero - cy[2]!).toBeCloseTo(50 * k, 0);
    expect(svg).toContain('<path class="line"');
    wellFormed(svg);
  });

  it('draws a target path dashed, marked as a target', () => {
    const svg = lineChart({
      ...base,
      series: [
        { name: 'actual', points: [{ x: 2020, y: d(2), text: '2' }, { x: 2021, y: d(1.9), text: '1.9' }] },
        { name: 'target', dashed: true, kind: 'target', points: [{ x: 2020, y: d(2), text: '2' }, { x: 2025, y: d(1.7), text: '1.7' }] },
      ],
    });
    expect(svg).toContain('data-kind="target"');
    expect(svg).toContain('stroke-dasharray');
    // the axis spans to the target year
    expect(svg).toContain('>2025</text>');
  });

  it('is an empty chart without points, and escapes series names', () => {
    expect(lineChart({ ...base, series: [{ name: 'x', points: [] }] })).toContain('data-empty="true"');
    const svg = lineChart({ ...base, series: [{ name: '<z>', points: [{ x: 2020, y: d(1), text: '&' }] }] });
    expect(svg).not.toContain('<z>');
    wellFormed(svg);
  });
});

describe('axis helpers', () => {
  it('niceTicks spans the data with round steps from zero', () => {
    const ticks = niceTicks(0, 16_461_212.76, 5);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)!).toBeGreaterThanOrEqual(16_461_212.76);
    const steps = new Set(ticks.slice(1).map((t, i) => t - ticks[i]!));
    expect(steps.size).toBe(1);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });

  it('compactNumber writes 万/亿 in Chinese and k/M in English', () => {
    expect(compactNumber(12_000, 'zh')).toBe('1.2万');
    expect(compactNumber(350_000_000, 'zh')).toBe('3.5亿');
    expect(compactNumber(12_000, 'en')).toBe('12k');
    expect(compactNumber(2_500_000, 'en')).toBe('2.5M');
    expect(compactNumber(0.25, 'en')).toBe('0.25');
  });

  it('fitText keeps short text and shortens long text', () => {
    expect(fitText('短', 12, 100)).toBe('短');
    expect(fitText('长'.repeat(40), 12, 60).endsWith('…')).toBe(true);
  });
});
