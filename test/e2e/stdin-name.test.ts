import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

/**
 * Standard input (`-` on the command line) is named `<stdin>` (标准输入 in Chinese) wherever a
 * file's name is shown: diagnostic locations, messages, JSON provenance, the report. A bare `-`
 * reads as a stray dash ("-:2:4: error").
 */
const bad = 'year,sector,fuel,quantity,unit\n2021,09,raw_coal,abc,t\n2021,09,raw_coal,abc,t\n';
const example = readFileSync(join(repoRoot, 'examples/jinchang-2021.csv'));

describe('standard input is named <stdin> / 标准输入', () => {
  it('in the location of a diagnostic, and in a message naming another line of it', () => {
    const run = runCli(['calc', '-'], { input: bad });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      '<stdin>:2:4: error: quantity "abc" is not a number (fix: write a plain number such as 1234.5 or 1,234.5, without units or notes)',
    );
    const dup = runCli(['calc', '-', '-f', 'csv'], { input: 'year,sector,fuel,quantity,unit\n2021,09,raw_coal,5,t\n2021,09,raw_coal,5,t\n' });
    expect(dup.stderr).toContain('<stdin>:3: warning: same year, sector, fuel and use as line 2 of <stdin>;');
  });

  it('in Chinese: 标准输入', () => {
    const run = runCli(['calc', '-', '--lang', 'zh'], { input: bad });
    expect(run.stderr.split('\n')[0]).toMatch(/^标准输入:2:4: 错误: /);
    const validate = runCli(['validate', '-', '--lang', 'zh'], { input: bad });
    expect(validate.stderr).toMatch(/^标准输入:2:4: 错误: /);
  });

  it('in the provenance of JSON output', () => {
    const run = runCli(['calc', '-', '-f', 'json'], { input: example });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).meta.inputs[0].path).toBe('<stdin>');
    const zh = runCli(['calc', '-', '-f', 'json', '--lang', 'zh'], { input: example });
    expect(JSON.parse(zh.stdout).meta.inputs[0].path).toBe('标准输入');
  });

  it('in the report\'s list of inputs, in the report\'s language', () => {
    const zh = runCli(['report', '-'], { input: example });
    expect(zh.code).toBe(0);
    // Markdown on stdout: the inputs table, and a warning's location
    expect(zh.stdout).toContain('\n| 标准输入 | 78 | utf8 |');
    expect(zh.stdout).toContain('> 标准输入:16: ');
    const en = runCli(['report', '-', '--lang', 'en'], { input: example });
    expect(en.stdout).toContain('\n| &lt;stdin&gt; | 78 | utf8 |');
    expect(en.stdout).not.toMatch(/\n\| - \|/);
  });

  it('by factors check', () => {
    const table = readFileSync(join(repoRoot, 'test/fixtures/factors/bad/non-numeric.csv'));
    const run = runCli(['factors', 'check', '-'], { input: table });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^<stdin>:\d+(:\d+)?: error: /);
  });
});
