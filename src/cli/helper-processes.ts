/**
 * The reading helpers as processes: a session folder (claims are hard links in it) and one
 * process per helper, each waiting there for jobs (src/cli/read-helper.ts). Started by the bin
 * shim before the CLI's code loads (early-helpers.ts) or by calc itself (read-helpers.ts).
 */
import type { spawn } from 'node:child_process';
import { linkSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HelperSettings } from './helper-settings.js';

export interface HelperProcesses {
  /** the session's temporary folder */
  dir: string;
  /** one per helper; undefined when a spawn failed */
  pids: (number | undefined)[];
  /** calc has taken them over (read-helpers.ts) and will end them */
  adopted: boolean;
}

/** How many helpers to start: the settings' number, else one less than the cores (at most 7); 0 on systems other than Linux (a helper that died is told by /proc). */
export function helperCount(settings: HelperSettings): number {
  if (process.platform !== 'linux') return 0;
  return Math.max(0, Math.min(settings.helpers ?? Math.max(availableParallelism() - 1, 0), settings.helpers === undefined ? 7 : 16));
}

/** How helpers are started: node:child_process's spawn, handed in (loading that module costs ~2.5 ms, and the shim loads it only when it starts a helper). */
export type Spawn = typeof spawn;

/** Starts `count` helpers running `script`, or undefined when the folder they need cannot be made. */
export function startHelperProcesses(count: number, script: string, spawnProcess: () => Spawn): HelperProcesses | undefined {
  const dir = sessionFolder();
  if (!dir) return undefined;
  try {
    const run = spawnProcess();
    // in a process group of their own, so that Ctrl-C stops the CLI, and they clean up after it
    const pids = Array.from({ length: count }, (_, i) => {
      const child = run(process.execPath, [script, dir, String(i), String(process.pid)], { stdio: 'ignore', detached: true });
      child.unref();
      child.on('error', () => {});
      return child.pid;
    });
    return { dir, pids, adopted: false };
  } catch {
    stopHelperProcesses(dir);
    return undefined;
  }
}

/** No more jobs: the helpers stop, and the folder goes when this process exits. */
export function endHelperProcesses(dir: string): void {
  tellEnd(dir);
  // removed at exit, after the CLI's output (a recursive remove is ~10 ms)
  process.once('exit', () => removeFolder(dir));
}

/** The same at once (the process is exiting). */
export function stopHelperProcesses(dir: string): void {
  tellEnd(dir);
  removeFolder(dir);
}

function tellEnd(dir: string): void {
  try {
    writeFileSync(join(dir, 'end'), '');
  } catch {
    // the folder is gone already
  }
}

function removeFolder(dir: string): void {
  // a helper still starting may write its owner file meanwhile: retry; a folder left behind is no failure
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 10 });
  } catch {
    // left to the system's temporary-file cleaning
  }
}

/** The session's temporary folder, once hard links are seen to work in it (claims are links); else undefined. */
function sessionFolder(): string | undefined {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'jinchang-read-'));
    writeFileSync(join(dir, 'probe'), '');
    linkSync(join(dir, 'probe'), join(dir, 'probe-link'));
    return dir;
  } catch {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}
