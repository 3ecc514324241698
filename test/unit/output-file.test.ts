import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/usage-error.js';
import { OutputError } from '../../src/cli/context.js';
import { writeFileAtomic, writeStreamAtomic } from '../../src/cli/output-file.js';

// issue 14 items 8, 9, 10: -o replaces a file whole or not at all, and never worse for what was there
const tmp = mkdtempSync(join(tmpdir(), 'jc-output-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = join(tmp, String(n++));
  mkdirSync(dir);
  return dir;
};
const mode = (p: string) => statSync(p).mode & 0o777;

describe('writeFileAtomic', () => {
  it('keeps the mode of the file it replaces', () => {
    const dir = fresh();
    const file = join(dir, 'r.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(mode(file)).toBe(0o600);
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'newer');
    expect(mode(file)).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['r.csv']);
  });

  it('refuses (usage error) to replace a read-only file, and leaves it as it was', () => {
    const dir = fresh();
    const file = join(dir, 'r.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o444);
    expect(() => writeFileAtomic(file, 'new')).toThrow(UsageError);
    expect(() => writeFileAtomic(file, 'new')).toThrow(`${file} is read-only, so it is not replaced; choose another file name, or make it writable (chmod u+w ${file})`);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['r.csv']);
  });

  it('writes through a symbolic link to its target, which stays a link', () => {
    const dir = fresh();
    const target = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    symlinkSync('real.csv', link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.csv');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(mode(target)).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real.csv']);
  });

  it('creates the target of a link that points to no file yet', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'sub'));
    symlinkSync('sub/later.csv', join(dir, 'link.csv'));
    writeFileAtomic(join(dir, 'link.csv'), 'new');
    expect(readFileSync(join(dir, 'sub', 'later.csv'), 'utf8')).toBe('new');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
  });

  it('refuses a folder as the file, and a missing folder (usage errors)', () => {
    const dir = fresh();
    expect(() => writeFileAtomic(dir, 'x')).toThrow(`-o ${dir} is a folder; give a file name, e.g. ${join(dir, 'result.csv')}`);
    expect(() => writeFileAtomic(join(dir, 'no', 'r.csv'), 'x')).toThrow(`the folder of ${join(dir, 'no', 'r.csv')} does not exist`);
  });

  it('a place that takes no files (/proc) is an output error, not an internal one', () => {
    let error: unknown;
    try {
      writeFileAtomic('/proc/r.csv', 'x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toMatch(/^cannot write \/proc\/r\.csv \(.+\); choose a file in an ordinary, writable folder$/);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission is an output error naming the folder', () => {
    const dir = fresh();
    chmodSync(dir, 0o555);
    try {
      expect(() => writeFileAtomic(join(dir, 'r.csv'), 'x')).toThrow(
        new OutputError(`cannot write ${join(dir, 'r.csv')}: no permission to create files in ${dir}; choose another folder with -o`, ''),
      );
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('writeStreamAtomic', () => {
  it('writes what the stream is given, with the old mode', async () => {
    const dir = fresh();
    const file = join(dir, 'r.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await writeStreamAtomic(file, async (out) => {
      out.write('a');
      out.end('b');
    });
    expect(readFileSync(file, 'utf8')).toBe('ab');
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['r.xlsx']);
  });

  it('a writer that fails leaves the old file and no temporary file', async () => {
    const dir = fresh();
    const file = join(dir, 'r.xlsx');
    writeFileSync(file, 'old');
    await expect(
      writeStreamAtomic(file, async (out) => {
        out.write('partial');
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['r.xlsx']);
  });
});
