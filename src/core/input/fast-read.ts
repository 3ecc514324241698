/**
 * The fast path for reading activity files: one streaming pass over the bytes (a second one only
 * when duplicates or the scale check need it), memory flat in the number of rows apart from the
 * duplicate check's fingerprint table (4 bytes a slot), and a result identical to the csv-parse
 * path: the same records (summed by raw key: calculation is linear in quantity), the same
 * diagnostics at the same file:line:column, the same quality warnings.
 *
 * How it stays identical:
 *  - the header and everything before it are read by csv-parse itself (fast-header.ts);
 *  - rows are keyed by their raw (year, sector, fuel, unit, use, grouped-by columns) bytes; each
 *    distinct key is resolved once, and at the end every key is checked against parseActivity
 *    run on its first row (one batched mini-document: header + those rows);
 *  - a row the scanner cannot read exactly (odd quoting, a number it does not take, a short or
 *    long row, a year like 2022年) is parsed alone by parseActivity, with the header above it;
 *  - anything else unusual throws FastFallback and the caller uses the csv-parse path.
 * Quantities are summed exactly in fixed point (integer part + 9 decimals); anything with more
 * digits goes through parseActivity and decimal.js.
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import { Decimal } from '../decimal.js';
import type { ActivityRecord, Dictionaries } from './activity.js';
import { BodyReader, CHUNK, makeValidator, Restart } from './fast-body.js';
import { scanFileInChunks } from './fast-chunks.js';
import { FastFallback } from './fallback.js';
import { LF, readLayout, sniff } from './layout.js';
import { ParallelAbort } from './fast-parallel.js';
import type { FastFileSummary, FastOptions, FastResult, FastSource, Pass } from './fast-pass.js';
import { bytesReader } from './fast-source.js';
import { FileScan } from './file-scan.js';
import { EXPONENT_OFFSET, RunState } from './run-state.js';
import { appendAll } from '../arrays.js';
import { BASE_UNIT, isElectricityOutput } from './row-rules.js';
import { LOCATIONS_NAMED_IN_SUMMARY, summaryOf, type ListLimits } from '../quality/summarise.js';

export { FastFallback, ParallelAbort };
export { runChunkJob } from './fast-chunks.js';
export type { FastFileSummary, FastOptions, FastResult, FastSource } from './fast-pass.js';

// ---------------------------------------------------------------------------------------------
// reading: one file after another, each alone or with helpers

function scanFile(p: Pass, index: number): void {
  const source = p.sources[index]!;
  const run = p.run;
  const helpers = p.parallel && source.openAt && (source.size ?? 0) >= p.parallel.minBytes ? p.parallel : undefined;
  if (helpers && p.layouts[index]) return scanFileInChunks(p, index, helpers);
  const reader = source.open();
  let open = true;
  try {
    // a small file needs a small buffer (allocation shows in start-up time)
    const first = p.options.chunkSize ?? (source.size !== undefined ? Math.min(CHUNK, source.size + 16) : CHUNK);
    const body = new BodyReader(reader, first, run.pass === 1 && !helpers, (n) => {
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
    if (helpers) {
      // the header's bytes are checked here; the body's by the chunk readers
      validator?.(body.buf.subarray(layout.bomLength, layout.bodyStart), true);
      open = false;
      reader.close();
      return scanFileInChunks(p, index, helpers);
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
      if (e instanceof ParallelAbort && options.parallel) {
        // the same read by the caller alone
        options = { ...options, parallel: undefined };
        continue;
      }
      throw e;
    }
  }
}

function readOnce(sources: readonly FastSource[], dict: Dictionaries, options: FastOptions, gbk: Set<number>): FastResult {
  const totalSize = sources.reduce((a, s) => a + (s.size ?? 0), 0);
  const run = new RunState(dict, options.keepColumns ?? []);
  const runner = options.parallel;
  const parallel = runner && runner.helpers > 0 && sources.some((s) => s.openAt && (s.size ?? 0) >= runner.minBytes) ? runner : undefined;
  const p: Pass = { sources, run, layouts: [], scans: [], hashes: [], gbk, options, done: 0, total: totalSize, parallel, parallelFiles: new Set() };
  for (let i = 0; i < sources.length; i++) scanFile(p, i);
  run.fingerprints.flush();

  const diagnostics: Diagnostic[] = [];
  const inputs: FastFileSummary[] = [];
  const extraColumns = new Set<string>();
  let recordCount = 0;
  for (const scan of p.scans) {
    if (scan.rows === 0) throw new FastFallback('no data rows');
    scan.verify();
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
    let second = run.repeatedFingerprints.size > 0;
    for (const s of run.series.values()) {
      if (s.years.size < 3) continue;
      s.medianRank = Math.floor((s.rows - 1) / 2);
      let below = s.zeros;
      if (s.medianRank < below) continue; // the median is 0: no warnings
      found: for (let slot = 0; slot < s.histogram.length; slot++) {
        const h = s.histogram[slot];
        if (!h) continue;
        for (let j = 0; j < 90; j++) {
          if (below + h[j]! > s.medianRank) {
            s.checked = true;
            s.medianExponent = slot - EXPONENT_OFFSET;
            s.medianLeading = j + 10;
            s.belowMedianBucket = below;
            break found;
          }
          below += h[j]!;
        }
      }
      if (s.inexact) throw new FastFallback('the scale check needs more than 15 digits');
      if (s.checked) second = true;
    }
    if (second) {
      run.pass = 2;
      passes = 2;
      p.total += totalSize;
      for (let i = 0; i < sources.length; i++) scanFile(p, i);
      for (const s of run.series.values()) if (s.checked && s.inexact) throw new FastFallback('the scale check needs more than 15 digits');
    }
    quality = qualityOf(run, p.scans.map((s) => s.path), records, options.listLimits ?? { warning: Infinity, error: Infinity });
  }
  return { records, recordCount, inputs, diagnostics, extraColumns, quality, passes, parallelFiles: p.parallelFiles.size };
}

/** DUPLICATE_ROW, SCALE_OUTLIER, POWER_SECTOR_ELECTRICITY, as qualityWarnings words them. */
function qualityOf(run: RunState, paths: string[], records: ActivityRecord[], limits: ListLimits): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byPos = (list: number[], width: number) => {
    const idx = Array.from({ length: list.length / width }, (_, i) => i * width);
    return idx.sort((x, y) => list[x]! - list[y]! || list[x + 1]! - list[y + 1]!);
  };
  duplicates(run.occurrences, paths, limits, out);
  // scale outliers, series in order of their first row
  const series = [...run.series.values()].filter((s) => s.checked).sort((x, y) => x.firstFile - y.firstFile || x.firstLine - y.firstLine);
  for (const s of series) {
    const sorted = Float64Array.from(s.medianBucket).sort();
    const t = sorted[s.medianRank - s.belowMedianBucket];
    if (t === undefined) throw new Error('fast path: the median is not where the counts put it');
    const typical = new Decimal(t.toPrecision(15));
    const unit = BASE_UNIT[s.dimension];
    for (const i of byPos(s.outlierCandidates, 3)) {
      const q = new Decimal(s.outlierCandidates[i + 2]!.toPrecision(15));
      if (typical.isZero() || q.isZero()) continue;
      const ratio = q.dividedBy(typical);
      if (ratio.greaterThanOrEqualTo(100) || ratio.lessThanOrEqualTo(new Decimal('0.01'))) {
        out.push(
          warning(
            'SCALE_OUTLIER',
            {
              ratio: ratio.greaterThanOrEqualTo(1) ? ratio.toSignificantDigits(3).toString() : ratio.toSignificantDigits(2).toString(),
              fuel: s.fuel.zh,
              fuelEn: s.fuel.en,
              typical: typical.toSignificantDigits(6).toString(),
              unit,
            },
            { file: paths[s.outlierCandidates[i]!], line: s.outlierCandidates[i + 1]! },
          ),
        );
      }
    }
  }
  // power plants listing electricity in a year with no generation entered as output
  const outputYears = new Set(records.filter(isElectricityOutput).map((r) => r.year));
  for (const i of byPos(run.powerRows, 3)) {
    if (!outputYears.has(run.powerRows[i + 2]!)) out.push(warning('POWER_SECTOR_ELECTRICITY', {}, { file: paths[run.powerRows[i]!], line: run.powerRows[i + 1]! }));
  }
  return out;
}


/** A source over bytes in memory (library callers, standard input). */
export function memorySource(path: string, bytes: Uint8Array): FastSource {
  return { path, size: bytes.length, open: () => bytesReader(bytes) };
}

/**
 * DUPLICATE_ROW: every occurrence after the first of an exact key, in file and line order. A file
 * whose keys all repeat has a million of them: the lists (each in order) are merged only as far as
 * the limit and the few locations its summary names; the rest are counted, never made.
 */
function duplicates(occurrences: Map<string, number[]>, paths: string[], limits: ListLimits, out: Diagnostic[]): void {
  const lists: number[][] = [];
  let total = 0;
  for (const list of occurrences.values()) {
    if (list.length < 4) continue;
    lists.push(inOrder(list));
    total += list.length / 2 - 1;
  }
  if (total === 0) return;
  // a heap of (list, next pair) by the next pair's file and line
  const next = new Int32Array(lists.length).fill(2);
  const before = (a: number, b: number) => {
    const x = lists[a]!, y = lists[b]!;
    const i = next[a]!, j = next[b]!;
    return x[i]! - y[j]! || x[i + 1]! - y[j + 1]!;
  };
  const heap = Array.from(lists.keys());
  const down = (k: number) => {
    for (;;) {
      const l = 2 * k + 1;
      if (l >= heap.length) return;
      const c = l + 1 < heap.length && before(heap[l + 1]!, heap[l]!) < 0 ? l + 1 : l;
      if (before(heap[c]!, heap[k]!) >= 0) return;
      [heap[c], heap[k]] = [heap[k]!, heap[c]!];
      k = c;
    }
  };
  for (let k = (heap.length >> 1) - 1; k >= 0; k--) down(k);
  const make = total > limits.warning ? limits.warning + LOCATIONS_NAMED_IN_SUMMARY : total;
  const made: Diagnostic[] = [];
  while (made.length < make && heap.length > 0) {
    const a = heap[0]!;
    const list = lists[a]!;
    const i = next[a]!;
    made.push(warning('DUPLICATE_ROW', { other: list[1]!, otherFile: paths[list[0]!]! }, { file: paths[list[i]!], line: list[i + 1]! }));
    next[a] = i + 2;
    if (i + 2 >= list.length) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    down(0);
  }
  if (total <= limits.warning) {
    appendAll(out, made);
    return;
  }
  appendAll(out, made.slice(0, limits.warning));
  const locations = made.slice(limits.warning);
  out.push(summaryOf({ first: locations[0]!, count: total - limits.warning, locations }, limits));
}

/** (file, line) pairs in order: as read they are, unless chunks were read out of order */
function inOrder(list: number[]): number[] {
  let sorted = true;
  for (let i = 2; i < list.length && sorted; i += 2) sorted = list[i - 2]! < list[i]! || (list[i - 2] === list[i] && list[i - 1]! < list[i + 1]!);
  if (sorted) return list;
  const pairs = Array.from({ length: list.length / 2 }, (_, i) => [list[2 * i]!, list[2 * i + 1]!] as const);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return pairs.flat();
}
