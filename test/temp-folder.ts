/**
 * vitest globalSetup: the whole run gets a temporary folder of its own (TMPDIR, which os.tmpdir()
 * and every test's mkdtempSync read, and the test workers and the CLIs they start inherit), removed
 * when the run ends — so that `npm test` leaves nothing in /tmp, whatever a test forgets. A run
 * killed before its end leaves its folder: the next run removes those whose run is gone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'jinchang-test-run-';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = tmpdir();
  removeFoldersOfEndedRuns(root);
  const dir = mkdtempSync(join(root, PREFIX));
  writeFileSync(join(dir, 'run.pid'), String(process.pid));
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}

function removeFoldersOfEndedRuns(root: string): void {
  for (const name of readdirSync(root).filter((n) => n.startsWith(PREFIX))) {
    const dir = join(root, name);
    try {
      const pid = Number(readFileSync(join(dir, 'run.pid'), 'utf8'));
      process.kill(pid, 0); // still running (another worktree's run): leave it
    } catch (e) {
      // ESRCH: the run is gone; no run.pid: a folder of an older setup, or being made (left alone)
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') rmSync(dir, { recursive: true, force: true });
    }
  }
}
