import { maxOf } from '../arrays.js';
import type { Lang } from '../i18n/lang.js';
import { displayWidth } from '../text.js';
import type { Tabular } from './tabular.js';

/** The gap between two columns of a terminal table. */
export const GAP = 2;

/**
 * Each column's width in cells (a CJK character counts two). The closing total's label (a "Sum of
 * rows" in the first column) may run on into the columns after it that are empty on that line, so
 * it does not widen the first column, which would pad every year to 11.
 */
export function columnWidths(table: Tabular): number[] {
  const widths = table.columns.map((c, i) => maxOf([c.label, ...table.rows.map((r) => r[i] ?? '')].map(displayWidth), 0));
  const total = table.total;
  if (!total) return widths;
  total.forEach((cell, i) => {
    if (i > 0) widths[i] = Math.max(widths[i]!, displayWidth(cell));
  });
  const spill = totalLabelRoom(total, widths);
  const label = displayWidth(total[0] ?? '');
  if (label > spill.room) widths[0] = widths[0]! + label - spill.room;
  return widths;
}

/** How far the total's label may run: the first column and the empty ones after it. */
export function totalLabelRoom(total: readonly string[], widths: readonly number[]): { room: number; spans: number } {
  let room = widths[0] ?? 0;
  let spans = 1;
  while (spans < widths.length && (total[spans] ?? '') === '') {
    room += GAP + widths[spans]!;
    spans++;
  }
  // the last column has nothing after it to keep apart from
  return { room, spans };
}

export function tableWidth(widths: readonly number[]): number {
  return widths.reduce((a, w) => a + w, 0) + GAP * Math.max(0, widths.length - 1);
}

/** What fitting a table to a terminal did: the labels of the columns hidden and of those cut short. */
export interface FitResult {
  hidden: string[];
  shortened: string[];
}

/** the width a shortened name column keeps before any column is hidden */
const COMFORTABLE = 24;
/** the narrowest a shortened column gets */
const NARROWEST = 8;
/** the narrowest a wrapped column gets */
const WRAPPED = 20;

/**
 * The table made to fit `width` cells, least important first: name columns (shrink) are cut to 24
 * cells with …, then columns are hidden by rank (drop 1, then 2, …), then names are cut down to 8
 * cells; wrapped columns (wrap) give way before any of these, down to 20 cells. A column without
 * a rank is never hidden (the formatters leave the grouped-by ones and the main figures unranked).
 * A table that still does not fit is printed as narrow as it gets.
 */
export function fitTable(table: Tabular, width: number): { table: Tabular; widths?: number[]; fit: FitResult } {
  const none = { table, fit: { hidden: [], shortened: [] } };
  if (tableWidth(columnWidths(table)) <= width) return none;
  const ranks = [...new Set(table.columns.map((c) => c.drop).filter((d): d is number => d !== undefined))].sort((a, b) => a - b);
  let best: { keep: number[]; widths: number[] } | undefined;
  for (let k = 0; k <= ranks.length; k++) {
    const hide = new Set(ranks.slice(0, k));
    const keep = table.columns.map((c, i) => (c.drop !== undefined && hide.has(c.drop) ? -1 : i)).filter((i) => i >= 0);
    const sub = select(table, keep);
    const natural = columnWidths(sub);
    const floor = k < ranks.length ? COMFORTABLE : NARROWEST;
    const widths = shrink(sub, natural, floor, width);
    best = { keep, widths };
    if (tableWidth(widths) <= width) break;
  }
  const sub = select(table, best!.keep);
  const natural = columnWidths(sub);
  const hidden = table.columns.filter((_, i) => !best!.keep.includes(i)).map((c) => c.label);
  // a wrapped column loses nothing: only the cut ones are said
  const shortened = sub.columns.filter((c, i) => !c.wrap && best!.widths[i]! < natural[i]!).map((c) => c.label);
  const cut = (cell: string, i: number) => (sub.columns[i]!.wrap ? cell : truncate(cell, best!.widths[i]!));
  return {
    widths: best!.widths,
    table: {
      columns: sub.columns.map((c, i) => ({ ...c, label: truncate(c.label, best!.widths[i]!) })),
      rows: sub.rows.map((r) => r.map(cut)),
      // the total's label runs on into empty cells: it is cut to the room it has there
      total: sub.total?.map((cell, i) => (i === 0 ? truncate(cell, totalLabelRoom(sub.total!, best!.widths).room) : cut(cell, i))),
    },
    fit: { hidden, shortened },
  };
}

function select(table: Tabular, keep: readonly number[]): Tabular {
  return {
    columns: keep.map((i) => table.columns[i]!),
    rows: table.rows.map((r) => keep.map((i) => r[i] ?? '')),
    total: table.total ? keep.map((i) => table.total![i] ?? '') : undefined,
  };
}

/**
 * Narrows the wrapped columns first, then the shrinkable ones in proportion to their widths (the
 * one with the most of its own width left loses a cell, one at a time) until the table fits or
 * each is at its narrowest.
 */
function shrink(table: Tabular, natural: readonly number[], floor: number, width: number): number[] {
  const widths = [...natural];
  // wrapped columns give way first and furthest (to 20 cells), as they lose nothing
  const min = table.columns.map((c, i) => (c.wrap ? Math.min(natural[i]!, WRAPPED) : c.shrink ? Math.min(natural[i]!, floor) : natural[i]!));
  let excess = tableWidth(widths) - width;
  while (excess > 0) {
    let pick = -1;
    const wrapLeft = table.columns.some((c, i) => c.wrap && widths[i]! > min[i]!);
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! <= min[i]! || (wrapLeft && !table.columns[i]!.wrap)) continue;
      if (pick < 0 || widths[i]! / natural[i]! > widths[pick]! / natural[pick]! || (widths[i]! / natural[i]! === widths[pick]! / natural[pick]! && widths[i]! > widths[pick]!)) pick = i;
    }
    if (pick < 0) break;
    widths[pick]!--;
    excess--;
  }
  return widths;
}

/** Text in lines of at most `width` cells, broken at spaces where it can be (CJK text anywhere). */
export function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (displayWidth(line + word.trimEnd()) <= width) {
      line += word;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    for (const ch of word) {
      if (displayWidth(line + ch) > width && line) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Text cut to `width` cells, ending in … when cut (a wide character that would straddle the end is left out). */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** The one line on stderr that says what was hidden or cut to fit the terminal. */
export function fitNotice(fits: readonly FitResult[], width: number, lang: Lang): string | undefined {
  const hidden = [...new Set(fits.flatMap((f) => f.hidden))];
  const shortened = [...new Set(fits.flatMap((f) => f.shortened))];
  if (hidden.length === 0 && shortened.length === 0) return undefined;
  if (lang === 'zh') {
    const parts = [
      ...(hidden.length ? [`隐藏了 ${hidden.length} 列（${hidden.join('、')}）`] : []),
      ...(shortened.length ? [`截短了 ${shortened.length} 列（${shortened.join('、')}）`] : []),
    ];
    return `为适应 ${width} 列宽的终端，${parts.join('，')}；完整结果请用 -f csv 或更宽的终端`;
  }
  const parts = [
    ...(hidden.length ? [`${hidden.length} column${hidden.length === 1 ? '' : 's'} hidden (${hidden.join(', ')})`] : []),
    ...(shortened.length ? [`${shortened.length} shortened (${shortened.join(', ')})`] : []),
  ];
  return `${parts.join(', ')} to fit ${width} columns; use -f csv or a wider terminal for everything`;
}
