import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const example = 'examples/jinchang-2021.csv';
const totals = (args: string[]) => runCli(['calc', example, '--totals', '-f', 'json', ...args]);

describe('--grid takes the Chinese name of every bundled region', () => {
  it.each([
    ['甘肃', 'gansu'],
    ['甘肃省', 'gansu'],
    ['西北', 'northwest'],
    ['全国', 'national'],
  ])('--grid %s is --grid %s', (zh, id) => {
    const a = totals(['--grid', zh]);
    const b = totals(['--grid', id]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe(b.stderr);
    expect(JSON.parse(a.stdout).totals).toEqual(JSON.parse(b.stdout).totals);
    expect(JSON.parse(a.stdout).meta.options.grid).toBe(id);
  });
});

describe('--grid-year', () => {
  it.each([['1999'], ['2024']])('%s, a year with no published factor, is a usage error listing the published years', (year) => {
    const r = totals(['--grid-year', year]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--grid-year ${year}: no gansu grid factor is published for ${year}; published years: 2021, 2022, 2023`);
  });

  it('a published year asked for warns nothing, and is used', () => {
    // 2021 data with the 2022 factor: 9,078,000,000 kWh … the README's example line
    const r = runCli(['calc', example, '--grid', 'northwest', '--grid-year', '2022', '--gwp', 'ar6', '--totals']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(totals(['--grid-year', '2022']).stdout).meta.factors.map((f: { id: string }) => f.id)).toContain('mee-grid-2022');
  });

  it('only the default falls back to the nearest year, with a warning', () => {
    const r = runCli(['calc', 'test/fixtures/factors/jinchang-2021-2024.csv', '--totals']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: grid factor of 2023 (gansu) used for 2024 data: no 2024 factor is published');
  });
});

describe('-o: the extension sets the format, and nothing is guessed or ignored', () => {
  it.each([
    [['-o', 'r.txt'], 'usage error: cannot tell the format of r.txt from its extension; use .csv .tsv .json .md .xlsx\n'],
    [['-o', 'r.csv', '-f', 'json'], "usage error: -f json does not match -o r.csv (csv); the file's extension sets its format: drop -f, or name the file .json\n"],
    [['-o', 'x.html'], 'usage error: x.html: an HTML file is the annual report: `jinchang-carbon report <files> -o x.html`\n'],
  ])('calc %j is a usage error, and writes nothing', (args, message) => {
    const r = runCli(['calc', example, ...args]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: message });
  });
});
