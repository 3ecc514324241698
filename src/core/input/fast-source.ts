/**
 * Where the bytes of an input come from. The core stays free of file-system calls: the CLI hands
 * in a `StreamedInput` whose `open()` gives a reader over the file, and library callers can keep
 * passing whole byte arrays (`InputFile`). Either can be read more than once (the fast path may
 * take a second pass, and falls back to reading the whole file for the csv-parse path).
 */

/** Reads the next bytes into `target[offset, offset + length)`; returns how many, 0 at the end. */
export interface ChunkReader {
  read(target: Uint8Array, offset: number, length: number): number;
  close(): void;
}

export interface StreamedInput {
  /** the name shown in messages and recorded in the result */
  path: string;
  /** bytes, when known (sizes the buffers and drives the progress bar) */
  size?: number | undefined;
  open(): ChunkReader;
  /** a reader from a byte offset, for reading one file with helpers */
  openAt?: ((position: number) => ChunkReader) | undefined;
  /** what helpers check they opened the same file by (opaque to the core) */
  identity?: string | undefined;
  /** false when the file is no longer the one opened (rewritten, replaced, grown) while it was read */
  unchanged?: (() => boolean) | undefined;
}

/** A reader over bytes already in memory. */
export function bytesReader(bytes: Uint8Array): ChunkReader {
  let pos = 0;
  return {
    read(target, offset, length) {
      const n = Math.min(length, bytes.length - pos);
      if (n <= 0) return 0;
      target.set(bytes.subarray(pos, pos + n), offset);
      pos += n;
      return n;
    },
    close() {},
  };
}

/** Reads a streamed input whole: the csv-parse path, which needs the whole text. */
export function readWhole(input: StreamedInput): Uint8Array {
  const reader = input.open();
  try {
    let buf = new Uint8Array(Math.max(64 * 1024, (input.size ?? 0) + 1));
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        const bigger = new Uint8Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      const n = reader.read(buf, len, buf.length - len);
      if (n === 0) break;
      len += n;
    }
    return buf.subarray(0, len);
  } finally {
    reader.close();
  }
}
