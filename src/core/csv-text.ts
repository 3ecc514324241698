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

export interface SheetRecord {
  info: { lines: number };
  record: string[];
}

/** The first line with content decides between comma, tab and semicolon (Excel exports any of them). */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 50).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Reads a CSV exported from a spreadsheet, as users' data files are: BOM, CRLF, any of three
 * delimiters, whole-line # comments, stray quotes inside unquoted cells kept as text, rows of
 * blank cells dropped. A malformed file gives the csv-parse message with its line.
 */
export function readSpreadsheetCsv(
  text: string,
): { records: SheetRecord[] } | { error: { detail: string; line: number | undefined } } {
  try {
    const records = parse(text, {
      bom: true,
      // `template` writes # lines with help; a whole line starting with # is a comment
      comment: '#',
      comment_no_infix: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      // a stray quote inside an unquoted cell (12" pipe) is text, as Excel reads it
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as SheetRecord[];
    return { records: records.filter((r) => r.record.some((f) => f.trim() !== '')) };
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { error: { detail: err.message.replace(/^[A-Za-z_]+: /, ''), line: err.lines } };
  }
}
