/**
 * The rules a row of activity data must follow, in one place. Both readers use them: the row
 * parser (activity.ts) on every row, the streaming reader (row.ts) once per distinct key. Change a
 * rule here and both readers change together.
 */
import type { Fuel } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import type { Dimension } from '../units.js';
import { fieldOfHeader } from './columns.js';
import type { Use } from './columns.js';
import { MAX_HEADER_SEARCH } from '../csv-text.js';

/** The header is the first of the first MAX_HEADER_SEARCH records naming three fields or more; -1 when none does. */
export function findHeaderRecord(records: readonly { record: readonly string[] }[]): number {
  for (let i = 0; i < Math.min(records.length, MAX_HEADER_SEARCH); i++) {
    const fields = new Set(records[i]!.record.map(fieldOfHeader).filter(Boolean));
    if (fields.size >= 3) return i;
  }
  return -1;
}

/** A year cell (already trimmed, half-width): 1900–2099, optionally followed by 年 ("2022年"). */
export function parseYear(text: string): number | undefined {
  const digits = text.replace(/年$/, '');
  return /^(19|20)\d{2}$/.test(digits) ? Number(digits) : undefined;
}

/**
 * The dimension a row's quantity is counted in, or undefined when its unit does not fit the fuel:
 * a fuel may be given in its own dimension or in standard coal; fossil fuels also by heat content.
 */
export function unitFitsFuel(fuel: Fuel, unitDimension: Dimension): Dimension | undefined {
  if (unitDimension === fuel.dimension || unitDimension === 'standard-coal') return unitDimension;
  if (unitDimension === 'heat' && fuel.kind === 'fossil') return 'heat';
  return undefined;
}

/**
 * Any fuel may be used for energy, except local primary electricity (hydro, wind, solar, nuclear),
 * which is entered only as generation (output); only fossil fuels as feedstock or reductant; only
 * non-fossil (electricity, heat) as output.
 */
export function useFitsFuel(use: Use, fuel: Fuel): boolean {
  if (fuel.kind === 'primary-electricity') return use === 'output';
  if (use === 'energy') return true;
  return use === 'output' ? fuel.kind !== 'fossil' : fuel.kind === 'fossil';
}

/** A power plant listing electricity as energy use (own use, 厂用电): a quality check looks at these rows. */
export function isPowerPlantElectricity(r: { sector: Sector | undefined; fuel: Fuel; use: Use }): boolean {
  return Boolean(r.sector?.energyIndustry) && r.fuel.kind === 'electricity' && r.use === 'energy';
}

/** Electricity generation entered as output (it balances plants' own use). */
export function isElectricityOutput(r: { fuel: Fuel; use: Use }): boolean {
  return r.use === 'output' && r.fuel.kind === 'electricity';
}

// ---------------------------------------------------------------------------------------------
// limits: far beyond any real statistical table, so that a hostile or broken file is an error
// with its place, never hours of work, gigabytes of memory or a total of Infinity

/** A quantity cell longer than this is not a number anyone wrote ("1,234,567,890.123456" is 20). */
export const MAX_QUANTITY_CHARS = 40;

/** A sector or fuel label longer than this is not a name (the longest GB/T 4754 division has 20 characters). */
export const MAX_LABEL_CHARS = 200;

/**
 * The plausible range of one row's quantity, in its dimension's base unit: below 10^maxExponent
 * (about ten times the whole world's annual use: coal ~9×10^9 t, gas ~4×10^12 m3, electricity
 * ~3×10^13 kWh, primary energy ~6×10^11 GJ or ~2×10^10 tce), and, when not zero, at least
 * 10^minExponent (below it decimal arithmetic would silently make it 0).
 */
export const PLAUSIBLE_QUANTITY: Record<Dimension, { maxExponent: number; minExponent: number }> = {
  mass: { maxExponent: 11, minExponent: -30 },
  volume: { maxExponent: 14, minExponent: -30 },
  electricity: { maxExponent: 15, minExponent: -30 },
  heat: { maxExponent: 13, minExponent: -30 },
  'standard-coal': { maxExponent: 12, minExponent: -30 },
};

/** The base unit each dimension's quantities are summed in, for messages. */
export const BASE_UNIT: Record<Dimension, string> = { mass: 't', volume: 'm3', electricity: 'kWh', heat: 'GJ', 'standard-coal': 'tce' };

/**
 * Whether a quantity in base units is in its dimension's plausible range (zero always is). Works
 * on decimal exponents only, so that 1e1000000000 costs nothing to reject.
 */
export function plausibleQuantity(dimension: Dimension, base: { isZero(): boolean; isFinite(): boolean; e: number }): boolean {
  if (base.isZero()) return true;
  if (!base.isFinite()) return false;
  const range = PLAUSIBLE_QUANTITY[dimension];
  return base.e < range.maxExponent && base.e >= range.minExponent;
}

/** A cell's text as a message shows it: whole when short, else its start and its length. */
export function shownValue(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 60)}… (${text.length.toLocaleString('en-US')} characters)`;
}
