/**
 * Start-up work for small files: the parsed factor tables kept in dist/ (src/bundled.ts), the
 * table-ref order without ICU (src/core/calc/run.ts), and the progress bar that only a terminal
 * sees (src/cli/progress.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareRefs } from '../../src/core/calc/run.js';
import { progressBar, PROGRESS_MIN_BYTES } from '../../src/cli/progress.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

describe('table refs sorted as localeCompare sorts them, without ICU', () => {
  it('agrees with localeCompare on random ids, versions and odd characters', () => {
    const chars = '_-.@0123456789abcdefghijklmnopqrstuvwxyzA é中';
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const gen = () => Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => chars[Math.floor(rnd() * (rnd() < 0.95 ? 40 : chars.length))]).join('');
    for (let k = 0; k < 50_000; k++) {
      const a = gen();
      const b = rnd() < 0.3 ? a.slice(0, Math.floor(rnd() * a.length)) + gen() : gen();
      expect(Math.sign(compareRefs(a, b)), `${a} / ${b}`).toBe(Math.sign(a.localeCompare(b)));
    }
  });
});

describe('the bundled tables kept parsed in dist/', () => {
  const dist = join(repoRoot, 'dist/bundled.js');
  const snapshot = join(repoRoot, 'dist/.bundled-snapshot.json');

  it('loads exactly what parsing the factor files gives', async () => {
    if (!existsSync(dist)) return; // npm test builds first
    const { loadBundled } = (await import(pathToFileURL(dist).href)) as typeof import('../../src/bundled.js');
    const fromSnapshot = loadBundled();
    expect(existsSync(snapshot)).toBe(true);
    // the same folder under another spelling is parsed, not taken from the snapshot
    const parsed = loadBundled(join(repoRoot, 'factors'));
    const plain = (x: unknown) => JSON.stringify(x, (_k, v) => (v && typeof v === 'object' && typeof v.toFixed === 'function' && 'd' in v ? `Decimal:${v}` : v === undefined ? '(undefined)' : v));
    expect(plain(fromSnapshot.dict.fuels.all)).toBe(plain(parsed.dict.fuels.all));
    expect(plain(fromSnapshot.dict.sectors.all)).toBe(plain(parsed.dict.sectors.all));
    expect(plain(fromSnapshot.registry.tables)).toBe(plain(parsed.registry.tables));
    for (const kind of ['standard-coal', 'combustion', 'grid', 'heat', 'non-co2', 'gwp', 'power-coal-rate', 'targets'] as const) {
      expect(fromSnapshot.registry.defaultIdFor(kind)).toBe(parsed.registry.defaultIdFor(kind));
    }
    expect(fromSnapshot.dict.fuels.find('原煤')?.id).toBe('raw_coal');
    expect(fromSnapshot.dict.sectors.find('C32')?.code).toBe('32');
  });

  it('ignores a damaged snapshot, parsing the files instead, and never writes one at run time', () => {
    if (!existsSync(snapshot)) return;
    const good = readFileSync(snapshot, 'utf8');
    const before = runCli(['calc', 'test/fixtures/hand-check.csv', '-f', 'json', '--decimals', 'full']);
    const damaged = good.slice(0, good.length / 2);
    writeFileSync(snapshot, damaged);
    try {
      const after = runCli(['calc', 'test/fixtures/hand-check.csv', '-f', 'json', '--decimals', 'full']);
      expect(after.stdout).toBe(before.stdout);
      expect(readFileSync(snapshot, 'utf8')).toBe(damaged);
    } finally {
      writeFileSync(snapshot, good);
    }
  });
});

describe('progress bar', () => {
  const stream = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, s: { isTTY, columns: 80, write: (t: string) => out.push(t) } as unknown as NodeJS.WritableStream & { isTTY: boolean } };
  };

  it('draws on a terminal for big inputs and erases itself', () => {
    const { out, s } = stream(true);
    const bar = progressBar(s, PROGRESS_MIN_BYTES * 2, 'reading');
    bar.update(PROGRESS_MIN_BYTES, PROGRESS_MIN_BYTES * 2);
    bar.done();
    expect(out[0]).toMatch(/^\rreading \[#+\.+\]  50% /);
    expect(out.at(-1)).toBe('\r\x1b[K');
  });

  it('says nothing when stderr is piped, or for small inputs', () => {
    for (const [tty, size] of [[false, PROGRESS_MIN_BYTES * 2], [true, 1000]] as const) {
      const { out, s } = stream(tty);
      const bar = progressBar(s, size, 'reading');
      bar.update(size / 2, size);
      bar.done();
      expect(out).toEqual([]);
    }
  });
});
