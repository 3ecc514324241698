/**
 * The fast path for reading activity files: one streaming pass over the bytes (a second one only
 * when duplicates or the scale check need it), memory flat in the number of rows apart from the
 * duplicate check's fingerprint table (4 bytes a slot), and a result identical to the csv-parse
 * path: the same records (summed by raw key: calculation is linear in quantity), the same
 * diagnostics at the same file:line:column, the same quality warnings.
 *
 * How it stays identical:
 *  - the header and everything before it are read by csv-parse itself (layout.ts);
 *  - rows are keyed by their raw (year, sector, fuel, unit, use, grouped-by columns) bytes; each
 *    distinct key is checked once by the row rules (checkRow in row-rules.ts, the function the
 *    row parser calls on every row), on its first row with the quantity set to 0 (file-scan.ts);
 *  - a row the scanner cannot read exactly (odd quoting, a number it does not take, a short or
 *    long row, a quantity past the plausible range) goes through checkRow itself, its cells read
 *    by csv-parse when it has quotes;
 *  - anything else unusual throws FastFallback and the caller uses the csv-parse path.
 * Quantities are summed exactly in fixed point (integer part + 9 decimals); the byte reader and
 * parseDecimal are tested against each other (quantity.ts); anything with more digits goes
 * through checkRow and decimal.js.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ActivityRecord, Dictionaries } from './activity.js';
import { BodyReader, CHUNK, makeValidator, Restart } from './fast-body.js';
import { scanFileInChunks } from './fast-chunks.js';
import { FastFallback } from './fallback.js';
import { LF, readLayout, sniff } from './layout.js';
import { ParallelAbort } from './fast-parallel.js';
import type { FastFileSummary, FastOptions, FastResult, FastSource, Pass } from './fast-pass.js';
import { bytesReader } from './fast-source.js';
import { FileScan } from './file-scan.js';
import { RunState } from './run-state.js';
import { appendAll } from '../arrays.js';
import { findMedianBuckets, qualityWarnings } from '../quality/collector.js';

export { FastFallback, ParallelAbort };
export { runChunkJob } from './fast-chunks.js';
export type { FastFileSummary, FastOptions, FastResult, FastSource } from './fast-pass.js';

// ---------------------------------------------------------------------------------------------
// reading: one file after another, each alone or with other readers

function scanFile(p: Pass, index: number): void {
  const source = p.sources[index]!;
  const run = p.run;
  const readers = p.readers && source.openAt && (source.size ?? 0) >= p.readers.minBytes ? p.readers : undefined;
  if (readers && p.layouts[index]) return scanFileInChunks(p, index, readers);
  const reader = source.open();
  let open = true;
  try {
    // a small file needs a small buffer (allocation shows in start-up time)
    const first = p.options.chunkSize ?? (source.size !== undefined ? Math.min(CHUNK, source.size + 16) : CHUNK);
    const body = new BodyReader(reader, first, run.pass === 1 && !readers, (n) => {
      p.done += n;
      p.options.onProgress?.(p.done, p.total);
    });
    let layout = p.layouts[index];
    if (!layout) {
      const sniffed = sniff(body.buf.subarray(0, body.len), body.eof, p.options.encoding, p.gbk.has(index));
      layout = readLayout(body.buf.subarray(0, body.len), body.eof, sniffed, run.keep);
      p.layouts[index] = layout;
      p.scans[index] = new FileScan(index, source.path, layout, run);
    }
    const scan = p.scans[index]!;
    if (run.pass === 1 && !run.hasFingerprints) {
      // size the fingerprint table from the bytes per line of the first 64 kB
      let lines = 0;
      const end = Math.min(body.len, layout.bodyStart + 65536);
      for (let i = body.buf.indexOf(LF, layout.bodyStart); i >= 0 && i < end; i = body.buf.indexOf(LF, i + 1)) lines++;
      const perLine = lines > 0 ? (end - layout.bodyStart) / lines : 64;
      const rest = p.sources.slice(index).reduce((a, s) => a + (s.size ?? body.len), 0);
      run.sizeFingerprints(rest / Math.max(8, perLine));
    }
    const validator = run.pass === 1 ? makeValidator(layout.encoding, index, p.options.encoding) : undefined;
    if (readers) {
      // the header's bytes are checked here; the body's by the chunk readers
      validator?.(body.buf.subarray(layout.bomLength, layout.bodyStart), true);
      open = false;
      reader.close();
      return scanFileInChunks(p, index, readers);
    }
    body.scan(scan, layout.bodyStart, layout.bomLength, layout.bodyLine, validator);
    scan.parseQueued();
    if (run.pass === 1) p.hashes[index] = body.digest();
  } finally {
    if (open) reader.close();
  }
}

/**
 * Reads every source with the fast path. Throws FastFallback when any file needs the csv-parse
 * path; then the caller reads them all that way, so files never mix paths.
 */
export function readActivityFast(sources: readonly FastSource[], dict: Dictionaries, options: FastOptions = {}): FastResult {
  const gbk = new Set<number>();
  for (;;) {
    try {
      return readOnce(sources, dict, options, gbk);
    } catch (e) {
      if (e instanceof Restart && !gbk.has(e.file)) {
        gbk.add(e.file);
        continue;
      }
      if (e instanceof ParallelAbort && options.readers) {
        // the same read by the caller alone
        options = { ...options, readers: undefined };
        continue;
      }
      throw e;
    }
  }
}

function readOnce(sources: readonly FastSource[], dict: Dictionaries, options: FastOptions, gbk: Set<number>): FastResult {
  const totalSize = sources.reduce((a, s) => a + (s.size ?? 0), 0);
  const run = new RunState(dict, options.keepColumns ?? []);
  const runner = options.readers;
  const readers = runner && runner.readers > 0 && sources.some((s) => s.openAt && (s.size ?? 0) >= runner.minBytes) ? runner : undefined;
  const p: Pass = { sources, run, layouts: [], scans: [], hashes: [], gbk, options, done: 0, total: totalSize, readers, parallelFiles: new Set() };
  for (let i = 0; i < sources.length; i++) scanFile(p, i);
  run.fingerprints.flush();

  const diagnostics: Diagnostic[] = [];
  const inputs: FastFileSummary[] = [];
  const extraColumns = new Set<string>();
  let recordCount = 0;
  for (const scan of p.scans) {
    if (scan.rows === 0) throw new FastFallback('no data rows');
    if (scan.parserUsed) scan.diagnostics.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
    appendAll(diagnostics, scan.diagnostics);
    inputs.push({ path: scan.path, sha256: p.hashes[scan.index]!, rows: scan.rows, encoding: scan.layout.encoding });
    recordCount += scan.records;
  }
  // the named extra columns, as parseActivity lists them
  for (let i = 0; i < sources.length; i++) for (const name of p.layouts[i]!.extraColumns) extraColumns.add(name);

  const records: ActivityRecord[] = [];
  const order = new Map<ActivityRecord, number>();
  for (const scan of p.scans) for (const r of scan.groupRecords()) (records.push(r), order.set(r, scan.index));
  for (const sum of run.parsedRowSums.values()) {
    const r = { ...sum.record, quantity: sum.sum };
    records.push(r);
    order.set(r, sum.fileIndex);
  }
  records.sort((x, y) => order.get(x)! - order.get(y)! || x.line - y.line);

  let quality: Diagnostic[] = [];
  let passes = 1;
  if (!diagnostics.some((d) => d.severity === 'error')) {
    // what the scale check needs: the median's bucket of each series over three years or more
    let second = findMedianBuckets(run.series.values()) || run.repeatedFingerprints.size > 0;
    // a series checked (median not 0) with a value a double does not hold exactly
    for (const s of run.series.values()) if (s.years.size >= 3 && s.inexact && s.medianRank >= s.zeros) throw new FastFallback('the scale check needs more than 15 digits');
    if (second) {
      run.pass = 2;
      passes = 2;
      p.total += totalSize;
      for (let i = 0; i < sources.length; i++) scanFile(p, i);
      for (const s of run.series.values()) if (s.checked && s.inexact) throw new FastFallback('the scale check needs more than 15 digits');
    }
    quality = qualityWarnings(run, p.scans.map((s) => s.path), records, options.listLimits);
  }
  return { records, recordCount, inputs, diagnostics, extraColumns, quality, passes, parallelFiles: p.parallelFiles.size };
}

/** A source over bytes in memory (library callers, standard input). */
export function memorySource(path: string, bytes: Uint8Array): FastSource {
  return { path, size: bytes.length, open: () => bytesReader(bytes) };
}
