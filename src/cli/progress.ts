/**
 * A progress bar on standard error for long reads. Only on a terminal: piped or redirected,
 * stderr gets nothing but diagnostics. Drawn at most ten times a second, erased when done.
 */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const NONE: Progress = { update() {}, done() {} };

/** Bytes below which no bar is worth drawing (a read this small takes well under a second). */
export const PROGRESS_MIN_BYTES = 32 * 1024 * 1024;

export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  totalBytes: number,
  label: string,
): Progress {
  if (!stream.isTTY || totalBytes < PROGRESS_MIN_BYTES) return NONE;
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number) => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
    const f = total > 0 ? Math.min(1, done / total) : 0;
    const full = Math.round(f * width);
    const mb = (n: number) => (n / 1048576).toFixed(0);
    stream.write(`\r${label} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(f * 100).toFixed(0).padStart(3)}% ${mb(done)}/${mb(total)} MB`);
    drawn = true;
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(done, total);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
