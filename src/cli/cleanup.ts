/**
 * What to undo however the process ends: on a normal exit, on an uncaught error, and on SIGINT,
 * SIGTERM and SIGHUP, after which the process still dies of that signal (a shell sees 130, 143,
 * 129 as without us). A task is a quick synchronous clean-up, such as removing a temporary file.
 * The signals are listened to only while a task is pending: a listener defers a signal until the
 * event loop turns, which would hold back Ctrl-C during a long synchronous calculation.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const tasks = new Set<() => void>();
let exitHook = false;
let listening = false;

/** Runs `task` when the process ends, unless the returned function is called first. */
export function onCleanup(task: () => void): () => void {
  tasks.add(task);
  listen();
  return () => {
    tasks.delete(task);
    if (tasks.size === 0) stopListening();
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
  stopListening();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function listen(): void {
  if (!exitHook) process.once('exit', runAll);
  exitHook = true;
  if (listening) return;
  listening = true;
  for (const s of SIGNALS) process.on(s, onSignal);
}

function stopListening(): void {
  listening = false;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}
