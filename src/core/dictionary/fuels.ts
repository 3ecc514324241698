import type { Dimension } from '../units.js';
import { parseCsvLines } from '../csv-text.js';
import { editDistance, nameKey } from '../text.js';

/** primary-electricity: local hydro, wind, solar and nuclear generation (entered as output, never netted) */
export type FuelKind = 'fossil' | 'electricity' | 'primary-electricity' | 'heat';
export type IpccFuelClass = 'coal' | 'oil' | 'lpg' | 'natural_gas' | 'derived_gas';

export interface Fuel {
  id: string;
  zh: string;
  en: string;
  aliases: string[];
  dimension: Exclude<Dimension, 'standard-coal'>;
  kind: FuelKind;
  ipccClass: IpccFuelClass | undefined;
  /** the fuel whose factors apply when a table has no row of this one */
  fallsBackTo: string | undefined;
  ceads: string;
}

export interface FuelDictionary {
  all: Fuel[];
  byId: Map<string, Fuel>;
  /** any accepted name (id, zh, en, alias) → fuel */
  find(name: string): Fuel | undefined;
  suggest(name: string): Fuel | undefined;
  /** the chain of ids to try for a factor: the fuel itself, then what it falls back to */
  lookupChain(id: string): string[];
}

const DIMENSIONS = new Set(['mass', 'volume', 'electricity', 'heat']);
const KINDS = new Set(['fossil', 'electricity', 'primary-electricity', 'heat']);

export function parseFuelDictionary(text: string): FuelDictionary {
  const [header, ...rows] = parseCsvLines(text);
  if (!header) throw new Error('fuels.csv is empty');
  const col = columnIndex(header.fields, ['id', 'zh', 'en', 'aliases', 'dimension', 'kind', 'ipcc_class', 'falls_back_to', 'ceads']);
  const all: Fuel[] = rows.map(({ line, fields }) => {
    const get = (name: string): string => fields[col[name]!] ?? '';
    const dimension = get('dimension');
    const kind = get('kind');
    if (!DIMENSIONS.has(dimension) || !KINDS.has(kind)) {
      throw new Error(`fuels.csv line ${line}: bad dimension "${dimension}" or kind "${kind}"`);
    }
    return {
      id: get('id'),
      zh: get('zh'),
      en: get('en'),
      aliases: get('aliases').split('|').map((a) => a.trim()).filter(Boolean),
      dimension: dimension as Fuel['dimension'],
      kind: kind as FuelKind,
      ipccClass: (get('ipcc_class') || undefined) as IpccFuelClass | undefined,
      fallsBackTo: get('falls_back_to') || undefined,
      ceads: get('ceads'),
    };
  });
  return buildFuelDictionary(all);
}

export function buildFuelDictionary(all: Fuel[]): FuelDictionary {
  const byId = new Map(all.map((f) => [f.id, f]));
  const byName = new Map<string, Fuel>();
  for (const fuel of all) {
    for (const name of [fuel.id, fuel.zh, fuel.en, ...fuel.aliases]) {
      const key = nameKey(name);
      if (key && !byName.has(key)) byName.set(key, fuel);
    }
  }
  const names = [...byName.keys()];
  /** labels longer than this get no suggestion */
  const MAX_SUGGESTED_CHARS = 200;
  // a file repeats its unknown names row after row: each is measured against every name once
  const suggestions = new Map<string, Fuel | undefined>();
  return {
    all,
    byId,
    find: (name) => byName.get(nameKey(name)),
    suggest(name) {
      const key = nameKey(name);
      if (!key) return undefined;
      if (suggestions.has(key)) return suggestions.get(key);
      let best: { fuel: Fuel; distance: number } | undefined;
      const length = [...key].length;
      const limit = Math.max(1, Math.floor(length / 3));
      // labels longer than any name could be get none (no quadratic time on a 100k-character cell)
      if (length <= MAX_SUGGESTED_CHARS) {
        for (const candidate of names) {
          // containment first: "原煤(吨)" or "柴油车" point at 原煤 and 柴油
          const contains = candidate.length > 1 && key.includes(candidate);
          // otherwise a name whose length differs by more than the limit is further than the limit
          if (!contains && Math.abs([...candidate].length - length) > limit) continue;
          const distance = contains ? 0.5 : editDistance(key, candidate);
          if (!best || distance < best.distance) best = { fuel: byName.get(candidate)!, distance };
        }
      }
      const suggestion = best && best.distance <= limit ? best.fuel : undefined;
      if (suggestions.size >= MAX_REMEMBERED) suggestions.clear();
      suggestions.set(key, suggestion);
      return suggestion;
    },
    lookupChain(id) {
      const chain: string[] = [];
      let current: string | undefined = id;
      while (current && !chain.includes(current)) {
        chain.push(current);
        current = byId.get(current)?.fallsBackTo;
      }
      return chain;
    },
  };
}

export function columnIndex(header: string[], required: string[]): Record<string, number> {
  const index: Record<string, number> = {};
  for (const name of required) {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`missing column ${name} (have ${header.join(',')})`);
    index[name] = i;
  }
  return index;
}

/** unknown names whose suggestion is remembered (a file of all-different names must not grow memory without end) */
const MAX_REMEMBERED = 10_000;
