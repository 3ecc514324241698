/**
 * Fast path: the duplicate check's fingerprint table (see file-scan.ts for what a fingerprint is),
 * and what a chunk reader passes its fingerprints on with.
 */
import type { FingerprintSink } from './fast-parallel.js';

/**
 * Row fingerprints for the duplicate check: 31 bits stored, the slot from 32 others. A hit is only
 * a candidate, confirmed (or not) on the exact key in a second pass. Fingerprints are queued and
 * inserted a batch at a time in slot order: one random memory access per row would cost more than
 * reading the row. A pair of equal fingerprints is found whatever the order, so this changes
 * nothing. When rows outnumber the estimate a bigger generation is added rather than rehashed.
 */
export class FingerprintTable {
  /** power-of-two tables, the slot from the top bits of a (so slot order is a's order) */
  private readonly gens: { slots: Int32Array; shift: number }[] = [];
  private used = 0;
  private readonly qa: Int32Array;
  private readonly qb: Int32Array;
  private queued = 0;
  /** the queue in slot order */
  private readonly sa: Int32Array;
  private readonly sb: Int32Array;
  private readonly counts = new Int32Array(FP_BUCKETS + 1);

  constructor(
    estimate: number,
    private readonly onHit: (v: number) => void,
  ) {
    // a small file needs a small batch: allocating 3 MB for 40 rows shows in start-up time
    let batch = 1024;
    while (batch < estimate && batch < FP_BATCH) batch *= 2;
    this.qa = new Int32Array(batch);
    this.qb = new Int32Array(batch);
    this.sa = new Int32Array(batch);
    this.sb = new Int32Array(batch);
    this.addGen(fingerprintBits(estimate));
  }

  private addGen(bits: number): void {
    this.gens.push({ slots: new Int32Array(1 << bits), shift: 32 - bits });
    this.used = 0;
  }

  add(a: number, b: number): void {
    this.qa[this.queued] = a;
    this.qb[this.queued] = b;
    if (++this.queued === this.qa.length) this.flush();
  }

  /** fingerprints another reader found: a, b pairs */
  addPairs(pairs: Int32Array): void {
    for (let i = 0; i + 1 < pairs.length; i += 2) this.add(pairs[i]!, pairs[i + 1]!);
  }

  flush(): void {
    const n = this.queued;
    if (n === 0) return;
    this.queued = 0;
    // counting sort by the top bits of a, the pairs themselves moved (then read in order)
    const { qa, qb, sa, sb, counts } = this;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(qa[i]! >>> FP_SHIFT) + 1]!++;
    for (let k = 1; k <= FP_BUCKETS; k++) counts[k]! += counts[k - 1]!;
    for (let i = 0; i < n; i++) {
      const a = qa[i]!;
      const k = counts[a >>> FP_SHIFT]!++;
      sa[k] = a;
      sb[k] = qb[i]!;
    }
    const gens = this.gens;
    for (let j = 0; j < n; j++) {
      const last = gens.length - 1;
      const a = sa[j]!;
      const v = sb[j]! | 1;
      let hit = false;
      for (let g = 0; g <= last && !hit; g++) {
        const { slots, shift } = gens[g]!;
        const mask = slots.length - 1;
        let k = a >>> shift;
        for (;;) {
          const x = slots[k]!;
          if (x === 0) {
            if (g === last) {
              slots[k] = v;
              if (++this.used * 4 > slots.length * 3) this.addGen(32 - shift + 1);
            }
            break;
          }
          if (x === v) {
            hit = true;
            break;
          }
          k = (k + 1) & mask;
        }
      }
      if (hit) this.onHit(v);
    }
  }
}

/** A chunk reader's fingerprints, passed on in batches of a, b pairs to the table that has them all. */
export class FingerprintForwarder {
  private readonly pairs = new Int32Array(2 * FORWARD_BATCH);
  private n = 0;
  constructor(private readonly sink: FingerprintSink) {}

  add(a: number, b: number): void {
    this.pairs[this.n++] = a;
    this.pairs[this.n++] = b;
    if (this.n === this.pairs.length) this.flush();
  }

  flush(): void {
    if (this.n > 0) this.sink(this.pairs.subarray(0, this.n));
    this.n = 0;
  }
}

const FORWARD_BATCH = 1 << 16;

/** table bits for an estimated number of rows (load ≤ 1/1.3) */
export function fingerprintBits(estimate: number): number {
  let bits = 12;
  while (1 << bits < estimate * 1.3 && bits < 30) bits++;
  return bits;
}

const FP_BATCH = 1 << 18;
const FP_SHIFT = 18;
const FP_BUCKETS = 1 << (32 - FP_SHIFT);

