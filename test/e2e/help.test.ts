import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text.js';
import { runCli } from '../helpers/run-cli.js';

const COMMANDS = [[], ['calc'], ['validate'], ['intensity'], ['report'], ['factors'], ['factors', 'list'], ['factors', 'check'], ['template']];

describe('help in Chinese: commander\'s own words translated, lines wrapped by display width', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || '(program)', c]))('%s --help --lang zh', (_name, command) => {
    const r = runCli([...(command as string[]), '--help', '--lang', 'zh']);
    expect(r.code).toBe(0);
    for (const english of ['Usage:', 'Options:', 'Commands:', 'Arguments:', '(default:', 'display help for command', 'output the version number']) {
      expect(r.stdout, english).not.toContain(english);
    }
    expect(r.stdout).toMatch(/^用法：/);
    expect(r.stdout).toContain('显示帮助');
    // 80 columns in a pipe; a CJK character takes two
    const widest = Math.max(...r.stdout.split('\n').map(displayWidth));
    expect(widest).toBeLessThanOrEqual(80);
  });

  it('the defaults read （默认：…）', () => {
    const r = runCli(['calc', '--help', '--lang', 'zh']);
    expect(r.stdout.replace(/\n\s+/g, '')).toContain('（默认："gansu"）');
    // no line ends in an opening bracket or starts with a closing mark
    expect(r.stdout).not.toMatch(/（\n/);
    expect(r.stdout).not.toMatch(/\n\s+[，。；：、）]/);
  });

  it('English help keeps commander\'s words', () => {
    const r = runCli(['calc', '--help']);
    expect(r.stdout).toMatch(/^Usage: jinchang-carbon calc/);
    expect(r.stdout).toContain('(default: "gansu")');
  });
});

describe('a usage error from the command line is one line and where to read more, not the whole help', () => {
  it('in English', () => {
    const r = runCli(['calc', '--bogus', 'x.csv']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '--bogus'\n(see --help)\n" });
  });

  it('in Chinese', () => {
    const r = runCli(['calc', '--bogus', 'x.csv', '--lang', 'zh']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: '错误：未知选项“--bogus”\n（详见 --help）\n' });
  });

  it('a missing argument, in Chinese', () => {
    const r = runCli(['calc', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：缺少必需的参数“file”\n（详见 --help）\n');
  });
});
