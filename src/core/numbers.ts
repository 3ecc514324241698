import { Decimal } from './decimal.js';
import { toHalfWidth } from './text.js';

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Reads a number the way spreadsheets and yearbooks write it: full-width digits,
 * thousands separators ("1,234.5"), surrounding spaces, a trailing "%"-free plain value.
 * Returns undefined when the text is not a number; never goes through a float.
 */
export function parseDecimal(raw: string): Decimal | undefined {
  let text = toHalfWidth(raw).trim().replace(/\s+/g, '');
  if (text === '') return undefined;
  if (GROUPED.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN.test(text)) return undefined;
  return new Decimal(text);
}
