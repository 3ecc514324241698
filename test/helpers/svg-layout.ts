import { textWidth } from '../../src/core/report/svg/common.js';

/** One line of text of a chart, as the box it takes (estimated the way the charts estimate it). */
export interface TextBox {
  text: string;
  /** class of the <text> element ('' when none) */
  cls: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(` ${attrs}`)?.[1];

/**
 * Every line of text in an SVG (each <tspan> with its own x and y is a line) as a box: width by
 * textWidth, from the baseline 0.8 em up and 0.2 em down. Titles (tooltips) are not drawn and are left out.
 */
export function textBoxes(svg: string): TextBox[] {
  const rootSize = Number(/<svg [^>]*font-size="([\d.]+)"/.exec(svg)?.[1] ?? 12);
  const boxes: TextBox[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([\s\S]*?)<\/text>/g)) {
    const attrs = m[1]!;
    const body = m[2]!.replace(/<title>[\s\S]*?<\/title>/g, '');
    const size = Number(attr(attrs, 'font-size') ?? rootSize);
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    const cls = attr(attrs, 'class') ?? '';
    const lines = body.includes('<tspan')
      ? [...body.matchAll(/<tspan([^>]*)>([^<]*)<\/tspan>/g)].map((t) => ({ x: Number(attr(t[1]!, 'x') ?? attr(attrs, 'x')), y: Number(attr(t[1]!, 'y') ?? attr(attrs, 'y')), text: unescape(t[2]!) }))
      : [{ x: Number(attr(attrs, 'x')), y: Number(attr(attrs, 'y')), text: unescape(body) }];
    for (const l of lines) {
      if (!l.text) continue;
      const w = textWidth(l.text, size);
      const x0 = anchor === 'middle' ? l.x - w / 2 : anchor === 'end' ? l.x - w : l.x;
      boxes.push({ text: l.text, cls, x0, x1: x0 + w, y0: l.y - 0.8 * size, y1: l.y + 0.2 * size });
    }
  }
  return boxes;
}

/** Pairs of boxes that intersect (touching is not intersecting; half a pixel of rounding is allowed). */
export function overlaps(boxes: readonly TextBox[]): [TextBox, TextBox][] {
  const out: [TextBox, TextBox][] = [];
  const e = 0.5;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x0 < b.x1 - e && b.x0 < a.x1 - e && a.y0 < b.y1 - e && b.y0 < a.y1 - e) out.push([a, b]);
    }
  return out;
}

/** The chart's width and height (its viewBox). */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Text that leaves the chart's box. */
export function outside(svg: string): TextBox[] {
  const { width, height } = svgSize(svg);
  return textBoxes(svg).filter((b) => b.x0 < -0.5 || b.x1 > width + 0.5 || b.y0 < -0.5 || b.y1 > height + 0.5);
}

/** A readable list of overlapping pairs, for a failing expectation's message. */
export const describePairs = (pairs: [TextBox, TextBox][]) => pairs.map(([a, b]) => `"${a.text}" × "${b.text}"`);
