import { describe, expect, it } from 'vitest';
import { appendAll, maxOf } from '../../src/core/arrays.js';

describe('data-sized arrays', () => {
  it('appendAll appends 500,000 items (push(...items) overflows the stack)', () => {
    const items = Array.from({ length: 500_000 }, (_, i) => i);
    const target = [-1];
    appendAll(target, items);
    expect(target).toHaveLength(500_001);
    expect(target[0]).toBe(-1);
    expect(target[500_000]).toBe(499_999);
  });

  it('maxOf finds the largest of 500,000 numbers, and gives `empty` for none', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_009);
    expect(maxOf(values)).toBe(values.reduce((a, b) => (b > a ? b : a)));
    expect(maxOf([3, -2, 9, 9, 1])).toBe(9);
    expect(maxOf([-5, -7])).toBe(-5);
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
  });
});
