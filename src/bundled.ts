import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from './core/decimal.js';
import { buildFuelDictionary, parseFuelDictionary, type Fuel } from './core/dictionary/fuels.js';
import { buildSectorDictionary, parseSectorDictionary, type Sector } from './core/dictionary/sectors.js';
import { parseCeadsNames } from './core/dictionary/ceads.js';
import { buildRegistry, type FactorFile } from './core/factors/load.js';
import { factorKinds, type FactorKind } from './core/factors/kinds.js';
import { FactorRegistry } from './core/factors/registry.js';
import type { FactorTable } from './core/factors/table.js';
import type { Dictionaries } from './core/input/activity.js';
import { formatDiagnostic } from './core/diagnostics.js';
import { packageRoot } from './package-root.js';

/** The factors folder shipped with the package (next to dist/). */
export const bundledFactorsDir = fileURLToPath(new URL('../factors/', import.meta.url));

export interface Bundled {
  dict: Dictionaries;
  registry: FactorRegistry;
}

let cache: Bundled | undefined;

interface Sources {
  fuels: string;
  sectors: string;
  ceads: string;
  defaults: string;
  files: FactorFile[];
}

/** Reads the bundled dictionaries and every table under factors/<id>/<version>.csv, once per process. */
export function loadBundled(dir: string = bundledFactorsDir): Bundled {
  if (cache && dir === bundledFactorsDir) return cache;
  const sources = readSources(dir);
  // Parsing and checking ~20 CSV files is a third of a small run's time, so `npm run build` keeps
  // the bundled ones parsed in dist/ (see writeBundledSnapshot). The snapshot is only used when it
  // was made from exactly these files by exactly this code; otherwise they are parsed as always.
  // A run never writes it: the tool writes no file but the ones it is given.
  const bundled = (dir === bundledFactorsDir ? readSnapshot(sources) : undefined) ?? parseSources(sources);
  if (dir === bundledFactorsDir) cache = bundled;
  return bundled;
}

function readSources(dir: string): Sources {
  const files: FactorFile[] = [];
  for (const id of readdirSync(dir).sort()) {
    if (id === 'dictionary' || !statSync(join(dir, id)).isDirectory()) continue;
    for (const name of readdirSync(join(dir, id)).sort()) {
      if (name.endsWith('.csv')) files.push({ path: `${id}/${name}`, bytes: readFileSync(join(dir, id, name)) });
    }
  }
  return {
    fuels: readFileSync(join(dir, 'dictionary', 'fuels.csv'), 'utf8'),
    sectors: readFileSync(join(dir, 'dictionary', 'sectors.csv'), 'utf8'),
    ceads: readFileSync(join(dir, 'dictionary', 'ceads.csv'), 'utf8'),
    defaults: readFileSync(join(dir, 'defaults.csv'), 'utf8'),
    files,
  };
}

function parseSources(sources: Sources): Bundled {
  const fuels = parseFuelDictionary(sources.fuels);
  const sectors = parseSectorDictionary(sources.sectors, parseCeadsNames(sources.ceads));
  const { registry, diagnostics } = buildRegistry(sources.files, sources.defaults, fuels);
  if (diagnostics.length > 0) {
    // a broken bundled table is our bug: refuse to compute with it
    throw new Error(`bundled factor tables are invalid:\n${diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n')}`);
  }
  return { dict: { fuels, sectors }, registry };
}

// ---------------------------------------------------------------------------------------------
// the parsed snapshot: dist/.bundled-snapshot.json, next to the compiled module (inside the
// package; never for the TypeScript sources, which tests run directly). Its first line is
// {"key", "code"}: the key hashes the table files and the code that parsed them (the modules the
// build found bundled.js to import, listed in "code"); the second line is the parsed tables.

const SNAPSHOT_FORMAT = 2;
const here = fileURLToPath(import.meta.url);
const snapshotPath = join(here, '..', '.bundled-snapshot.json');

// The CLI bundle cannot hash the modules it was made from (they are inside it), so
// scripts/build-cli-bundle.mjs writes their hash into it; the tsc output hashes its files each run.
declare const JINCHANG_BUNDLED_CODE_HASH: string | undefined;
const bundleCodeHash = typeof JINCHANG_BUNDLED_CODE_HASH === 'string' ? JINCHANG_BUNDLED_CODE_HASH : undefined;

/** sha256 of code files (paths relative to the package root, as the build lists them); undefined if one cannot be read. */
export function codeHash(files: readonly string[]): string | undefined {
  const hash = createHash('sha256');
  try {
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(codeFilePath(file)));
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/** Our modules sit in the package; a dependency's file is found as Node finds the package, in the nearest node_modules up the tree. */
function codeFilePath(file: string): string {
  const i = file.lastIndexOf('node_modules/');
  if (i < 0) return join(packageRoot, file);
  const inPackage = file.slice(i + 'node_modules/'.length);
  for (let dir = packageRoot; ; ) {
    const candidate = join(dir, 'node_modules', inPackage);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return candidate;
    dir = up;
  }
}

/** Every input of the parse: the code, and the files' bytes. */
function snapshotKey(code: string, sources: Sources): string {
  const hash = createHash('sha256');
  hash.update(`${SNAPSHOT_FORMAT}\0${code}\0${sources.fuels}\0${sources.sectors}\0${sources.ceads}\0${sources.defaults}`);
  for (const f of sources.files) hash.update(`\0${f.path}\0`).update(f.bytes);
  return hash.digest('hex');
}

interface SnapshotHeader {
  key: string;
  code: string[];
}

interface Snapshot {
  fuels: Fuel[];
  sectors: Sector[];
  tables: FactorTable[];
  defaults: [FactorKind, string][];
}

const DEC = '\u0000d';
const UNDEF = '\u0000u';

/** JSON with Decimals and undefined values kept (as {"\0d": "1.5"} and {"\0u": 1}). */
function encode(value: unknown): unknown {
  if (value === undefined) return { [UNDEF]: 1 };
  if (value === null || typeof value !== 'object') return value;
  if (Decimal.isDecimal(value)) return { [DEC]: (value as Decimal).toString() };
  if (Array.isArray(value)) return value.map(encode);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Error('snapshot: not a plain object');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = encode(v);
  return out;
}

/** Turns the markers back into Decimals and undefined, in place: the parsed JSON is ours to reuse. */
function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decode(value[i]);
    return value;
  }
  const o = value as Record<string, unknown>;
  if (DEC in o) return new Decimal(o[DEC] as string);
  if (UNDEF in o) return undefined;
  for (const k of Object.keys(o)) o[k] = decode(o[k]);
  return o;
}

function readSnapshot(sources: Sources): Bundled | undefined {
  try {
    const text = readFileSync(snapshotPath, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as SnapshotHeader;
    // the tsc output: only when this module is one of the code that made it, and that code is unchanged
    const code = bundleCodeHash ?? (header.code.includes(relative(packageRoot, here).replace(/\\/g, '/')) ? codeHash(header.code) : undefined);
    if (code === undefined || header.key !== snapshotKey(code, sources)) return undefined;
    const s = decode(JSON.parse(text.slice(newline + 1))) as Snapshot;
    const fuels = buildFuelDictionary(s.fuels);
    const sectors = buildSectorDictionary(s.sectors);
    return { dict: { fuels, sectors }, registry: new FactorRegistry(s.tables, s.defaults) };
  } catch {
    return undefined;
  }
}

/**
 * Build step (scripts/build-snapshot.mjs, after tsc): parse the bundled tables once and keep them
 * in dist/, keyed on `code`, the files of the code that parses them (bundled.js and its imports).
 */
export function writeBundledSnapshot(code: readonly string[]): string {
  const hash = codeHash(code);
  if (hash === undefined) throw new Error(`snapshot: cannot read the code files ${code.join(', ')}`);
  const sources = readSources(bundledFactorsDir);
  writeSnapshot({ key: snapshotKey(hash, sources), code: [...code] }, parseSources(sources));
  return snapshotPath;
}

/** Written whole or not at all; a failure leaves no snapshot, and runs then parse the files. */
function writeSnapshot(header: SnapshotHeader, bundled: Bundled): void {
  const temp = `${snapshotPath}.${process.pid}.tmp`;
  try {
    const defaults: [FactorKind, string][] = [];
    for (const kind of factorKinds) {
      const id = bundled.registry.defaultIdFor(kind);
      if (id !== undefined) defaults.push([kind, id]);
    }
    const snapshot: Snapshot = {
      fuels: bundled.dict.fuels.all,
      sectors: bundled.dict.sectors.all,
      tables: bundled.registry.tables,
      defaults,
    };
    writeFileSync(temp, `${JSON.stringify(header)}\n${JSON.stringify(encode(snapshot))}`);
    renameSync(temp, snapshotPath);
  } catch {
    rmSync(temp, { force: true });
  }
}
