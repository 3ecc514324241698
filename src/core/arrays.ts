/**
 * Array helpers for data-sized lists. `a.push(...b)` and `Math.max(...b)` pass every item as an
 * argument, and V8 runs out of stack at about 120,000: a file with that many warnings, or rows,
 * crashed calc with "Maximum call stack size exceeded".
 */

/** Appends every item of `items` to `target`. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

/** The largest of `values`, or `empty` when there is none. */
export function maxOf(values: readonly number[], empty = -Infinity): number {
  let max = empty;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i]! > max) max = values[i]!;
  return max;
}
