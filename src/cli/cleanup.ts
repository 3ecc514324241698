/**
 * What to undo however the process ends: on a normal exit, on an uncaught error, and on SIGINT,
 * SIGTERM and SIGHUP, after which the process still dies of that signal (a shell sees 130, 143,
 * 129 as without us). A task is a quick synchronous clean-up, such as removing a temporary file.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const tasks = new Set<() => void>();
let installed = false;

/** Runs `task` when the process ends, unless the returned function is called first. */
export function onCleanup(task: () => void): () => void {
  install();
  tasks.add(task);
  return () => {
    tasks.delete(task);
  };
}

function runAll(): void {
  for (const task of [...tasks]) {
    tasks.delete(task);
    try {
      task();
    } catch {
      // clean-up is best effort: one failing must not keep the others from running
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  // step aside and die of the signal as if we had never caught it, unless someone else handles it
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', runAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}
