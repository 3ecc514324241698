import { Decimal } from './decimal.js';
import { toHalfWidth } from './text.js';

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
/** "1 234 567.5": groups of three split by one space (or the no-break spaces spreadsheets write) */
const SPACED = /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+(\.\d*)?$/;

/**
 * Reads a number the way spreadsheets and yearbooks write it: full-width digits,
 * thousands separators ("1,234.5" or "1 234.5"), surrounding spaces, a trailing "%"-free plain value.
 * Returns undefined when the text is not a number; never goes through a float. Any other space
 * inside makes it not a number: "12 5" or a cell with a line break ("1⏎2") is a mistake to show,
 * not 125 or 12.
 */
export function parseDecimal(raw: string): Decimal | undefined {
  let text = toHalfWidth(raw).trim();
  if (text === '') return undefined;
  if (SPACED.test(text)) text = text.replace(/[ \u00a0\u202f]/g, '');
  else if (GROUPED.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN.test(text)) return undefined;
  return new Decimal(text);
}
