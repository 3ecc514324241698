import type { Decimal } from '../../decimal.js';
import { type Anchor, box, type Box, compactNumber, emptyChart, GRID, INK, intersects, legend, MUTED, niceTicks, PALETTE, px, svgOpen, textWidth, toPixelNumber, xml } from './common.js';

export interface LinePoint {
  /** a year */
  x: number;
  y: Decimal;
  /** the figure in the point's tooltip (and its label when the series has labels) */
  text: string;
}

export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
  color?: string | undefined;
  /** a target path is drawn dashed */
  dashed?: boolean | undefined;
  /** print each point's text beside it */
  labels?: boolean | undefined;
  /** kind of line, for data attributes and tests: data or target */
  kind?: 'data' | 'target' | undefined;
  /** points to mark with a ring and a label (a scenario's peak): `<g class="mark">` */
  marks?: readonly { x: number; text: string }[] | undefined;
}

export interface LineChartSpec {
  id: string;
  title: string;
  series: readonly LineSeries[];
  lang: 'zh' | 'en';
  unit?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  emptyText: string;
}

/**
 * Years along x, values on a zero-based y axis (a trend read against zero is not exaggerated).
 * Each series is a <path class="line"> through <circle class="point">s carrying exact values.
 */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 680;
  const frame = { id: spec.id, title: spec.title, width, height: 0 };
  const series = spec.series.filter((s) => s.points.length > 0);
  if (series.length === 0) return emptyChart(frame, spec.emptyText);
  const colors = series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]!);

  const leg = legend(series.map((s, i) => ({ name: s.name, color: colors[i]!, dashed: s.dashed, kind: 'line' as const })), 0, 4, width);
  const top = leg.height + 16;
  const height = spec.height ?? 260 + leg.height;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (x0 === x1) {
    x0 -= 1;
    x1 += 1;
  }
  const ys = series.flatMap((s) => s.points.map((p) => toPixelNumber(p.y)));
  const ticks = niceTicks(Math.min(0, ...ys), Math.max(0, ...ys), 5);
  const yMin = ticks[0]!;
  const yMax = ticks[ticks.length - 1]!;
  const yLabelWidth = Math.max(...ticks.map((t) => compactNumber(t, spec.lang).length)) * 7 + 12;
  const left = Math.max(44, yLabelWidth);
  const right = width - 56;
  const bottom = height - (spec.unit ? 40 : 26);
  const sx = (x: number) => left + ((x - x0) / (x1 - x0)) * (right - left);
  const sy = (y: number) => bottom - ((y - yMin) / (yMax - yMin || 1)) * (bottom - top);

  const out: string[] = [svgOpen({ ...frame, height })];
  // every text drawn so far, as a box: a point label goes where it meets none of them, or is left out
  const taken: Box[] = [];
  const take = (b: Box) => taken.push(b);
  leg.boxes.forEach(take);
  out.push(leg.svg);
  out.push('<g class="axis">');
  for (const t of ticks) {
    const ty = sy(t);
    const label = compactNumber(t, spec.lang);
    out.push(`<line x1="${px(left)}" y1="${px(ty)}" x2="${px(right)}" y2="${px(ty)}" stroke="${t === 0 ? MUTED : GRID}"/>`);
    out.push(`<text x="${px(left - 6)}" y="${px(ty + 4)}" text-anchor="end" fill="${MUTED}" font-size="11">${xml(label)}</text>`);
    take(box(label, 11, left - 6, ty + 4, 'end'));
  }
  const first = Math.min(...xs);
  const last = Math.max(...xs);
  const step = last - first > 24 ? 5 : last - first > 12 ? 2 : 1;
  for (let y = first; y <= last; y += step) {
    out.push(`<text x="${px(sx(y))}" y="${px(bottom + 16)}" text-anchor="middle" fill="${MUTED}" font-size="11">${y}</text>`);
    take(box(String(y), 11, sx(y), bottom + 16, 'middle'));
  }
  if (spec.unit) {
    out.push(`<text x="${px(left)}" y="${px(height - 6)}" fill="${MUTED}" font-size="11">${xml(spec.unit)}</text>`);
    take(box(spec.unit, 11, left, height - 6, 'start'));
  }
  out.push('</g>');

  // a year missing from a data series breaks its line there (a line across it would invent the year's
  // figure) and is marked on the axis
  const sorted = series.map((s) => [...s.points].sort((a, b) => a.x - b.x));
  const missing = new Set<number>();
  series.forEach((s, i) => {
    if (s.kind === 'target') return;
    const pts = sorted[i]!;
    for (let j = 1; j < pts.length; j++) for (let y = pts[j - 1]!.x + 1; y < pts[j]!.x; y++) missing.add(y);
  });
  const gapText = spec.lang === 'zh' ? '无数据' : 'no data';
  for (const y of [...missing].sort((a, b) => a - b)) {
    const gx = sx(y);
    out.push(
      `<g class="gap" data-x="${y}"><line x1="${px(gx)}" y1="${px(top)}" x2="${px(gx)}" y2="${px(bottom)}" stroke="${MUTED}" stroke-width="1" stroke-dasharray="2 3"/>` +
        `<text x="${px(gx)}" y="${px(bottom - 5)}" text-anchor="middle" fill="${MUTED}" font-size="10" paint-order="stroke" stroke="#fff" stroke-width="3">${gapText}</text></g>`,
    );
    take(box(gapText, 10, gx, bottom - 5, 'middle'));
  }

  // where a point's label may go, in order of preference: above, below, right, left; kept inside the plot's
  // width (off the y-axis labels) and above the x axis
  const LABEL = 10.5;
  const placeLabel = (text: string, cx: number, cy: number): { x: number; y: number; anchor: Anchor } | undefined => {
    const w = textWidth(text, LABEL);
    const clampX = (x: number) => Math.min(Math.max(x, left + 2 + w / 2), width - 2 - w / 2);
    const candidates: { x: number; y: number; anchor: Anchor }[] = [
      { x: clampX(cx), y: cy - 8, anchor: 'middle' },
      { x: clampX(cx), y: cy + 16, anchor: 'middle' },
      { x: cx + 7, y: cy + 4, anchor: 'start' },
      { x: cx - 7, y: cy + 4, anchor: 'end' },
    ];
    return candidates.find((c) => {
      const b = box(text, LABEL, c.x, c.y, c.anchor);
      return b.x0 >= left + 1 && b.x1 <= width - 1 && b.y0 >= 0 && b.y1 <= bottom - 1 && !taken.some((t) => intersects(t, b));
    });
  };

  // labels of marks close together (peaks of several scenarios) are moved up, then below, until they do not overlap
  const placed: { x0: number; x1: number; y: number }[] = [];
  const clash = (x0: number, x1: number, y: number) => placed.some((b) => x0 < b.x1 && b.x0 < x1 && Math.abs(b.y - y) < 14);
  series.forEach((s, i) => {
    const pts = sorted[i]!;
    // one piece of line per run of consecutive years (a target path joins its own points, years apart or not)
    const runs: LinePoint[][] = [];
    pts.forEach((p, j) => {
      if (j === 0 || (s.kind !== 'target' && p.x - pts[j - 1]!.x > 1)) runs.push([p]);
      else runs.at(-1)!.push(p);
    });
    const d = runs
      .filter((r) => r.length > 1)
      .map((r) => r.map((p, j) => `${j === 0 ? 'M' : 'L'} ${px(sx(p.x))} ${px(sy(toPixelNumber(p.y)))}`).join(' '))
      .join(' ');
    const color = colors[i]!;
    out.push(`<g class="series" data-series="${xml(s.name)}" data-kind="${s.kind ?? 'data'}">`);
    if (d) {
      out.push(`<path class="line" d="${d}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
    for (const p of pts) {
      const cx = sx(p.x);
      const cy = sy(toPixelNumber(p.y));
      out.push(
        `<circle class="point" data-x="${p.x}" data-value="${xml(p.y.toFixed())}" cx="${px(cx)}" cy="${px(cy)}" r="${s.dashed ? 2.5 : 3.5}" fill="${s.dashed ? '#fff' : color}" stroke="${color}" stroke-width="1.5">` +
          `<title>${xml(s.name)} ${p.x}: ${xml(p.text)}</title></circle>`,
      );
      if (!s.labels) continue;
      const at = placeLabel(p.text, cx, cy);
      if (!at) continue;
      take(box(p.text, LABEL, at.x, at.y, at.anchor));
      out.push(`<text class="point-label" x="${px(at.x)}" y="${px(at.y)}" text-anchor="${at.anchor}" fill="${INK}" font-size="${LABEL}">${xml(p.text)}</text>`);
    }
    for (const m of s.marks ?? []) {
      const p = pts.find((q) => q.x === m.x);
      if (!p) continue;
      const cx = sx(p.x);
      const cy = sy(toPixelNumber(p.y));
      const half = textWidth(m.text, 11) / 2 + 2;
      // the label's centre kept inside the plot's width, off the y-axis labels; clear of every other text too
      const lx = Math.min(Math.max(cx, left + 2 + half), width - 2 - half);
      const busy = (y: number) => clash(lx - half, lx + half, y) || taken.some((t) => intersects(t, box(m.text, 11, lx, y, 'middle')));
      let ty = cy - 12;
      while (ty > top + 10 && busy(ty)) ty -= 14;
      if (ty <= top + 10 || busy(ty)) {
        for (ty = cy + 22; ty < bottom - 4 && busy(ty); ) ty += 14;
        // nowhere free: the peak still gets its label, just above the ring
        if (ty >= bottom - 4) ty = cy - 12;
      }
      placed.push({ x0: lx - half, x1: lx + half, y: ty });
      take(box(m.text, 11, lx, ty, 'middle'));
      out.push(
        `<g class="mark" data-x="${p.x}" data-value="${xml(p.y.toFixed())}"><circle cx="${px(cx)}" cy="${px(cy)}" r="7" fill="none" stroke="${color}" stroke-width="2"/>` +
          `<text x="${px(lx)}" y="${px(ty)}" text-anchor="middle" fill="${color}" font-size="11" font-weight="600" paint-order="stroke" stroke="#fff" stroke-width="3">${xml(m.text)}</text></g>`,
      );
    }
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}
