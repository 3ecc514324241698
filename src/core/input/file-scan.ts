/**
 * The streaming reader, step 3: one file's rows as they go by. Each tokenised row finds its key's
 * group (groups.ts), adds its quantity to the group's exact sum, and feeds the quality checks
 * (run-state.ts). The row rules (checkRow, row-rules.ts) run once per distinct key, on its first
 * row, and on every row the byte checks do not settle (row.ts), in batches. See fast-read.ts for
 * the whole path.
 */
import { Decimal } from '../decimal.js';
import { type Diagnostic } from '../diagnostics.js';
import type { ActivityRecord } from './activity.js';
import { readSpreadsheetLines } from '../csv-text.js';
import { appendAll } from '../arrays.js';
import { FastFallback } from './fallback.js';
import { ParallelAbort, type GroupData } from './fast-parallel.js';
import { addToSum, GroupTable, keyBytesOf, keyHash, lineKey, newKeyGroup, sumText, type KeyGroup, type ResolvedKey } from './groups.js';
import { decoderFor, type Decoder, type FileLayout } from './layout.js';
import { parseQuantityBytes, scaledDouble } from './quantity.js';
import { allBlank, implausible, keyOnly, located, needsTrim, trailingCellsBlank, unitScale } from './row.js';
import { checkRow, isPowerPlantElectricity } from './row-rules.js';
import { EXPONENT_OFFSET, exactDupKey, farFromMedian, type RunState } from './run-state.js';
import { blankLine, mixHash, MAX_FIELDS, ROLE_EXTRA, ROLE_KEY, type Cells } from './tokenize.js';

/** rows the row parser reads at a time */
const PARSER_BATCH = 2000;
/** odd rows a helper may hand back before the caller reads the file again alone */
const MAX_DEFERRED = 16 << 20;

export class FileScan {
  private readonly table = new GroupTable();
  readonly decoder: Decoder;
  readonly diagnostics: Diagnostic[] = [];
  readonly roles = new Uint8Array(MAX_FIELDS);
  readonly headerLength: number;
  readonly quantityColumn: number;
  /** year, sector, fuel, unit, use (when there is such a column), grouped-by columns present */
  readonly keyColumns: Int32Array;
  readonly extraColumns: number[];
  readonly extraNames: string[];
  readonly gbk: boolean;
  rows = 0;
  records = 0;
  /** some row went to the row parser (diagnostics then need sorting by line) */
  parserUsed = false;
  private queued: { line: number; bytes: Uint8Array }[] = [];
  private queuedBytes = 0;
  /** added to the line numbers row() gets (a chunk's first line number) */
  lineBase = 0;
  /** keys merged from other readers, not yet resolved */
  private merged: KeyGroup[] = [];
  /** a chunk reader's rows the caller will parse */
  deferred: [number, Uint8Array][] | undefined;
  private deferredBytes = 0;

  constructor(
    readonly index: number,
    readonly path: string,
    readonly layout: FileLayout,
    readonly run: RunState,
  ) {
    this.decoder = decoderFor(layout.encoding);
    this.gbk = layout.encoding === 'gbk';
    const ix = layout.index;
    this.headerLength = layout.headerLength;
    this.quantityColumn = ix.quantity!;
    const keyColumns = [ix.year!, ix.sector!, ix.fuel!, ix.unit!];
    if (ix.use !== undefined) keyColumns.push(ix.use);
    for (const name of run.keep) {
      const column = layout.extras.find((e) => e.name === name)?.column;
      if (column !== undefined) keyColumns.push(column);
    }
    this.keyColumns = Int32Array.from(keyColumns);
    this.extraColumns = layout.extras.map((e) => e.column);
    this.extraNames = layout.extras.map((e) => e.name);
    for (const c of keyColumns) this.roles[c] = ROLE_KEY;
    for (const c of this.extraColumns) this.roles[c] = ROLE_EXTRA;
  }

  get groups(): readonly KeyGroup[] {
    return this.table.groups;
  }

  /**
   * Processes one tokenised line (not a comment). `line` counts from `lineBase`: a chunk's lines
   * are numbered from chunk × 2^32, too big to pass around in the hot loop (V8 boxes such numbers).
   */
  row(buf: Uint8Array, view: DataView, cells: Cells, line: number): void {
    if (cells.needsParser) return this.toParser(buf, cells, line);
    const headerLength = this.headerLength;
    if (cells.count !== headerLength) {
      if (cells.count < headerLength) return this.toParserUnlessBlank(buf, cells, line);
      if (!trailingCellsBlank(buf, cells, headerLength)) return this.toParser(buf, cells, line);
    }
    const qc = this.quantityColumn;
    const q = parseQuantityBytes(buf, cells.start[qc]!, cells.end[qc]!);
    if (q === undefined) return this.toParserUnlessBlank(buf, cells, line);

    const keyColumns = this.keyColumns;
    const hash = keyHash(cells, keyColumns);
    const g = this.table.find(buf, view, cells, keyColumns, hash) ?? this.newGroup(buf, cells, this.lineBase + line, hash);
    const scale = g.scale;
    // (q's fields are passed, never q: V8 then keeps it out of the heap)
    if (scale !== undefined && implausible(q.isZero, q.exponent, scale)) return this.toParser(buf, cells, line);
    const run = this.run;
    const pass1 = run.pass === 1;
    if (pass1) {
      this.rows++;
      if (g.keyDiagnostics.length > 0) for (const d of g.keyDiagnostics) this.diagnostics.push(located(d, this.path, this.lineBase + line));
    }
    const r = g.resolved;
    if (!r) return;
    const unitPowerOfTen = scale!.unitPowerOfTen;
    if (pass1) {
      this.records++;
      g.rows++;
      addToSum(g, q.whole, q.billionths);
      if (g.powerPlantElectricity) run.powerRows.push(this.index, this.lineBase + line, r.year);
    }
    // the scale check: count by leading digits first, then place against the median's bucket
    const s = g.series!;
    if (pass1) {
      s.rows++;
      if (q.isZero) s.zeros++;
      else {
        const slot = q.exponent + unitPowerOfTen + EXPONENT_OFFSET;
        (s.histogram[slot] ??= new Int32Array(90))[q.leadingDigits - 10]!++;
      }
    } else if (s.checked && !q.isZero) {
      const exponent = q.exponent + unitPowerOfTen;
      if (exponent === s.medianExponent && q.leadingDigits === s.medianLeading) s.medianBucket.push(scaledDouble(q.significand, unitPowerOfTen - q.fractionDigits));
      if (farFromMedian(s, exponent, q.leadingDigits)) s.outlierCandidates.push(this.index, this.lineBase + line, scaledDouble(q.significand, unitPowerOfTen - q.fractionDigits));
    }
    // the duplicate check: (year, sector, fuel, use) and every extra cell, trimmed
    const extraColumns = this.extraColumns;
    if (extraColumns.length === 0) {
      // no extra columns: a row's duplicate key is its group's, made once; every row is listed in
      // the first pass, so duplicates never need a second
      if (pass1) run.occurrence((g.dupKey ??= exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, {})), this.index, this.lineBase + line);
      return;
    }
    let a = g.fingerprintSeedA;
    let b = g.fingerprintSeedB;
    for (let k = 0; k < extraColumns.length; k++) {
      const c = extraColumns[k]!;
      let hashA = cells.hashA[c]!;
      let hashB = cells.hashB[c]!;
      const start = cells.start[c]!;
      const end = cells.end[c]!;
      if (needsTrim(buf, start, end, cells.bytesOr[c]!, this.gbk)) [hashA, hashB] = run.hashTrimmed(this.decoder.decode(buf.subarray(start, end)));
      a = Math.imul(a ^ hashA, 0x01000193) ^ (a >>> 13);
      b = Math.imul(b ^ hashB, 0x5bd1e995) ^ (b >>> 11);
    }
    a = mixHash(a);
    b = mixHash(b ^ a);
    if (pass1) run.addFingerprint(a, b);
    else if (run.repeatedFingerprints.has(b | 1)) run.occurrence(exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, this.extraOf(buf, cells)), this.index, this.lineBase + line);
  }

  private extraOf(buf: Uint8Array, cells: Cells): Record<string, string> {
    const extra: Record<string, string> = {};
    for (let k = 0; k < this.extraColumns.length; k++) {
      const c = this.extraColumns[k]!;
      extra[this.extraNames[k]!] = this.decoder.decode(buf.subarray(cells.start[c]!, cells.end[c]!)).trim();
    }
    return extra;
  }

  private toParserUnlessBlank(buf: Uint8Array, cells: Cells, line: number): void {
    if (!blankLine(buf, cells)) this.toParser(buf, cells, line);
  }

  /** A key seen for the first time: the row rules on this row (its cells are exact: the tokenizer read it all). */
  private newGroup(buf: Uint8Array, cells: Cells, line: number, hash: number): KeyGroup {
    if (this.run.pass === 2 && !this.run.chunked) throw new Error('fast path: a key appeared only in the second pass');
    const { keyBytes, keyLengths } = keyBytesOf(buf, cells, this.keyColumns);
    const group = newKeyGroup(hash, keyBytes, keyLengths, line, buf.slice(cells.lineStart, cells.lineEnd));
    this.table.insert(group);
    const texts: string[] = [];
    for (let k = 0; k < cells.count; k++) texts.push(this.decoder.decode(buf.subarray(cells.start[k]!, cells.end[k]!)));
    this.resolveKey(group, texts);
    return group;
  }

  /**
   * What a key means, by the row rules on one of its rows with the quantity set to 0: the
   * diagnostics every row of the key gets, its record's fields when it has no error, and the scale
   * of its unit. (A row's own quantity is checked row by row: the byte reader takes only plain
   * non-negative numbers, and a quantity past the plausible range sends its row to the rules.)
   */
  private resolveKey(group: KeyGroup, cells: readonly string[]): void {
    const diagnostics: Diagnostic[] = [];
    const { record, unit, dimension } = checkRow(keyOnly(cells, this.quantityColumn), group.firstLine, this.path, this.layout.columns, this.headerLength, this.run.dict, diagnostics);
    group.keyDiagnostics = diagnostics.map((d) => {
      const t: Diagnostic = { severity: d.severity, code: d.code, params: d.params };
      if (d.column !== undefined) t.column = d.column;
      return t;
    });
    if (unit && dimension) group.scale = unitScale(unit.toBase, dimension);
    if (!record) return;
    const extra: Record<string, string> = {};
    for (const name of this.run.keep) if (Object.prototype.hasOwnProperty.call(record.extra, name)) extra[name] = record.extra[name]!;
    const resolved: ResolvedKey = { year: record.year, sector: record.sector, sectorLabel: record.sectorLabel, fuel: record.fuel, dimension: record.dimension, use: record.use, extra };
    group.resolved = resolved;
    group.series = this.run.seriesOf(resolved, this.index, group.firstLine);
    group.series.years.add(resolved.year);
    [group.fingerprintSeedA, group.fingerprintSeedB] = this.run.duplicateSeed(this.layout.schema, resolved);
    group.powerPlantElectricity = isPowerPlantElectricity(resolved);
  }

  /** Adds another reader's group (its first line numbered from the file's start); new keys wait for resolveMerged. */
  mergeGroup(m: GroupData, firstLine: number): void {
    let g = this.table.findBytes(m.hash, m.keyBytes, m.keyLengths);
    if (!g) {
      g = newKeyGroup(m.hash, m.keyBytes, m.keyLengths, firstLine, m.firstBytes);
      this.table.insert(g);
      this.merged.push(g);
    } else if (firstLine < g.firstLine) {
      g.firstLine = firstLine;
      g.firstBytes = m.firstBytes;
    }
    g.rows += m.rows;
    g.sumOverflow += m.sumOverflow;
    addToSum(g, m.sumWhole, m.sumBillionths);
  }

  /** Resolves the merged keys, once every reader's first line is in. */
  resolveMerged(): void {
    const cells = this.cellsOfLines(this.merged.map((g) => g.firstBytes));
    this.merged.forEach((g, i) => this.resolveKey(g, cells[i]!));
    this.merged = [];
  }

  /** The cells of whole lines, as csv-parse reads them (each line one record). */
  private cellsOfLines(lines: readonly Uint8Array[]): string[][] {
    const texts = lines.map((bytes) => this.decoder.decode(bytes));
    const delimiter = String.fromCharCode(this.layout.delimiter);
    const out: string[][] = texts.map((t) => (t.includes('"') ? [] : t.split(delimiter)));
    // lines with quotes: csv-parse, all at once
    const quoted = texts.flatMap((t, i) => (t.includes('"') ? [i] : []));
    if (quoted.length > 0) {
      const read = readSpreadsheetLines(quoted.map((i) => texts[i]!), delimiter);
      if (!read) throw new FastFallback('a row does not parse alone');
      quoted.forEach((i, j) => (out[i] = read[j]!));
    }
    return out;
  }

  private toParser(buf: Uint8Array, cells: Cells, relativeLine: number): void {
    const line = this.lineBase + relativeLine;
    this.parserUsed = true;
    const bytes = buf.slice(cells.lineStart, cells.lineEnd);
    if (this.deferred) {
      // a chunk reader: the caller parses these (records hold objects that do not cross threads)
      this.deferred.push([line, bytes]);
      this.deferredBytes += bytes.length;
      if (this.deferredBytes > MAX_DEFERRED) throw new ParallelAbort('many rows need the real parser');
      return;
    }
    this.queueForParser(line, bytes);
  }

  /** A row for the row parser (read in batches). */
  queueForParser(line: number, bytes: Uint8Array): void {
    this.parserUsed = true;
    this.queued.push({ line, bytes });
    this.queuedBytes += bytes.length;
    if (this.queued.length >= PARSER_BATCH || this.queuedBytes > 1 << 20) this.parseQueued();
  }

  /** The queued rows through the row rules: their records go into the sums, their diagnostics into the list. */
  parseQueued(): void {
    if (this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    const cells = this.cellsOfLines(batch.map((r) => r.bytes));
    const run = this.run;
    const records: ActivityRecord[] = [];
    const diagnostics: Diagnostic[] = [];
    let rows = 0;
    batch.forEach(({ line }, i) => {
      const record = cells[i]!;
      // a row of blank cells is no row (as readSpreadsheetCsv drops it)
      if (allBlank(record)) return;
      rows++;
      const checked = checkRow(record, line, this.path, this.layout.columns, this.headerLength, run.dict, diagnostics).record;
      if (checked) records.push(checked);
    });
    if (run.pass === 1) {
      this.rows += rows;
      this.records += records.length;
      appendAll(this.diagnostics, diagnostics);
    }
    for (const r of records) {
      const s = run.seriesOf(r, this.index, r.line);
      if (run.pass === 1) {
        const keep = run.keep;
        const key = `${lineKey(r, keep)}\u0000${this.index}`;
        const sum = run.parsedRowSums.get(key);
        if (sum) sum.sum = sum.sum.plus(r.quantity);
        else {
          const extra: Record<string, string> = {};
          for (const name of keep) if (Object.prototype.hasOwnProperty.call(r.extra, name)) extra[name] = r.extra[name]!;
          run.parsedRowSums.set(key, { record: { ...r, extra }, fileIndex: this.index, sum: r.quantity });
        }
        s.years.add(r.year);
        if (isPowerPlantElectricity(r)) run.powerRows.push(this.index, r.line, r.year);
      }
      const q = r.quantity;
      const zero = q.isZero();
      if (!zero && q.sd() > 15) s.inexact = true;
      const exponent = zero ? 0 : q.e;
      const leading = zero ? 0 : Number(q.toSignificantDigits(2, Decimal.ROUND_DOWN).times(new Decimal(10).pow(1 - exponent)).toFixed(0));
      run.placeInSeries(s, zero, exponent, leading, () => Number(q.toString()), this.index, r.line);
      if (this.extraNames.length === 0) {
        // no extra columns: every row listed in the first pass (as row() does)
        if (run.pass === 1) run.occurrence(exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, r.extra), this.index, r.line);
        continue;
      }
      let [a, b] = run.duplicateSeed(this.layout.schema, r);
      for (const name of this.extraNames) {
        const [hashA, hashB] = run.hashTrimmed(r.extra[name] ?? '');
        a = Math.imul(a ^ hashA, 0x01000193) ^ (a >>> 13);
        b = Math.imul(b ^ hashB, 0x5bd1e995) ^ (b >>> 11);
      }
      a = mixHash(a);
      b = mixHash(b ^ a);
      if (run.pass === 1) run.addFingerprint(a, b);
      else if (run.repeatedFingerprints.has(b | 1)) {
        run.occurrence(exactDupKey(r.year, r.sector, r.sectorLabel, r.fuel, r.use, r.extra), this.index, r.line);
      }
    }
  }

  /** The summed records of this file's keys. */
  groupRecords(): ActivityRecord[] {
    const out: ActivityRecord[] = [];
    for (const g of this.table.groups) {
      const r = g.resolved;
      if (!r || g.rows === 0) continue;
      out.push({
        file: this.path,
        line: g.firstLine,
        year: r.year,
        sectorLabel: r.sectorLabel,
        sector: r.sector,
        fuel: r.fuel,
        quantity: new Decimal(sumText(g)).times(g.scale!.toBase),
        dimension: r.dimension,
        use: r.use,
        extra: r.extra,
      });
    }
    return out;
  }
}
