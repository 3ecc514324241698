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

/** csv-parse's options for a spreadsheet export: the whole-text reader and the streaming one (input/csv-stream.ts) share them. */
export function spreadsheetCsvOptions(delimiter: string) {
  return {
    bom: true,
    // `template` writes # lines with help; a whole line starting with # is a comment
    comment: '#',
    comment_no_infix: true,
    delimiter,
    relax_column_count: true,
    // a stray quote inside an unquoted cell (12" pipe) is text, as Excel reads it
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  };
}

/**
 * The cells of lines of a spreadsheet export, each line a whole record (the streaming reader's
 * odd lines: a stray quote, `""` inside quotes); undefined when csv-parse does not read them as
 * one record a line. Cells as readSpreadsheetCsv gives them.
 */
export function readSpreadsheetLines(lines: readonly string[], delimiter: string): string[][] | undefined {
  let records: { info: { lines: number }; record: string[] }[];
  try {
    // no BOM here: a U+FEFF starting a line in the middle of a file is text
    records = parse(lines.join('\n'), { ...spreadsheetCsvOptions(delimiter), bom: false, skip_empty_lines: false }) as unknown as typeof records;
  } catch {
    return undefined;
  }
  if (records.length !== lines.length || records.some((r, i) => r.info.lines !== i + 1)) return undefined;
  return records.map((r) => r.record);
}

/** What csv-parse says of a record with `info: true` (the counters it keeps since the start). */
export interface CsvParseInfo {
  comment_lines: number;
  empty_lines: number;
  bytes: number;
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
    const records = parse(text, spreadsheetCsvOptions(detectDelimiter(text.replace(/^\uFEFF/, '')))) as unknown as (SheetRecord & { info: CsvParseInfo })[];
    const lines = new RecordLines();
    lines.push(text);
    for (const r of records) Object.assign(r.info, lines.place(r.info));
    return { records: records.filter((r) => !blankRecord(r.record)) };
  } catch (e) {
    return { error: csvErrorOf(e) };
  }
}

/** A record of blank cells (dropped: Excel writes ",,,," rows). */
export function blankRecord(record: readonly string[]): boolean {
  return !record.some((f) => f.trim() !== '');
}

/** csv-parse's error as a diagnostic's detail and line. */
export function csvErrorOf(e: unknown): { detail: string; line: number | undefined } {
  const err = e as Error & { lines?: number };
  return { detail: err.message.replace(/^[A-Za-z_]+: /, ''), line: err.lines };
}

/**
 * Where each record starts (after the previous one's bytes and the comment and empty lines
 * skipped since) and ends, counted from the text: csv-parse counts a CR LF inside quotes as two.
 * The text may come in pieces (push each before the records that end in it); a piece other than
 * the last must not end with CR, whose meaning depends on the next character.
 */
export class RecordLines {
  private readonly counter = new LineCounter();
  private previousSkipped = 0;

  push(text: string): void {
    this.counter.push(text);
  }

  place(info: CsvParseInfo): { firstLine: number; lines: number } {
    const skipped = info.comment_lines + info.empty_lines;
    const firstLine = this.counter.line + (skipped - this.previousSkipped);
    this.counter.moveTo(info.bytes);
    this.previousSkipped = skipped;
    return { firstLine, lines: this.counter.afterLineEnd() ? this.counter.line - 1 : this.counter.line };
  }
}

/**
 * Walks text to UTF-8 byte offsets in increasing order (csv-parse gives records' ends as byte
 * offsets): `line` is the line (from 1) the next byte is on. CR LF, LF and a lone CR each end a line.
 */
class LineCounter {
  line = 1;
  private text = '';
  private readonly queue: string[] = [];
  private i = 0;
  private bytes = 0;
  private last = NaN;

  push(text: string): void {
    if (this.i >= this.text.length && this.queue.length === 0) {
      this.text = text;
      this.i = 0;
    } else this.queue.push(text);
  }

  moveTo(offset: number): void {
    while (this.bytes < offset) {
      if (this.i >= this.text.length) {
        const next = this.queue.shift();
        if (next === undefined) return;
        this.text = next;
        this.i = 0;
        continue;
      }
      const c = this.text.charCodeAt(this.i);
      const after = this.i + 1 < this.text.length ? this.text.charCodeAt(this.i + 1) : this.queue[0]?.charCodeAt(0);
      if (c === 10 || (c === 13 && after !== 10)) this.line++;
      // UTF-8 length of the code unit: a surrogate pair is 4 bytes, counted on its first half
      this.bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
      this.last = c;
      this.i++;
    }
  }

  /** the last character walked over ended a line */
  afterLineEnd(): boolean {
    return this.last === 10 || this.last === 13;
  }
}
