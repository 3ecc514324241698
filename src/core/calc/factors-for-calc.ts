import { Decimal } from '../decimal.js';
import { warning, error, type Diagnostic } from '../diagnostics.js';
import type { FuelDictionary } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import { decimalOf, tableRef, textOf, type FactorRow, type FactorTable } from '../factors/table.js';
import { regionNameZh } from './grid-region.js';

/** The tables one calculation uses, chosen by the caller (CLI options or library defaults). */
export interface FactorSelection {
  standardCoal: FactorTable;
  combustion: FactorTable;
  heat: FactorTable;
  gwp: FactorTable;
  nonCo2?: FactorTable | undefined;
  /** CH4 and N2O of vehicle fuels in transport and households (mobile combustion) */
  mobileNonCo2?: FactorTable | undefined;
  /** grid tables to choose from by year; one table when the user named it */
  grid: FactorTable[];
  powerCoalRate?: FactorTable | undefined;
  /** industrial process (IPPU) factors: the user's table or the default */
  process?: FactorTable | undefined;
}

export interface GridChoice {
  table: FactorTable;
  factor: Decimal;
  year: number;
}

/** Finds a fuel's row in a table, following the dictionary's fall-back chain. */
export function rowForFuel(table: FactorTable, fuelId: string, fuels: FuelDictionary): FactorRow | undefined {
  for (const id of fuels.lookupChain(fuelId)) {
    const row = table.rows.find((r) => r.values.fuel === id);
    if (row) return row;
  }
  return undefined;
}

/** tce per base unit (t, m3, kWh or GJ) from a standard-coal row. */
export function tcePerBaseUnit(row: FactorRow): Decimal {
  const coefficient = decimalOf(row, 'coefficient');
  switch (textOf(row, 'unit')) {
    case 'kgce/kg': // kgce/kg = tce/t
    case 'kgce/MJ': // 1000 MJ per GJ, 1000 kgce per tce
      return coefficient;
    default: // kgce/m3, kgce/kWh, kgce/GJ: 1000 kgce per tce
      return coefficient.dividedBy(1000);
  }
}

/** GJ (net calorific value) per base unit (t or m3) from a combustion row. */
export function heatPerBaseUnit(row: FactorRow): Decimal {
  const ncv = decimalOf(row, 'ncv');
  return textOf(row, 'ncv_unit') === 'GJ/10^4m3' ? ncv.dividedBy(10000) : ncv;
}

/** tCO2 per GJ burned: carbon content (tC/TJ) / 1000 × oxidation rate × 44/12 (CO2/C molar mass). */
export function co2PerGJ(row: FactorRow): Decimal {
  return decimalOf(row, 'carbon_content')
    .times(decimalOf(row, 'oxidation_rate'))
    .times(44)
    .dividedBy(12)
    .dividedBy(1000);
}

export type MobileMode = 'road' | 'rail' | 'water' | 'aviation';

/** Transport's mode from the sector's GPC sub-sector (II.1 road … II.4 aviation); households drive on roads. */
function mobileModeOf(sector: Sector): MobileMode | undefined {
  if (sector.level === 'households') return 'road';
  return ({ 'II.1': 'road', 'II.2': 'rail', 'II.3': 'water', 'II.4': 'aviation' } as Record<string, MobileMode>)[sector.gpc];
}

/** Households' vehicle fuels; their gas, LPG and coal are cooking and heating (stationary). */
const HOUSEHOLD_VEHICLE_FUELS = new Set(['gasoline', 'diesel']);

/**
 * The mobile-combustion CH4 and N2O rows of a vehicle fuel in transport or households, or undefined
 * when the stationary tables apply: the row of the sector's mode, else the fuel's first row.
 */
export function mobileRows(
  table: FactorTable | undefined,
  sector: Sector | undefined,
  fuelId: string,
  fuels: FuelDictionary,
): { ch4?: FactorRow | undefined; n2o?: FactorRow | undefined } | undefined {
  if (!table || !sector) return undefined;
  const mode = mobileModeOf(sector);
  if (!mode) return undefined;
  for (const id of fuels.lookupChain(fuelId)) {
    if (sector.level === 'households' && !HOUSEHOLD_VEHICLE_FUELS.has(id)) continue;
    const ofFuel = table.rows.filter((r) => r.values.fuel === id);
    if (ofFuel.length === 0) continue;
    const inMode = ofFuel.filter((r) => r.values.mode === mode);
    const firstMode = ofFuel[0]!.values.mode;
    const rows = inMode.length > 0 ? inMode : ofFuel.filter((r) => r.values.mode === firstMode);
    return { ch4: rows.find((r) => r.values.gas === 'ch4'), n2o: rows.find((r) => r.values.gas === 'n2o') };
  }
  return undefined;
}

/** tCO2 per GJ when all of the carbon is emitted (a reductant): carbon content (tC/TJ) / 1000 × 44/12. */
export function co2PerGJAllCarbon(row: FactorRow): Decimal {
  return decimalOf(row, 'carbon_content').times(44).dividedBy(12).dividedBy(1000);
}

export function gwpOf(table: FactorTable, gas: 'ch4' | 'n2o'): Decimal {
  const row = table.rows.find((r) => r.values.gas === gas);
  return row ? decimalOf(row, 'factor') : new Decimal(0);
}

/**
 * The grid factor for a data year: that year's table when one is published for the region,
 * else the nearest year (the later on a tie), with a warning either way the years differ.
 */
export function chooseGrid(
  tables: FactorTable[],
  region: string,
  dataYear: number,
  requestedYear: number | undefined,
): { choice?: GridChoice; diagnostics: Diagnostic[] } {
  // a user's own grid table without a single data year applies to every year, as they chose it
  if (tables.length === 1 && tables[0]!.year === undefined) {
    const row = tables[0]!.rows.find((r) => r.values.region === region);
    if (row) return { choice: { table: tables[0]!, factor: decimalOf(row, 'factor'), year: dataYear }, diagnostics: [] };
  }
  const withRegion = tables
    .filter((t) => t.year !== undefined && t.rows.some((r) => r.values.region === region))
    .sort((a, b) => a.year! - b.year!);
  if (withRegion.length === 0) {
    const regions = [...new Set(tables.flatMap((t) => t.rows.map((r) => String(r.values.region))))].sort();
    return { diagnostics: [error('NO_GRID_FACTOR', { region, regions: regions.join(', ') })] };
  }
  const target = requestedYear ?? dataYear;
  let best = withRegion[0]!;
  for (const t of withRegion) {
    if (Math.abs(t.year! - target) <= Math.abs(best.year! - target)) best = t;
  }
  const row = best.rows.find((r) => r.values.region === region)!;
  const diagnostics: Diagnostic[] = [];
  const published = withRegion.map((t) => t.year!).join(', ');
  // the region as a Chinese message names it: 甘肃, from the row's note (grid-region.ts)
  const regionZh = regionNameZh(String(row.values.note ?? '')) || region;
  if (requestedYear !== undefined && best.year !== requestedYear) {
    // the user asked for a year that has no table: say which one is used instead
    diagnostics.push(
      warning('GRID_YEAR_UNPUBLISHED', { requested: requestedYear, factorYear: best.year!, dataYear, region, regionZh, table: tableRef(best), published }),
    );
  } else if (best.year !== dataYear && requestedYear === undefined) {
    // only the default (the data's year) falls back with a warning: a published year asked for
    // with --grid-year is the user's choice and says nothing
    const why = tables.length === 1 ? 'table' : requestedYear !== undefined ? 'requested' : 'nearest';
    diagnostics.push(
      warning('GRID_YEAR_MISMATCH', { factorYear: best.year!, dataYear, region, regionZh, why, target, table: tableRef(best), published }),
    );
  }
  return { choice: { table: best, factor: decimalOf(row, 'factor'), year: best.year! }, diagnostics };
}

/** The coal rate a year's electricity was valued at, and how far that figure was checked. */
export interface CoalRateChoice {
  rate: Decimal;
  year: number;
  basis: 'supply' | 'generation';
  /** `primary`, `secondary`, `derived`, `unverified`, or '' when the table does not say */
  status: string;
  source: string;
  table: string;
  diagnostics: Diagnostic[];
}

/**
 * gce/kWh for a year: supply basis (供电) rows, or generation basis where the table has no supply rows; the nearest
 * year with a warning when that year is missing, and a warning when the row has no source seen (status unverified).
 */
export function chooseCoalRate(table: FactorTable, dataYear: number): CoalRateChoice {
  const supply = table.rows.filter((r) => r.values.basis === 'supply');
  const rows = supply.length > 0 ? supply : table.rows;
  let best = rows[0]!;
  for (const r of rows) {
    const d = Math.abs(Number(r.values.year) - dataYear);
    const bestD = Math.abs(Number(best.values.year) - dataYear);
    if (d < bestD || (d === bestD && Number(r.values.year) > Number(best.values.year))) best = r;
  }
  const year = Number(best.values.year);
  const rate = decimalOf(best, 'rate');
  const status = String(best.values.status ?? '');
  const diagnostics: Diagnostic[] = [];
  if (year !== dataYear) diagnostics.push(warning('COAL_RATE_YEAR_MISMATCH', { dataYear, factorYear: year }));
  if (status === 'unverified') {
    diagnostics.push(warning('COAL_RATE_UNVERIFIED', { year, rate: rate.toString(), table: tableRef(table) }, { file: table.path, line: best.line }));
  }
  return {
    rate,
    year,
    basis: best.values.basis === 'generation' ? 'generation' : 'supply',
    status,
    source: String(best.values.source ?? ''),
    table: tableRef(table),
    diagnostics,
  };
}
