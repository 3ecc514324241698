import type { FactorTable } from '../factors/table.js';

/**
 * `--grid` by id (`gansu`, `northwest`, `national`) or by the Chinese name each grid table gives its
 * regions at the start of their note (甘肃, 西北, 全国; the 2012 table's 西北区域电网), with the
 * usual suffixes (省, 市, 自治区, 电网, 区域电网) dropped: 甘肃省, 西北电网 and 全国 are accepted as
 * every other input accepts Chinese. Returns the region id, or the given text lower-cased when no
 * table knows it (the caller says which regions there are).
 */
export function resolveGridRegion(given: string, tables: readonly FactorTable[]): string {
  const id = given.trim().toLowerCase();
  const ids = new Set(tables.flatMap((t) => t.rows.map((r) => String(r.values.region))));
  if (ids.has(id)) return id;
  const wanted = bareName(given);
  if (wanted === '') return id;
  if (wanted === '中国' && ids.has('national')) return 'national';
  for (const t of tables) {
    for (const r of t.rows) {
      if (bareName(regionNameZh(String(r.values.note ?? ''))) === wanted) return String(r.values.region);
    }
  }
  return id;
}

/** The Chinese name at the start of a grid row's note: "甘肃 (表3); …" → 甘肃, "西北区域电网; …" → 西北区域电网. */
export function regionNameZh(note: string): string {
  const name = /^[\u4e00-\u9fff]+/.exec(note.trim());
  return name ? name[0] : '';
}

const SUFFIXES = ['区域电网', '电网', '区域', '壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '省', '市'];

function bareName(text: string): string {
  let name = text.normalize('NFKC').replace(/\s+/g, '');
  for (const suffix of SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      name = name.slice(0, -suffix.length);
      break;
    }
  }
  return name;
}

/** Region id → Chinese name, from the notes of every table with region rows (grid and target tables: 甘肃, 全国). */
export function regionNamesZh(tables: readonly FactorTable[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of tables) {
    for (const r of t.rows) {
      const region = r.values.region;
      if (region === undefined || names.has(String(region))) continue;
      const name = regionNameZh(String(r.values.note ?? ''));
      if (name) names.set(String(region), name);
    }
  }
  return names;
}
