import { maxOf } from '../arrays.js';
import { displayWidth } from '../text.js';
import type { Tabular } from './tabular.js';

export interface Style {
  header: (s: string) => string;
  total: (s: string) => string;
  dim: (s: string) => string;
}

export const plainStyle: Style = { header: (s) => s, total: (s) => s, dim: (s) => s };

/** Aligned columns for a terminal; CJK characters count two cells so columns line up. */
export function toTextTable(table: Tabular, style: Style = plainStyle): string {
  const all = [table.columns.map((c) => c.label), ...table.rows, ...(table.total ? [table.total] : [])];
  const widths = table.columns.map((_, i) => maxOf(all.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (cell: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - displayWidth(cell));
    return table.columns[i]!.numeric ? gap + cell : cell + gap;
  };
  const line = (r: string[]) => r.map(pad).join('  ').trimEnd();
  const out = [style.header(line(table.columns.map((c) => c.label)))];
  out.push(style.dim(widths.map((w) => '─'.repeat(w)).join('  ')));
  for (const r of table.rows) out.push(line(r));
  if (table.total) {
    out.push(style.dim(widths.map((w) => '─'.repeat(w)).join('  ')));
    out.push(style.total(line(table.total)));
  }
  return out.join('\n') + '\n';
}

/** Label/value pairs, values right-aligned. */
export function toKeyValue(pairs: [string, string][], style: Style = plainStyle): string {
  const lw = Math.max(...pairs.map(([k]) => displayWidth(k)));
  const vw = Math.max(...pairs.map(([, v]) => displayWidth(v)));
  return (
    pairs
      .map(([k, v]) => `${k}${' '.repeat(lw - displayWidth(k))}  ${' '.repeat(vw - displayWidth(v))}${style.total(v)}`)
      .join('\n') + '\n'
  );
}
