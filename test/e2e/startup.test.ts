/**
 * How the CLI starts (bin/load-bundle.js): from the bundle in dist/ with the V8 code cache the
 * build made, and the same output, byte for byte, when the cache is missing, stale or rejected,
 * or when there is no bundle (the tsc output runs). Also the parsed-table snapshot: taken by both,
 * and never once the code or the tables it was made from change. Changes are made in copies of
 * the package, never in the one other tests run.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, type CliResult } from '../helpers/run-cli.js';

const built = existsSync(join(repoRoot, 'dist/cli.bundle.cjs')); // npm test builds first
const ID_LENGTH = 64;
const debug = { JINCHANG_DEBUG_STARTUP: '1' };
const copies: string[] = [];

/** A copy of the built package (node_modules linked); returns its bin. */
function copyPackage(): { root: string; bin: string } {
  const root = mkdtempSync(join(tmpdir(), 'jc-startup-'));
  copies.push(root);
  for (const part of ['package.json', 'bin', 'dist', 'factors']) cpSync(join(repoRoot, part), join(root, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, bin: join(root, 'bin/jinchang-carbon.js') };
}

afterAll(() => {
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

/** Successes, data errors, usage errors, help, both languages. */
const commands: { args: string[]; env?: Record<string, string> }[] = [
  { args: ['calc', 'examples/jinchang-2021.csv', '-f', 'json', '--decimals', 'full'] },
  { args: ['calc', 'examples/jinchang-2021.csv', '--by', 'sector,scope'], env: { LANG: 'zh_CN.UTF-8' } },
  { args: ['validate', 'test/fixtures/bad/many-problems.csv'] },
  { args: ['calc', 'no-such-file.csv'] },
  { args: ['calc', '--bogus', 'x.csv'] },
  { args: ['--help'] },
  { args: ['factors', 'list'] },
  { args: ['template'], env: { LANG: 'zh_CN.UTF-8' } },
  { args: ['--version'] },
];

const reference = new Map<string, CliResult>();
function expectSameAsBundle(bin: string, startup: string): void {
  for (const { args, env } of commands) {
    const key = JSON.stringify(args);
    if (!reference.has(key)) reference.set(key, runCli(args, { env }));
    const run = runCli(args, { bin, env: { ...env, ...debug } });
    const first = run.stderr.indexOf('\n') + 1;
    expect(run.stderr.slice(0, first), args.join(' ')).toBe(`startup: ${startup}\n`);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr.slice(first) }, args.join(' ')).toEqual(reference.get(key));
  }
}

describe.runIf(built)('start-up from the bundle', () => {
  it('runs the bundle with its code cache accepted, and says so on stderr only when asked', () => {
    const plain = runCli(['calc', 'examples/jinchang-2021.csv', '--totals']);
    const told = runCli(['calc', 'examples/jinchang-2021.csv', '--totals'], { env: debug });
    expect(told.stderr).toBe('startup: bundle, code cache accepted\n');
    expect(told.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
  });

  it('gives the same output when V8 rejects the cache (another Node or V8)', () => {
    const { root, bin } = copyPackage();
    const cache = readFileSync(join(root, 'dist/cli.bundle.cache'));
    cache[ID_LENGTH + 4] = cache[ID_LENGTH + 4]! ^ 0xff; // V8's version hash
    writeFileSync(join(root, 'dist/cli.bundle.cache'), cache);
    expectSameAsBundle(bin, 'bundle, code cache rejected');
  });

  it('gives the same output without a cache, and never offers V8 the cache of another build', () => {
    const { root, bin } = copyPackage();
    const cache = readFileSync(join(root, 'dist/cli.bundle.cache'));
    cache.write('0'.repeat(ID_LENGTH), 0, 'latin1');
    writeFileSync(join(root, 'dist/cli.bundle.cache'), cache);
    expectSameAsBundle(bin, 'bundle, code cache none');
    rmSync(join(root, 'dist/cli.bundle.cache'));
    expect(runCli(['--version'], { bin, env: debug }).stderr).toBe('startup: bundle, code cache none\n');
  });

  it('gives the same output from the tsc output when there is no bundle', () => {
    const { root, bin } = copyPackage();
    rmSync(join(root, 'dist/cli.bundle.cjs'));
    expectSameAsBundle(bin, 'tsc output (no bundle)');
  });

  it('runs the tsc output when it is newer than the bundle (a bare tsc after the build)', () => {
    const { root, bin } = copyPackage();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'dist/cli/main.js'), later, later);
    expect(runCli(['--version'], { bin, env: debug }).stderr).toBe('startup: tsc output (bundle older than the tsc output)\n');
  });
});

describe.runIf(built)('the parsed-table snapshot', () => {
  const title = '100-year global warming potentials, IPCC Fifth Assessment Report (AR5), without climate-carbon feedbacks';
  const titleOf = (bin: string) => runCli(['factors', 'list', '--kind', 'gwp', '-f', 'json'], { bin }).stdout;

  /** A copy whose snapshot says something the table files do not: what a run prints shows which it used. */
  function doctored(): { root: string; bin: string } {
    const copy = copyPackage();
    const path = join(copy.root, 'dist/.bundled-snapshot.json');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(JSON.stringify(title));
    writeFileSync(path, text.replace(JSON.stringify(title), '"from the snapshot"'));
    return copy;
  }

  it('is taken by the bundle and by the tsc output', () => {
    const { root, bin } = doctored();
    expect(titleOf(bin)).toContain('from the snapshot');
    rmSync(join(root, 'dist/cli.bundle.cjs'));
    expect(titleOf(bin)).toContain('from the snapshot');
  });

  it('is not taken once a table file changes', () => {
    const { root, bin } = doctored();
    const table = join(root, 'factors/gwp-ar5/2013.csv');
    writeFileSync(table, readFileSync(table, 'utf8').replace(`# title: ${title}`, '# title: edited'));
    expect(titleOf(bin)).toContain('"edited"');
    rmSync(join(root, 'dist/cli.bundle.cjs'));
    expect(titleOf(bin)).toContain('"edited"');
  });

  it('is not taken by the tsc output once the code that parses tables changes (the bundle keeps its own code)', () => {
    const { root, bin } = doctored();
    const code = JSON.parse(readFileSync(join(root, 'dist/.bundled-snapshot.json'), 'utf8').split('\n')[0]!).code as string[];
    expect(code).toContain('dist/core/factors/table.js');
    writeFileSync(join(root, 'dist/core/factors/table.js'), `${readFileSync(join(root, 'dist/core/factors/table.js'), 'utf8')}\n// changed\n`);
    expect(titleOf(bin)).toContain('from the snapshot');
    rmSync(join(root, 'dist/cli.bundle.cjs'));
    expect(titleOf(bin)).toContain(title);
  });
});
