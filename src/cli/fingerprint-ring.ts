/**
 * A reader's duplicate fingerprints on their way to the CLI: a ring of (a, b) pairs in shared
 * memory, written by the reading thread and emptied by the CLI between its chunks and while it
 * waits. Nothing is allocated per batch (a copy per batch, posted, cost 10M rows a third of a second).
 * Positions count ints written and read, wrapping at 2^32; the ring's size is a power of two.
 */
const RING_INTS = 1 << 20;
const HEAD = 0;
const TAIL = 1;
/** set by the CLI when it stops reading the ring (a job given up): the writer drops the rest */
const CLOSED = 2;

export interface FingerprintRing {
  control: Int32Array;
  pairs: Int32Array;
}

export function newRing(): FingerprintRing {
  return { control: new Int32Array(new SharedArrayBuffer(12)), pairs: new Int32Array(new SharedArrayBuffer(4 * RING_INTS)) };
}

/** The reading thread's side: appends a batch, waiting for room when the ring is full; `written` is then called. */
export function ringWriter(ring: FingerprintRing, written: () => void): (pairs: Int32Array) => void {
  const { control, pairs: data } = ring;
  let head = Atomics.load(control, HEAD);
  return (pairs) => {
    for (let off = 0; off < pairs.length; ) {
      if (Atomics.load(control, CLOSED)) return;
      const tail = Atomics.load(control, TAIL);
      const free = RING_INTS - ((head - tail) | 0);
      if (free === 0) {
        written();
        Atomics.wait(control, TAIL, tail, 50);
        continue;
      }
      const at = head & (RING_INTS - 1);
      const n = Math.min(free, pairs.length - off, RING_INTS - at);
      data.set(pairs.subarray(off, off + n), at);
      head = (head + n) | 0;
      off += n;
      Atomics.store(control, HEAD, head);
    }
    written();
  };
}

/** The CLI's side: hands `sink` what has been written since the last call (each batch good during the call only). */
export function drainRing(ring: FingerprintRing, sink: (pairs: Int32Array) => void): void {
  const { control, pairs: data } = ring;
  const head = Atomics.load(control, HEAD);
  let tail = Atomics.load(control, TAIL);
  while (tail !== head) {
    const at = tail & (RING_INTS - 1);
    const n = Math.min((head - tail) | 0, RING_INTS - at);
    sink(data.subarray(at, at + n));
    tail = (tail + n) | 0;
  }
  Atomics.store(control, TAIL, tail);
  Atomics.notify(control, TAIL);
}

/** The CLI reads no more of it: a writer still waiting for room stops. */
export function closeRing(ring: FingerprintRing): void {
  Atomics.store(ring.control, CLOSED, 1);
  Atomics.notify(ring.control, TAIL);
}
