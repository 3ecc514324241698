/**
 * The byte scanner: it splits complete lines into cells, hashes each cell, and hands a row to the
 * caller as offsets into the buffer; it never makes a string per row.
 * What it cannot read the way csv-parse would it reports instead of guessing:
 *  - rows that need the row parser (`needsParser`) (a stray quote, `""` inside quotes, a closing quote followed by text): the row
 *    is still one line, so the caller parses that line alone with the real parser;
 *  - `FastFallback` for anything that could change how lines map to records (a quoted field
 *    running past the line end, a bare CR, a LF in a CRLF file).
 */
import { FastFallback } from './fallback.js';
import { CR, HASH, LF, QUOTE } from './layout.js';

export const MAX_FIELDS = 1024;

const PRIME_A = 0x01000193;
const PRIME_B = 0x5bd1e995;
export const HASH_SEED_A = 0x811c9dc5 | 0;
export const HASH_SEED_B = 0x9747b28c | 0;

export function mixHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** The same two hashes the scanner computes for a field, over any bytes. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): [number, number] {
  // whole little-endian words from the start, then the last bytes one by one (as tokenize does)
  let h1 = HASH_SEED_A;
  let h2 = HASH_SEED_B;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const v = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h1 = Math.imul(h1 ^ v, PRIME_A);
    h2 = Math.imul(h2 ^ v, PRIME_B);
  }
  for (; i < end; i++) {
    const c = bytes[i]!;
    h1 = Math.imul(h1 ^ c, PRIME_A);
    h2 = Math.imul(h2 ^ c, PRIME_B);
  }
  return [h1, h2];
}

/** Bytes past the last line end that tokenize may read (whole words): buffers keep this spare. */
export const SLACK = 8;

/** What the scanner does with a column's bytes */
export const ROLE_SKIP = 0;
/** part of the row's key: one hash */
export const ROLE_KEY = 1;
/** an extra column: two hashes (the duplicate check) and whether any byte is non-ASCII */
export const ROLE_EXTRA = 2;

/** One tokenised line: cells as [start, end) offsets into the buffer, with their hashes. */
export class Cells {
  readonly start = new Int32Array(MAX_FIELDS);
  readonly end = new Int32Array(MAX_FIELDS);
  readonly hashA = new Int32Array(MAX_FIELDS);
  readonly hashB = new Int32Array(MAX_FIELDS);
  /** OR of the cell's bytes (≥ 0x80: non-ASCII), for ROLE_EXTRA cells */
  readonly bytesOr = new Int32Array(MAX_FIELDS);
  count = 0;
  /** the line needs the row parser (see the module comment) */
  needsParser = false;
  lineStart = 0;
  /** end of the line's content, before CR LF */
  lineEnd = 0;
  /** where the next line starts, after a run of lines (scanLines in fast-body.ts) */
  nextLineStart = 0;
}

/**
 * Tokenises the line starting at `pos` (buf[limit - 1] must be LF, so every line ends inside the
 * buffer) into `out`; returns the start of the next line. `#` lines come back with count 0.
 * `roles[i]` says what to compute for field i (hashes are raw: callers mix them).
 */
export function tokenize(buf: Uint8Array, dv: DataView, pos: number, delimiter: number, crlf: boolean, roles: Uint8Array, out: Cells): number {
  out.lineStart = pos;
  out.count = 0;
  out.needsParser = false;
  const starts = out.start;
  const ends = out.end;
  const hashesA = out.hashA;
  const hashesB = out.hashB;
  const bytesOrs = out.bytesOr;
  let c = buf[pos]!;
  if (c === HASH) {
    // a comment line: skip to its end (quotes mean nothing inside)
    while (buf[pos] !== LF) {
      if (buf[pos] === CR && !(crlf && buf[pos + 1] === LF)) throw new FastFallback('bare CR');
      pos++;
    }
    if (crlf && buf[pos - 1] !== CR) throw new FastFallback('LF in a CRLF file');
    out.lineEnd = crlf ? pos - 1 : pos;
    return pos + 1;
  }
  // SWAR: a word may hold a field end when a byte is below 0x23 (LF, CR, ", tab, space) or is the delimiter
  const dd = Math.imul(delimiter, 0x01010101);
  let nf = 0;
  for (;;) {
    if (nf === MAX_FIELDS) throw new FastFallback('too many fields');
    let h1 = HASH_SEED_A;
    let h2 = HASH_SEED_B;
    let or = 0;
    let s = pos;
    c = buf[pos]!;
    if (c === QUOTE) {
      pos++;
      s = pos;
      for (;;) {
        c = buf[pos]!;
        if (c === QUOTE) {
          if (buf[pos + 1] === QUOTE) {
            out.needsParser = true; // "" inside quotes: the value is not the bytes
            pos += 2;
            continue;
          }
          break;
        }
        if (c === LF || c === CR) throw new FastFallback('a quoted field runs past the line end');
        pos++;
      }
      ends[nf] = pos;
      [h1, h2] = hashBytes(buf, s, pos);
      for (let i = s; i < pos; i++) or |= buf[i]!;
      pos++; // the closing quote
      c = buf[pos]!;
      if (c !== delimiter && c !== LF && c !== CR) {
        // csv-parse (relax_quotes) goes on reading the field as plain text; let it
        out.needsParser = true;
        while (c !== delimiter && c !== LF && c !== CR) c = buf[++pos]!;
        ends[nf] = pos;
      }
    } else {
      // one loop per role, so that a word's work has no branch on the role; a field's last bytes
      // are taken from the word already read. The three loops repeat themselves on purpose: the
      // end-of-field search as a shared function made tokenizing 8% slower (150 -> 163 ms, 1M rows)
      const role = roles[nf]!;
      if (role === ROLE_SKIP) {
        for (;;) {
          const v = dv.getInt32(pos, true);
          const x = v ^ dd;
          const m = (((v - 0x23232323) & ~v) | ((x - 0x01010101) & ~x)) & 0x80808080;
          if (m !== 0) {
            // the lowest flagged byte is exact (higher ones may be borrows): the field may end there,
            // or it is a space, a tab, a quote
            let j = (31 - Math.clz32(m & -m)) >> 3;
            for (; j < 4; j++) {
              c = (v >>> (j << 3)) & 255;
              if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
            }
            if (j < 4) {
              pos += j;
              break;
            }
          }
          pos += 4;
        }
      } else if (role === ROLE_KEY) {
        for (;;) {
          const v = dv.getInt32(pos, true);
          const x = v ^ dd;
          const m = (((v - 0x23232323) & ~v) | ((x - 0x01010101) & ~x)) & 0x80808080;
          if (m !== 0) {
            let j = (31 - Math.clz32(m & -m)) >> 3;
            for (; j < 4; j++) {
              c = (v >>> (j << 3)) & 255;
              if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
            }
            if (j < 4) {
              for (let t = 0; t < j; t++) h1 = Math.imul(h1 ^ ((v >>> (t << 3)) & 255), PRIME_A);
              pos += j;
              break;
            }
          }
          h1 = Math.imul(h1 ^ v, PRIME_A);
          pos += 4;
        }
      } else {
        for (;;) {
          const v = dv.getInt32(pos, true);
          const x = v ^ dd;
          const m = (((v - 0x23232323) & ~v) | ((x - 0x01010101) & ~x)) & 0x80808080;
          if (m !== 0) {
            let j = (31 - Math.clz32(m & -m)) >> 3;
            for (; j < 4; j++) {
              c = (v >>> (j << 3)) & 255;
              if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
            }
            if (j < 4) {
              // as hashBytes does: whole words, then the last bytes one by one
              for (let t = 0; t < j; t++) {
                const b = (v >>> (t << 3)) & 255;
                h1 = Math.imul(h1 ^ b, PRIME_A);
                h2 = Math.imul(h2 ^ b, PRIME_B);
                or |= b;
              }
              pos += j;
              break;
            }
          }
          h1 = Math.imul(h1 ^ v, PRIME_A);
          h2 = Math.imul(h2 ^ v, PRIME_B);
          or |= v;
          pos += 4;
        }
      }
      if (c === QUOTE) {
        // a stray quote is text, as csv-parse reads it with relax_quotes: the row goes to the row rules
        out.needsParser = true;
        while (c !== delimiter && c !== LF && c !== CR) c = buf[++pos]!;
      }
      ends[nf] = pos;
    }
    starts[nf] = s;
    hashesA[nf] = h1;
    hashesB[nf] = h2;
    bytesOrs[nf] = or;
    nf++;
    if (c === delimiter) {
      pos++;
      continue;
    }
    if (c === CR) {
      if (!crlf || buf[pos + 1] !== LF) throw new FastFallback('bare CR');
      out.lineEnd = pos;
      pos += 2;
    } else {
      if (crlf) throw new FastFallback('LF in a CRLF file');
      out.lineEnd = pos;
      pos++;
    }
    break;
  }
  out.count = nf;
  return pos;
}

/** every cell of the line is empty or ASCII whitespace: csv-parse's callers skip it */
export function blankLine(buf: Uint8Array, f: Cells): boolean {
  for (let k = 0; k < f.count; k++) {
    for (let i = f.start[k]!; i < f.end[k]!; i++) {
      const c = buf[i]!;
      if (!(c === 32 || c === 9 || c === 11 || c === 12)) return false;
    }
  }
  return true;
}
