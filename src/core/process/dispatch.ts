import { decodeText, type Encoding } from '../input/decode.js';
import type { StreamedInput } from '../input/fast-source.js';
import { isProcessText } from './columns.js';

const HEAD_BYTES = 64 * 1024;

/**
 * Whether an input is a process file (its header names a product, not a fuel), from its first
 * bytes only: activity files go on to the fast reader untouched, process files to parseProcess.
 */
export function isProcessInput(input: { path: string; bytes: Uint8Array } | StreamedInput, encoding?: Encoding): boolean {
  let head: Uint8Array;
  let whole: boolean;
  if ('bytes' in input) {
    head = input.bytes.subarray(0, HEAD_BYTES);
    whole = input.bytes.length <= HEAD_BYTES;
  } else {
    const reader = input.open();
    try {
      const buf = new Uint8Array(HEAD_BYTES);
      let len = 0;
      for (;;) {
        const n = reader.read(buf, len, buf.length - len);
        if (n === 0) break;
        len += n;
        if (len === buf.length) break;
      }
      head = buf.subarray(0, len);
      whole = len < HEAD_BYTES;
    } finally {
      reader.close();
    }
  }
  // cut at the last line end, so a multi-byte character split by the cut cannot change the encoding guess
  if (!whole) {
    const end = head.lastIndexOf(0x0a);
    if (end > 0) head = head.subarray(0, end + 1);
  }
  const decoded = decodeText(head, input.path, encoding);
  return 'text' in decoded && isProcessText(decoded.text);
}
