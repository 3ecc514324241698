import { displayWidth } from '../text.js';
import type { Tabular } from './tabular.js';
import { columnWidths, fitTable, totalLabelRoom, wrapText, type FitResult } from './fit-table.js';

export interface Style {
  header: (s: string) => string;
  total: (s: string) => string;
  dim: (s: string) => string;
}

export const plainStyle: Style = { header: (s) => s, total: (s) => s, dim: (s) => s };

/**
 * Aligned columns for a terminal; CJK characters count two cells so columns line up. With `fit`,
 * a table wider than `fit.width` cells is narrowed (fit-table.ts) and what was hidden or cut short
 * is handed to `fit.report`, for the CLI to say on stderr; the core never looks at the terminal.
 */
export function toTextTable(table: Tabular, style: Style = plainStyle, fit?: TableFit): string {
  let widths: number[] | undefined;
  if (fit) {
    const fitted = fitTable(table, fit.width);
    fit.report(fitted.fit);
    table = fitted.table;
    widths = fitted.widths;
  }
  widths ??= columnWidths(table);
  const pad = (cell: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i]! - displayWidth(cell)));
    return table.columns[i]!.numeric ? gap + cell : cell + gap;
  };
  const line = (r: string[]) => r.map(pad).join('  ').trimEnd();
  // a wrapped column's long cell goes on over the next lines, the other cells blank there
  const lines = (r: string[]): string[] => {
    const parts = r.map((cell, i) => (table.columns[i]!.wrap ? wrapText(cell, widths[i]!) : [cell]));
    const n = Math.max(1, ...parts.map((p) => p.length));
    return Array.from({ length: n }, (_, k) => line(parts.map((p) => p[k] ?? '')));
  };
  const out = [style.header(line(table.columns.map((c) => c.label)))];
  out.push(style.dim(widths.map((w) => '─'.repeat(w)).join('  ')));
  for (const r of table.rows) out.push(...lines(r));
  if (table.total) {
    out.push(style.dim(widths.map((w) => '─'.repeat(w)).join('  ')));
    // the label runs on into the empty cells after it
    const { room, spans } = totalLabelRoom(table.total, widths);
    const label = table.total[0] ?? '';
    const rest = table.total.slice(spans).map((cell, j) => pad(cell, j + spans));
    out.push(style.total([label + ' '.repeat(Math.max(0, room - displayWidth(label))), ...rest].join('  ').trimEnd()));
  }
  return out.join('\n') + '\n';
}

/** The terminal's width, and where to say what fitting the table to it did. */
export interface TableFit {
  width: number;
  report: (fit: FitResult) => void;
}

/**
 * Label/value pairs, values right-aligned. With `width`, labels too long for it wrap onto more
 * lines (nothing is cut), the value on the label's first line.
 */
export function toKeyValue(pairs: [string, string][], style: Style = plainStyle, width?: number): string {
  const vw = Math.max(...pairs.map(([, v]) => displayWidth(v)));
  const natural = Math.max(...pairs.map(([k]) => displayWidth(k)));
  const lw = width === undefined ? natural : Math.max(20, Math.min(natural, width - vw - 2));
  return (
    pairs
      .flatMap(([k, v]) => {
        const [first = '', ...more] = wrapText(k, lw);
        // a wrapped line keeps the label's indent ("  of which …")
        const indent = ' '.repeat(k.length - k.trimStart().length + (more.length ? 2 : 0));
        return [`${first}${' '.repeat(Math.max(0, lw - displayWidth(first)))}  ${' '.repeat(vw - displayWidth(v))}${style.total(v)}`, ...more.map((m) => `${indent}${m}`)];
      })
      .join('\n') + '\n'
  );
}
