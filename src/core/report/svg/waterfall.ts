import { Decimal } from '../../decimal.js';
import { type Anchor, box, type Box, compactNumber, emptyChart, GRID, INK, intersects, MUTED, niceTicks, PALETTE, px, svgOpen, textLines, textWidth, toPixelNumber, wrapText, xml } from './common.js';

export interface WaterfallStep {
  label: string;
  /** a total (start or end, drawn from the axis) or an effect (floating from the running level) */
  kind: 'total' | 'effect';
  value: Decimal;
  /** printed above (or below) the bar, formatted by the caller */
  valueText: string;
}

export interface WaterfallSpec {
  id: string;
  title: string;
  steps: readonly WaterfallStep[];
  lang: 'zh' | 'en';
  unit?: string | undefined;
  width?: number | undefined;
  emptyText: string;
}

export const WATERFALL_COLORS = { total: PALETTE[0], up: PALETTE[5], down: PALETTE[2] } as const;

const FONT = 12;
const LINE_HEIGHT = 14;

/**
 * A waterfall: the start total, then each effect as a bar floating from where the previous one ended (up for an
 * increase, down for a decrease), then the end total, which ends exactly where the last effect does when the effects
 * add up to the change. The axis spans the levels reached (it need not start at zero: effects of a few per cent of
 * the total would not show otherwise), and says so. Every bar is a <rect class="bar"> with its exact value.
 */
export function waterfallChart(spec: WaterfallSpec): string {
  const width = spec.width ?? 680;
  const frame = { id: spec.id, title: spec.title, width, height: 0 };
  if (spec.steps.length === 0) return emptyChart(frame, spec.emptyText);

  // the level before and after each bar
  let level = new Decimal(0);
  const spans = spec.steps.map((s) => {
    if (s.kind === 'total') {
      level = s.value;
      return { from: new Decimal(0), to: s.value };
    }
    const from = level;
    level = level.plus(s.value);
    return { from, to: level };
  });
  const levels = spans.flatMap((s, i) => (spec.steps[i]!.kind === 'total' ? [toPixelNumber(s.to)] : [toPixelNumber(s.from), toPixelNumber(s.to)]));
  const lo = Math.min(...levels);
  const hi = Math.max(...levels);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1;
  const ticks = niceTicks(lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad, 5);
  const dMin = ticks[0]!;
  const dMax = ticks[ticks.length - 1]!;
  const truncated = dMin > 0;

  const axisWidth = Math.max(...ticks.map((t) => textWidth(compactNumber(t, spec.lang), 11))) + 10;
  const top = 22;
  const plotHeight = 240;
  const plotLeft = axisWidth + 4;
  const plotRight = width - 8;
  const slot = (plotRight - plotLeft) / spec.steps.length;
  const barWidth = Math.min(56, slot * 0.62);
  const y = (v: number) => top + plotHeight - ((v - dMin) / (dMax - dMin || 1)) * plotHeight;
  const axisY = top + plotHeight;
  const labelY = axisY + 16;
  // step names wrap onto as many lines as they need (never cut); the chart grows to hold them
  const names = spec.steps.map((s) => wrapText(s.label, FONT, slot - 4));
  const nameLines = Math.max(...names.map((n) => n.length));
  const height = labelY + (nameLines - 1) * LINE_HEIGHT + 10 + 18 + (spec.unit || truncated ? 16 : 0);
  // every text drawn so far: a value label goes where it meets none of them
  const taken: Box[] = [];

  const out: string[] = [svgOpen({ ...frame, height })];
  out.push('<g class="axis">');
  for (const t of ticks) {
    const ty = y(t);
    out.push(`<line x1="${px(plotLeft)}" y1="${px(ty)}" x2="${px(plotRight)}" y2="${px(ty)}" stroke="${GRID}" stroke-width="1"/>`);
    out.push(`<text x="${px(plotLeft - 4)}" y="${px(ty + 4)}" text-anchor="end" fill="${MUTED}" font-size="11">${xml(compactNumber(t, spec.lang))}</text>`);
    taken.push(box(compactNumber(t, spec.lang), 11, plotLeft - 4, ty + 4, 'end'));
  }
  spec.steps.forEach((_, i) => {
    const cx = plotLeft + slot * i + slot / 2;
    names[i]!.forEach((line, j) => taken.push(box(line, FONT, cx, labelY + j * LINE_HEIGHT, 'middle')));
  });
  const note = [spec.unit, truncated ? (spec.lang === 'zh' ? `纵轴自 ${compactNumber(dMin, 'zh')} 起` : `axis starts at ${compactNumber(dMin, 'en')}`) : undefined].filter(Boolean).join(spec.lang === 'zh' ? '；' : '; ');
  if (note) out.push(`<text x="${px(plotLeft)}" y="${px(height - 4)}" fill="${MUTED}" font-size="11">${xml(note)}</text>`);
  out.push('</g>');

  spec.steps.forEach((s, i) => {
    const span = spans[i]!;
    const cx = plotLeft + slot * i + slot / 2;
    const x0 = cx - barWidth / 2;
    const a = s.kind === 'total' ? Math.max(dMin, 0) : toPixelNumber(span.from);
    const b = toPixelNumber(span.to);
    const yTop = y(Math.max(a, b));
    const yBottom = s.kind === 'total' ? axisY : y(Math.min(a, b));
    const color = s.kind === 'total' ? WATERFALL_COLORS.total : s.value.isNegative() ? WATERFALL_COLORS.down : WATERFALL_COLORS.up;
    out.push(`<g class="step" data-kind="${s.kind}" data-label="${xml(s.label)}">`);
    out.push(
      `<rect class="bar" data-value="${xml(s.value.toFixed())}" data-level="${xml(span.to.toFixed())}" x="${px(x0)}" y="${px(yTop)}" width="${px(barWidth)}" height="${px(Math.max(yBottom - yTop, 1))}" fill="${color}">` +
        `<title>${xml(s.label)}: ${xml(s.valueText)}</title></rect>`,
    );
    // the value above a rise or a total, below a fall; on the other side when that place is taken, inside the
    // bar (in white) when both are; left out (it is in the tooltip and the table) when nothing is free
    const below = s.kind === 'effect' && s.value.isNegative();
    const places = [below ? yBottom + 13 : yTop - 4, below ? yTop - 4 : yBottom + 13];
    if (yBottom - yTop >= 16) places.push((yTop + yBottom) / 2 + 4);
    const anchor: Anchor = 'middle';
    const at = places.findIndex((ty) => {
      const b = box(s.valueText, 11, cx, ty, anchor);
      return b.y0 >= 0 && b.y1 <= axisY && !taken.some((t) => intersects(t, b));
    });
    if (at >= 0) {
      const ty = places[at]!;
      taken.push(box(s.valueText, 11, cx, ty, anchor));
      out.push(`<text class="value" x="${px(cx)}" y="${px(ty)}" text-anchor="middle" fill="${at === 2 ? '#fff' : INK}" font-size="11">${xml(s.valueText)}</text>`);
    }
    out.push(textLines(names[i]!, cx, labelY + ((names[i]!.length - 1) * LINE_HEIGHT) / 2, LINE_HEIGHT, `class="step-label" text-anchor="middle" fill="${INK}"`));
    // a dashed connector from this bar's end level to the next bar
    if (i < spec.steps.length - 1) {
      const ly = y(toPixelNumber(span.to));
      out.push(`<line class="connector" x1="${px(x0 + barWidth)}" y1="${px(ly)}" x2="${px(x0 + slot)}" y2="${px(ly)}" stroke="${MUTED}" stroke-width="1" stroke-dasharray="3 2"/>`);
    }
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}
