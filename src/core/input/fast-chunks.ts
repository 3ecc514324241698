/**
 * Fast path with other readers: one big file read in chunks by the caller and the runner's readers (the
 * protocol is in fast-parallel.ts), and their findings merged into the file's scan.
 */
import { createHash } from 'node:crypto';
import type { Dictionaries } from './activity.js';
import type { Encoding } from './decode.js';
import { BodyReader, CHUNK, makeValidator, Restart } from './fast-body.js';
import { FastFallback } from './fallback.js';
import { CHUNK_LINE, ParallelAbort, type ChunkFailure, type ChunkJob, type ChunkResult, type FingerprintSink, type OpenAt, type ParallelRunner } from './fast-parallel.js';
import type { FastSource, Pass } from './fast-pass.js';
import { FileScan } from './file-scan.js';
import { RunState } from './run-state.js';

/** Reads a big file's body in chunks with the runner's readers, then merges what they found. */
export function scanFileInChunks(p: Pass, index: number, readers: ParallelRunner): void {
  const source = p.sources[index]!;
  const layout = p.layouts[index]!;
  const run = p.run;
  const size = source.size!;
  const starts: number[] = [];
  for (let at = layout.bodyStart; at < size || starts.length === 0; at += readers.chunkBytes) starts.push(at);
  const job: ChunkJob = {
    fileIndex: index,
    path: source.path,
    identity: source.identity,
    dictionaries: { fuels: run.dict.fuels.all, sectors: run.dict.sectors.all },
    layout,
    keep: run.keep,
    pass: run.pass === 1 ? 1 : 2,
    starts,
    requested: p.options.encoding,
  };
  if (run.pass === 2) {
    job.repeatedFingerprints = [...run.repeatedFingerprints];
    job.medianBuckets = [...run.series.values()].filter((s) => s.checked).map((s) => [s.key, s.medianExponent, s.medianLeading]);
  }
  const done = p.done;
  // progress: the chunks every reader has taken (the other readers' reads are not seen here), else this reader's bytes
  let read = 0;
  const report = (n: number) => {
    read += n;
    const taken = running.taken?.();
    const bytes = taken === undefined ? read : Math.min(size, layout.bodyStart + taken * readers.chunkBytes) - layout.bodyStart;
    p.options.onProgress?.(Math.min(p.total, done + bytes), p.total);
  };
  const table = run.pass === 1 ? run.fingerprintTable : undefined;
  const running = readers.start(job);
  const results: ChunkResult[] = [];
  try {
    // the caller hashes the whole file while the other readers start, then takes chunks too
    if (run.pass === 1) p.hashes[index] = hashSource(source);
    if (readers.callerTakesChunks !== false) {
      // between chunks, the fingerprints the other readers have found so far go into the table
      const claim = () => {
        if (table) running.fingerprintsSoFar?.((pairs) => table.addPairs(pairs));
        return running.claim();
      };
      results.push(runChunks(job, run.dict, source.openAt!, claim, (pairs) => table?.addPairs(pairs), report));
      // while the other readers finish their last chunks: the table takes what it has so far
      if (table) {
        running.fingerprintsSoFar?.((pairs) => table.addPairs(pairs));
        table.flush();
      }
    }
  } catch (e) {
    running.cancel();
    try {
      running.answers();
    } catch {
      // the first failure is the one to report
    }
    throw e;
  }
  for (const answer of running.answers()) {
    if ('failed' in answer) throw failureError(answer);
    results.push(answer.result);
    if (table) for (const pairs of answer.fingerprints) table.addPairs(pairs);
  }
  p.done = done + size - layout.bodyStart;
  p.options.onProgress?.(Math.min(p.total, p.done), p.total);
  p.parallelFiles.add(index);
  mergeChunks(p, index, job, results);
}

function hashSource(source: FastSource): string {
  const hash = createHash('sha256');
  const reader = source.open();
  try {
    const buf = new Uint8Array(CHUNK);
    for (let n = reader.read(buf, 0, buf.length); n > 0; n = reader.read(buf, 0, buf.length)) hash.update(buf.subarray(0, n));
  } finally {
    reader.close();
  }
  return hash.digest('hex');
}

/**
 * One reader's part of a job: takes chunks until none is left and scans them with a state of its
 * own; fingerprints go to `sink`, and rows the row parser must read are handed back.
 */
function runChunks(job: ChunkJob, dict: Dictionaries, openAt: OpenAt, claim: () => number, sink: FingerprintSink, onRead: (n: number) => void): ChunkResult {
  const run = new RunState(dict, job.keep);
  run.pass = job.pass;
  run.chunked = true;
  if (job.pass === 1) run.forwardFingerprints(sink);
  else {
    for (const c of job.repeatedFingerprints ?? []) run.repeatedFingerprints.add(c);
    run.medianBuckets = new Map((job.medianBuckets ?? []).map(([key, e, l]) => [key, [e, l]]));
  }
  const scan = new FileScan(job.fileIndex, job.path, job.layout, run);
  scan.deferred = [];
  const lineCounts: number[] = [];
  const chunks = job.starts.length;
  let buffer: Uint8Array | undefined;
  for (let k = claim(); k >= 0; k = claim()) {
    const start = job.starts[k]!;
    // from one byte before the chunk: its first line starts after the first LF from there
    const from = k === 0 ? start : start - 1;
    const end = k + 1 < chunks ? job.starts[k + 1]! : Infinity;
    const reader = openAt(from);
    try {
      // a buffer the chunk's size (a line longer than that grows it)
      const body = new BodyReader(reader, Math.min(CHUNK, end - from + 4096), false, onRead, end - from, buffer);
      buffer = body.buf;
      const pos = k === 0 ? 0 : body.firstLineStart();
      scan.lineBase = k * CHUNK_LINE;
      const validator = job.pass === 1 ? makeValidator(job.layout.encoding, job.fileIndex, job.requested as Encoding | undefined) : undefined;
      lineCounts.push(k, pos < 0 ? 0 : body.scan(scan, pos, pos, 0, validator));
    } finally {
      reader.close();
    }
  }
  if (job.pass === 1) run.fingerprints.flush();
  return {
    lineCounts,
    groups: scan.groups
      .filter((g) => g.rows > 0)
      .map((g) => ({
        hash: g.hash,
        keyBytes: g.keyBytes,
        keyLengths: g.keyLengths,
        firstLine: g.firstLine,
        firstBytes: g.firstBytes,
        rows: g.rows,
        sumWhole: g.sumWhole,
        sumBillionths: g.sumBillionths,
        sumOverflow: g.sumOverflow,
      })),
    series: [...run.series.values()].map((s) => ({
      key: s.key,
      rows: s.rows,
      zeros: s.zeros,
      histogram: s.histogram.flatMap((h, slot) => (h ? [[slot, h] as [number, Int32Array]] : [])),
      inexact: s.inexact,
      medianBucket: s.medianBucket,
      outlierCandidates: s.outlierCandidates,
    })),
    diagnostics: scan.diagnostics,
    powerRows: run.powerRows,
    occurrences: [...run.occurrences],
    deferred: scan.deferred,
    rows: scan.rows,
    records: scan.records,
  };
}

/** A helper's part of a job, with any failure as a value the caller rethrows. */
export function runChunkJob(job: ChunkJob, dict: Dictionaries, openAt: OpenAt, claim: () => number, sink: FingerprintSink): ChunkResult | ChunkFailure {
  try {
    return runChunks(job, dict, openAt, claim, sink, () => {});
  } catch (e) {
    if (e instanceof Restart) return { failed: true, kind: 'restart', reason: e.message, file: e.file };
    if (e instanceof FastFallback) return { failed: true, kind: 'fallback', reason: e.reason };
    if (e instanceof ParallelAbort) return { failed: true, kind: 'abort', reason: e.reason };
    return { failed: true, kind: 'error', reason: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

function failureError(f: ChunkFailure): Error {
  if (f.kind === 'restart') return new Restart(f.file!);
  if (f.kind === 'fallback') return new FastFallback(f.reason);
  // anything else a helper met (an abort, a file gone, a bug): the caller reads the file alone,
  // which gives the result or says what is wrong
  return new ParallelAbort(`a reading helper failed: ${f.reason}`);
}

/** Puts every reader's findings into the file's scan, with the lines numbered from the file's start. */
function mergeChunks(p: Pass, index: number, job: ChunkJob, results: ChunkResult[]): void {
  const run = p.run;
  const scan = p.scans[index]!;
  const chunks = job.starts.length;
  const base = new Float64Array(chunks).fill(-1);
  for (const r of results) for (let i = 0; i < r.lineCounts.length; i += 2) base[r.lineCounts[i]!] = r.lineCounts[i + 1]!;
  let next = scan.layout.bodyLine;
  for (let k = 0; k < chunks; k++) {
    if (base[k]! < 0) throw new Error(`fast path: chunk ${k} was not read`);
    const count = base[k]!;
    base[k] = next;
    next += count;
  }
  const line = (n: number) => base[Math.floor(n / CHUNK_LINE)]! + (n % CHUNK_LINE);
  scan.parserUsed = true; // diagnostics come in chunk order per reader: sort them
  if (job.pass === 1) {
    for (const r of results) for (const g of r.groups) scan.mergeGroup(g, line(g.firstLine));
    scan.resolveMerged();
    for (const r of results) {
      for (const d of r.series) {
        const s = run.series.get(d.key);
        if (!s) throw new Error('fast path: a series came back unknown');
        s.rows += d.rows;
        s.zeros += d.zeros;
        s.inexact ||= d.inexact;
        for (const [slot, h] of d.histogram) {
          const into = (s.histogram[slot] ??= new Int32Array(90));
          for (let j = 0; j < 90; j++) into[j]! += h[j]!;
        }
      }
      for (let i = 0; i < r.powerRows.length; i += 3) run.powerRows.push(r.powerRows[i]!, line(r.powerRows[i + 1]!), r.powerRows[i + 2]!);
      for (const d of r.diagnostics) {
        d.line = line(d.line!);
        scan.diagnostics.push(d);
      }
      scan.rows += r.rows;
      scan.records += r.records;
    }
  } else {
    for (const r of results) {
      for (const d of r.series) {
        const s = run.series.get(d.key);
        if (!s) continue; // a series without a check has nothing to add
        for (const v of d.medianBucket) s.medianBucket.push(v);
        for (let i = 0; i < d.outlierCandidates.length; i += 3) s.outlierCandidates.push(d.outlierCandidates[i]!, line(d.outlierCandidates[i + 1]!), d.outlierCandidates[i + 2]!);
      }
    }
  }
  // duplicates: every row of a file without extra columns (first pass), candidates of others (second)
  for (const r of results) for (const [key, list] of r.occurrences) for (let i = 0; i < list.length; i += 2) run.occurrence(key, list[i]!, line(list[i + 1]!));
  // in file order, as one reader would have met them (the first row of a key names its record)
  const deferred = results.flatMap((r) => r.deferred.map(([l, bytes]) => [line(l), bytes] as const)).sort((x, y) => x[0] - y[0]);
  for (const [l, bytes] of deferred) scan.queueForParser(l, bytes);
  scan.parseQueued();
}

