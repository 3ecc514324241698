import { error, type Diagnostic } from '../diagnostics.js';
import type { Cells, Place, ScenarioInput } from './scenarios.js';

/** A scenario with its parents' cells taken in: from here on it is read as one scenario. */
export interface ResolvedScenario {
  name: string;
  based_on: string | undefined;
  /** the scenario, its parent, its parent's parent, … */
  chain: string[];
  /** year → cells, sorted by year; each cell is the scenario's own or, where it gives none, its parent's for that year */
  rows: Map<number, Cells>;
  at: Place;
}

/**
 * LEAP-style inheritance, cell by cell: for every year either the scenario or any ancestor gives a row for,
 * each variable is the scenario's own cell if it gives one, else its parent's (itself resolved the same way).
 * Filling between years (steps, interpolation) happens after, on the merged rows, so a child that changes a
 * level in 2025 bends its parent's line from there. Unknown or circular `based_on` is an error.
 */
export function resolveInheritance(scenarios: readonly ScenarioInput[]): { scenarios: ResolvedScenario[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map(scenarios.map((s) => [s.name, s]));
  const done = new Map<string, ResolvedScenario | null>();

  const resolve = (s: ScenarioInput, visiting: string[]): ResolvedScenario | null => {
    if (done.has(s.name)) return done.get(s.name)!;
    if (visiting.includes(s.name)) {
      diagnostics.push(error('PATHWAY_PARENT_CYCLE', { scenario: s.name, cycle: [...visiting.slice(visiting.indexOf(s.name)), s.name].join(' → ') }, s.at));
      done.set(s.name, null);
      return null;
    }
    let parent: ResolvedScenario | null | undefined;
    if (s.based_on !== undefined) {
      const p = byName.get(s.based_on);
      if (!p) {
        diagnostics.push(error('PATHWAY_UNKNOWN_PARENT', { scenario: s.name, parent: s.based_on, known: [...byName.keys()].join(', ') }, s.at));
        done.set(s.name, null);
        return null;
      }
      parent = resolve(p, [...visiting, s.name]);
      if (parent === null) {
        done.set(s.name, null);
        return null;
      }
    }
    const years = new Set<number>([...s.rows.keys(), ...(parent ? [...parent.rows.keys()] : [])]);
    const rows = new Map<number, Cells>();
    for (const year of [...years].sort((a, b) => a - b)) {
      rows.set(year, { ...(parent?.rows.get(year) ?? {}), ...(s.rows.get(year) ?? {}) });
    }
    const out: ResolvedScenario = { name: s.name, based_on: s.based_on, chain: [s.name, ...(parent?.chain ?? [])], rows, at: s.at };
    done.set(s.name, out);
    return out;
  };

  const out: ResolvedScenario[] = [];
  for (const s of scenarios) {
    const r = resolve(s, []);
    if (r) out.push(r);
  }
  return { scenarios: out, diagnostics };
}
