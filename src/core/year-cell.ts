import { error, type Diagnostic } from './diagnostics.js';
import type { MessageCode } from './i18n/messages.js';

/**
 * The year of a row, from its year cell as written ("2020" or "2020年", already trimmed and half-width): a year
 * from 1900 to 2099. An empty cell is `emptyCode`, anything else BAD_YEAR with the cell as written; both undefined.
 */
export function yearOfCell(
  raw: string,
  at: { file: string; line: number; column?: number | undefined },
  diagnostics: Diagnostic[],
  emptyCode: MessageCode = 'EMPTY_VALUE',
): number | undefined {
  const text = raw.replace(/年$/, '');
  if (raw === '') diagnostics.push(error(emptyCode, { column: 'year' }, at));
  else if (!/^(19|20)\d{2}$/.test(text)) diagnostics.push(error('BAD_YEAR', { value: raw }, at));
  else return Number(text);
  return undefined;
}
