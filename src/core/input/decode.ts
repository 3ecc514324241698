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
  const at = { file };
  const utf16 = utf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes.subarray(2)), encoding: utf16 };
  if (unreadableAsText(bytes)) return { diagnostic: error('BINARY_FILE', {}, at) };
  const hasBom = hasUtf8Bom(bytes);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const tryDecode = (label: string): string | undefined => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(body);
    } catch {
      return undefined;
    }
  };
  if (encoding === 'gbk' && !hasBom) {
    const text = tryDecode('gb18030');
    return text === undefined ? { diagnostic: error('ENCODING_INVALID', { encoding: 'GBK' }, at) } : { text, encoding: 'gbk' };
  }
  const utf8 = tryDecode('utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: hasBom ? 'utf8-bom' : 'utf8' };
  if (encoding === 'utf8') return { diagnostic: error('ENCODING_INVALID', { encoding: 'UTF-8' }, at) };
  const gbk = tryDecode('gb18030');
  if (gbk !== undefined) return { text: gbk, encoding: 'gbk' };
  return { diagnostic: error('ENCODING_INVALID', { encoding: 'UTF-8 / GBK' }, at) };
}
