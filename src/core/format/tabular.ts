/** A rendered table: what CSV, TSV, Markdown and the terminal table all print. */
export interface Column {
  key: string;
  label: string;
  numeric: boolean;
  /** a terminal too narrow for the table may cut this text column's cells short, with … (fit-table.ts) */
  shrink?: boolean | undefined;
  /** a terminal too narrow may hide this column: columns of rank 1 go first, then 2, …; unranked ones stay */
  drop?: number | undefined;
  /** a terminal too narrow may wrap this text column's cells onto more lines (nothing is lost) */
  wrap?: boolean | undefined;
}

export interface Tabular {
  columns: Column[];
  rows: string[][];
  /** a closing total line, for people only (never in CSV, where it would be summed twice) */
  total?: string[] | undefined;
}

/** Spreadsheet formula injection: a text cell starting with = + - @ (or a control char) gets a leading '. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toDelimited(table: Tabular, delimiter: ',' | '\t', options: { bom?: boolean } = {}): string {
  const quote = (cell: string, numeric: boolean) => {
    const safe = numeric ? cell : neutralise(cell);
    if (delimiter === '\t') return safe.replace(/[\t\r\n]/g, ' ');
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [table.columns.map((c) => quote(c.key, false)).join(delimiter)];
  for (const row of table.rows) lines.push(row.map((cell, i) => quote(cell, table.columns[i]!.numeric)).join(delimiter));
  return (options.bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}

/**
 * Text in Markdown, kept as text: on one line (a line break would end a table row), and nothing in
 * it turns into Markdown or HTML (`<svg onload=…>`, `[link](…)`, `*bold*`, a `|` ending a cell):
 * what the HTML report gets from escaping, the Markdown gets from this. Word-inner `_` (raw_coal)
 * stays, as GitHub-flavoured Markdown never reads it as emphasis.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*[\]|~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function toMarkdown(table: Tabular): string {
  const text = (cell: string, numeric: boolean) => (numeric ? cell : markdownText(cell));
  const head = `| ${table.columns.map((c) => markdownText(c.label)).join(' | ')} |`;
  const rule = `| ${table.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
  const body = table.rows.map((r) => `| ${r.map((cell, i) => text(cell, table.columns[i]?.numeric ?? false)).join(' | ')} |`);
  const total = table.total ? [`| ${table.total.map((c, i) => (c ? `**${text(c, table.columns[i]?.numeric ?? false)}**` : '')).join(' | ')} |`] : [];
  return [head, rule, ...body, ...total].join('\n') + '\n';
}
