/**
 * The ring that carries a reading thread's fingerprints to the CLI (src/cli/fingerprint-ring.ts):
 * every pair arrives once, in order, across the ring's end; a closed ring takes no more.
 */
import { expect, it } from 'vitest';
import { closeRing, drainRing, newRing, ringWriter } from '../../src/cli/fingerprint-ring.js';

it('passes every pair on in order, many times round the ring', () => {
  const ring = newRing();
  let wakes = 0;
  const write = ringWriter(ring, () => wakes++);
  let next = 0;
  let expected = 0;
  let bad = 0;
  // 40 batches of 50,001 pairs: 4M ints through a ring of 1M (the batch size does not divide it)
  for (let b = 0; b < 40; b++) {
    const batch = new Int32Array(100_002);
    for (let i = 0; i < batch.length; i++) batch[i] = next++;
    write(batch);
    drainRing(ring, (pairs) => {
      expect(pairs.length % 2).toBe(0);
      for (const v of pairs) if (v !== expected++) bad++;
    });
  }
  expect([bad, expected, wakes]).toEqual([0, next, 40]);
  // nothing left: a second drain hands on nothing
  drainRing(ring, () => bad++);
  expect(bad).toBe(0);
});

it('a closed ring: the writer drops what it is given and never waits', () => {
  const ring = newRing();
  const write = ringWriter(ring, () => {});
  closeRing(ring);
  write(new Int32Array(4 << 20)); // more than the ring holds: would wait if it were open
  let got = 0;
  drainRing(ring, (pairs) => (got += pairs.length));
  expect(got).toBe(0);
});
