import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

/**
 * Every command the docs show on the bundled files runs as a new user would run it: exit 0 and nothing on stderr,
 * in English and in Chinese, unless the doc says the command warns (DOCUMENTED below). The commands are read from
 * the docs themselves — fenced code blocks and inline `code` spans of README.md, examples/README.md and docs/*.md —
 * so a doc change whose command starts to warn, or names an option the command lacks, fails here. Commands on
 * placeholders (data.csv, indicators.csv) are left out: they need the user's files. Outputs (-o, > file) go to the
 * test's temporary folder; `> file` onto a file of the repository (the golden output) is compared with it instead.
 */

const DOCS = ['README.md', 'examples/README.md', ...['DECOMPOSE', 'INTENSITY', 'METHODOLOGY', 'PATHWAY', 'REPORT', 'PERFORMANCE'].map((d) => `docs/${d}.md`)];
const COMMANDS = ['calc', 'validate', 'template', 'factors', 'intensity', 'pathway', 'decompose', 'report'];
const BIN = /^(?:jinchang-carbon|node\s+bin\/jinchang-carbon\.js)\s+/;

/** Warnings a doc shows on purpose, and where it says so. Anything else on stderr fails. */
const DOCUMENTED: { command: RegExp; stderr: RegExp; why: string }[] = [
  {
    command: /--electricity-method coal/,
    stderr: /^cn-power-coal-rate\/2025\.csv:\d+: (?:warning: the 2021 coal rate 302\.5 gce\/kWh .* has no source seen|警告: 2021 年供电标准煤耗 302\.5 克\/千瓦时.*未见出处)/,
    why: 'examples/README.md: the bundled 2021 coal rate is unverified, and every run that uses it says so',
  },
  {
    command: /--compare-factors mee-grid-2023/,
    stderr: /^(?:warning: comparison: the 2023 grid factor of mee-grid-2023@2025-12 replaces the grid factor of 2022 data|警告: 对比：2022 年数据的电网因子改用 mee-grid-2023@2025-12 的 2023 年因子)/,
    why: 'docs/METHODOLOGY.md §4 and §7: a year whose grid-factor year changes in a comparison is warned about',
  },
];
/** Lines on stderr that are not warnings: the header of --compare-factors, the count of `factors diff`. */
const NOT_WARNINGS = /^(?:Factor tables compared \(before → after\):|因子表对比（原 → 新）：|\s+[a-z-]+: \S+@\S+ → \S+@\S+|\S+@\S+ → \S+@\S+ ?[(（].*)$/;

interface DocCommand {
  doc: string;
  text: string;
  env: Record<string, string>;
  args: string[];
  /** `> file`: a file of the repository the doc regenerates, compared with stdout */
  stdoutTo?: string;
}

/** The commands a doc shows: lines of its fenced blocks (with `\` continuations) and its inline code spans. */
function commandsOf(doc: string): { line: string; inline: boolean }[] {
  const text = readFileSync(join(repoRoot, doc), 'utf8');
  const out: { line: string; inline: boolean }[] = [];
  const fenced = /^```[^\n]*\n([\s\S]*?)^```/gm;
  for (const m of text.matchAll(fenced)) {
    const lines = m[1]!.replace(/\\\n\s*/g, ' ').split('\n');
    for (const line of lines) out.push(...line.replace(/^\$\s+/, '').split('&&').map((l) => ({ line: l, inline: false })));
  }
  const withoutFences = text.replace(fenced, '');
  for (const m of withoutFences.matchAll(/`([^`]+)`/g)) {
    const span = m[1]!.replace(/\s+/g, ' ');
    if (COMMANDS.some((c) => span.startsWith(`${c} `))) out.push({ line: `jinchang-carbon ${span}`, inline: true });
  }
  return out.map((c) => ({ ...c, line: c.line.replace(/\s+#\s.*$/, '').trim() })).filter((c) => c.line.length > 0);
}

/**
 * The runnable ones: the CLI on files that exist in the repository (inputs), whatever it writes; in a fenced block
 * also `factors` with its arguments. An inline span without a bundled file is prose (`factors check`), not a command.
 */
function parse(doc: string, { line, inline }: { line: string; inline: boolean }, temp: string): DocCommand | undefined {
  const env: Record<string, string> = {};
  let rest = line;
  for (let m = /^([A-Z_]+)=(\S*)\s+/.exec(rest); m; m = /^([A-Z_]+)=(\S*)\s+/.exec(rest)) {
    env[m[1]!] = m[2]!;
    rest = rest.slice(m[0].length);
  }
  if (!BIN.test(rest) || /[|<]/.test(rest)) return undefined;
  const words = rest.replace(BIN, '').split(/\s+/);
  let stdoutTo: string | undefined;
  const redirect = words.indexOf('>');
  if (redirect >= 0) {
    stdoutTo = words[redirect + 1];
    words.splice(redirect);
  }
  if (words.some((w) => /[[\]<>…*]/.test(w))) return undefined; // a synopsis, not a command
  const args: string[] = [];
  let inputs = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = words[i - 1];
    if (prev === '-o' || prev === '--output') {
      args.push(join(temp, `${args.length}-${basename(w)}`));
      continue;
    }
    if (/\.(csv|tsv|json|xlsx|html|md)$/.test(w) || w.includes('/')) {
      if (!existsSync(join(repoRoot, w))) return undefined; // a placeholder: the user's own file
      inputs++;
    }
    args.push(w);
  }
  if (inputs === 0 && (inline || args[0] !== 'factors' || args.length < 2)) return undefined;
  if (stdoutTo !== undefined && !existsSync(join(repoRoot, stdoutTo))) stdoutTo = undefined;
  return { doc, text: line, env, args, ...(stdoutTo ? { stdoutTo } : {}) };
}

const temp = mkdtempSync(join(tmpdir(), 'jc-doc-commands-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const seen = new Set<string>();
const commands = DOCS.flatMap((doc) => commandsOf(doc).map((c) => parse(doc, c, temp))).filter((c): c is DocCommand => {
  const key = JSON.stringify([c?.env, c?.args, c?.stdoutTo]);
  if (!c || seen.has(key)) return false;
  seen.add(key);
  return true;
});

describe('the commands the docs show on the bundled files', () => {
  it('are found: the README, examples/README.md and docs/ show them', () => {
    const docs = new Set(commands.map((c) => c.doc));
    for (const doc of ['README.md', 'examples/README.md', 'docs/METHODOLOGY.md', 'docs/PATHWAY.md', 'docs/REPORT.md']) expect(docs, doc).toContain(doc);
    expect(commands.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(['en', 'zh'])('--lang %s', (lang) => {
    it.each(commands.map((c) => [`${c.doc}: ${c.text}`, c] as const))('%s', (_name, c) => {
      const hasLang = c.args.includes('--lang');
      const r = runCli(hasLang ? c.args : [...c.args, '--lang', lang], { env: c.env });
      expect(r.code, r.stderr).toBe(0);
      const documented = DOCUMENTED.filter((d) => d.command.test(c.text));
      const unexpected = r.stderr
        .split('\n')
        .filter((l) => l.length > 0 && !NOT_WARNINGS.test(l) && !documented.some((d) => d.stderr.test(l)));
      expect(unexpected, `stderr of ${c.text}`).toEqual([]);
      // a warning the doc promises is still there (else DOCUMENTED and the doc are stale)
      for (const d of documented) expect(r.stderr.split('\n').some((l) => d.stderr.test(l)), d.why).toBe(true);
      if (c.stdoutTo && (hasLang || lang === 'en')) expect(r.stdout, `${c.stdoutTo} is what the doc's command writes`).toBe(readFileSync(join(repoRoot, c.stdoutTo), 'utf8'));
    });
  });
});
