import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFuelDictionary } from './core/dictionary/fuels.js';
import { parseSectorDictionary } from './core/dictionary/sectors.js';
import { buildRegistry, type FactorFile } from './core/factors/load.js';
import type { FactorRegistry } from './core/factors/registry.js';
import type { Dictionaries } from './core/input/activity.js';
import { formatDiagnostic } from './core/diagnostics.js';

/** The factors folder shipped with the package (next to dist/). */
export const bundledFactorsDir = fileURLToPath(new URL('../factors/', import.meta.url));

export interface Bundled {
  dict: Dictionaries;
  registry: FactorRegistry;
}

let cache: Bundled | undefined;

/** Reads the bundled dictionaries and every table under factors/<id>/<version>.csv, once per process. */
export function loadBundled(dir: string = bundledFactorsDir): Bundled {
  if (cache && dir === bundledFactorsDir) return cache;
  const fuels = parseFuelDictionary(readFileSync(join(dir, 'dictionary', 'fuels.csv'), 'utf8'));
  const sectors = parseSectorDictionary(readFileSync(join(dir, 'dictionary', 'sectors.csv'), 'utf8'));
  const files: FactorFile[] = [];
  for (const id of readdirSync(dir).sort()) {
    if (id === 'dictionary' || !statSync(join(dir, id)).isDirectory()) continue;
    for (const name of readdirSync(join(dir, id)).sort()) {
      if (name.endsWith('.csv')) files.push({ path: `${id}/${name}`, bytes: readFileSync(join(dir, id, name)) });
    }
  }
  const { registry, diagnostics } = buildRegistry(files, readFileSync(join(dir, 'defaults.csv'), 'utf8'), fuels);
  if (diagnostics.length > 0) {
    // a broken bundled table is our bug: refuse to compute with it
    throw new Error(`bundled factor tables are invalid:\n${diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n')}`);
  }
  const bundled = { dict: { fuels, sectors }, registry };
  if (dir === bundledFactorsDir) cache = bundled;
  return bundled;
}
