import { Decimal, ZERO } from '../decimal.js';
import { baseUnit } from '../units.js';
import type { LineResult } from './calculate.js';

export const builtInDims = ['year', 'sector', 'fuel', 'scope', 'category', 'use', 'ceads'] as const;

/** A row of the result: the lines that share the grouped-by values, summed. */
export interface OutputRow {
  /** grouped-by dimension → value (year as text, sector code or label, fuel id, …) */
  key: Record<string, string>;
  year: number | undefined;
  sectorCode: string | undefined;
  /** canonical sector (zh, en) or the user's own label */
  sectorZh: string | undefined;
  sectorEn: string | undefined;
  fuelId: string | undefined;
  fuelZh: string | undefined;
  fuelEn: string | undefined;
  /** '1', '2', '1+2', or '' for netted output only */
  scope: string;
  category: string;
  /** names of the CEADs sector(s) of the row, when grouped by ceads */
  ceadsZh?: string | undefined;
  ceadsEn?: string | undefined;
  use: string;
  /** summed quantity in the base unit, when every line of the row is one fuel in one unit */
  quantity: Decimal | undefined;
  unit: string | undefined;
  energyTce: Decimal;
  feedstockTce: Decimal;
  co2: Decimal;
  scope1Co2: Decimal;
  scope2Co2: Decimal;
  energyIndustryCo2: Decimal;
  ch4: Decimal;
  n2o: Decimal;
  co2e: Decimal;
  scope1Co2e: Decimal;
  scope2Co2e: Decimal;
  energyIndustryCo2e: Decimal;
  reductantCo2: Decimal;
  netImportKwh: Decimal;
  netImportHeatGj: Decimal;
  generatedKwh: Decimal;
  primaryKwh: Decimal;
  primaryTce: Decimal;
  provincialCo2: Decimal;
}

export interface Totals {
  energy_tce: Decimal;
  co2_t: Decimal;
  scope1_co2_t: Decimal;
  scope2_co2_t: Decimal;
  territorial_co2_t: Decimal;
  consumption_co2_t: Decimal;
  feedstock_tce: Decimal;
  co2e_t: Decimal;
  ch4_t: Decimal;
  n2o_t: Decimal;
  energy_industries_co2_t: Decimal;
  /** the two reporting views in CO2e (CH4 and N2O of combustion with the chosen GWP) */
  territorial_co2e_t: Decimal;
  consumption_co2e_t: Decimal;
  /** CO2 of coke and coal reducing ore (use=reductant), part of scope 1 */
  reductant_co2_t: Decimal;
  /** electricity consumed in the city − generated in it (fuel-fired, captive and primary); negative = net export */
  net_import_electricity_kwh: Decimal;
  /** heat consumed − heat supplied in the city */
  net_import_heat_gj: Decimal;
  /** electricity generated in the city (all output rows) */
  local_generation_kwh: Decimal;
  /** of it hydro, wind, solar and nuclear (primary electricity) */
  local_primary_electricity_kwh: Decimal;
  /** tce of local hydro, wind, solar and nuclear generation by the electricity method (not part of energy_tce's netting) */
  local_primary_electricity_tce: Decimal;
  /** provincial view (省级核算): scope 1 + net imported electricity × grid factor + net imported heat × heat factor */
  provincial_co2_t: Decimal;
  /** industrial processes (IPPU): only when a process file was given; apart from energy, never in the figures above */
  process_co2_t?: Decimal;
  process_n2o_t?: Decimal;
  process_co2e_t?: Decimal;
  /** territorial CO2e + process CO2e: the city's inventory with IPPU (only with a process file) */
  inventory_co2e_t?: Decimal;
  /** non-fossil energy on the basis of energy_tce (set by runCalculation; see non-fossil.ts) */
  non_fossil_tce?: Decimal;
  /** non_fossil_tce ÷ energy_tce × 100 (absent when energy_tce is 0) */
  non_fossil_share_pct?: Decimal;
}

export interface RowOrder {
  fuel: Map<string, number>;
  /** sector code → position in the dictionary (divisions by code, then sections, balance rows, households) */
  sector: Map<string, number>;
}

/**
 * Sums lines into rows by the grouped-by dimensions. A fuel's consumption, feedstock use and
 * netted output always stay apart, so a row's quantity is never a mix of what was burned and
 * what was generated.
 */
export function aggregate(lines: readonly LineResult[], by: readonly string[], order: RowOrder): OutputRow[] {
  const splitUse = by.includes('fuel') && !by.includes('use');
  const rows = new Map<string, { row: OutputRow; lines: LineResult[]; rank: (string | number)[] }>();
  // Sum in one fixed order whatever the order of the input, so that re-ordering or splitting
  // files cannot change even the 50th significant digit.
  // (each line's rank made once: made in the comparison, it was most of a run grouped by enterprise)
  const ordered = lines
    .map((line) => ({ line, rank: fullRank(line, order) }))
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .map((r) => r.line);
  for (const line of ordered) {
    const key: Record<string, string> = {};
    for (const dim of by) key[dim] = dimValue(line, dim);
    const id = by.map((d) => key[d]).join('\u0000') + (splitUse ? `\u0000${line.use}` : '');
    const entry = rows.get(id);
    if (entry) entry.lines.push(line);
    else {
      const row = emptyRow(key, line, by);
      if (splitUse) row.use = line.use;
      rows.set(id, { row, lines: [line], rank: rankOf(line, by, splitUse, order) });
    }
  }
  return [...rows.values()]
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .map(({ row, lines: group }) => fill(row, group));
}

const USE_RANK: Record<string, number> = { energy: 0, feedstock: 1, reductant: 2, output: 3 };

function fullRank(line: LineResult, order: RowOrder): (string | number)[] {
  return [
    ...rankOf(line, ['year', 'sector', 'fuel', 'use'], false, order),
    line.dimension,
    JSON.stringify(Object.entries(line.extra).sort()),
  ];
}

/** Yearbook order: year, sector as the dictionary lists it, fuel as the dictionary lists it, use. */
function rankOf(line: LineResult, by: readonly string[], splitUse: boolean, order: RowOrder): (string | number)[] {
  const rank: (string | number)[] = [];
  const dims = splitUse ? [...by, 'use'] : by;
  const ordered = ['year', 'sector', 'fuel', 'use'].filter((d) => dims.includes(d));
  for (const dim of [...ordered, ...dims.filter((d) => !ordered.includes(d))]) {
    switch (dim) {
      case 'year':
        rank.push(line.year);
        break;
      case 'sector':
        rank.push(line.sector ? (order.sector.get(line.sector.code) ?? 9000) : 10000, line.sectorLabel);
        break;
      case 'fuel':
        rank.push(order.fuel.get(line.fuel.id) ?? 9000);
        break;
      case 'use':
        rank.push(USE_RANK[line.use] ?? 9);
        break;
      default:
        rank.push(dimValue(line, dim));
    }
  }
  return rank;
}

function compareRanks(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    // the collator localeCompare(…, 'zh', { numeric: true }) uses, made once (per call it was slow)
    collator ??= new Intl.Collator('zh', { numeric: true });
    return collator.compare(String(x), String(y));
  }
  return a.length - b.length;
}

/** made on the first comparison of text: starting ICU costs a small run ~8 ms */
let collator: Intl.Collator | undefined;

function dimValue(line: LineResult, dim: string): string {
  switch (dim) {
    case 'year':
      return String(line.year);
    case 'sector':
      return line.sector ? line.sector.code : line.sectorLabel;
    case 'fuel':
      return line.fuel.id;
    case 'scope':
      return line.scope === 'none' ? '' : line.scope;
    case 'category':
      return line.category;
    case 'use':
      return line.use;
    case 'ceads':
      // CEADs 47-sector number(s) of the sector, for comparison with CEADs city inventories
      return line.sector?.ceads ?? '';
    default:
      return line.extra[dim] ?? '';
  }
}

function emptyRow(key: Record<string, string>, line: LineResult, by: readonly string[]): OutputRow {
  const has = (d: string) => by.includes(d);
  return {
    key,
    year: has('year') ? line.year : undefined,
    sectorCode: has('sector') ? (line.sector?.code ?? '') : undefined,
    sectorZh: has('sector') ? (line.sector?.zh ?? line.sectorLabel) : undefined,
    sectorEn: has('sector') ? (line.sector?.en ?? line.sectorLabel) : undefined,
    fuelId: has('fuel') ? line.fuel.id : undefined,
    fuelZh: has('fuel') ? line.fuel.zh : undefined,
    fuelEn: has('fuel') ? line.fuel.en : undefined,
    scope: '',
    category: has('category') ? line.category : '',
    ceadsZh: has('ceads') ? (line.sector?.ceadsZh ?? '') : undefined,
    ceadsEn: has('ceads') ? (line.sector?.ceadsEn ?? '') : undefined,
    use: has('use') ? line.use : '',
    quantity: undefined,
    unit: undefined,
    energyTce: ZERO,
    feedstockTce: ZERO,
    co2: ZERO,
    scope1Co2: ZERO,
    scope2Co2: ZERO,
    energyIndustryCo2: ZERO,
    ch4: ZERO,
    n2o: ZERO,
    co2e: ZERO,
    scope1Co2e: ZERO,
    scope2Co2e: ZERO,
    energyIndustryCo2e: ZERO,
    reductantCo2: ZERO,
    netImportKwh: ZERO,
    netImportHeatGj: ZERO,
    generatedKwh: ZERO,
    primaryKwh: ZERO,
    primaryTce: ZERO,
    provincialCo2: ZERO,
  };
}

function fill(row: OutputRow, lines: LineResult[]): OutputRow {
  const scopes = new Set(lines.map((l) => l.scope).filter((s) => s !== 'none'));
  row.scope = [...scopes].sort().join('+');
  if (!row.category) row.category = [...new Set(lines.map((l) => l.category).filter(Boolean))].sort().join(' ');
  if (!row.use) row.use = [...new Set(lines.map((l) => l.use))].join('+');
  const fuels = new Set(lines.map((l) => l.fuel.id));
  const dims = new Set(lines.map((l) => l.dimension));
  const uses = new Set(lines.map((l) => l.use));
  if (fuels.size === 1 && dims.size === 1 && uses.size === 1) {
    row.quantity = lines.reduce((acc, l) => acc.plus(l.quantity), ZERO);
    row.unit = baseUnit[lines[0]!.dimension];
  }
  for (const l of lines) {
    row.energyTce = row.energyTce.plus(l.energyTce);
    row.feedstockTce = row.feedstockTce.plus(l.feedstockTce);
    row.co2 = row.co2.plus(l.co2);
    if (l.scope === '1') row.scope1Co2 = row.scope1Co2.plus(l.co2);
    if (l.scope === '2') row.scope2Co2 = row.scope2Co2.plus(l.co2);
    if (l.energyIndustry) row.energyIndustryCo2 = row.energyIndustryCo2.plus(l.co2);
    row.ch4 = row.ch4.plus(l.ch4);
    row.n2o = row.n2o.plus(l.n2o);
    row.co2e = row.co2e.plus(l.co2e);
    if (l.scope === '1') row.scope1Co2e = row.scope1Co2e.plus(l.co2e);
    if (l.scope === '2') row.scope2Co2e = row.scope2Co2e.plus(l.co2e);
    if (l.energyIndustry) row.energyIndustryCo2e = row.energyIndustryCo2e.plus(l.co2e);
    row.reductantCo2 = row.reductantCo2.plus(l.reductantCo2);
    row.netImportKwh = row.netImportKwh.plus(l.netImportKwh);
    row.netImportHeatGj = row.netImportHeatGj.plus(l.netImportHeatGj);
    row.generatedKwh = row.generatedKwh.plus(l.generatedKwh);
    if (l.fuel.kind === 'primary-electricity') row.primaryKwh = row.primaryKwh.plus(l.generatedKwh);
    row.primaryTce = row.primaryTce.plus(l.primaryTce);
    row.provincialCo2 = row.provincialCo2.plus(l.provincialCo2);
  }
  return row;
}

/** City totals as the sums of the rows, every row once; the two reporting views follow from them. */
export function totalsOf(rows: readonly OutputRow[]): Totals {
  const add = (pick: (r: OutputRow) => Decimal) => rows.reduce((acc, r) => acc.plus(pick(r)), ZERO as Decimal);
  const scope1 = add((r) => r.scope1Co2);
  const scope2 = add((r) => r.scope2Co2);
  const energyIndustries = add((r) => r.energyIndustryCo2);
  return {
    energy_tce: add((r) => r.energyTce),
    co2_t: add((r) => r.co2),
    scope1_co2_t: scope1,
    scope2_co2_t: scope2,
    territorial_co2_t: scope1,
    consumption_co2_t: scope1.minus(energyIndustries).plus(scope2),
    feedstock_tce: add((r) => r.feedstockTce),
    co2e_t: add((r) => r.co2e),
    ch4_t: add((r) => r.ch4),
    n2o_t: add((r) => r.n2o),
    energy_industries_co2_t: energyIndustries,
    territorial_co2e_t: add((r) => r.scope1Co2e),
    consumption_co2e_t: add((r) => r.scope1Co2e)
      .minus(add((r) => r.energyIndustryCo2e))
      .plus(add((r) => r.scope2Co2e)),
    reductant_co2_t: add((r) => r.reductantCo2),
    net_import_electricity_kwh: add((r) => r.netImportKwh),
    net_import_heat_gj: add((r) => r.netImportHeatGj),
    local_generation_kwh: add((r) => r.generatedKwh),
    local_primary_electricity_kwh: add((r) => r.primaryKwh),
    local_primary_electricity_tce: add((r) => r.primaryTce),
    provincial_co2_t: add((r) => r.provincialCo2),
  };
}

