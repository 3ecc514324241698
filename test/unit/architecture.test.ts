/**
 * The shape of the code, enforced rather than hoped for (issue 15): src/core is pure — no file
 * system, no process, no terminal, nothing from src/cli — and no module imports itself through
 * others (static or dynamic imports; type-only imports are left out, they vanish at run time).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

const src = join(repoRoot, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** module specifiers a file imports at run time: `import … from`, `export … from`, `import(…)`, never `import type` */
function imports(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm)) if (!m[2]) out.push(m[3]!);
  for (const m of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

const FORBIDDEN_IN_CORE = /^(node:)?(fs|fs\/promises|child_process|os|process|tty|readline|worker_threads|net|http|https)$|^(chalk|commander|exceljs)$/;

describe('src/core is pure', () => {
  const core = files(join(src, 'core'));
  it.each(core.map((f) => [relative(src, f), f]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const bad = imports(text).filter((spec) => FORBIDDEN_IN_CORE.test(spec) || (spec.startsWith('.') && !resolve(dirname(file), spec).startsWith(join(src, 'core'))));
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, "''");
    const globals = [...code.matchAll(/\b(process\.\w+|console\.\w+|require\()/g)].map((m) => m[1]!);
    expect([...bad, ...globals]).toEqual([]);
  });
});

describe('no import cycles in src', () => {
  it('the module graph has none', () => {
    const graph = new Map<string, string[]>();
    for (const file of files(src)) {
      const deps = imports(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
      graph.set(file, deps);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'open');
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === 'open') cycles.push(stack.slice(stack.indexOf(d)).concat(d).map((x) => relative(src, x)).join(' → '));
        else if (!state.has(d) && graph.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
