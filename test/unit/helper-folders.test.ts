/**
 * A CLI killed outright (SIGKILL, out of memory) cannot remove its helpers' session folder, and
 * its helpers may be gone too: the next run that starts helpers removes such folders.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { removeAbandonedFolders } from '../../src/cli/helper-processes.js';

const root = mkdtempSync(join(tmpdir(), 'jinchang-folders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, pid?: number, ageSeconds = 0): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'job-1'), 'x');
  if (pid !== undefined) writeFileSync(join(dir, 'cli.pid'), String(pid));
  const t = Date.now() / 1000 - ageSeconds;
  utimesSync(dir, t, t);
  return dir;
}

it('removes the folders of processes that are gone, keeps the rest', () => {
  // a process id that surely ended: a child that has exited and been waited for
  const gone = spawnSync(process.execPath, ['-e', '0']).pid;
  const dead = folder('jinchang-read-dead', gone);
  const alive = folder('jinchang-read-alive', process.pid);
  const starting = folder('jinchang-read-starting');
  const oldNoOwner = folder('jinchang-read-old', undefined, 120);
  const other = folder('something-else', gone);
  removeAbandonedFolders(root);
  expect([existsSync(dead), existsSync(alive), existsSync(starting), existsSync(oldNoOwner), existsSync(other)]).toEqual([false, true, true, false, true]);
});
