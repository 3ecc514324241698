/**
 * A kind of problem seen a million times is one problem: list the first few of each kind, then
 * one line with how many more there are and where the next ones are. Errors keep a much higher
 * cap than warnings: each needs fixing, so each is listed, up to a number no one reads past.
 */
import { describe, type Diagnostic } from '../diagnostics.js';

/** Warnings of one kind listed by `calc` before the rest are summarised. */
export const WARNINGS_LISTED_PER_KIND = 10;
/** Problems of one kind listed by `validate` (and errors by every command) before a summary. */
export const PROBLEMS_LISTED_PER_KIND = 5000;
/** locations of the unlisted ones named in the summary */
const EXAMPLE_CHARS = 100;

export interface ListLimits {
  warning: number;
  error: number;
}

export const calcLimits: ListLimits = { warning: WARNINGS_LISTED_PER_KIND, error: PROBLEMS_LISTED_PER_KIND };
export const validateLimits: ListLimits = { warning: PROBLEMS_LISTED_PER_KIND, error: PROBLEMS_LISTED_PER_KIND };

/** What a summary says of the problems of one kind not listed: the first, how many, where the next few are. */
export interface Omitted {
  first: Diagnostic;
  count: number;
  locations: Diagnostic[];
  /** index in the output after which the summary goes: after the last listed one of its kind */
  after: number;
}

/** how many of the unlisted ones a summary names by location */
export const LOCATIONS_NAMED_IN_SUMMARY = 5;

/**
 * The list with, for each kind (severity and code), the first `limits[severity]` kept in order and
 * the rest replaced by one MORE_OF_KIND diagnostic placed after the last one kept. A list within
 * the limits comes back unchanged (the same array).
 */
export function summariseDiagnostics(list: readonly Diagnostic[], limits: ListLimits): Diagnostic[] {
  const seen = new Map<string, number>();
  const lastListed = new Map<string, number>();
  const omitted = new Map<string, Omitted>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    // a summary made where the problems were found (a reader that never made them all) stays
    if (d.code === 'MORE_OF_KIND') {
      out.push(d);
      continue;
    }
    const kind = `${d.severity}\u0000${d.code}`;
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    if (n <= limits[d.severity]) {
      out.push(d);
      lastListed.set(kind, out.length - 1);
      continue;
    }
    const o = omitted.get(kind);
    if (o) {
      o.count++;
      if (o.locations.length < LOCATIONS_NAMED_IN_SUMMARY) o.locations.push(d);
    } else omitted.set(kind, { first: d, count: 1, locations: [d], after: lastListed.get(kind) ?? -1 });
  }
  if (omitted.size === 0) return list as Diagnostic[];
  const listedAll = limits.warning >= PROBLEMS_LISTED_PER_KIND;
  const summaries = [...omitted.values()].map((o) => ({ after: o.after, d: summaryText(o, listedAll) }));
  const result: Diagnostic[] = [];
  let k = 0;
  summaries.sort((a, b) => a.after - b.after);
  for (; k < summaries.length && summaries[k]!.after < 0; k++) result.push(summaries[k]!.d);
  out.forEach((d, i) => {
    result.push(d);
    for (; k < summaries.length && summaries[k]!.after === i; k++) result.push(summaries[k]!.d);
  });
  return result;
}

/** The MORE_OF_KIND diagnostic for the problems of one kind past the limit. */
export function summaryOf(o: Pick<Omitted, 'first' | 'count' | 'locations'>, limits: ListLimits): Diagnostic {
  return summaryText(o, limits.warning >= PROBLEMS_LISTED_PER_KIND);
}

function summaryText(o: Pick<Omitted, 'first' | 'count' | 'locations'>, listedAll: boolean): Diagnostic {
  const { first } = o;
  const sameFile = o.locations.every((d) => d.file === first.file);
  const where = o.locations.map((d) => (sameFile ? String(d.line ?? '') : [d.file, d.line].filter((x) => x !== undefined).join(':')));
  const at = where.join(', ') + (o.count > o.locations.length ? ', …' : '');
  const example = (lang: 'en' | 'zh') => {
    const text = describe(first, lang).message;
    return text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS - 1)}…` : text;
  };
  const d: Diagnostic = {
    severity: first.severity,
    code: 'MORE_OF_KIND',
    params: {
      kind: first.code,
      severity: first.severity,
      count: o.count,
      at,
      lines: sameFile && first.line !== undefined ? o.locations.length : 0,
      exampleEn: example('en'),
      exampleZh: example('zh'),
      listed: listedAll ? 'all' : 'some',
    },
  };
  if (first.file !== undefined) d.file = first.file;
  return d;
}

/** How many errors and warnings a (possibly summarised) list stands for. */
export function countProblems(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    const n = d.code === 'MORE_OF_KIND' ? Number(d.params.count) : 1;
    if (d.severity === 'error') errors += n;
    else warnings += n;
  }
  return { errors, warnings };
}
