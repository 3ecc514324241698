/**
 * The streaming reader, step 1: everything about a file that the csv-parse path decides before its first data
 * row: encoding, line ending, delimiter, which line is the header and what each column holds.
 * It runs csv-parse itself on the lines up to the header, so title lines, comments and quoted
 * headers are read exactly as `parseActivity` reads them. Anything it is not sure of throws
 * `FastFallback`, and the file goes the csv-parse way.
 */
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { toHalfWidth } from '../text.js';
import { fieldOfHeader, requiredFields, type Field } from './columns.js';
import { findHeaderRecord, type ColumnMap } from './row-rules.js';
import { hasUtf8Bom, unreadableAsText, type Encoding } from './decode.js';
import { detectDelimiter, MAX_HEADER_SEARCH, spreadsheetCsvOptions } from '../csv-text.js';
import { FastFallback } from './fallback.js';

export const LF = 10;
export const CR = 13;
export const QUOTE = 34;
export const HASH = 35;

export type FileEncoding = 'utf8' | 'utf8-bom' | 'gbk';

export interface FileLayout {
  encoding: FileEncoding;
  /** bytes to skip at the start (a UTF-8 BOM) */
  bomLength: number;
  crlf: boolean;
  delimiter: number;
  /** byte offset (from the start of the file) of the first line after the header */
  bodyStart: number;
  /** its line number */
  bodyLine: number;
  headerLength: number;
  index: Partial<Record<Field, number>>;
  /** the columns as the row rules take them (checkRow) */
  columns: ColumnMap;
  /** the extra columns in the order `JSON.stringify(record.extra)` lists them, each with the column that wins */
  extras: { name: string; column: number }[];
  /** `extras` names, JSON: files whose records can be compared for duplicates share it */
  schema: string;
  /** every named extra column, as parseActivity lists them (for --by) */
  extraColumns: string[];
}

const PREFIX_LINES = 200;

/**
 * Decides how the file's first bytes are read. `head` holds the start of the file (at least the
 * first MB, or all of it); `complete` says it is the whole file.
 */
export function sniff(head: Uint8Array, complete: boolean, encoding: Encoding | undefined, forceGbk: boolean): { encoding: FileEncoding; bomLength: number } {
  const unreadable = unreadableAsText(head);
  if (unreadable) throw new FastFallback(unreadable);
  if (!complete && head.length < 4) throw new FastFallback('short read');
  const hasBom = hasUtf8Bom(head);
  if ((encoding === 'gbk' && !hasBom) || forceGbk) {
    if (hasBom) throw new FastFallback('BOM in a GBK file');
    return { encoding: 'gbk', bomLength: 0 };
  }
  // GBK text is rarely valid UTF-8 for long: decide on the complete lines we hold (a later
  // surprise restarts the file as GBK)
  if (!hasBom && encoding !== 'utf8') {
    let end = head.length;
    if (!complete) while (end > 0 && head[end - 1] !== LF) end--;
    if (!isUtf8(head.subarray(0, end))) return { encoding: 'gbk', bomLength: 0 };
  }
  return { encoding: hasBom ? 'utf8-bom' : 'utf8', bomLength: hasBom ? 3 : 0 };
}

export type Decoder = InstanceType<typeof TextDecoder>;

export function decoderFor(encoding: FileEncoding): Decoder {
  return new TextDecoder(encoding === 'gbk' ? 'gb18030' : 'utf-8');
}

/**
 * Finds the header in `head` (the first chunk, bytes after any BOM) the way parseActivity does.
 * `keepColumns` are the extra columns grouped by.
 */
export function readLayout(
  head: Uint8Array,
  complete: boolean,
  sniffed: { encoding: FileEncoding; bomLength: number },
  keepColumns: readonly string[],
): FileLayout {
  const { encoding, bomLength } = sniffed;
  const body = head.subarray(bomLength);
  // line ending: csv-parse takes the first CR, LF or CRLF it meets
  let first = -1;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === LF || body[i] === CR) {
      first = i;
      break;
    }
  }
  if (first < 0 && !complete) throw new FastFallback('no line ending in the first chunk');
  if (first >= 0 && body[first] === CR && body[first + 1] !== LF) {
    if (first + 1 >= body.length && !complete) throw new FastFallback('CR at the chunk end');
    throw new FastFallback('CR line endings');
  }
  const crlf = first >= 0 && body[first] === CR;
  // physical lines of the prefix: offsets of each line start, until the header must have come
  // (it is among the first ten records that are not blank; csv-parse is slow to start, so read few)
  const starts = [0];
  let filled = 0;
  let i = 0;
  for (; i < body.length && starts.length <= PREFIX_LINES && filled <= MAX_HEADER_SEARCH; i++) {
    if (body[i] === LF) {
      const from = starts[starts.length - 1]!;
      if (i > from + 1 && body[from] !== HASH) filled++;
      starts.push(i + 1);
    }
  }
  let lines = starts.length - 1; // complete lines
  // the file's last line, without a line end, when it is part of the prefix
  if (complete && i === body.length && starts[starts.length - 1]! < body.length && lines < PREFIX_LINES) {
    starts.push(body.length);
    lines++;
  }
  if (lines === 0) throw new FastFallback('no complete line');
  const prefixEnd = starts[lines]!;
  const decoder = decoderFor(encoding);
  const text = decoder.decode(body.subarray(0, prefixEnd));
  const delimiter = detectDelimiter(text);
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, spreadsheetCsvOptions(delimiter)) as unknown as typeof records;
  } catch {
    throw new FastFallback('the first lines do not parse');
  }
  const nonBlank = records.filter((r) => r.record.some((f) => f.trim() !== ''));
  const headerIndex = findHeaderRecord(nonBlank);
  if (headerIndex < 0) throw new FastFallback('no header in the first lines');
  const header = nonBlank[headerIndex]!;
  const headerLine = header.info.lines;
  // the header must end a physical line we hold, and every line up to it must be one record
  if (headerLine >= lines && !(complete && headerLine === lines)) throw new FastFallback('header at the end of the first chunk');
  for (let l = 0; l < headerLine; l++) {
    const lineBytes = body.subarray(starts[l]!, starts[l + 1]!);
    if (!singleLineRecord(lineBytes, delimiter.charCodeAt(0))) throw new FastFallback('a quoted field spans lines before the header');
  }

  const index: Partial<Record<Field, number>> = {};
  const extraList: { name: string; index: number }[] = [];
  header.record.forEach((raw, i) => {
    const name = toHalfWidth(raw).trim();
    const field = fieldOfHeader(name);
    if (!field) {
      if (name !== '') extraList.push({ name, index: i });
      return;
    }
    if (index[field] !== undefined) throw new FastFallback('duplicate column');
    index[field] = i;
  });
  for (const f of requiredFields) if (index[f] === undefined) throw new FastFallback('missing column');
  // record.extra is built by assignment in column order: the last column of a name wins, and
  // JSON.stringify lists integer-like names first. Mirror both with a probe object.
  const probe: Record<string, number> = {};
  for (const e of extraList) probe[e.name] = e.index;
  const extras = Object.keys(probe).map((name) => ({ name, column: probe[name]! }));
  for (const c of keepColumns) {
    if (!Object.prototype.hasOwnProperty.call(probe, c) && c in probe) throw new FastFallback(`--by ${c} names an Object property`);
  }
  return {
    encoding,
    bomLength,
    crlf,
    delimiter: delimiter.charCodeAt(0),
    bodyStart: bomLength + starts[headerLine]!,
    bodyLine: headerLine + 1,
    headerLength: header.record.length,
    index,
    columns: { index, extra: extraList },
    extras,
    schema: JSON.stringify(extras.map((e) => e.name)),
    extraColumns: extraList.map((e) => e.name),
  };
}


function stripEol(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === LF) end--;
  if (end > 0 && bytes[end - 1] === CR) end--;
  return bytes.subarray(0, end);
}

/** True when csv-parse would end a record at this line's end: every quote that opens a field closes on the line. */
function singleLineRecord(line: Uint8Array, delimiter: number): boolean {
  const bytes = stripEol(line);
  if (bytes[0] === HASH) return true;
  let i = 0;
  const n = bytes.length;
  while (i <= n) {
    if (bytes[i] === QUOTE) {
      i++;
      for (;;) {
        if (i >= n) return false;
        if (bytes[i] === QUOTE) {
          if (bytes[i + 1] === QUOTE) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (bytes[i] === CR || bytes[i] === LF) return false;
        i++;
      }
    }
    while (i < n && bytes[i] !== delimiter) {
      if (bytes[i] === CR) return false;
      i++;
    }
    i++;
  }
  return true;
}
