import { ZERO } from '../decimal.js';
import type { Totals } from '../calc/aggregate.js';
import type { ProcessLine } from './calculate.js';

/**
 * The totals with the process lines' CO2, N2O and CO2e, and the inventory (territorial CO2e +
 * process CO2e), when a process file was given; without one the totals are the energy ones alone.
 */
export function withProcessTotals(totals: Totals, lines: readonly ProcessLine[], processInput: boolean): Totals {
  if (!processInput) return totals;
  const add = (pick: (l: ProcessLine) => typeof ZERO) => lines.reduce((a, l) => a.plus(pick(l)), ZERO);
  const co2e = add((l) => l.co2e);
  return {
    ...totals,
    process_co2_t: add((l) => l.co2),
    process_n2o_t: add((l) => l.n2o),
    process_co2e_t: co2e,
    inventory_co2e_t: totals.territorial_co2e_t.plus(co2e),
  };
}

/** Process lines summed by year and product (the report's and the workbook's view). */
export function processByProduct(lines: readonly ProcessLine[]): ProcessLine[][] {
  const groups = new Map<string, ProcessLine[]>();
  for (const l of lines) {
    const key = `${l.year}\u0000${l.product.id}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()];
}
