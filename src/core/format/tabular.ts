/** A rendered table: what CSV, TSV, Markdown and the terminal table all print. */
export interface Column {
  key: string;
  label: string;
  numeric: boolean;
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

export function toMarkdown(table: Tabular): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const head = `| ${table.columns.map((c) => esc(c.label)).join(' | ')} |`;
  const rule = `| ${table.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
  const body = table.rows.map((r) => `| ${r.map(esc).join(' | ')} |`);
  const total = table.total ? [`| ${table.total.map((c, i) => (c && i === 0 ? `**${esc(c)}**` : c ? `**${esc(c)}**` : '')).join(' | ')} |`] : [];
  return [head, rule, ...body, ...total].join('\n') + '\n';
}
