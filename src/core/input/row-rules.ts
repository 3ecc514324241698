/**
 * The rules a row of activity data must follow, in one place. Both readers use them: the row
 * parser (activity.ts) on every row, the fast path (fast-state.ts) once per distinct key. Change a
 * rule here and both readers change together.
 */
import type { Fuel } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import type { Dimension } from '../units.js';
import { fieldOfHeader } from './columns.js';
import type { Use } from './columns.js';

/** Excel exports often carry title lines above the header: it is among the first ten non-blank records. */
export const MAX_HEADER_SEARCH = 10;

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

/** Any fuel may be used for energy; only fossil fuels as feedstock; only non-fossil (electricity, heat) as output. */
export function useFitsFuel(use: Use, fuel: Fuel): boolean {
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
