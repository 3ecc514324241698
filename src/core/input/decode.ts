import { error, type Diagnostic } from '../diagnostics.js';

export type Encoding = 'utf8' | 'gbk';

/**
 * What in a file's first bytes stops it being read as UTF-8 or GBK text: a ZIP (an .xlsx saved as
 * .csv), UTF-16 ("Unicode text", which decodeText reads whole), or a NUL byte in the first 8 kB.
 */
export function unreadableAsText(head: Uint8Array): 'zip/xlsx bytes' | 'UTF-16' | 'NUL byte' | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip/xlsx bytes';
  if (utf16Bom(head)) return 'UTF-16';
  if (head.subarray(0, 8192).includes(0)) return 'NUL byte';
  return undefined;
}

function utf16Bom(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function hasUtf8Bom(head: Uint8Array): boolean {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/**
 * Turns a file's bytes into text. Excel on Chinese Windows saves CSV as GBK (GB18030
 * is its superset, so we decode with that); "CSV UTF-8" adds a BOM; "Unicode text" is UTF-16.
 * Detection: a BOM wins, then strict UTF-8, then GB18030.
 */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  encoding?: Encoding,
): { text: string; encoding: string } | { diagnostic: Diagnostic } {
  const plan = decodingPlan(bytes.subarray(0, 8192), file, encoding);
  if ('diagnostic' in plan) return plan;
  const body = bytes.subarray(plan.skip);
  for (const attempt of plan.attempts) {
    try {
      return { text: new TextDecoder(attempt.label, { fatal: attempt.fatal }).decode(body), encoding: attempt.encoding };
    } catch {
      // not this encoding: the next
    }
  }
  return { diagnostic: plan.invalid };
}

/** One way to decode a file's body: the decoder's label and what the result records as the encoding. */
export interface DecodingAttempt {
  label: string;
  fatal: boolean;
  encoding: string;
}

/**
 * How to decode a file, from its first bytes (8 kB or all of it): the bytes to skip (a BOM),
 * the decoders to try in turn, and the error when none reads the whole body. A ZIP (an .xlsx
 * renamed .csv) or a NUL byte early on is a binary file. The whole-text reader above and the
 * streaming one (csv-stream.ts) both follow it.
 */
export function decodingPlan(
  head: Uint8Array,
  file: string,
  encoding?: Encoding,
): { skip: number; attempts: DecodingAttempt[]; invalid: Diagnostic } | { diagnostic: Diagnostic } {
  const at = { file };
  const never = error('ENCODING_INVALID', { encoding: 'UTF-16' }, at);
  const utf16 = utf16Bom(head);
  if (utf16) return { skip: 2, attempts: [{ label: utf16, fatal: false, encoding: utf16 }], invalid: never };
  if (unreadableAsText(head)) return { diagnostic: error('BINARY_FILE', {}, at) };
  const hasBom = hasUtf8Bom(head);
  const skip = hasBom ? 3 : 0;
  const gbk = { label: 'gb18030', fatal: true, encoding: 'gbk' };
  if (encoding === 'gbk' && !hasBom) return { skip, attempts: [gbk], invalid: error('ENCODING_INVALID', { encoding: 'GBK' }, at) };
  const utf8 = { label: 'utf-8', fatal: true, encoding: hasBom ? 'utf8-bom' : 'utf8' };
  if (encoding === 'utf8') return { skip, attempts: [utf8], invalid: error('ENCODING_INVALID', { encoding: 'UTF-8' }, at) };
  return { skip, attempts: [utf8, gbk], invalid: error('ENCODING_INVALID', { encoding: 'UTF-8 / GBK' }, at) };
}
