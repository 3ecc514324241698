/**
 * Seeded fuzzing of the whole calc (issue 14, "Done when"): random and mutated activity files
 * through runCalculation on both read paths (the fast path and csv-parse) and with validate's
 * limits, then rendered as JSON and CSV, in process (a spawned CLI per case would take hours).
 * For every case: nothing thrown but a UsageError (the CLI's exit 2; anything else is exit 3),
 * no case over a time bound, the same output and diagnostics on both paths, and no Infinity, NaN
 * or exponent in any figure. JINCHANG_FUZZ_CASES=20000 runs more (the suite runs 2,000);
 * JINCHANG_FUZZ_SEED picks another seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation, type CalcRequest } from '../../src/core/calc/run.js';
import { UsageError } from '../../src/core/usage-error.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { renderCalc } from '../../src/core/format/calc.js';
import { validateLimits } from '../../src/core/quality/summarise.js';
import { prng } from '../helpers/prng.js';
import { randomFile } from '../helpers/random-activity.js';

const CASES = Number(process.env.JINCHANG_FUZZ_CASES ?? 2000);
const SEED = Number(process.env.JINCHANG_FUZZ_SEED ?? 20261204);
/** one case, both paths and validate: far above what any of these small files needs */
const TIME_BOUND_MS = 10_000;

const { dict, registry } = loadBundled();
const fixtureDirs = ['test/fixtures/fast', 'test/fixtures/input', 'test/fixtures/bad', 'examples'];
const fixtures = fixtureDirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.csv')).map((f) => readFileSync(join(d, f))));

// cells that have broken the tool before, or might
const HOSTILE = [
  '1e99999999999999999999', '1e1000000000', '1e309', '1E-400', '-0', '0e5', '1e-30', '9.99e10', 'Infinity', 'NaN', '-1',
  '99999999999999', '0.000000001', '1,234,567.5', '1 234 567.5', '１２３', '1e', '.5', '5.', '+5', '0x10', '1_000',
  '"', '""', '\n', '\r\n', ',', '\u0000', '\ufeff', '年', '2021年', '１９９９', '万吨', 'kWh', '吨标准煤', '原料', '产出',
  '电力、热力生产和供应业', '某'.repeat(300), '1'.repeat(50), '=1+1', '<svg onload=alert(1)>',
];

function mutate(bytes: Uint8Array, r: () => number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const lines = text.split('\n');
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const edits = 1 + Math.floor(r() * 4);
  for (let k = 0; k < edits; k++) {
    const i = Math.floor(r() * lines.length);
    const cells = (lines[i] ?? '').split(',');
    switch (Math.floor(r() * 7)) {
      case 0: // a hostile cell
        cells[Math.floor(r() * cells.length)] = pick(HOSTILE);
        lines[i] = cells.join(',');
        break;
      case 1: // a row copied elsewhere (duplicates)
        lines.splice(Math.floor(r() * lines.length), 0, lines[i] ?? '');
        break;
      case 2: // a row dropped
        lines.splice(i, 1);
        break;
      case 3: // a cell dropped or added
        if (r() < 0.5) cells.splice(Math.floor(r() * cells.length), 1);
        else cells.splice(Math.floor(r() * cells.length), 0, pick(HOSTILE));
        lines[i] = cells.join(',');
        break;
      case 4: // the quantity scaled by a power of ten
        lines[i] = (lines[i] ?? '').replace(/\d+(\.\d+)?/, (m) => `${m}${'0'.repeat(Math.floor(r() * 14))}`);
        break;
      case 5: // cut short
        return new TextEncoder().encode(lines.join('\n').slice(0, Math.floor(r() * text.length)));
      default: {
        // random bytes
        const out = new TextEncoder().encode(lines.join('\n'));
        for (let b = 0; b < 3; b++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
        return out;
      }
    }
  }
  return new TextEncoder().encode(lines.join('\n'));
}

type Outcome = { usage: string } | { json: string; full: string; csv: string; problems: string[] };

function run(bytes: Uint8Array, request: CalcRequest): Outcome {
  try {
    const report = runCalculation([{ path: 'fuzz.csv', bytes }], dict, registry, request);
    const tool = { name: 'jinchang-carbon', version: '0' };
    return {
      json: renderCalc(report, 'json', { lang: 'en', tool }),
      full: renderCalc(report, 'json', { lang: 'en', tool, decimals: 'full' }),
      csv: renderCalc(report, 'csv', { lang: 'en', tool }),
      problems: report.diagnostics.map((d) => formatDiagnostic(d, 'en')),
    };
  } catch (e) {
    // exit 2; anything else reaches the CLI as an internal error (exit 3) and fails the case
    if (e instanceof UsageError) return { usage: e.message };
    throw e;
  }
}

/** the figures of the JSON output (quantity and every *_t / *_tce measure; labels may be anything): no Infinity, NaN or exponent */
function badFigures(json: string): string[] {
  const bad: string[] = [];
  const isFigure = (key: string) => key === 'quantity' || /_(t|tce)$/.test(key);
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== 'warnings' && k !== 'meta') walk(x, k);
    } else if (isFigure(key) && v !== null && !/^-?\d+(\.\d+)?$/.test(String(v))) bad.push(`${key}=${String(v)}`);
  };
  walk(JSON.parse(json), '');
  return bad;
}

describe(`fuzz: ${CASES} seeded cases (seed ${SEED})`, () => {
  it('no internal error, no stall, the three readers the same, no Infinity, NaN or exponent in a figure', () => {
    const r = prng(SEED);
    const failures: string[] = [];
    for (let n = 0; n < CASES && failures.length < 5; n++) {
      const source = r() < 0.5 ? randomFile(Math.floor(r() * 2 ** 31)).bytes : fixtures[Math.floor(r() * fixtures.length)]!;
      const bytes = r() < 0.85 ? mutate(source, r) : source;
      const by = r() < 0.2 ? { by: ['year', 'sector', 'fuel', 'use'] } : {};
      const started = Date.now();
      let fast: Outcome, streamed: Outcome | undefined, slow: Outcome;
      try {
        fast = run(bytes, { ...by, fast: true });
        // the streaming reader alone on every other case (where the fast path steps aside, `fast` is it already)
        streamed = n % 2 === 0 ? run(bytes, { ...by, fast: 'stream' }) : undefined;
        slow = run(bytes, { ...by, fast: false });
        run(bytes, { ...by, listLimits: validateLimits });
      } catch (e) {
        failures.push(`case ${n}: internal error ${(e as Error).stack}\n${new TextDecoder().decode(bytes).slice(0, 2000)}`);
        continue;
      }
      const ms = Date.now() - started;
      if (ms > TIME_BOUND_MS) failures.push(`case ${n}: ${ms} ms`);
      if (JSON.stringify(fast) !== JSON.stringify(slow)) {
        failures.push(`case ${n}: the paths differ\n${JSON.stringify(fast).slice(0, 1500)}\n${JSON.stringify(slow).slice(0, 1500)}\n${new TextDecoder().decode(bytes).slice(0, 1500)}`);
      }
      if (streamed && JSON.stringify(streamed) !== JSON.stringify(slow)) {
        failures.push(`case ${n}: streaming differs\n${JSON.stringify(streamed).slice(0, 1500)}\n${JSON.stringify(slow).slice(0, 1500)}\n${new TextDecoder().decode(bytes).slice(0, 1500)}`);
      }
      if ('json' in fast) {
        const bad = [...badFigures(fast.json), ...badFigures(fast.full)];
        if (bad.length > 0) {
          failures.push(`case ${n}: a figure printed as ${bad.join(' ')}\n${new TextDecoder().decode(bytes).slice(0, 1500)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
