/**
 * Reading helpers started by the bin shim, before the CLI's code loads, for `calc` on a big file.
 * A helper takes ~80 ms to start, most of it Node's own start; started here it is up ~20 ms
 * sooner, and starts while the CLI loads rather than while it compiles its scanner (two cores).
 * calc adopts them (read-helpers.ts) when it reads with helpers, or ends them; if it never gets
 * that far (a usage error, --help), they are ended as the CLI exits. Built as its own small
 * bundle (dist/early-helpers.cjs): deciding costs a calc well under a millisecond.
 */
import { statSync } from 'node:fs';
import { helpersMayRead } from './file-reader.js';
import { helperSettings, wantsHelpers } from './helper-settings.js';
import { helperCount, startHelperProcesses, stopHelperProcesses, type HelperProcesses, type Spawn } from './helper-processes.js';

/** Helpers for `argv` (as the shim got it) if calc will want them, running `script`; else undefined. */
export function startHelpersEarly(argv: readonly string[], env: Record<string, string | undefined>, script: string, spawnProcess: () => Spawn): HelperProcesses | undefined {
  // `jinchang-carbon calc FILE…` only; any other command line decides later, as calc does anyway
  if (argv[2] !== 'calc' || env.JINCHANG_FAST === '0' || env.JINCHANG_FAST === 'stream') return undefined;
  const settings = helperSettings(env);
  // every argument that names a file helpers could share (option values too: calc decides again)
  const sizes = argv.slice(3).map((arg) => {
    if (arg.startsWith('-')) return undefined;
    try {
      const stat = statSync(arg);
      return helpersMayRead(arg, stat) ? stat.size : undefined;
    } catch {
      return undefined;
    }
  });
  if (!wantsHelpers(sizes, settings)) return undefined;
  const count = helperCount(settings);
  const started = count > 0 ? startHelperProcesses(count, script, spawnProcess) : undefined;
  if (started) {
    process.once('exit', () => {
      if (!started.adopted) stopHelperProcesses(started.dir);
    });
  }
  return started;
}
