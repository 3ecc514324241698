import { Decimal } from '../../decimal.js';
import { emptyChart, INK, MUTED, PALETTE, px, svgOpen, textLines, toPixelNumber, wrapText, xml } from './common.js';

export interface Slice {
  label: string;
  value: Decimal;
  /** figure printed in the legend, formatted by the caller */
  valueText: string;
  /**
   * the legend's second line in place of "value · share of the ring": for parts whose sum is no total to
   * quote, the caller says what each part is a share of
   */
  detail?: string | undefined;
  color?: string | undefined;
}

export interface DonutSpec {
  id: string;
  title: string;
  slices: readonly Slice[];
  /** text in the hole, e.g. the total (only when the slices add up to a figure meant to be quoted) */
  centerText?: string | undefined;
  centerSub?: string | undefined;
  width?: number | undefined;
  emptyText: string;
}

/**
 * A ring of the shares of a whole. Negative and zero slices are left out (a share of a whole
 * cannot be negative); each slice is a <path class="slice"> with its exact value and percentage.
 */
export function donutChart(spec: DonutSpec): string {
  const width = spec.width ?? 680;
  const slices = spec.slices
    .map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length]! }))
    .filter((s) => s.value.isPositive() && !s.value.isZero());
  const frame = { id: spec.id, title: spec.title, width, height: 0 };
  if (slices.length === 0) return emptyChart(frame, spec.emptyText);
  const total = slices.reduce((acc, s) => acc.plus(s.value), new Decimal(0));

  const r = 78;
  const inner = 48;
  const cx = r + 12;
  const cy = r + 12;
  // legend: swatch, label, then value and share (or the caller's detail); long lines wrap, never cut
  const lx = 2 * r + 48;
  const maxW = width - lx - 20;
  const items = slices.map((s) => {
    const pct = s.value.dividedBy(total).times(100).toFixed(1);
    const label = wrapText(s.label, 12, maxW);
    const detail = wrapText(s.detail ?? `${s.valueText} · ${pct}%`, 11, maxW);
    return { label, detail, height: label.length * 15 + detail.length * 14 + 11 };
  });
  const legendHeight = items.reduce((a, i) => a + i.height, 0);
  const height = Math.max(2 * r + 24, legendHeight + 16);
  const out: string[] = [svgOpen({ ...frame, height })];
  let angle = -Math.PI / 2;
  const totalN = toPixelNumber(total);
  for (const s of slices) {
    const share = s.value.dividedBy(total);
    const sweep = (toPixelNumber(s.value) / totalN) * 2 * Math.PI;
    const pct = share.times(100).toFixed(1);
    const title = `<title>${xml(s.label)}: ${xml(s.detail ?? `${s.valueText} (${pct}%)`)}</title>`;
    const attrs = `class="slice" data-label="${xml(s.label)}" data-value="${xml(s.value.toFixed())}" data-share="${pct}" fill="${s.color}"`;
    if (sweep >= 2 * Math.PI - 1e-6) {
      // a full ring: two half arcs, since one arc cannot start and end at the same point
      out.push(`<path ${attrs} fill-rule="evenodd" d="${ring(cx, cy, r)} ${ring(cx, cy, inner)}">${title}</path>`);
    } else {
      out.push(`<path ${attrs} d="${arc(cx, cy, r, inner, angle, angle + sweep)}">${title}</path>`);
    }
    angle += sweep;
  }
  if (spec.centerText) {
    out.push(`<text x="${px(cx)}" y="${px(cy + (spec.centerSub ? 0 : 5))}" text-anchor="middle" font-size="14" font-weight="bold" fill="${INK}">${xml(spec.centerText)}</text>`);
    if (spec.centerSub) out.push(`<text x="${px(cx)}" y="${px(cy + 16)}" text-anchor="middle" font-size="11" fill="${MUTED}">${xml(spec.centerSub)}</text>`);
  }
  let ly = Math.max(8, cy - legendHeight / 2 + 4);
  slices.forEach((s, i) => {
    const item = items[i]!;
    const labelMid = ly + 10.5 + ((item.label.length - 1) * 15) / 2;
    const detailTop = ly + 10.5 + item.label.length * 15 + 1.5;
    out.push(
      `<g class="legend-item"><rect x="${px(lx)}" y="${px(ly)}" width="12" height="12" rx="2" fill="${s.color}"/>` +
        textLines(item.label, lx + 18, labelMid, 15, `fill="${INK}"`) +
        textLines(item.detail, lx + 18, detailTop + ((item.detail.length - 1) * 14) / 2, 14, `fill="${MUTED}" font-size="11"`) +
        `</g>`,
    );
    ly += item.height;
  });
  out.push('</svg>');
  return out.join('');
}

function point(cx: number, cy: number, r: number, a: number): string {
  return `${px(cx + r * Math.cos(a))} ${px(cy + r * Math.sin(a))}`;
}

function arc(cx: number, cy: number, r: number, inner: number, a0: number, a1: number): string {
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return [
    `M ${point(cx, cy, r, a0)}`,
    `A ${r} ${r} 0 ${large} 1 ${point(cx, cy, r, a1)}`,
    `L ${point(cx, cy, inner, a1)}`,
    `A ${inner} ${inner} 0 ${large} 0 ${point(cx, cy, inner, a0)}`,
    'Z',
  ].join(' ');
}

function ring(cx: number, cy: number, r: number): string {
  return `M ${px(cx - r)} ${px(cy)} A ${r} ${r} 0 1 1 ${px(cx + r)} ${px(cy)} A ${r} ${r} 0 1 1 ${px(cx - r)} ${px(cy)} Z`;
}
