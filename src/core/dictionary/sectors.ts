import { parseCsvLines } from '../csv-text.js';
import { editDistance, nameKey, toHalfWidth } from '../text.js';
import { columnIndex } from './fuels.js';
import { ceadsGroupName, type CeadsName } from './ceads.js';

export type IpccSectorClass = 'energy' | 'manufacturing' | 'commercial' | 'residential';

export interface Sector {
  code: string;
  zh: string;
  en: string;
  aliases: string[];
  level: string;
  ceads: string;
  /** the names of the CEADs sector(s) `ceads` numbers (ceads.csv), when every number has one */
  ceadsZh?: string | undefined;
  ceadsEn?: string | undefined;
  /** GPC sub-sector for fuel burned in the city, e.g. I.3 */
  gpc: string;
  ipccClass: IpccSectorClass;
  /** power and heat plants: left out of the consumption view, which counts their output as scope 2 */
  energyIndustry: boolean;
}

export interface SectorDictionary {
  all: Sector[];
  byCode: Map<string, Sector>;
  find(label: string): Sector | undefined;
  suggest(label: string): Sector | undefined;
}

const IPCC_CLASSES = new Set(['energy', 'manufacturing', 'commercial', 'residential']);

/** sectors.csv; with ceads.csv's names, each sector also carries the name of its CEADs sector(s). */
export function parseSectorDictionary(text: string, ceadsNames?: ReadonlyMap<string, CeadsName>): SectorDictionary {
  const [header, ...rows] = parseCsvLines(text);
  if (!header) throw new Error('sectors.csv is empty');
  const col = columnIndex(header.fields, ['code', 'zh', 'en', 'aliases', 'level', 'ceads', 'gpc', 'ipcc_class', 'energy_industry']);
  const all: Sector[] = rows.map(({ line, fields }) => {
    const get = (name: string): string => fields[col[name]!] ?? '';
    const ipccClass = get('ipcc_class');
    if (!IPCC_CLASSES.has(ipccClass)) throw new Error(`sectors.csv line ${line}: bad ipcc_class "${ipccClass}"`);
    const ceadsName = ceadsNames ? ceadsGroupName(get('ceads'), ceadsNames) : undefined;
    return {
      code: get('code'),
      zh: get('zh'),
      en: get('en'),
      aliases: get('aliases').split('|').map((a) => a.trim()).filter(Boolean),
      level: get('level'),
      ceads: get('ceads'),
      ceadsZh: ceadsName?.zh,
      ceadsEn: ceadsName?.en,
      gpc: get('gpc'),
      ipccClass: ipccClass as IpccSectorClass,
      energyIndustry: get('energy_industry') === 'yes',
    };
  });
  return buildSectorDictionary(all);
}

export function buildSectorDictionary(all: Sector[]): SectorDictionary {
  const byCode = new Map(all.map((s) => [s.code, s]));
  const byName = new Map<string, Sector>();
  for (const sector of all) {
    for (const name of [sector.code, sector.zh, sector.en, ...sector.aliases]) {
      const key = nameKey(name);
      if (key && !byName.has(key)) byName.set(key, sector);
    }
  }
  const find = (label: string): Sector | undefined => {
    const direct = byName.get(nameKey(label));
    if (direct) return direct;
    // "32 有色金属冶炼和压延加工业", "C32有色…", "C32": a division code in front of the name
    const m = /^\s*([A-Ta-t])?\s*(\d{2})(?!\d)\s*[.、:：\s-]*(.*)$/.exec(toHalfWidth(label));
    if (m) {
      const byDivision = byCode.get(m[2]!);
      if (byDivision && byDivision.level === 'division') return byDivision;
    }
    return undefined;
  };
  const names = [...byName.keys()].filter((k) => !/^\d+$/.test(k));
  // a file repeats its unknown labels row after row: each is measured against every name once
  const suggestions = new Map<string, Sector | undefined>();
  return {
    all,
    byCode,
    find,
    suggest(label) {
      const key = nameKey(label);
      if (!key) return undefined;
      if (suggestions.has(key)) return suggestions.get(key);
      let best: { sector: Sector; distance: number } | undefined;
      const length = [...key].length;
      const limit = Math.max(1, Math.floor(length / 4));
      // a name whose length differs by more than the limit is further than the limit: not measured
      // (a long label is then measured against nothing, not against every name: no quadratic time)
      if (length <= MAX_SUGGESTED_CHARS) {
        for (const candidate of names) {
          if (Math.abs([...candidate].length - length) > limit) continue;
          const distance = editDistance(key, candidate);
          if (!best || distance < best.distance) best = { sector: byName.get(candidate)!, distance };
        }
      }
      const suggestion = best && best.distance <= limit ? best.sector : undefined;
      if (suggestions.size >= MAX_REMEMBERED) suggestions.clear();
      suggestions.set(key, suggestion);
      return suggestion;
    },
  };
}

/** labels longer than this get no suggestion (no name is near them) */
const MAX_SUGGESTED_CHARS = 200;

/** unknown labels whose suggestion is remembered (a file of all-different labels must not grow memory without end) */
const MAX_REMEMBERED = 10_000;
