import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// issue 14 item 12: Markdown keeps the user's words as text, as the HTML report does: no HTML, no
// links or emphasis, and a line break inside a cell does not break the table
const hostile = 'test/fixtures/report/markdown-hostile.csv';

/** The lines of the first Markdown table in `text`. */
function firstTable(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start, end);
}

describe('calc -f md', () => {
  const run = runCli(['calc', hostile, '--by', 'year,sector,fuel,enterprise', '-f', 'md']);

  it('escapes sector and enterprise cells', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('<svg');
    expect(run.stdout).toContain('| &lt;svg onload=alert(1)&gt; |');
    expect(run.stdout).toContain('| \\[x\\](javascript:alert(1)) |');
    expect(run.stdout).toContain('| \\*bold\\* \\_em\\_ \\`code\\` |');
  });

  it('a line break in a cell stays inside its row', () => {
    const table = firstTable(run.stdout);
    // header, rule, three rows, the sum line: every line a whole row of 10 cells
    expect(table).toHaveLength(6);
    for (const line of table) {
      expect(line.endsWith(' |')).toBe(true);
      expect(line.replace(/\\\|/g, '').split(' | ')).toHaveLength(10);
    }
    expect(run.stdout).toContain('| A\\|B next line |');
  });
});

describe('report -f md', () => {
  it('escapes --title and --city as the HTML report does', () => {
    const run = runCli(['report', hostile, '-f', 'md', '--city', '<svg onload=alert(1)>', '--title', '# <b>T</b> | [x](y)'], { env: { LANG: 'C' } });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('# \\# &lt;b&gt;T&lt;/b&gt; \\| \\[x\\](y)');
    expect(run.stdout).not.toMatch(/<svg|<b>/);
    const html = runCli(['report', hostile, '-f', 'html', '--city', '<svg onload=alert(1)>', '--title', '# <b>T</b> | [x](y)']);
    expect(html.stdout).not.toMatch(/<svg onload|<b>T/);
  });

  it('escapes the city in the default title', () => {
    const run = runCli(['report', hostile, '-f', 'md', '--city', '<svg onload=alert(1)>']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('<svg');
    expect(run.stdout.split('\n')[0]).toContain('&lt;svg onload=alert(1)&gt;');
  });
});
