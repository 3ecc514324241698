/**
 * The streaming csv-parse reader: csv-parse's stream parser over a file read in chunks, the row rules of
 * activity.ts's mapHeader and row-rules.ts's checkRow on every row, each row added to its key's sum as it comes and
 * given to the quality collector. Memory holds the sums by key, not the rows, whatever the file's
 * size. It reads what the fast path leaves to csv-parse (a quoted cell with a line break, …), with
 * the result of parseActivity on the whole text: the same records once summed, the same problems
 * at the same places (test/unit/fast-scan.test.ts and fuzz.test.ts compare them).
 *
 * A whole-text reader decides two things before the first row: the encoding (the whole file must
 * decode) and whether csv-parse reads the file at all. Streaming, either may turn out wrong late
 * in a file; then the read starts again knowing it (Reread), which costs time only in those files.
 */
import { createHash, type Hash } from 'node:crypto';
import { Parser } from 'csv-parse';
import { Decimal } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { blankRecord, csvErrorOf, detectDelimiter, MAX_HEADER_SEARCH, RecordLines, spreadsheetCsvOptions, type CsvParseInfo } from '../csv-text.js';
import { QualityCollector } from '../quality/collector.js';
import type { ListLimits } from '../quality/summarise.js';
import { mapHeader, type ActivityRecord, type Dictionaries } from './activity.js';
import { decodingPlan, type Encoding } from './decode.js';
import { lineKey } from './groups.js';
import type { ChunkReader } from './fast-source.js';
import { checkRow, findHeaderRecord, type ColumnMap } from './row-rules.js';

export interface StreamSource {
  path: string;
  size?: number | undefined;
  open(): ChunkReader;
}

export interface StreamOptions {
  encoding?: Encoding | undefined;
  /** extra columns grouped by: kept apart in the sums */
  keepColumns?: readonly string[] | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** DUPLICATE_ROW warnings past the limit are counted, not made (default: all made) */
  listLimits?: ListLimits | undefined;
}

export interface StreamResult {
  /** one record per distinct key, its quantity the exact sum of its rows', at its first row */
  records: ActivityRecord[];
  /** rows that made a record */
  recordCount: number;
  inputs: { path: string; sha256: string; rows: number; encoding: string }[];
  diagnostics: Diagnostic[];
  extraColumns: Set<string>;
  /** DUPLICATE_ROW, SCALE_OUTLIER, POWER_SECTOR_ELECTRICITY over the rows (empty when there are errors) */
  quality: Diagnostic[];
}

/** bytes read at a time */
const CHUNK = 1 << 20;
/** bytes an encoding is detected from (decode.ts looks at no more) */
const HEAD = 8192;
/** delimiter detection reads at most this many lines (csv-text.ts detectDelimiter) */
const DELIMITER_LINES = 50;

/** What is known of a file before a read: the decoder to try, or the one problem the file has. */
type FilePlan = { attempt: number; malformed?: Diagnostic | undefined } | { diagnostic: Diagnostic };

/** A file turned out to need another decoder, or to be malformed: read again, knowing it. */
class Reread {
  constructor(
    readonly file: number,
    readonly plan: FilePlan,
  ) {}
}

/** Reads every source, streaming; the result is parseActivity's on each file, summed by key. */
export function readActivityStreamed(sources: readonly StreamSource[], dict: Dictionaries, options: StreamOptions = {}): StreamResult {
  const plans: FilePlan[] = sources.map(() => ({ attempt: 0 }));
  for (;;) {
    try {
      return readOnce(sources, dict, options, plans);
    } catch (e) {
      if (!(e instanceof Reread)) throw e;
      plans[e.file] = e.plan;
    }
  }
}

interface Group {
  record: ActivityRecord;
  sum: Decimal;
}

/** what one read of all files shares */
interface Run {
  sources: readonly StreamSource[];
  dict: Dictionaries;
  options: StreamOptions;
  plans: FilePlan[];
  pass: 1 | 2;
  quality: QualityCollector;
  groups: Map<string, Group>;
  diagnostics: Diagnostic[];
  inputs: StreamResult['inputs'];
  extraColumns: Set<string>;
  recordCount: number;
  done: number;
  total: number;
}

function readOnce(sources: readonly StreamSource[], dict: Dictionaries, options: StreamOptions, plans: FilePlan[]): StreamResult {
  const size = sources.reduce((a, s) => a + (s.size ?? 0), 0);
  const run: Run = {
    sources,
    dict,
    options,
    plans,
    pass: 1,
    // a row is about 60 bytes in a statistics export
    quality: new QualityCollector(sources.map((s) => s.path), options.listLimits, size / 60),
    groups: new Map(),
    diagnostics: [],
    inputs: [],
    extraColumns: new Set(),
    recordCount: 0,
    done: 0,
    total: size,
  };
  for (let i = 0; i < sources.length; i++) readFile(run, i);
  const records = [...run.groups.values()].map((g) => ({ ...g.record, quantity: g.sum }));
  let quality: Diagnostic[] = [];
  if (!run.diagnostics.some((d) => d.severity === 'error')) {
    if (run.quality.endFirstPass()) {
      run.pass = 2;
      run.total += size;
      for (let i = 0; i < sources.length; i++) readFile(run, i);
    }
    quality = run.quality.warnings(records);
  }
  return { records, recordCount: run.recordCount, inputs: run.inputs, diagnostics: run.diagnostics, extraColumns: run.extraColumns, quality };
}

/** One file, chunk by chunk: bytes → hash and text → csv-parse → records → rows. */
function readFile(run: Run, index: number): void {
  const source = run.sources[index]!;
  const plan = run.plans[index]!;
  const reader = source.open();
  const hash = run.pass === 1 ? createHash('sha256') : undefined;
  // a small file needs a small buffer (allocation shows in start-up time)
  const buf = new Uint8Array(source.size !== undefined ? Math.max(HEAD, Math.min(CHUNK, source.size + 16)) : CHUNK);
  try {
    // the first bytes decide the encoding
    let len = 0;
    for (let n; len < HEAD && (n = reader.read(buf, len, buf.length - len)) > 0; ) len += n;
    const decoding = 'diagnostic' in plan ? plan : decodingPlan(buf.subarray(0, Math.min(len, HEAD)), source.path, run.options.encoding);
    if ('diagnostic' in decoding || 'diagnostic' in plan) {
      // a file that cannot be read: its hash, and its one problem
      hashRest(reader, buf, len, hash);
      if (run.pass === 1) {
        run.diagnostics.push('diagnostic' in plan ? plan.diagnostic : (decoding as { diagnostic: Diagnostic }).diagnostic);
        run.inputs.push({ path: source.path, sha256: hash!.digest('hex'), rows: 0, encoding: 'unknown' });
      }
      return;
    }
    const attempt = decoding.attempts[plan.attempt];
    if (!attempt) {
      hashRest(reader, buf, len, hash);
      throw new Reread(index, { diagnostic: decoding.invalid });
    }
    const decoder = new TextDecoder(attempt.label, { fatal: attempt.fatal });
    const rows = new FileRows(run, index, plan.malformed);
    const decode = (bytes: Uint8Array, stream: boolean) => {
      try {
        return decoder.decode(bytes, { stream });
      } catch {
        throw new Reread(index, { attempt: plan.attempt + 1 });
      }
    };
    let skip = decoding.skip;
    for (;;) {
      if (len > 0) {
        hash?.update(buf.subarray(0, len));
        run.done += len;
        run.options.onProgress?.(run.done, run.total);
        if (skip < len) rows.text(decode(buf.subarray(skip, len), true));
        skip = Math.max(0, skip - len);
      }
      len = reader.read(buf, 0, buf.length);
      if (len === 0) break;
    }
    rows.text(decode(new Uint8Array(0), false));
    const read = rows.end();
    if (read.malformed && !plan.malformed) throw new Reread(index, { attempt: plan.attempt, malformed: read.malformed });
    if (run.pass === 1) run.inputs.push({ path: source.path, sha256: hash!.digest('hex'), rows: read.rows, encoding: attempt.encoding });
  } finally {
    reader.close();
  }
}

function hashRest(reader: ChunkReader, buf: Uint8Array, len: number, hash: Hash | undefined): void {
  for (;;) {
    hash?.update(buf.subarray(0, len));
    len = reader.read(buf, 0, buf.length);
    if (len === 0) return;
  }
}

/**
 * One file's text, in pieces, to rows: the delimiter from the first lines, then csv-parse's
 * stream parser; the header among the first non-blank records; then each record a row.
 */
class FileRows {
  private readonly path: string;
  /** text before the delimiter is known */
  private head = '';
  private parser: Parser | undefined;
  /** a CR at the end of a piece waits for the next (CR LF is one line end) */
  private carry = '';
  private readonly lines = new RecordLines();
  /** non-blank records before the header is found (it is among the first MAX_HEADER_SEARCH) */
  private early: { record: string[]; info: { firstLine: number; lines: number } }[] | undefined = [];
  private header: { record: string[]; lines: number } | undefined;
  private columns: ColumnMap | undefined;
  private rows = 0;
  /** problems of this file (pass 1), apart from the run's until the file turns out readable */
  private readonly diagnostics: Diagnostic[] = [];
  private malformed: Diagnostic | undefined;
  private readonly scratch: Diagnostic[] = [];

  constructor(
    private readonly run: Run,
    private readonly index: number,
    /** known from an earlier read: csv-parse fails on this file (it is read only to be hashed) */
    private readonly knownMalformed: Diagnostic | undefined,
  ) {
    this.path = run.sources[index]!.path;
  }

  text(piece: string): void {
    if (this.knownMalformed || this.malformed) return;
    if (!this.parser) {
      this.head += piece;
      const delimiter = delimiterOf(this.head, false);
      if (delimiter === undefined) return;
      this.start(delimiter);
      piece = this.head;
      this.head = '';
    }
    piece = this.carry + piece;
    this.carry = '';
    if (piece.endsWith('\r')) {
      this.carry = '\r';
      piece = piece.slice(0, -1);
    }
    this.write(piece);
  }

  end(): { rows: number; malformed: Diagnostic | undefined } {
    if (this.knownMalformed) {
      if (this.run.pass === 1) this.run.diagnostics.push(this.knownMalformed);
      return { rows: 0, malformed: this.knownMalformed };
    }
    if (!this.malformed) {
      if (!this.parser) this.start(delimiterOf(this.head, true)!);
      if (this.head !== '') this.write(this.head);
      this.head = '';
      if (this.carry !== '') this.write(this.carry);
      this.parser!.end();
      this.drain();
    }
    if (this.malformed) return { rows: 0, malformed: this.malformed };
    if (this.early) this.findHeader();
    if (!this.header) this.diagnostics.push(error('FILE_EMPTY', {}, { file: this.path }));
    else if (this.columns && this.rows === 0) {
      // a header-only file (an empty month, a split file) adds nothing; say so, do not fail
      this.diagnostics.push(warning('NO_DATA_ROWS', {}, { file: this.path, line: this.header.lines }));
    }
    if (this.run.pass === 1) for (const d of this.diagnostics) this.run.diagnostics.push(d);
    return { rows: this.rows, malformed: undefined };
  }

  private start(delimiter: string): void {
    this.parser = new Parser(spreadsheetCsvOptions(delimiter));
    // errors are read from `errored` after each write; the event (next tick) finds no one
    this.parser.on('error', () => {});
  }

  private write(text: string): void {
    if (this.malformed) return;
    this.lines.push(text);
    this.parser!.write(text);
    this.drain();
  }

  /** the records csv-parse has made so far (it makes them as it is written to) */
  private drain(): void {
    const parser = this.parser!;
    for (let r: { record: string[]; info: CsvParseInfo } | null; (r = parser.read() as typeof r) !== null; ) {
      const info = this.lines.place(r.info);
      if (!blankRecord(r.record)) this.record(r.record, info);
    }
    if (parser.errored && !this.malformed) {
      const e = csvErrorOf(parser.errored);
      this.malformed = error('CSV_MALFORMED', { detail: e.detail }, { file: this.path, line: e.line });
    }
  }

  private record(record: string[], info: { firstLine: number; lines: number }): void {
    if (this.early) {
      this.early.push({ record, info });
      if (this.early.length === MAX_HEADER_SEARCH) this.findHeader();
      return;
    }
    this.row(record, info.firstLine);
  }

  /** the header: the first of the first records naming three fields or more, else the first record */
  private findHeader(): void {
    const early = this.early!;
    this.early = undefined;
    const at = Math.max(0, findHeaderRecord(early));
    const header = early[at];
    if (!header) return;
    this.header = { record: header.record, lines: header.info.lines };
    this.columns = mapHeader(header.record, this.path, header.info.lines, this.diagnostics);
    if (this.columns && this.run.pass === 1) for (const e of this.columns.extra) this.run.extraColumns.add(e.name);
    for (const r of early.slice(at + 1)) this.row(r.record, r.info.firstLine);
  }

  private row(record: string[], line: number): void {
    const columns = this.columns;
    if (!columns) return;
    this.rows++;
    const run = this.run;
    const pass1 = run.pass === 1;
    // located where the row starts (a cell with a line break makes it end further down)
    const r = checkRow(record, line, this.path, columns, this.header!.record.length, run.dict, pass1 ? this.diagnostics : this.scratch).record;
    this.scratch.length = 0;
    if (!r) return;
    run.quality.row(r, this.index);
    if (!pass1) return;
    run.recordCount++;
    const keep = run.options.keepColumns ?? [];
    const key = lineKey(r, keep);
    const g = run.groups.get(key);
    if (g) g.sum = g.sum.plus(r.quantity);
    else run.groups.set(key, { record: r, sum: r.quantity });
  }
}

/**
 * The delimiter, as detectDelimiter decides it on the whole text, once the text so far settles
 * it: a line with content among the first 50 is complete, or 50 are, or the text is all there.
 */
function delimiterOf(head: string, whole: boolean): string | undefined {
  const text = head.replace(/^\uFEFF/, '');
  if (whole) return detectDelimiter(text);
  const lines = text.split(/\r?\n/, DELIMITER_LINES + 1);
  // the last piece may be a line not yet ended (or a CR whose LF is still to come)
  const complete = lines.length > DELIMITER_LINES ? DELIMITER_LINES : lines.length - 1;
  for (let i = 0; i < complete; i++) if (lines[i]!.trim() !== '' && !lines[i]!.startsWith('#')) return detectDelimiter(text);
  return complete >= DELIMITER_LINES ? detectDelimiter(text) : undefined;
}
