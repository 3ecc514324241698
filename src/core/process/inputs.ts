import { createHash } from 'node:crypto';
import type { InputSource, InputSummary } from '../calc/run.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SectorDictionary } from '../dictionary/sectors.js';
import { decodeText, type Encoding } from '../input/decode.js';
import { readWhole } from '../input/fast-source.js';
import { appendAll } from '../arrays.js';
import { isProcessInput } from './dispatch.js';
import { parseProcess, type ProcessRecord } from './read.js';

/** The inputs split into activity and process files, and how to put their summaries back in the given order. */
export function splitProcessInputs(
  files: readonly InputSource[],
  encoding: Encoding | undefined,
): { activity: InputSource[]; processFiles: InputSource[]; order: (activity: InputSummary[], process: InputSummary[]) => InputSummary[] } {
  const isProcess = files.map((f) => isProcessInput(f, encoding));
  const activity = files.filter((_, i) => !isProcess[i]);
  const processFiles = files.filter((_, i) => isProcess[i]);
  return {
    activity,
    processFiles,
    order: (a, p) => {
      if (processFiles.length === 0) return a;
      let ai = 0;
      let pi = 0;
      // the activity reader gives one summary per file in order; keep the user's order of files
      return isProcess.map((proc) => (proc ? p[pi++] : a[ai++])).filter((x): x is InputSummary => x !== undefined);
    },
  };
}

/** Reads process files whole (they are small) with the reference reader. */
export function readProcessInputs(
  files: readonly InputSource[],
  sectors: SectorDictionary,
  options: { encoding?: Encoding | undefined; strict?: boolean | undefined },
): { records: ProcessRecord[]; inputs: InputSummary[]; diagnostics: Diagnostic[] } {
  const records: ProcessRecord[] = [];
  const inputs: InputSummary[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const bytes = 'bytes' in file ? file.bytes : readWhole(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const decoded = decodeText(bytes, file.path, options.encoding);
    if ('diagnostic' in decoded) {
      diagnostics.push(decoded.diagnostic);
      inputs.push({ path: file.path, sha256, rows: 0, encoding: 'unknown' });
      continue;
    }
    const parsed = parseProcess(decoded.text, file.path, sectors);
    if (options.strict) {
      for (const d of parsed.diagnostics) if (d.code === 'UNKNOWN_SECTOR') d.severity = 'error';
    }
    appendAll(records, parsed.records);
    appendAll(diagnostics, parsed.diagnostics);
    inputs.push({ path: file.path, sha256, rows: parsed.rows, encoding: decoded.encoding });
  }
  return { records, inputs, diagnostics };
}
