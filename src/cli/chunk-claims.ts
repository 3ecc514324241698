/**
 * Chunk claims between the CLI and its reading helpers (separate processes, so no shared memory):
 * chunk k of a job is taken by hard-linking one's own owner file to <claims>/k, which fails if it
 * exists. The link is atomic, and the claim file names its owner from the start.
 */
import { closeSync, linkSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ParallelAbort } from '../core/input/fast-parallel.js';

export interface Claims {
  /** the next free chunk, now taken by this owner; -1 when none is left */
  next(): number;
  /** takes every chunk still free, so nobody gets another */
  takeAll(): void;
  /** how many this owner took */
  readonly mine: number;
}

/** `dir` is the session's folder (owner files), `claims` the job's folder of claims. */
export function fileClaims(dir: string, claims: string, owner: string, chunks: number): Claims {
  const ownerFile = join(dir, `owner-${owner}`);
  const fd = openSync(ownerFile, 'w');
  writeSync(fd, owner);
  closeSync(fd);
  let cursor = 0;
  let mine = 0;
  const take = (k: number): boolean => {
    try {
      linkSync(ownerFile, join(claims, String(k)));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      // a folder that cannot hold the claims (full, gone, links refused): read without helpers
      throw new ParallelAbort(`cannot claim a chunk: ${(e as Error).message}`);
    }
  };
  return {
    next() {
      for (; cursor < chunks; cursor++) {
        if (take(cursor)) {
          mine++;
          return cursor++;
        }
      }
      return -1;
    },
    takeAll() {
      for (; cursor < chunks; cursor++) take(cursor);
    },
    get mine() {
      return mine;
    },
  };
}

/** The owners of the chunks taken so far. */
export function claimOwners(claims: string): Set<string> {
  const owners = new Set<string>();
  for (const name of readdirSync(claims)) owners.add(readFileSync(join(claims, name), 'utf8'));
  return owners;
}

/** How many chunks are taken. */
export function claimCount(claims: string): number {
  return readdirSync(claims).length;
}
