import { describe, expect, it } from 'vitest';
import { parseCsvLines } from '../../src/core/csv-text.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `--by ceads` and `--by category` print the code and its name (CEADs 47-sector list in
 * factors/dictionary/ceads.csv; GPC reference numbers), in every format: the code column or key
 * stays as it was, the name is a column or key of its own (ceads_name, category_name) beside it.
 */
const EXAMPLE = 'examples/jinchang-2021.csv';
const calc = (by: string, format: string, lang = 'en') => {
  const run = runCli(['calc', EXAMPLE, '--by', by, '-f', format, '--lang', lang]);
  expect(run.code).toBe(0);
  return run.stdout;
};

describe('--by ceads', () => {
  it('CSV/TSV: the ceads column, then ceads_name', () => {
    const rows = parseCsvLines(calc('ceads', 'csv')).map((l) => l.fields);
    expect(rows[0]!.slice(0, 3)).toEqual(['ceads', 'ceads_name', 'scope']);
    // Jinchang's nickel and copper smelting, division 32, is CEADs 29
    expect(rows.find((r) => r[0] === '29')!.slice(0, 2)).toEqual(['29', 'Smelting and Pressing of Nonferrous Metals']);
    expect(rows.find((r) => r[0] === '5')![1]).toBe('Nonferrous Metals Mining and Dressing');
    expect(calc('ceads', 'tsv').split('\n')[0]!.startsWith('ceads\tceads_name\t')).toBe(true);
    const zh = parseCsvLines(calc('ceads', 'csv', 'zh')).map((l) => l.fields);
    expect(zh.find((r) => r[0] === '29')![1]).toBe('有色金属冶炼及压延加工业');
  });

  it('JSON: ceads_name beside ceads', () => {
    const rows = JSON.parse(calc('ceads', 'json')).rows as Record<string, string>[];
    expect(rows.find((r) => r.ceads === '29')!.ceads_name).toBe('Smelting and Pressing of Nonferrous Metals');
    expect(rows.every((r) => typeof r.ceads_name === 'string')).toBe(true);
  });

  it('table and Markdown: the code and the name', () => {
    expect(calc('ceads', 'table')).toMatch(/\n29 +Smelting and Pressing of Nonferrous Metals +1\+2 /);
    expect(calc('ceads', 'md')).toContain('| 29 | Smelting and Pressing of Nonferrous Metals | 1+2 |');
    expect(calc('ceads', 'md', 'zh')).toContain('| 29 | 有色金属冶炼及压延加工业 |');
  });
});

describe('--by category', () => {
  it('CSV: the category column, then category_name', () => {
    const rows = parseCsvLines(calc('category', 'csv')).map((l) => l.fields);
    expect(rows[0]!.slice(0, 2)).toEqual(['category', 'category_name']);
    expect(rows.find((r) => r[0] === 'I.3.1')![1]).toBe('Manufacturing industries and construction: fuel combustion in the city (scope 1)');
    expect(rows.find((r) => r[0] === 'I.3.2')![1]).toBe('Manufacturing industries and construction: grid-supplied energy (scope 2)');
    expect(rows.find((r) => r[0] === 'I.4.4')![1]).toBe('Energy industries: energy generation supplied to the grid');
  });

  it('JSON, Markdown and the table, in both languages', () => {
    const rows = JSON.parse(calc('category', 'json', 'zh')).rows as Record<string, string>[];
    expect(rows.find((r) => r.category === 'I.1.2')!.category_name).toBe('居民建筑：电网供电、供热（范围二）');
    expect(calc('category', 'md')).toContain('| I.1.1 | Residential buildings: fuel combustion in the city (scope 1) |');
    expect(calc('category', 'table', 'zh')).toMatch(/\nI\.3\.1 +制造业和建筑业：城市边界内燃料燃烧（范围一） /);
  });

  it('industrial process rows (IV.1) are named too', () => {
    const run = runCli(['calc', EXAMPLE, 'examples/jinchang-2021-process.csv', '--by', 'category', '-f', 'csv']);
    const rows = parseCsvLines(run.stdout).map((l) => l.fields);
    const process = rows.filter((r) => r[0] === 'IV.1');
    expect(process.length).toBeGreaterThan(0);
    for (const r of process) expect(r[1]).toBe('Industrial processes in the city');
  });
});
