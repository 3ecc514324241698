/**
 * Shared pieces of the report's SVG charts. Charts are pure functions from data to an SVG string:
 * no DOM, no fonts measured, nothing fetched. Figures stay Decimal up to here; they become floats
 * only to place pixels.
 */
import type { Decimal } from '../../decimal.js';

/** CJK first, so Chinese labels render in Debian's Chromium (fonts-noto-cjk), Windows and macOS alike. */
export const FONT_STACK = `"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif`;

/** Colours that stay apart in print and for the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'] as const;
export const MUTED = '#6b7280';
export const GRID = '#e5e7eb';
export const INK = '#111827';

/** Escapes text for XML content and attribute values alike. */
export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    // characters XML 1.0 does not allow at all
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** A pixel coordinate, short: at most one decimal. */
export function px(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** For geometry only: the figure itself is never rounded through a float. */
export function toPixelNumber(d: Decimal | number): number {
  return typeof d === 'number' ? d : d.toNumber();
}

/** CJK ideographs, kana, hangul and full-width forms: one em wide, and a line may break before or after each. */
export function isWideChar(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0x3000 && c <= 0x303f);
}

/** Rough rendered width of a label: CJK and full-width forms take 1em, the rest about 0.56em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    w += isWideChar(ch) ? 1 : /[il.,:;|'!()\[\] ]/.test(ch) ? 0.3 : /[MWmw@%]/.test(ch) ? 0.85 : 0.56;
  }
  return w * fontSize;
}

/** Closing punctuation stays on the line of the character before it; opening punctuation goes with the next. */
const CLOSING = /^[，。、；：？！）》」』】〉,.;:?!)\]}%’”]$/;
const OPENING = /^[（《「『【〈(\[{‘“]$/;

/**
 * Splits a label into lines no wider than `maxWidth` (by `textWidth`), losing no character: Latin text
 * breaks at spaces and after a hyphen or slash, CJK text between any two characters (not before closing
 * or after opening punctuation). A word wider than a line is broken between its letters. At least one line.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  // the pieces a line may break between; a Latin piece keeps its trailing space
  const pieces: string[] = [];
  let word = '';
  const flush = () => {
    if (word) pieces.push(word);
    word = '';
  };
  for (const ch of text) {
    if (CLOSING.test(ch)) {
      // never at the start of a line
      if (word) word += ch;
      else if (pieces.length > 0) pieces[pieces.length - 1] += ch;
      else word = ch;
      if (isWideChar(ch)) flush();
      continue;
    }
    if (OPENING.test(ch)) {
      // never at the end of a line: it starts the next piece
      if (!word || /\s$/.test(word) || isWideChar(ch)) flush();
      word += ch;
      continue;
    }
    if (isWideChar(ch)) {
      if (word && OPENING.test([...word].at(-1)!)) word += ch;
      else {
        flush();
        word = ch;
      }
      flush();
      continue;
    }
    word += ch;
    if (ch === ' ' || ch === '-' || ch === '/') flush();
  }
  flush();

  const fits = (s: string) => textWidth(s.trimEnd(), fontSize) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    // a piece wider than a whole line: cut it between characters
    let rest = piece;
    while (!fits(rest) && [...rest].length > 1) {
      const chars = [...rest];
      let n = chars.length - 1;
      while (n > 1 && !fits(chars.slice(0, n).join(''))) n--;
      lines.push(chars.slice(0, n).join('').trimEnd());
      rest = chars.slice(n).join('');
    }
    line = rest;
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * A label of one or more lines as one <text>: each line a <tspan> with its own x and y, the block centred
 * vertically on `middle` (the baseline of a one-line label). `attrs` are already escaped.
 */
export function textLines(lines: readonly string[], x: number, middle: number, lineHeight: number, attrs: string): string {
  if (lines.length <= 1) return `<text x="${px(x)}" y="${px(middle)}" ${attrs}>${xml(lines[0] ?? '')}</text>`;
  const first = middle - ((lines.length - 1) * lineHeight) / 2;
  return `<text x="${px(x)}" y="${px(first)}" ${attrs}>${lines.map((l, i) => `<tspan x="${px(x)}" y="${px(first + i * lineHeight)}">${xml(l)}</tspan>`).join('')}</text>`;
}

/** Shortens a label to fit `maxWidth`, ending in an ellipsis; the full text goes in a <title>. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('') + '…';
}

/** 1, 2 or 5 × a power of ten: round axis steps so that about `count` ticks span [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) {
    if (max === 0 && min === 0) return [0, 1];
    const lo = Math.min(0, min);
    const hi = Math.max(0, max);
    if (hi === lo) return [lo, lo + 1];
    return niceTicks(lo, hi, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const start = Math.floor(min / step + 1e-9) * step;
  const end = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step * 1e-9; v += step) ticks.push(clean(v, step));
  return ticks;
}

function clean(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(v.toFixed(Math.min(12, digits)));
}

/** Axis labels, short: 12,000 → 1.2万 (zh) or 12k (en). For ticks only, never for a figure. */
export function compactNumber(n: number, lang: 'zh' | 'en'): string {
  const abs = Math.abs(n);
  const fmt = (v: number) => {
    const s = Number(v.toPrecision(3)).toString();
    // a float's toFixed turns to exponent form from 1e21: a whole number of that size prints by BigInt
    return s.includes('e') ? (Math.abs(v) >= 1e21 ? BigInt(Math.round(v)).toString() : v.toFixed(0)) : s;
  };
  if (lang === 'zh') {
    if (abs >= 1e8) return `${fmt(n / 1e8)}亿`;
    if (abs >= 1e4) return `${fmt(n / 1e4)}万`;
    return fmt(n);
  }
  if (abs >= 1e9) return `${fmt(n / 1e9)}G`;
  if (abs >= 1e6) return `${fmt(n / 1e6)}M`;
  if (abs >= 1e3) return `${fmt(n / 1e3)}k`;
  return fmt(n);
}

export interface SvgFrame {
  /** the value of data-chart, what a test or a reader's script looks for */
  id: string;
  title: string;
  width: number;
  height: number;
  /** extra attributes, already escaped */
  attrs?: string;
}

export function svgOpen(frame: SvgFrame): string {
  const titleId = `chart-${frame.id.replace(/[^A-Za-z0-9_-]/g, '')}-title`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="${xml(frame.id)}" role="img" aria-labelledby="${titleId}"` +
    ` width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}"` +
    ` font-family='${FONT_STACK}' font-size="12"${frame.attrs ? ' ' + frame.attrs : ''}>` +
    `<title id="${titleId}">${xml(frame.title)}</title>`
  );
}

/** What a chart with nothing to draw shows, so the figure keeps its place and says why. */
export function emptyChart(frame: SvgFrame, message: string): string {
  return (
    svgOpen({ ...frame, height: 60, attrs: 'data-empty="true"' }) +
    `<rect x="0.5" y="0.5" width="${frame.width - 1}" height="59" fill="none" stroke="${GRID}"/>` +
    `<text x="${px(frame.width / 2)}" y="35" text-anchor="middle" fill="${MUTED}">${xml(message)}</text></svg>`
  );
}

export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean | undefined;
  kind?: 'box' | 'line';
}

/** Where a line of text sits, roughly: its width by `textWidth`, 0.8 em above the baseline and 0.2 em below. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export type Anchor = 'start' | 'middle' | 'end';

export function box(text: string, fontSize: number, x: number, y: number, anchor: Anchor): Box {
  const w = textWidth(text, fontSize);
  const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  return { x0, x1: x0 + w, y0: y - 0.8 * fontSize, y1: y + 0.2 * fontSize };
}

/** Two boxes share some area (touching edges do not). */
export function intersects(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** A one-line legend (wrapping when it runs out of width); returns the markup, the height used and the boxes of its texts. */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number): { svg: string; height: number; boxes: Box[] } {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  const boxes: Box[] = [];
  for (const item of items) {
    const w = 18 + textWidth(item.name, 12) + 16;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += 18;
    }
    const mark =
      item.kind === 'line'
        ? `<line x1="${px(cx)}" y1="${px(cy + 6)}" x2="${px(cx + 14)}" y2="${px(cy + 6)}" stroke="${item.color}" stroke-width="2.5"${item.dashed ? ' stroke-dasharray="5 3"' : ''}/>`
        : `<rect x="${px(cx)}" y="${px(cy)}" width="12" height="12" rx="2" fill="${item.color}"/>`;
    parts.push(`<g class="legend-item">${mark}<text x="${px(cx + 18)}" y="${px(cy + 10.5)}" fill="${INK}">${xml(item.name)}</text></g>`);
    boxes.push(box(item.name, 12, cx + 18, cy + 10.5, 'start'));
    cx += w;
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: items.length ? cy - y + 18 : 0, boxes };
}
