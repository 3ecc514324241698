import { parse } from 'csv-parse/sync';

export interface CsvLine {
  /** 1-based line number where the record starts */
  line: number;
  fields: string[];
}

/**
 * Parses small reference files (dictionaries, factor tables). `#` lines are comments.
 * Throws the csv-parse error for malformed input; callers turn it into a diagnostic.
 */
export function parseCsvLines(text: string): CsvLine[] {
  const records = parse(text, {
    bom: true,
    comment: '#',
    comment_no_infix: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { info: { lines: number }; record: string[] }[];
  return records
    .map((r) => ({ line: r.info.lines, fields: r.record.map((f) => f.trim()) }))
    .filter((r) => r.fields.some((f) => f !== ''));
}
