import { error, type Diagnostic } from '../diagnostics.js';

export type Encoding = 'utf8' | 'gbk';

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
  const head = bytes.subarray(0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return { diagnostic: error('BINARY_FILE', {}, at) };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, 8192).includes(0)) return { diagnostic: error('BINARY_FILE', {}, at) };
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
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
