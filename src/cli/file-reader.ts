import { closeSync, openSync, readSync } from 'node:fs';
import type { ChunkReader } from '../core/input/fast-source.js';

/** Reads a file onward from a byte offset (each reader opens the file for itself). */
export function fileReaderAt(path: string, position: number): ChunkReader {
  const fd = openSync(path, 'r');
  let at = position;
  return {
    read: (target, offset, length) => {
      const n = readSync(fd, target, offset, length, at);
      at += n;
      return n;
    },
    close: () => closeSync(fd),
  };
}
