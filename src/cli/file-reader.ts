import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { ParallelAbort } from '../core/input/fast-parallel.js';
import type { ChunkReader } from '../core/input/fast-source.js';

/** What makes a file the same file: device, inode, size and modification time. */
export function fileIdentity(stat: Stats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

/**
 * Reads a file onward from a byte offset (each reader opens the file for itself). With `identity`,
 * the file opened must be the one the CLI saw: a helper opening /dev/stdin gets its own standard
 * input, and a file may be replaced while it is read.
 */
export function fileReaderAt(path: string, position: number, identity?: string): ChunkReader {
  const fd = openSync(path, 'r');
  if (identity !== undefined && fileIdentity(fstatSync(fd)) !== identity) {
    closeSync(fd);
    throw new ParallelAbort(`${path} is not the file the CLI opened`);
  }
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

/** The identity of a regular file (helpers may read it), or undefined (a device, a pipe: read by the CLI alone). */
export function regularFileIdentity(path: string): string | undefined {
  const stat = statSync(path);
  return helpersMayRead(path, stat) ? fileIdentity(stat) : undefined;
}

/** A regular file outside /dev and /proc: a helper opening /dev/stdin would get its own standard input. */
export function helpersMayRead(path: string, stat: Stats): boolean {
  return stat.isFile() && !/^\/(dev|proc)\//.test(path);
}
