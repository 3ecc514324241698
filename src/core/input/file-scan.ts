/**
 * The streaming reader, step 3: one file's rows as they go by. Each tokenised row finds its key's
 * group (groups.ts; a new key is resolved once, row.ts), adds its quantity to the group's exact
 * sum, and feeds the quality checks (run-state.ts). A row the byte checks do not settle goes to the
 * row parser (parseActivity), in batches. See fast-read.ts for the whole path.
 */
import { Decimal } from '../decimal.js';
import { type Diagnostic } from '../diagnostics.js';
import { parseActivity, type ActivityRecord } from './activity.js';
import { appendAll } from '../arrays.js';
import { FastFallback } from './fallback.js';
import { ParallelAbort, type GroupData } from './fast-parallel.js';
import { addToSum, GroupTable, keyBytesOf, keyHash, keyTexts, newKeyGroup, sumText, type KeyGroup } from './groups.js';
import { decoderFor, type Decoder, type FileLayout } from './layout.js';
import { byteQuantityText, parseQuantityBytes, scaledDouble } from './quantity.js';
import { implausible, located, needsTrim, resolvedFromRecord, resolveKeyTexts, trailingCellsBlank, type KeyPositions } from './row.js';
import { isPowerPlantElectricity } from './row-rules.js';
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
  /** position in keyColumns of each role, -1 when absent */
  readonly keyAt: KeyPositions;
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
  /** keys resolved here and not yet checked by verify() (it runs after each chunk: not all keys each time) */
  private unverified: KeyGroup[] = [];
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
    const use = ix.use === undefined ? -1 : keyColumns.push(ix.use) - 1;
    const kept = run.keep.map((name) => {
      const column = layout.extras.find((e) => e.name === name)?.column;
      return column === undefined ? -1 : keyColumns.push(column) - 1;
    });
    this.keyColumns = Int32Array.from(keyColumns);
    this.keyAt = { use, kept };
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
    // (q's fields are passed, never q: V8 then keeps it out of the heap)
    const g = this.table.find(buf, view, cells, keyColumns, hash) ?? this.newGroup(buf, cells, this.lineBase + line, hash, q.whole, q.billionths);
    if (g.parserKey) return this.toParser(buf, cells, line);
    if (g.resolved && implausible(q.isZero, q.exponent, g.resolved)) return this.toParser(buf, cells, line);
    const run = this.run;
    const pass1 = run.pass === 1;
    if (pass1) {
      this.rows++;
      if (g.keyDiagnostics.length > 0) for (const d of g.keyDiagnostics) this.diagnostics.push(located(d, this.path, this.lineBase + line));
    }
    const r = g.resolved;
    if (!r) return;
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
        const slot = q.exponent + r.unitPowerOfTen + EXPONENT_OFFSET;
        (s.histogram[slot] ??= new Int32Array(90))[q.leadingDigits - 10]!++;
      }
    } else if (s.checked && !q.isZero) {
      const exponent = q.exponent + r.unitPowerOfTen;
      if (exponent === s.medianExponent && q.leadingDigits === s.medianLeading) s.medianBucket.push(scaledDouble(q.significand, r.unitPowerOfTen - q.fractionDigits));
      if (farFromMedian(s, exponent, q.leadingDigits)) s.outlierCandidates.push(this.index, this.lineBase + line, scaledDouble(q.significand, r.unitPowerOfTen - q.fractionDigits));
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

  /** A key seen for the first time: resolved by the rules, or by the row parser on this row. */
  private newGroup(buf: Uint8Array, cells: Cells, line: number, hash: number, whole: number, billionths: number): KeyGroup {
    if (this.run.pass === 2 && !this.run.chunked) throw new Error('fast path: a key appeared only in the second pass');
    const { keyBytes, keyLengths } = keyBytesOf(buf, cells, this.keyColumns);
    const group = newKeyGroup(hash, keyBytes, keyLengths, line, buf.slice(cells.lineStart, cells.lineEnd), byteQuantityText(whole, billionths));
    this.table.insert(group);
    this.resolveKey(group);
    return group;
  }

  /** What a new key means: resolved by the rules, or by the row parser on the key's first row. */
  private resolveKey(group: KeyGroup): void {
    const texts = keyTexts(group, this.decoder);
    let resolved = resolveKeyTexts(texts, this.keyAt, this.run.dict, this.run.keep);
    if (resolved === 'parser') {
      group.parserKey = true;
      return;
    }
    if (!resolved) {
      // an unknown sector, a bad unit, …: the row parser on this row gives the exact diagnostics
      const parsed = this.parseAlone([{ line: group.firstLine, bytes: group.firstBytes }]);
      group.exact = true;
      group.keyDiagnostics = parsed.diagnostics.map((d) => {
        const t: Diagnostic = { severity: d.severity, code: d.code, params: d.params };
        if (d.column !== undefined) t.column = d.column;
        return t;
      });
      const record = parsed.records[0];
      if (record) resolved = resolvedFromRecord(record, texts, this.run.keep);
    }
    if (resolved) {
      group.resolved = resolved;
      if (!group.exact) this.unverified.push(group);
      group.series = this.run.seriesOf(resolved, this.index, group.firstLine);
      group.series.years.add(resolved.year);
      [group.fingerprintSeedA, group.fingerprintSeedB] = this.run.duplicateSeed(this.layout.schema, resolved);
      group.powerPlantElectricity = isPowerPlantElectricity(resolved);
    }
  }

  /** Adds another reader's group (its first line numbered from the file's start); new keys wait for resolveMerged. */
  mergeGroup(m: GroupData, firstLine: number): void {
    let g = this.table.findBytes(m.hash, m.keyBytes, m.keyLengths);
    if (!g) {
      g = newKeyGroup(m.hash, m.keyBytes, m.keyLengths, firstLine, m.firstBytes, m.firstQuantity);
      this.table.insert(g);
      this.merged.push(g);
      g.verified = m.verified;
    } else {
      g.verified ||= m.verified;
      if (firstLine < g.firstLine) {
        g.firstLine = firstLine;
        g.firstBytes = m.firstBytes;
        g.firstQuantity = m.firstQuantity;
      }
    }
    g.rows += m.rows;
    g.sumOverflow += m.sumOverflow;
    addToSum(g, m.sumWhole, m.sumBillionths);
  }

  /** Resolves the merged keys, once every reader's first line is in. */
  resolveMerged(): void {
    for (const g of this.merged) this.resolveKey(g);
    this.merged = [];
  }

  /** The row parser on the header and these lines; lines and files put back. */
  parseAlone(rows: { line: number; bytes: Uint8Array }[]): { records: ActivityRecord[]; diagnostics: Diagnostic[]; rows: number } {
    const text = this.layout.headerText + '\n' + rows.map((r) => this.decoder.decode(r.bytes)).join('\n') + '\n';
    const parsed = parseActivity(text, this.path, this.run.dict);
    const lineOf = (l: number | undefined) => {
      const row = l === undefined ? undefined : rows[l - 2];
      if (!row) throw new FastFallback('a row parsed alone came back on another line');
      return row.line;
    };
    if (parsed.rows === 0) return { records: [], diagnostics: [], rows: 0 };
    for (const d of parsed.diagnostics) {
      if (d.code === 'CSV_MALFORMED') throw new FastFallback('a row does not parse alone');
      d.line = lineOf(d.line);
    }
    for (const r of parsed.records) r.line = lineOf(r.line);
    return parsed;
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

  /** Rows parsed alone, in batches: their records go into the sums, their diagnostics into the list. */
  parseQueued(): void {
    if (this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    const parsed = this.parseAlone(batch);
    const run = this.run;
    if (run.pass === 1) {
      this.rows += parsed.rows;
      this.records += parsed.records.length;
      appendAll(this.diagnostics, parsed.diagnostics);
    }
    for (const r of parsed.records) {
      const s = run.seriesOf(r, this.index, r.line);
      if (run.pass === 1) {
        const keep = run.keep;
        const key = [r.year, r.sector ? r.sector.code : `label:${r.sectorLabel}`, r.fuel.id, r.dimension, r.use, ...keep.map((c) => r.extra[c] ?? '')].join('\u0000') + `\u0000${this.index}`;
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

  /**
   * Checks every key resolved here, not yet checked, against the row parser on the key's first row
   * (read alone: the file's first; read in chunks: the first the reader that found it met — any row
   * of a key has the key's bytes, and the check is of how those bytes resolve, and of one quantity).
   */
  verify(): void {
    const todo = this.unverified.filter((g) => !g.verified && g.rows > 0);
    // a key with no row yet (new in a second pass) waits, as it always did
    this.unverified = this.unverified.filter((g) => !g.verified && g.rows === 0);
    for (let i = 0; i < todo.length; i += PARSER_BATCH) {
      const part = todo.slice(i, i + PARSER_BATCH);
      const parsed = this.parseAlone(part.map((g) => ({ line: g.firstLine, bytes: g.firstBytes })));
      if (parsed.diagnostics.length > 0 || parsed.records.length !== part.length) throw new FastFallback('a key resolves differently');
      parsed.records.forEach((rec, j) => {
        const g = part[j]!;
        const r = g.resolved!;
        const same =
          rec.line === g.firstLine &&
          rec.year === r.year &&
          rec.sector === r.sector &&
          rec.sectorLabel === r.sectorLabel &&
          rec.fuel === r.fuel &&
          rec.dimension === r.dimension &&
          rec.use === r.use &&
          rec.quantity.equals(new Decimal(g.firstQuantity).times(r.toBase)) &&
          Object.keys(r.extra).every((k) => rec.extra[k] === r.extra[k]);
        if (!same) throw new FastFallback('a key resolves differently');
        g.verified = true;
      });
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
        quantity: new Decimal(sumText(g)).times(r.toBase),
        dimension: r.dimension,
        use: r.use,
        extra: r.extra,
      });
    }
    return out;
  }
}
