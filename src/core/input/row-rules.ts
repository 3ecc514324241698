/**
 * The rules a row of activity data must follow, in one place. Both readers use them: the row
 * parser (activity.ts) on every row, the streaming reader (row.ts) once per distinct key. Change a
 * rule here and both readers change together.
 */
import type { Decimal } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Fuel } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import { toHalfWidth } from '../text.js';
import { parseUnit, unitExamples, type Dimension, type Unit } from '../units.js';
import type { ActivityRecord, Dictionaries } from './activity.js';
import { fieldOfHeader, parseUse, requiredFields, type Field } from './columns.js';
import type { Use } from './columns.js';
import { parseDecimal } from './quantity.js';
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

// ---------------------------------------------------------------------------------------------
// one row

/** Where each field is in a file's rows, and the other named columns (in column order). */
export interface ColumnMap {
  index: Partial<Record<Field, number>>;
  extra: { name: string; index: number }[];
}

/** What checkRow found: the record (undefined when the row has an error) and what its unit cell gave. */
export interface RowCheck {
  record: ActivityRecord | undefined;
  unit: Unit | undefined;
  dimension: Dimension | undefined;
}

/**
 * The row rules, applied to one row's cells: every problem goes into `diagnostics` (with the
 * file, the line and the column), and the row's record comes back when no problem is an error.
 * Both readers call it: the row parser (activity.ts) on every row; the streaming reader once per
 * distinct key (its quantity cell set to 0) and on every row it does not read itself. `unit` and
 * `dimension` say what the unit cell gave, also when the row has errors.
 */
export function checkRow(
  record: readonly string[],
  line: number,
  file: string,
  columns: ColumnMap,
  headerLength: number,
  dict: Dictionaries,
  diagnostics: Diagnostic[],
): RowCheck {
  const before = diagnostics.length;
  const cell = (field: Field) => {
    const i = columns.index[field];
    return i === undefined ? { raw: '', column: undefined } : { raw: toHalfWidth(record[i] ?? '').trim(), column: i + 1 };
  };
  const at = (column?: number) => ({ file, line, column });
  if (record.length < headerLength) {
    const missing = requiredFields.find((f) => (columns.index[f] ?? 0) >= record.length);
    if (missing) {
      diagnostics.push(
        error('ROW_SHORT', { got: record.length, expected: headerLength, column: missing }, at(record.length + 1)),
      );
      return { record: undefined, unit: undefined, dimension: undefined };
    }
  } else if (record.length > headerLength && splitQuantity(record, columns.index.quantity, record.length - headerLength)) {
    // 1,234.5 written without quotes: the comma made it two fields and shifted the unit
    const q = columns.index.quantity!;
    const value = record.slice(q, q + record.length - headerLength + 1).join(',');
    diagnostics.push(error('QUANTITY_SPLIT', { value, fields: record.length - headerLength + 1 }, at(q + 1)));
    return { record: undefined, unit: undefined, dimension: undefined };
  } else if (record.length > headerLength && record.slice(headerLength).some((f) => f.trim() !== '')) {
    diagnostics.push(warning('ROW_LONG', { got: record.length, expected: headerLength }, at(headerLength + 1)));
  }

  const year = cell('year');
  const yearValue = parseYear(year.raw);
  if (year.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'year' }, at(year.column)));
  else if (yearValue === undefined) diagnostics.push(error('BAD_YEAR', { value: shownValue(year.raw) }, at(year.column)));

  const sectorCell = cell('sector');
  let sector: Sector | undefined;
  if (sectorCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'sector' }, at(sectorCell.column)));
  else {
    sector = dict.sectors.find(sectorCell.raw);
    if (!sector && sectorCell.raw.length > MAX_LABEL_CHARS) {
      diagnostics.push(error('LABEL_TOO_LONG', { column: 'sector', value: shownValue(sectorCell.raw), chars: sectorCell.raw.length, max: MAX_LABEL_CHARS }, at(sectorCell.column)));
    } else if (!sector) {
      const suggestion = dict.sectors.suggest(sectorCell.raw);
      diagnostics.push(
        warning('UNKNOWN_SECTOR', { value: sectorCell.raw, suggestion: suggestion?.zh ?? '' }, at(sectorCell.column)),
      );
    }
  }

  const fuelCell = cell('fuel');
  let fuel: Fuel | undefined;
  if (fuelCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'fuel' }, at(fuelCell.column)));
  else {
    fuel = dict.fuels.find(fuelCell.raw);
    if (!fuel && fuelCell.raw.length > MAX_LABEL_CHARS) {
      diagnostics.push(error('LABEL_TOO_LONG', { column: 'fuel', value: shownValue(fuelCell.raw), chars: fuelCell.raw.length, max: MAX_LABEL_CHARS }, at(fuelCell.column)));
    } else if (!fuel) {
      const suggestion = dict.fuels.suggest(fuelCell.raw);
      diagnostics.push(error('UNKNOWN_FUEL', { value: fuelCell.raw, suggestion: suggestion?.zh ?? '' }, at(fuelCell.column)));
    }
  }

  const quantityCell = cell('quantity');
  const quantity = checkQuantityCell(quantityCell, at(quantityCell.column), diagnostics, MAX_QUANTITY_CHARS);

  const unitCell = cell('unit');
  const unit = parseUnit(unitCell.raw);
  if (unitCell.raw === '') diagnostics.push(error('EMPTY_VALUE', { column: 'unit' }, at(unitCell.column)));
  else if (!unit) diagnostics.push(error('UNKNOWN_UNIT', { value: shownValue(unitCell.raw) }, at(unitCell.column)));

  const useCell = cell('use');
  const use = parseUse(useCell.raw);
  if (!use) diagnostics.push(error('BAD_USE', { value: shownValue(useCell.raw) }, at(useCell.column)));

  let dimension: Dimension | undefined;
  if (fuel && unit) {
    dimension = unitFitsFuel(fuel, unit.dimension);
    if (!dimension) {
      diagnostics.push(
        error(
          'UNIT_MISMATCH',
          {
            unit: unitCell.raw,
            fuel: fuel.zh, fuelEn: fuel.en,
            expected: fuel.dimension,
            examples: unitExamples[fuel.dimension].join(', '),
          },
          at(unitCell.column),
        ),
      );
    }
  }
  if (fuel && use && !useFitsFuel(use, fuel)) {
    const primary: Record<string, string> = fuel.kind === 'primary-electricity' ? { primary: 'yes' } : {};
    diagnostics.push(error('USE_NOT_ALLOWED', { use, fuel: fuel.zh, fuelEn: fuel.en, ...primary }, at(useCell.column)));
  }

  let base: Decimal | undefined;
  if (quantity && unit && dimension) {
    base = quantity.times(unit.toBase);
    if (!plausibleQuantity(dimension, base)) {
      const range = PLAUSIBLE_QUANTITY[dimension];
      diagnostics.push(
        error(
          'QUANTITY_IMPLAUSIBLE',
          { value: shownValue(quantityCell.raw), unit: unitCell.raw, max: `1e${range.maxExponent}`, min: `1e${range.minExponent}`, base: BASE_UNIT[dimension] },
          at(quantityCell.column),
        ),
      );
    }
  }

  if (diagnostics.slice(before).some((d) => d.severity === 'error')) return { record: undefined, unit, dimension };
  const extra: Record<string, string> = {};
  for (const { name, index } of columns.extra) extra[name] = (record[index] ?? '').trim();
  const row: ActivityRecord = {
    file,
    line,
    year: yearValue!,
    sectorLabel: sectorCell.raw,
    sector,
    fuel: fuel!,
    quantity: base!,
    dimension: dimension!,
    use: use!,
    extra,
  };
  return { record: row, unit, dimension };
}

/**
 * A quantity cell (trimmed, half-width): a number, not negative, at most `maxChars` long;
 * undefined with the problem in `diagnostics` otherwise. The process reader uses it too.
 */
export function checkQuantityCell(
  cell: { raw: string },
  at: { file: string; line: number; column: number | undefined },
  diagnostics: Diagnostic[],
  maxChars = Infinity,
): Decimal | undefined {
  if (cell.raw === '') {
    diagnostics.push(error('EMPTY_VALUE', { column: 'quantity' }, at));
    return undefined;
  }
  if (cell.raw.length > maxChars) {
    diagnostics.push(error('QUANTITY_TOO_LONG', { value: shownValue(cell.raw), chars: cell.raw.length, max: maxChars }, at));
    return undefined;
  }
  const quantity = parseDecimal(cell.raw);
  if (!quantity) diagnostics.push(error('BAD_NUMBER', { value: cell.raw }, at));
  else if (quantity.isNegative() && !quantity.isZero()) {
    diagnostics.push(error('NEGATIVE_QUANTITY', { value: cell.raw }, at));
    return undefined;
  }
  return quantity;
}

function splitQuantity(record: readonly string[], quantityIndex: number | undefined, extra: number): boolean {
  if (quantityIndex === undefined) return false;
  const joined = record.slice(quantityIndex, quantityIndex + extra + 1).map((f) => f.trim()).join(',');
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(joined);
}
