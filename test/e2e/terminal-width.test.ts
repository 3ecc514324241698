import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The people's table fits the terminal: the CLI passes the width (stdout.columns on a terminal,
 * or JINCHANG_COLUMNS, which these tests set as stdout is a pipe here) and the formatter hides or
 * cuts the least important columns, saying so in one line on stderr. Widths are display widths (a
 * CJK character is two cells). Piped without a width, the table is printed whole, as before.
 */
const EXAMPLE = 'examples/jinchang-2021.csv';
const at = (width: number, args: string[]) => runCli(['calc', EXAMPLE, ...args, '-f', 'table'], { env: { JINCHANG_COLUMNS: String(width) } });
// the tables: everything before the notes and the factor lists, which are prose
const tableLines = (stdout: string) => {
  const lines = stdout.split('\n');
  const end = lines.findIndex((l) => /^(Notes:|说明：)$/.test(l));
  return end < 0 ? lines : lines.slice(0, end);
};
const widest = (lines: string[]) => Math.max(...lines.map(displayWidth));

describe('calc -f table fits the terminal', () => {
  it('at 80 columns (184 wide before): every table line fits, and stderr says what was hidden and cut', () => {
    const whole = runCli(['calc', EXAMPLE, '-f', 'table']);
    expect(widest(tableLines(whole.stdout))).toBeGreaterThan(150);
    const run = at(80, []);
    expect(run.code).toBe(0);
    expect(widest(tableLines(run.stdout))).toBeLessThanOrEqual(80);
    expect(run.stdout.split('\n')[0]).toMatch(/^Year  Sector +Fuel +Scope +Use +Energy \(tce\) +CO2 \(t\)$/);
    expect(run.stdout).toMatch(/\n2021  Mining and Pro… +Raw Coal +1 +17,143\.20 +44,659\.99\n/);
    expect(run.stderr).toBe(
      '3 columns hidden (Quantity, Unit, CO2e (t)), 4 shortened (Sector, Fuel, Scope, Use) to fit 80 columns; use -f csv or a wider terminal for everything\n',
    );
    // the totals' long labels wrap instead of being cut: nothing of them is lost
    expect(run.stdout).toMatch(/\nConsumption CO2 \(scope 1 without power & heat plants \+ +12,162,789\.67 t\n  scope 2; GPC BASIC view\)\n/);
  });

  it('in Chinese, measuring a CJK character as two columns', () => {
    const run = at(80, ['--lang', 'zh', '--by', 'category']);
    expect(widest(tableLines(run.stdout))).toBeLessThanOrEqual(80);
    expect(widest(tableLines(run.stdout))).toBeGreaterThan(70);
    expect(run.stderr).toBe('为适应 80 列宽的终端，隐藏了 1 列（CO2当量(吨)），截短了 2 列（GPC分类名称、范围）；完整结果请用 -f csv 或更宽的终端\n');
    expect(run.stdout).toContain('\nI.1.1    居民建筑：城市边界内燃料燃烧…');
  });

  it('a table that fits is printed whole, with nothing said; the year column is as wide as a year', () => {
    const run = at(300, []);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(runCli(['calc', EXAMPLE, '-f', 'table']).stdout);
    expect(run.stdout.split('\n')[1]!.startsWith('────  ─')).toBe(true);
    expect(run.stdout).toMatch(/\nSum of rows {2,}\d/);
  });

  it('the --compare-factors table (about 330 wide before) fits too', () => {
    const run = at(80, ['--compare-factors', 'mee-grid-2023']);
    expect(run.code).toBe(0);
    expect(widest(tableLines(run.stdout))).toBeLessThanOrEqual(80);
    expect(run.stdout).toMatch(/\nYear  Sector +Fuel +Scope +Use +CO2 \(t\) change +CO2 \(t\) change %\n/);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      '2 columns hidden (CO2 (t) before, CO2 (t) after), 3 shortened (Sector, Fuel, Use) to fit 80 columns; use -f csv or a wider terminal for everything',
    );
  });

  it('piped, the table is printed whole as before; csv is never fitted', () => {
    const piped = runCli(['calc', EXAMPLE, '-f', 'table']);
    expect(piped.stderr).toBe('');
    expect(piped.stdout.split('\n')[0]).toContain('Quantity  Unit');
    const csv = runCli(['calc', EXAMPLE, '-f', 'csv'], { env: { JINCHANG_COLUMNS: '80' } });
    expect(csv.stdout).toBe(runCli(['calc', EXAMPLE, '-f', 'csv']).stdout);
    expect(csv.stderr).toBe('');
  });
});

describe('factors list -f table fits the terminal', () => {
  it('at 80 columns (204 wide whole): the title is cut short, region, years and default hidden', () => {
    const run = runCli(['factors', 'list', '-f', 'table'], { env: { JINCHANG_COLUMNS: '80' } });
    expect(run.code).toBe(0);
    // the table, not the sentence after it
    expect(widest(run.stdout.trimEnd().split('\n').slice(0, -1))).toBeLessThanOrEqual(80);
    expect(run.stdout.split('\n')[0]).toMatch(/^Id +Version +Kind +Title$/);
    expect(run.stderr).toBe('3 columns hidden (Applies to, Region, Default), 1 shortened (Title) to fit 80 columns; use -f csv or a wider terminal for everything\n');
  });
});
