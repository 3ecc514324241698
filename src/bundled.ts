import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from './core/decimal.js';
import { buildFuelDictionary, parseFuelDictionary, type Fuel } from './core/dictionary/fuels.js';
import { buildSectorDictionary, parseSectorDictionary, type Sector } from './core/dictionary/sectors.js';
import { buildRegistry, type FactorFile } from './core/factors/load.js';
import { factorKinds, type FactorKind } from './core/factors/kinds.js';
import { FactorRegistry } from './core/factors/registry.js';
import type { FactorTable } from './core/factors/table.js';
import type { Dictionaries } from './core/input/activity.js';
import { formatDiagnostic } from './core/diagnostics.js';

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
  defaults: string;
  files: FactorFile[];
}

/** Reads the bundled dictionaries and every table under factors/<id>/<version>.csv, once per process. */
export function loadBundled(dir: string = bundledFactorsDir): Bundled {
  if (cache && dir === bundledFactorsDir) return cache;
  const sources = readSources(dir);
  // Parsing and checking ~20 CSV files is a third of a small run's time, so `npm run build` keeps
  // the bundled ones parsed in dist/ (see writeBundledSnapshot). The snapshot is only used when it
  // was made from exactly these files by exactly this build; otherwise they are parsed as always.
  // A run never writes it: the tool writes no file but the ones it is given.
  const key = dir === bundledFactorsDir && here.endsWith('.js') ? sourceKey(sources) : undefined;
  const bundled = (key ? readSnapshot(key) : undefined) ?? parseSources(sources);
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
    defaults: readFileSync(join(dir, 'defaults.csv'), 'utf8'),
    files,
  };
}

function parseSources(sources: Sources): Bundled {
  const fuels = parseFuelDictionary(sources.fuels);
  const sectors = parseSectorDictionary(sources.sectors);
  const { registry, diagnostics } = buildRegistry(sources.files, sources.defaults, fuels);
  if (diagnostics.length > 0) {
    // a broken bundled table is our bug: refuse to compute with it
    throw new Error(`bundled factor tables are invalid:\n${diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n')}`);
  }
  return { dict: { fuels, sectors }, registry };
}

// ---------------------------------------------------------------------------------------------
// the parsed snapshot: dist/.bundled-snapshot.json, next to the compiled module (inside the
// package; never for the TypeScript sources, which tests run directly)

const SNAPSHOT_FORMAT = 1;
const here = fileURLToPath(import.meta.url);
const snapshotPath = join(here, '..', '.bundled-snapshot.json');

/** Every input of the parse: the files' bytes, and this build (tsc rewrites every output, so its time changes with any code change). */
function sourceKey(sources: Sources): string {
  const hash = createHash('sha256');
  let stamp = 0;
  try {
    stamp = statSync(here).mtimeMs;
  } catch {
    // no file behind the module (bundled elsewhere): the contents alone key it
  }
  hash.update(`${SNAPSHOT_FORMAT}\0${stamp}\0${sources.fuels}\0${sources.sectors}\0${sources.defaults}`);
  for (const f of sources.files) hash.update(`\0${f.path}\0`).update(f.bytes);
  return hash.digest('hex');
}

interface Snapshot {
  key: string;
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

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const o = value as Record<string, unknown>;
  if (DEC in o) return new Decimal(o[DEC] as string);
  if (UNDEF in o) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = decode(o[k]);
  return out;
}

function readSnapshot(key: string): Bundled | undefined {
  try {
    const text = readFileSync(snapshotPath, 'utf8');
    if (!text.startsWith(`{"key":"${key}"`)) return undefined;
    const s = decode(JSON.parse(text)) as Snapshot;
    const fuels = buildFuelDictionary(s.fuels);
    const sectors = buildSectorDictionary(s.sectors);
    return { dict: { fuels, sectors }, registry: new FactorRegistry(s.tables, s.defaults) };
  } catch {
    return undefined;
  }
}

/** Build step (scripts/build-snapshot.mjs, after tsc): parse the bundled tables once and keep them in dist/. */
export function writeBundledSnapshot(): string {
  const sources = readSources(bundledFactorsDir);
  writeSnapshot(sourceKey(sources), parseSources(sources));
  return snapshotPath;
}

/** Written whole or not at all; a failure leaves no snapshot, and runs then parse the files. */
function writeSnapshot(key: string, bundled: Bundled): void {
  const temp = `${snapshotPath}.${process.pid}.tmp`;
  try {
    const defaults: [FactorKind, string][] = [];
    for (const kind of factorKinds) {
      const id = bundled.registry.defaultIdFor(kind);
      if (id !== undefined) defaults.push([kind, id]);
    }
    const snapshot: Snapshot = {
      key,
      fuels: bundled.dict.fuels.all,
      sectors: bundled.dict.sectors.all,
      tables: bundled.registry.tables,
      defaults,
    };
    writeFileSync(temp, JSON.stringify(encode(snapshot)));
    renameSync(temp, snapshotPath);
  } catch {
    rmSync(temp, { force: true });
  }
}
