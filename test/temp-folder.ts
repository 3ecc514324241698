/**
 * vitest globalSetup: the whole run gets a temporary folder of its own (TMPDIR, which os.tmpdir()
 * and every test's mkdtempSync read, and the test workers and the CLIs they start inherit), removed
 * when the run ends — so that `npm test` leaves nothing in /tmp, whatever a test forgets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'jinchang-test-run-'));
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
