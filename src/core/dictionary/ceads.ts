import { parseCsvLines } from '../csv-text.js';
import { columnIndex } from './fuels.js';

/** A CEADs sector's names (factors/dictionary/ceads.csv). */
export interface CeadsName {
  zh: string;
  en: string;
}

export function parseCeadsNames(text: string): Map<string, CeadsName> {
  const [header, ...rows] = parseCsvLines(text);
  if (!header) throw new Error('ceads.csv is empty');
  const col = columnIndex(header.fields, ['code', 'zh', 'en']);
  return new Map(rows.map(({ fields }) => [fields[col.code!] ?? '', { zh: fields[col.zh!] ?? '', en: fields[col.en!] ?? '' }]));
}

/**
 * The name of a sector's CEADs number, or of several joined with `+` (25+26: "Rubber Products +
 * Plastic Products"; more than three: their count with the first and the last). Undefined when a
 * number has no name.
 */
export function ceadsGroupName(code: string, names: ReadonlyMap<string, CeadsName>): CeadsName | undefined {
  const parts = code.split('+').map((p) => p.trim()).filter(Boolean);
  const each = parts.map((p) => names.get(p));
  if (parts.length === 0 || each.some((n) => n === undefined)) return undefined;
  const list = each as CeadsName[];
  if (list.length <= 3) return { zh: list.map((n) => n.zh).join(' + '), en: list.map((n) => n.en).join(' + ') };
  const first = list[0]!;
  const last = list.at(-1)!;
  return { zh: `${list.length} 个部门（${first.zh}……${last.zh}）`, en: `${list.length} sectors (${first.en} … ${last.en})` };
}
