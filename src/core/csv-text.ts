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

/** Excel exports often carry title lines above the header: every reader looks for it among the first ten non-blank records. */
export const MAX_HEADER_SEARCH = 10;

export interface SheetRecord {
  /** lines: the line the record ends on; firstLine: the one it starts on (they differ when a quoted cell holds a line break) */
  info: { lines: number; firstLine: number };
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
    }) as unknown as (SheetRecord & { info: { comment_lines: number; empty_lines: number; bytes: number } })[];
    // where each record starts (after the previous one's bytes and the comment and empty lines
    // skipped since) and ends, counted from the text: csv-parse counts a CR LF inside quotes as two
    let previousSkipped = 0;
    const lines = lineCounter(text);
    for (const r of records) {
      const skipped = r.info.comment_lines + r.info.empty_lines;
      r.info.firstLine = lines.line + (skipped - previousSkipped);
      lines.moveTo(r.info.bytes);
      r.info.lines = lines.afterLineEnd() ? lines.line - 1 : lines.line;
      previousSkipped = skipped;
    }
    return { records: records.filter((r) => r.record.some((f) => f.trim() !== '')) };
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { error: { detail: err.message.replace(/^[A-Za-z_]+: /, ''), line: err.lines } };
  }
}

/**
 * Walks `text` to UTF-8 byte offsets in increasing order (csv-parse gives records' ends as byte
 * offsets): `line` is the line (from 1) the next byte is on. CR LF, LF and a lone CR each end a line.
 */
function lineCounter(text: string): { line: number; moveTo(offset: number): void; afterLineEnd(): boolean } {
  let i = 0;
  let bytes = 0;
  const counter = {
    line: 1,
    moveTo(offset: number) {
      while (bytes < offset && i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) counter.line++;
        // UTF-8 length of the code unit: a surrogate pair is 4 bytes, counted on its first half
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
        i++;
      }
    },
    /** the last character walked over ended a line */
    afterLineEnd() {
      const c = text.charCodeAt(i - 1);
      return c === 10 || c === 13;
    },
  };
  return counter;
}
