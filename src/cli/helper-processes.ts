/**
 * The reading helpers as processes: a session folder (claims are hard links in it) and one
 * process per helper, each waiting there for jobs (src/cli/read-helper.ts). Started by the bin
 * shim before the CLI's code loads (early-helpers.ts) or by calc itself (read-helpers.ts).
 */
import type { spawn } from 'node:child_process';
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  // loaded before the folder is made: the moments between making it and starting the helpers
  // (who remove it if this process dies) are kept as few as can be
  let run: Spawn;
  try {
    run = spawnProcess();
  } catch {
    return undefined;
  }
  let dir: string | undefined;
  const release = guardSignals(() => {
    if (dir) stopHelperProcesses(dir);
  });
  dir = sessionFolder();
  try {
    if (!dir) return undefined;
    // in a process group of their own, so that Ctrl-C stops the CLI, and they clean up after it
    const session = dir;
    const pids = Array.from({ length: count }, (_, i) => {
      const child = run(process.execPath, [script, session, String(i), String(process.pid)], { stdio: 'ignore', detached: true });
      child.unref();
      child.on('error', () => {});
      return child.pid;
    });
    return { dir, pids, adopted: false };
  } catch {
    if (dir) stopHelperProcesses(dir);
    return undefined;
  } finally {
    release();
  }
}

/**
 * A signal that comes while the folder exists and no helper is there yet to remove it: remove it,
 * then die of the signal as if nothing had listened. Listening ends at the next turn of the event
 * loop (a signal is only handled there), before any long reading: a listener then would hold back
 * Ctrl-C until the reading is done.
 */
function guardSignals(cleanup: () => void): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const stop = () => signals.forEach((sig) => process.removeListener(sig, onSignal));
  function onSignal(signal: NodeJS.Signals): void {
    stop();
    try {
      cleanup();
    } finally {
      process.kill(process.pid, signal);
    }
  }
  signals.forEach((sig) => process.on(sig, onSignal));
  return () => setImmediate(stop).unref();
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

/** The session folders' names, in the temporary folder; each holds `cli.pid`, the process that made it. */
const SESSION_PREFIX = 'jinchang-read-';
const OWNER_FILE = 'cli.pid';

/** The session's temporary folder, once hard links are seen to work in it (claims are links); else undefined. */
function sessionFolder(): string | undefined {
  removeAbandonedFolders();
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), SESSION_PREFIX));
    writeFileSync(join(dir, OWNER_FILE), String(process.pid));
    linkSync(join(dir, OWNER_FILE), join(dir, 'probe-link'));
    return dir;
  } catch {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * Folders of earlier runs whose CLI is gone (killed with SIGKILL, out of memory) and whose helpers
 * did not outlive it: removed. A folder whose process still runs, or that is being made (no
 * `cli.pid` yet, less than a minute old), stays.
 */
export function removeAbandonedFolders(root = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(root).filter((n) => n.startsWith(SESSION_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(root, name);
    try {
      let pid: number;
      try {
        pid = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
      } catch {
        if (Date.now() - statSync(dir).mtimeMs < 60_000) continue;
        pid = NaN;
      }
      if (Number.isInteger(pid) && pid > 0 && processExists(pid)) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // another user's folder, or gone meanwhile
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
