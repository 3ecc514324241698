/**
 * The fast path (src/core/input/fast-*.ts) against the csv-parse path: the same records, totals
 * and diagnostics, byte for byte in the JSON, on every kind of file users have — and proof that
 * the fast path really ran where it should (a silent fallback would pass the equality tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation, type CalcRequest, type InputFile } from '../../src/core/calc/run.js';
import { calcJson } from '../../src/core/format/calc.js';
import { FastFallback, memorySource, readActivityFast, type FastResult, type FastSource } from '../../src/core/input/fast-read.js';
import type { ChunkReader } from '../../src/core/input/fast-source.js';
import { readActivityStreamed, type StreamResult } from '../../src/core/input/csv-stream.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';
import { plainResult } from '../helpers/plain-result.js';
import { prng } from '../helpers/prng.js';
import { randomFile } from '../helpers/random-activity.js';

const { dict, registry } = loadBundled();
const tool = { name: 'jinchang-carbon', version: 'test' };
const fixtures = join(repoRoot, 'test/fixtures/fast');
const file = (name: string): InputFile => ({ path: `test/fixtures/fast/${name}`, bytes: readFileSync(join(fixtures, name)) });

/** Everything a user sees of a run, as plain data: the JSON and the diagnostics (or the usage error). */
function outcome(files: InputFile[], request: CalcRequest): unknown {
  try {
    const r = runCalculation(files, dict, registry, request);
    return { json: calcJson(r, { lang: 'en', decimals: 'full', tool }), diagnostics: r.diagnostics, records: r.records };
  } catch (e) {
    return { threw: (e as Error).message };
  }
}

/** The fast path (with the streaming reader behind it) and the streaming reader alone = the whole-text reader. */
function sameBothWays(files: InputFile[], request: CalcRequest = {}): void {
  const fast = outcome(files, { ...request, fast: true });
  const streamed = outcome(files, { ...request, fast: 'stream' });
  const simple = outcome(files, { ...request, fast: false });
  expect(fast).toEqual(simple);
  expect(streamed).toEqual(simple);
}

/** The fast path's own result, or the reason it stepped aside. */
function fastOrReason(files: InputFile[], keepColumns: string[] = []): FastResult | string {
  try {
    return readActivityFast(files.map((f) => memorySource(f.path, f.bytes)), dict, { keepColumns });
  } catch (e) {
    if (e instanceof FastFallback) return e.reason;
    throw e;
  }
}

describe('fast path = streaming csv-parse = whole-text csv-parse, on the fixtures', () => {
  const names = readdirSync(fixtures).filter((n) => n.endsWith('.csv'));
  for (const name of names) {
    it(name, () => {
      sameBothWays([file(name)]);
      sameBothWays([file(name)], { by: ['fuel', 'scope'] });
    });
  }

  it('takes the fast path for all but a quoted field spanning lines', () => {
    for (const name of names) {
      const r = fastOrReason([file(name)]);
      if (name === 'multiline.csv') expect(r).toBe('a quoted field runs past the line end');
      else expect(typeof r, `${name}: ${String(r)}`).toBe('object');
    }
  });

  it('quoted "1,234.5", CRLF and no final line end', () => {
    const r = fastOrReason([file('quoted-crlf.csv')]) as FastResult;
    expect(r.inputs[0]).toMatchObject({ rows: 8, encoding: 'utf8' });
    const simple = runCalculation([file('quoted-crlf.csv')], dict, registry, { fast: false });
    expect(simple.totals.energy_tce.toString()).toBe(runCalculation([file('quoted-crlf.csv')], dict, registry).totals.energy_tce.toString());
  });

  it('GBK: detected, read, and duplicates found across an ideographic space', () => {
    const r = fastOrReason([file('gbk.csv')]) as FastResult;
    expect(r.inputs[0]!.encoding).toBe('gbk');
    expect(r.passes).toBe(2);
    expect(r.quality.filter((d) => d.code === 'DUPLICATE_ROW').map((d) => d.line)).toEqual([6, 8]);
  });

  it('a bad number on line 5 gets the csv-parse path message, and every other problem too', () => {
    const f = file('bad-line5.csv');
    const fast = runCalculation([f], dict, registry);
    const simple = runCalculation([f], dict, registry, { fast: false });
    expect(fast.diagnostics).toEqual(simple.diagnostics);
    expect(fast.diagnostics[0]).toMatchObject({ code: 'BAD_NUMBER', file: f.path, line: 5, column: 4, params: { value: '1x00' } });
    expect(fast.diagnostics.length).toBeGreaterThan(5);
  });

  it('the scale check and duplicates over four years (second pass)', () => {
    const r = fastOrReason([file('multi-year.csv')]) as FastResult;
    expect(r.passes).toBe(2);
    const codes = r.quality.map((d) => d.code);
    expect(codes).toContain('SCALE_OUTLIER');
    expect(codes).toContain('DUPLICATE_ROW');
    sameBothWays([file('multi-year.csv')], { by: ['year', 'sector', 'fuel', '企业'] });
  });

  it('extra columns named twice, like numbers, or like Object properties', () => {
    for (const by of [['note'], ['2021', 'fuel'], ['__proto__'], ['constructor', 'year'], ['toString']]) sameBothWays([file('extra-names.csv')], { by });
    const r = fastOrReason([file('extra-names.csv')]) as FastResult;
    expect(r.quality.map((d) => [d.code, d.line])).toEqual([['DUPLICATE_ROW', 3]]);
  });

  it('several files: duplicates across files, strict sectors, grouping by an extra column', () => {
    const files = [file('gbk.csv'), file('multi-year.csv'), file('tab-uses.csv'), file('gbk.csv')];
    sameBothWays(files);
    sameBothWays(files, { strict: true });
    sameBothWays([file('quoted-crlf.csv'), file('quoted-crlf.csv')], { by: ['enterprise', 'fuel'] });
    sameBothWays([file('quoted-crlf.csv')], { by: ['no-such-column'] });
  });

  it("a key's first row with an implausible quantity: only that row gets QUANTITY_IMPLAUSIBLE", () => {
    // the key (an unknown sector: a warning) is checked once with the quantity set to 0; the first
    // row's 2×10^11 t (the limit is 10^11 t) is that row's error alone, line 2, not line 3's
    const text = '年份,行业,能源品种,消费量,计量单位\n2023,某某行业,原煤,200000000000,吨\n2023,某某行业,原煤,5,吨\n';
    const files = [{ path: 'implausible-first.csv', bytes: new TextEncoder().encode(text) }];
    sameBothWays(files);
    const r = fastOrReason(files) as FastResult;
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['UNKNOWN_SECTOR', 2],
      ['QUANTITY_IMPLAUSIBLE', 2],
      ['UNKNOWN_SECTOR', 3],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// random files (seeded), and the same files read in random pieces


/** A reader that hands out the bytes in random small pieces, as a pipe does. */
function choppyReader(bytes: Uint8Array, r: () => number): ChunkReader {
  let pos = 0;
  return {
    read(target, offset, length) {
      const n = Math.min(length, bytes.length - pos, 1 + Math.floor(r() * 40));
      if (n <= 0) return 0;
      target.set(bytes.subarray(pos, pos + n), offset);
      pos += n;
      return n;
    },
    close() {},
  };
}

const plain = plainResult;

describe('fast path = streaming csv-parse = whole-text csv-parse, on random files (seeded)', () => {
  it('300 files: identical results; the fast path takes almost all of them', () => {
    let fastTaken = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { bytes, extras } = randomFile(seed);
      const files = [{ path: `random-${seed}.csv`, bytes }];
      const by = [['year', 'sector', 'fuel'], ['fuel'], ['scope', 'category'], ['year', ...extras.slice(0, 1), 'fuel']][seed % 4]!;
      const fast = outcome(files, { by, fast: true });
      const simple = outcome(files, { by, fast: false });
      expect(fast, `seed ${seed}`).toEqual(simple);
      if (typeof fastOrReason(files) === 'object') fastTaken++;
    }
    expect(fastTaken).toBeGreaterThan(285);
  });

  it('300 files: the streaming reader alone gives the same as the whole-text reader', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { bytes, extras } = randomFile(seed);
      const files = [{ path: `random-${seed}.csv`, bytes }];
      const by = [['year', 'sector', 'fuel'], ['fuel'], ['scope', 'category'], ['year', ...extras.slice(0, 1), 'fuel']][seed % 4]!;
      expect(outcome(files, { by, fast: 'stream' }), `seed ${seed}`).toEqual(outcome(files, { by, fast: false }));
    }
  });

  it('the streaming reader, fed 1–40 bytes at a time: the same as fed whole', () => {
    const plainStream = (r: StreamResult) => ({ ...r, records: r.records.map((x) => ({ ...x, quantity: x.quantity.toString() })), extraColumns: [...r.extraColumns] });
    for (let seed = 1; seed <= 60; seed++) {
      const { bytes } = randomFile(seed * 104729);
      // CR LF line ends and a quoted cell across lines too (the fast path leaves both to this reader)
      const crlf = new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\n/g, '\r\n').replace(/\r\n([^\r]*)\r\n/, '\r\n"$1\r\n"\r\n'));
      for (const b of [bytes, crlf]) {
        const whole = readActivityStreamed([memorySource('x.csv', b)], dict, { keepColumns: ['year'] });
        const r = prng(seed);
        const pieces = readActivityStreamed([{ path: 'x.csv', size: b.length, open: () => choppyReader(b, r) }], dict, { keepColumns: ['year'] });
        expect(plainStream(pieces), `seed ${seed}`).toEqual(plainStream(whole));
      }
    }
  });

  it('read in random pieces (buffer sizes 64 B – 1 kB, short reads): the same as read whole', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const { bytes } = randomFile(seed * 7919);
      const whole = fastOrReason([{ path: 'x.csv', bytes }]);
      if (typeof whole === 'string') continue;
      const r = prng(seed);
      for (let k = 0; k < 4; k++) {
        const source: FastSource = { path: 'x.csv', size: bytes.length, open: () => choppyReader(bytes, r) };
        // the first buffer must hold the header: 64 B is less than some headers, so start there
        const chunkSize = Math.max(64 + Math.floor(r() * 960), 0);
        let pieces: FastResult | string;
        try {
          pieces = readActivityFast([source], dict, { chunkSize });
        } catch (e) {
          if (!(e instanceof FastFallback)) throw e;
          pieces = e.reason;
        }
        if (typeof pieces === 'string') {
          // only a header that does not fit the first buffer may send it the other way
          expect(pieces, `seed ${seed}`).toMatch(/first chunk|no header|no complete line|the first lines/);
          continue;
        }
        expect(plain(pieces), `seed ${seed}, chunk ${chunkSize}`).toEqual(plain(whole));
      }
    }
  });
});

describe('reading from the command line (streamed files)', () => {
  it('calc -f json --decimals full is the same with and without the fast path', () => {
    for (const name of ['quoted-crlf.csv', 'gbk.csv', 'multi-year.csv', 'bom-title.csv']) {
      const args = ['calc', `test/fixtures/fast/${name}`, '-f', 'json', '--decimals', 'full'];
      const fast = runCli(args);
      const simple = runCli(args, { env: { JINCHANG_FAST: '0' } });
      expect(fast.code).toBe(simple.code);
      expect(fast.stdout).toBe(simple.stdout);
      expect(fast.stderr).toBe(simple.stderr);
    }
  });

  it('errors exit 1 with the same messages, and no progress bar when stderr is piped', () => {
    const args = ['calc', 'test/fixtures/fast/bad-line5.csv'];
    const fast = runCli(args);
    const simple = runCli(args, { env: { JINCHANG_FAST: '0' } });
    expect(fast.code).toBe(1);
    expect(fast.stderr).toBe(simple.stderr);
    expect(fast.stderr).toContain('test/fixtures/fast/bad-line5.csv:5:4: error:');
    expect(fast.stderr).not.toContain('\r');
  });
});
