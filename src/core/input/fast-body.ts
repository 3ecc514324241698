/**
 * Fast path, step 2b: the bytes of a file read in chunks into one reused buffer (hashed and
 * encoding-checked on the way when asked) and fed to a FileScan line by line, up to a limit when
 * the file is read in chunks by several readers.
 */
import { createHash, type Hash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { Encoding } from './decode.js';
import { FastFallback } from './fallback.js';
import { CR, LF } from './layout.js';
import { Cells, SLACK, tokenize } from './tokenize.js';
import type { ChunkReader } from './fast-source.js';
import type { FileScan } from './file-scan.js';

/** bytes read at a time */
export const CHUNK = 1 << 20;
const MAX_LINE = 64 << 20;

export class Restart extends Error {
  constructor(readonly file: number) {
    super('restart as GBK');
  }
}

/** A file read in chunks into one reused buffer, hashed on the way when asked. */
export class BodyReader {
  buf: Uint8Array;
  len = 0;
  eof = false;
  private readonly hash: Hash | undefined;
  /** bytes read so far, and bytes dropped from the buffer's start */
  private total = 0;
  private dropped = 0;

  /**
   * `limit`: no line starting at or after this many bytes from the reader's start is read (a
   * chunk's end); past it the reader only reads on to finish the line it is in.
   */
  constructor(
    private readonly reader: ChunkReader,
    chunk: number,
    hashing: boolean,
    private readonly onRead: (n: number) => void,
    private readonly limit = Infinity,
    reuse?: Uint8Array,
  ) {
    // a chunk reader reads chunk after chunk into one buffer: a new MB each time grew memory by GC lag
    const size = Math.max(chunk, 16) + 1 + SLACK;
    this.buf = reuse && reuse.length >= size ? reuse : new Uint8Array(size);
    this.hash = hashing ? createHash('sha256') : undefined;
    this.fill();
  }

  fill(): void {
    const buf = this.buf;
    const room = buf.length - 1 - SLACK;
    let read = 0;
    while (!this.eof && this.len < room) {
      const past = this.total >= this.limit;
      const want = Math.min(room - this.len, past ? 65536 : this.limit - this.total);
      const n = this.reader.read(buf, this.len, want);
      if (n === 0) this.eof = true;
      else {
        this.hash?.update(buf.subarray(this.len, this.len + n));
        this.len += n;
        this.total += n;
        read += n;
      }
      if (past) break;
    }
    this.onRead(read);
  }

  /** drops buf[0, pos) */
  shift(pos: number): void {
    this.buf.copyWithin(0, pos, this.len);
    this.len -= pos;
    this.dropped += pos;
  }

  /**
   * A chunk's first line: skips past the first LF (the reader starts one byte before the chunk,
   * so a chunk that starts on a line start skips just that LF). -1: no line starts in the chunk.
   */
  firstLineStart(): number {
    for (;;) {
      const i = this.buf.subarray(0, this.len).indexOf(LF);
      if (i >= 0) return this.dropped + i + 1 >= this.limit ? -1 : i + 1;
      if (this.eof) return -1;
      this.shift(this.len);
      if (this.dropped >= this.limit) return -1;
      this.fill();
    }
  }

  digest(): string {
    return this.hash!.digest('hex');
  }

  private grow(): void {
    if (this.buf.length > MAX_LINE) throw new FastFallback('a line longer than 64 MB');
    const bigger = new Uint8Array(this.buf.length * 2);
    bigger.set(this.buf.subarray(0, this.len));
    this.buf = bigger;
  }

  /** Feeds every line from buf offset `pos` to the scan, numbering them from `line`; returns the next line's number. */
  scan(scan: FileScan, pos: number, validated: number, line: number, validator: Validator | undefined): number {
    const cells = new Cells();
    const { delimiter, crlf } = scan.layout;
    const roles = scan.roles;
    let buf = this.buf;
    let dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    for (;;) {
      if (this.dropped + pos >= this.limit) break;
      let lastLf = this.len - 1;
      while (lastLf >= pos && buf[lastLf] !== LF) lastLf--;
      let stop: number;
      if (lastLf >= pos) stop = lastLf + 1;
      else if (this.eof) {
        if (pos >= this.len) break;
        // the last line has no line end: give it one (the buffer keeps spare bytes)
        if (crlf) buf[this.len++] = CR;
        buf[this.len] = LF;
        stop = this.len + 1;
      } else {
        // no line end in what is left: make room, or grow for a very long line
        if (pos === 0) this.grow();
        else {
          this.shift(pos);
          validated = Math.max(0, validated - pos);
          pos = 0;
        }
        this.fill();
        buf = this.buf;
        dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        continue;
      }
      const checkedTo = Math.min(stop, this.len);
      if (validator) validator(buf.subarray(validated, checkedTo), this.eof && checkedTo === this.len);
      validated = checkedTo;
      // lines starting at or past the limit belong to the next chunk
      const last = Math.min(stop, this.limit - this.dropped);
      if (pos < last) {
        line = scanLines(scan, buf, dv, cells, roles, delimiter, crlf, pos, last, line);
        pos = cells.nextLineStart;
      }
      if (pos < stop || stop > this.len) break;
      this.shift(pos);
      validated = Math.max(0, validated - pos);
      pos = 0;
      if (this.eof && this.len === 0) break;
      this.fill();
      buf = this.buf;
      dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    if (validator) validator(new Uint8Array(0), true);
    return line;
  }
}

/**
 * The lines in buf[pos, last): tokenised and handed to the scan; returns the next line's number,
 * and leaves the next line's start in cells.nextLineStart. Apart from scan() so that V8 optimises this
 * loop alone, with its feedback complete after a few lines: scan() around it runs once a buffer
 * and meets its rare paths (a refill, the end of a chunk) late, which made V8 throw away the
 * optimised code of the whole loop several times a file.
 */
function scanLines(scan: FileScan, buf: Uint8Array, dv: DataView, cells: Cells, roles: Uint8Array, delimiter: number, crlf: boolean, pos: number, last: number, line: number): number {
  while (pos < last) {
    pos = tokenize(buf, dv, pos, delimiter, crlf, roles, cells);
    // stored in the loop: code after it has no feedback until the loop first ends
    cells.nextLineStart = pos;
    // comments are skipped (blank lines too: row() tells them)
    if (cells.count > 0) scan.row(buf, dv, cells, line);
    line++;
  }
  return line;
}

type Validator = (bytes: Uint8Array, end: boolean) => void;

/** Checks the encoding as the bytes go by: strict UTF-8 (else restart as GBK), or GB18030. */
export function makeValidator(encoding: string, index: number, requested: Encoding | undefined): Validator {
  if (encoding === 'gbk') {
    const decoder = new TextDecoder('gb18030', { fatal: true });
    return (bytes, end) => {
      try {
        decoder.decode(bytes, { stream: !end });
      } catch {
        throw new FastFallback('not GB18030 either');
      }
    };
  }
  let carry = new Uint8Array(0);
  return (bytes, end) => {
    // complete lines are whole UTF-8 sequences; the file's last bytes may not be
    let ok: boolean;
    if (carry.length > 0) {
      const joined = new Uint8Array(carry.length + bytes.length);
      joined.set(carry);
      joined.set(bytes, carry.length);
      bytes = joined;
      carry = new Uint8Array(0);
    }
    if (!end) {
      let cut = bytes.length;
      let back = 0;
      while (cut > 0 && back < 4 && (bytes[cut - 1]! & 0xc0) === 0x80) {
        cut--;
        back++;
      }
      if (cut > 0 && bytes[cut - 1]! >= 0xc0) cut--;
      else cut = bytes.length;
      carry = bytes.slice(cut);
      ok = isUtf8(bytes.subarray(0, cut));
    } else ok = isUtf8(bytes);
    if (!ok) {
      if (encoding === 'utf8-bom' || requested === 'utf8') throw new FastFallback('not UTF-8');
      throw new Restart(index);
    }
  };
}

