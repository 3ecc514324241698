import type { Decimal } from '../../decimal.js';
import { compactNumber, emptyChart, GRID, INK, legend, MUTED, niceTicks, PALETTE, px, svgOpen, textLines, textWidth, toPixelNumber, wrapText, xml } from './common.js';

export interface BarSeries {
  name: string;
  color?: string | undefined;
}

export interface Bar {
  label: string;
  /** one value per series; stacked left to right (negatives stack leftwards from zero) */
  values: readonly Decimal[];
  /** the figure printed at the end of the bar, formatted by the caller (rounding is theirs) */
  valueText: string;
}

export interface BarChartSpec {
  /** data-chart attribute */
  id: string;
  title: string;
  series: readonly BarSeries[];
  bars: readonly Bar[];
  lang: 'zh' | 'en';
  /** shown under the axis, e.g. 吨 CO2 */
  unit?: string | undefined;
  width?: number | undefined;
  /** text when there is nothing to draw */
  emptyText: string;
}

const BAR_HEIGHT = 18;
const ROW_GAP = 8;
const FONT = 12;
/** between the lines of a wrapped label */
const LINE_HEIGHT = 14;

/**
 * Horizontal bars, one per label, optionally stacked by series. Bar lengths are proportional to
 * the values on a zero-based axis; every segment is a <rect class="bar"> carrying its exact value.
 */
export function barChart(spec: BarChartSpec): string {
  const width = spec.width ?? 680;
  const frame = { id: spec.id, title: spec.title, width, height: 0 };
  const bars = spec.bars.filter((b) => b.values.some((v) => !v.isZero()));
  if (bars.length === 0) return emptyChart(frame, spec.emptyText);

  const colors = spec.series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]!);
  const showLegend = spec.series.length > 1;
  const leg = showLegend ? legend(spec.series.map((s, i) => ({ name: s.name, color: colors[i]! })), 0, 4, width) : { svg: '', height: 0 };
  const top = leg.height + (showLegend ? 10 : 4);

  // extent of every bar: positives stack right, negatives left
  let lo = 0;
  let hi = 0;
  for (const b of bars) {
    let pos = 0;
    let neg = 0;
    for (const v of b.values) {
      const n = toPixelNumber(v);
      if (n >= 0) pos += n;
      else neg += n;
    }
    hi = Math.max(hi, pos);
    lo = Math.min(lo, neg);
  }
  const ticks = niceTicks(lo, hi, 5);
  const dMin = Math.min(ticks[0]!, 0);
  const dMax = Math.max(ticks[ticks.length - 1]!, 0);

  // a label longer than its column wraps onto more lines (never cut): the row grows to hold them
  const labelWidth = Math.min(width * 0.36, Math.max(...bars.map((b) => textWidth(b.label, FONT))) + 8);
  const labels = bars.map((b) => wrapText(b.label, FONT, labelWidth - 6));
  const rowHeights = labels.map((l) => Math.max(BAR_HEIGHT, l.length * LINE_HEIGHT) + ROW_GAP);
  const rowTops = rowHeights.map((_, i) => top + rowHeights.slice(0, i).reduce((a, h) => a + h, 0));
  // the value's column, and half the last tick label, which is centred on the plot's right edge
  const lastTick = textWidth(compactNumber(ticks[ticks.length - 1]!, spec.lang), 11) / 2;
  const valueWidth = Math.max(lastTick, Math.max(...bars.map((b) => textWidth(b.valueText, FONT))) + 10);
  const plotLeft = labelWidth + 6;
  const plotRight = width - valueWidth;
  const plotWidth = Math.max(40, plotRight - plotLeft);
  const x = (v: number) => plotLeft + ((v - dMin) / (dMax - dMin || 1)) * plotWidth;
  const zero = x(0);
  const plotHeight = rowHeights.reduce((a, h) => a + h, 0);
  const axisY = top + plotHeight + 2;
  const height = axisY + 34 + (spec.unit ? 0 : -12);

  const out: string[] = [svgOpen({ ...frame, height })];
  out.push(leg.svg);
  // grid and tick labels
  out.push('<g class="axis">');
  for (const t of ticks) {
    const tx = x(t);
    out.push(`<line x1="${px(tx)}" y1="${px(top - 2)}" x2="${px(tx)}" y2="${px(axisY)}" stroke="${t === 0 ? MUTED : GRID}" stroke-width="1"/>`);
    out.push(`<text x="${px(tx)}" y="${px(axisY + 14)}" text-anchor="middle" fill="${MUTED}" font-size="11">${xml(compactNumber(t, spec.lang))}</text>`);
  }
  if (spec.unit) out.push(`<text x="${px(plotLeft + plotWidth / 2)}" y="${px(axisY + 30)}" text-anchor="middle" fill="${MUTED}" font-size="11">${xml(spec.unit)}</text>`);
  out.push('</g>');

  bars.forEach((b, i) => {
    // the bar in the middle of its row, the label's lines centred on the bar
    const mid = rowTops[i]! + rowHeights[i]! / 2;
    const y = mid - BAR_HEIGHT / 2;
    out.push(`<g class="bar-row" data-label="${xml(b.label)}">`);
    out.push(textLines(labels[i]!, labelWidth, mid + 4, LINE_HEIGHT, `class="bar-label" text-anchor="end" fill="${INK}"`));
    let pos = 0;
    let neg = 0;
    b.values.forEach((v, s) => {
      const n = toPixelNumber(v);
      if (n === 0) return;
      const from = n > 0 ? pos : neg + n;
      const to = n > 0 ? pos + n : neg;
      if (n > 0) pos += n;
      else neg += n;
      const x0 = x(from);
      const w = x(to) - x0;
      const name = spec.series[s]?.name ?? '';
      out.push(
        `<rect class="bar" data-series="${xml(name)}" data-value="${xml(v.toFixed())}" x="${px(x0)}" y="${px(y)}" width="${px(Math.max(w, 0.5))}" height="${BAR_HEIGHT}" fill="${colors[s]}">` +
          `<title>${xml(b.label)}${name && spec.series.length > 1 ? ` · ${xml(name)}` : ''}</title></rect>`,
      );
    });
    const end = x(pos);
    out.push(`<text class="value" x="${px(Math.max(end, zero) + 4)}" y="${px(y + BAR_HEIGHT / 2 + 4)}" fill="${INK}">${xml(b.valueText)}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}
