/**
 * Writing `-o FILE`: the whole file or nothing, and never worse for what was there. The content
 * goes to a temporary file beside the target, is flushed, then renamed over it, so an existing
 * file is only replaced by complete content. The temporary file is removed on every way out (an
 * error, an exit, SIGINT/SIGTERM/SIGHUP). A replaced file keeps its mode (and owner, where we may
 * set it); a file nobody may write is not replaced; a symbolic link is written through, to its
 * target, atomically, and stays a link.
 *
 * What the command line asked for and cannot be (a folder as the file, a missing folder, a
 * read-only file) is a usage error (exit 2); what the system refused while writing (permission,
 * a full disk, a read-only file system) is an output error (exit 4).
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { Writable } from 'node:stream';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/usage-error.js';
import { onCleanup } from './cleanup.js';
import { OutputError } from './context.js';

/** Where the content goes: the file to replace (a link followed), and what to keep of the old one. */
interface OutputPlan {
  /** as the user wrote it, for messages */
  path: string;
  /** the file actually replaced: `path`, or the end of its chain of symbolic links */
  target: string;
  existing?: Stats | undefined;
}

/** Writes `content` to `path` whole or not at all. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const plan = planOutput(path);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { fd, temp, forget } = openTemp(plan);
  try {
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, plan.target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw outputFailure(e, plan);
  } finally {
    forget();
  }
}

/**
 * Like writeFileAtomic, for content written as a stream (a workbook): `write` writes to the stream
 * it is given and resolves once it has ended it.
 */
export async function writeStreamAtomic(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const plan = planOutput(path);
  const { fd, temp, forget } = openTemp(plan);
  let closed = false;
  try {
    const out = fdWriter(fd);
    // a failed write (a full disk) ends the wait at once: the writer may never finish after it
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    const finished = new Promise<void>((ok) => out.once('finish', ok));
    await Promise.race([write(out).then(() => finished), failed]);
    fsyncSync(fd);
    closeSync(fd);
    closed = true;
    renameSync(temp, plan.target);
  } catch (e) {
    if (!closed) closeSync(fd);
    rmSync(temp, { force: true });
    throw outputFailure(e, plan);
  } finally {
    forget();
  }
}

/** A stream writing synchronously to `fd`: nothing queues up in memory, and an error surfaces on the write that met it. */
function fdWriter(fd: number): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      try {
        let done = 0;
        while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
        callback();
      } catch (e) {
        callback(e as Error);
      }
    },
  });
}

/** Checks the target before any work is written: the usage errors are found here. */
export function planOutput(path: string): OutputPlan {
  const target = followLinks(resolve(path));
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) {
    throw new UsageError(
      `-o ${path} is a folder; give a file name, e.g. ${join(path, 'result.csv')}`,
      `-o ${path} 是文件夹；请给出文件名，例如 ${join(path, 'result.csv')}`,
    );
  }
  if (existing && !existing.isFile()) {
    throw new UsageError(`-o ${path} is not a regular file; give a file name`, `-o ${path} 不是普通文件；请给出文件名`);
  }
  if (existing && !writable(target, existing)) {
    throw new UsageError(
      `${path} is read-only, so it is not replaced; choose another file name, or make it writable (chmod u+w ${path})`,
      `${path} 是只读文件，不予覆盖；请换一个文件名，或先将其改为可写（chmod u+w ${path}）`,
    );
  }
  const folder = statSync(dirname(target), { throwIfNoEntry: false });
  if (!folder?.isDirectory()) {
    throw new UsageError(`the folder of ${path} does not exist`, `${path} 所在的文件夹不存在`);
  }
  return { path, target, existing };
}

/** A file is replaced only if the user may write it: no write bit at all means read-only, even for root. */
function writable(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The end of a chain of symbolic links (which may not exist yet: a link to a file still to be written). */
function followLinks(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let stats: Stats | undefined;
    try {
      stats = lstatSync(current);
    } catch {
      return current;
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new UsageError(`-o ${path}: too many levels of symbolic links`, `-o ${path}：符号链接层数过多`);
}

/** Creates the temporary file, registered for removal before it exists, with the mode the result will have. */
function openTemp(plan: OutputPlan): { fd: number; temp: string; forget: () => void } {
  const temp = join(dirname(plan.target), `.${basename(plan.target)}.${randomBytes(6).toString('hex')}.tmp`);
  const forget = onCleanup(() => rmSync(temp, { force: true }));
  let fd: number;
  try {
    // a replaced file's content is readable by no more people while it is written than before
    fd = openSync(temp, 'wx', plan.existing ? 0o600 : 0o666);
  } catch (e) {
    forget();
    throw outputFailure(e, plan);
  }
  if (plan.existing) {
    try {
      fchmodSync(fd, plan.existing.mode & 0o7777);
      const mine = fstatSync(fd);
      if (mine.uid !== plan.existing.uid || mine.gid !== plan.existing.gid) fchownSync(fd, plan.existing.uid, plan.existing.gid);
    } catch {
      // only root may give a file away; then the new file is the user's own, with the old mode
    }
  }
  return { fd, temp, forget };
}

/** The system's refusal in the user's words; anything we did not foresee stays an error as it was. */
function outputFailure(e: unknown, plan: OutputPlan): unknown {
  if (e instanceof UsageError || e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const path = plan.path;
  const folder = dirname(plan.target);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new OutputError(
        `cannot write ${path}: no permission to create files in ${folder}; choose another folder with -o`,
        `无法写入 ${path}：没有在 ${folder} 中创建文件的权限；请用 -o 换一个文件夹`,
      );
    case 'EROFS':
      return new OutputError(`cannot write ${path}: ${folder} is on a read-only file system`, `无法写入 ${path}：${folder} 位于只读文件系统`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new OutputError(
        `cannot write ${path}: no space left on the disk (or over quota); ${path} was left as it was`,
        `无法写入 ${path}：磁盘已满（或超出配额）；${path} 保持原样`,
      );
    default: {
      if (!code) return e;
      // ENOENT under /proc, EIO, EFBIG, EXDEV...: the place does not take files this way
      const reason = (e as Error).message;
      return new OutputError(
        `cannot write ${path} (${reason}); choose a file in an ordinary, writable folder`,
        `无法写入 ${path}（${reason}）；请改写到普通的、可写的文件夹中`,
      );
    }
  }
}
