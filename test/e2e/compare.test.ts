import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const handCheck = 'test/fixtures/hand-check.csv';
const years = 'test/fixtures/factors/jinchang-2021-2024.csv';
const temp = mkdtempSync(join(tmpdir(), 'jc-compare-e2e-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('calc --compare-factors: what a new MEE grid factor restates', () => {
  it('pairs rows on the whole row key: with only the grid table changed, only electricity rows move, by the ratio of the two factors', () => {
    // the README example: sector 26 burns raw coal and natural gas and also takes them as feedstock, sector 44
    // generates electricity and heat (use=output); each of those is a row of its own in both runs
    const r = runCli(['calc', 'examples/jinchang-2021.csv', '--compare-factors', 'mee-grid-2023', '-f', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const ids = json.rows.map((x: { sector_code: string; fuel: string; use: string }) => `${x.sector_code}/${x.fuel}/${x.use}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('26/raw_coal/energy');
    expect(ids).toContain('26/raw_coal/feedstock');
    expect(ids).toContain('44/electricity/output');
    for (const row of json.rows) {
      expect(row.use).toMatch(/^(energy|feedstock|reductant|output)$/);
      expect(row.energy_tce_change).toBe('0.000000');
      // the captive plant's output (32) carries its offset of 32's purchase as negative scope 2, which moves too
      if (row.fuel === 'electricity' && (row.use === 'energy' || row.sector_code === '32')) {
        // Gansu 2021 0.4955 → 2023 0.4471 tCO2/MWh: after = before × 0.4471 / 0.4955, to the printed 6 decimals
        expect(Math.abs(Number(row.co2_t_after) - (Number(row.co2_t_before) * 0.4471) / 0.4955)).toBeLessThan(1e-5);
        // (the captive row is negative: its change is the same share of it, printed against its size)
        expect(row.co2_t_change_pct).toBe(row.use === 'energy' ? '-9.767911' : '9.767911');
      } else {
        expect(row.co2_t_change).toBe('0.000000');
        expect(row.co2e_t_change).toBe('0.000000');
      }
    }
    // the rows add up to the totals on both sides
    const sum = (k: string) => json.rows.reduce((a: number, x: Record<string, string>) => a + Number(x[k]), 0);
    expect(sum('energy_tce_after')).toBeCloseTo(Number(json.totals.energy_tce.after), 3);
    expect(sum('co2_t_after')).toBeCloseTo(Number(json.totals.co2_t.after), 3);
  });

  it('the people\'s table names the use of rows that are feedstock or netted output', () => {
    const r = runCli(['calc', 'examples/jinchang-2021.csv', '--compare-factors', 'mee-grid-2023', '-f', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| 2021 \| Manufacture of Raw Chemical Materials and Chemical Products \| Raw Coal \| 1 \| feedstock \| 0\.00 \| 0\.00 \| 0\.00 \|/);
    expect(r.stdout).toMatch(/\| 2021 \| Manufacture of Raw Chemical Materials and Chemical Products \| Raw Coal \| 1 \|  \| 707,116\.51 \| 707,116\.51 \| 0\.00 \| 0\.00 % \|/);
  });

  it('2022 data, 2022 factor → 2023 factor, row by row as CSV; the tables compared and the year change on stderr', () => {
    const r = runCli(['calc', handCheck, '--grid-year', '2022', '--compare-factors', 'mee-grid-2023@2025-12']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'year,sector_code,sector,fuel,fuel_name,scope,use,co2_t_before,co2_t_after,co2_t_change,co2_t_change_pct,energy_tce_before,energy_tce_after,energy_tce_change,energy_tce_change_pct,co2e_t_before,co2e_t_after,co2e_t_change,co2e_t_change_pct',
    );
    // 1000万kWh × 0.4772 → × 0.4471: 4772 → 4471 t, −301 t, −6.307628 %
    expect(lines).toContain(
      '2022,32,Smelting and Pressing of Non-ferrous Metals,electricity,Electricity,2,energy,4772.000000,4471.000000,-301.000000,-6.307628,1229.000000,1229.000000,0.000000,0.000000,4772.000000,4471.000000,-301.000000,-6.307628',
    );
    expect(lines).toContain(
      '2022,32,Smelting and Pressing of Non-ferrous Metals,diesel,Diesel Oil,1,energy,619.181927,619.181927,0.000000,0.000000,291.420000,291.420000,0.000000,0.000000,621.254815,621.254815,0.000000,0.000000',
    );
    expect(r.stderr).toBe(
      'warning: comparison: the 2023 grid factor of mee-grid-2023@2025-12 replaces the grid factor of 2022 data (base run: mee-grid-2022@2024-12) (fix: part of the change is the year of the grid factor, not only the new publication)\n' +
        'Factor tables compared (before → after):\n' +
        '  grid: mee-grid-2022@2024-12 → mee-grid-2023@2025-12\n',
    );
  });

  it('as a table: the header naming old → new, the rows, and the city totals', () => {
    const r = runCli(['calc', handCheck, '--grid-year', '2022', '--compare-factors', 'mee-grid-2023@2025-12', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Factor tables compared (before → after):\n  grid: mee-grid-2022@2024-12 → mee-grid-2023@2025-12\n')).toBe(true);
    expect(r.stdout).toMatch(/\n2022\s+Smelting and Pressing of Non-ferrous Metals\s+Electricity\s+2\s+4,772\.00\s+4,471\.00\s+-301\.00\s+-6\.31 %\n/);
    expect(r.stdout).toMatch(/\nSum of rows\s+8,983\.58\s+8,682\.58\s+-301\.00\s+-3\.35 %\n/);
    expect(r.stdout).toMatch(/\nScope 2 CO2 \(purchased electricity and heat\), t\s+4,772\.00\s+4,471\.00\s+-301\.00\s+-6\.31 %\n/);
    expect(r.stdout).toMatch(/\nConsumption CO2 .*\s+8,983\.58\s+8,682\.58\s+-301\.00\s+-3\.35 %\n/);
    // energy does not move with a grid factor, so the people's table leaves it out
    expect(r.stdout).not.toContain('Energy (tce) before');
  });

  it('as JSON: both sets of tables with their hashes, what changed, totals and rows', () => {
    const r = runCli(['calc', handCheck, '--grid-year', '2022', '--compare-factors', 'mee-grid-2023', '-f', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.meta.changed).toEqual([{ kind: 'grid', before: ['mee-grid-2022@2024-12'], after: ['mee-grid-2023@2025-12'] }]);
    expect(json.meta.before.factors).toContainEqual({ id: 'mee-grid-2022', version: '2024-12', sha256: 'b6a66f093c13ac3473e25ea8c8297824b962b0ee965dbe1853ef56ada1106837', kind: 'grid' });
    expect(json.meta.after.factors).toContainEqual({ id: 'mee-grid-2023', version: '2025-12', sha256: '8d25568038900b43e5cb82ea6a24f2797ab963adf43d74777d9c4056d3354bd6', kind: 'grid' });
    expect(json.totals.scope2_co2_t).toEqual({ before: '4772.000000', after: '4471.000000', change: '-301.000000', change_pct: '-6.307628' });
    expect(json.totals.energy_tce.change).toBe('0.000000');
    expect(json.rows.find((x: { fuel: string }) => x.fuel === 'electricity')).toMatchObject({ co2_t_before: '4772.000000', co2_t_after: '4471.000000', co2_t_change_pct: '-6.307628' });
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['COMPARE_GRID_YEAR']);
  });

  it('--totals gives the totals only', () => {
    const r = runCli(['calc', handCheck, '--grid-year', '2022', '--compare-factors', 'mee-grid-2023', '--totals']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('total,before,after,change,change_pct');
    expect(r.stdout).toContain('\nscope2_co2_t,4772.000000,4471.000000,-301.000000,-6.307628\n');
  });

  it('several data years: the single grid table replaces each year’s factor, with a warning for each year that differs', () => {
    const r = runCli(['calc', years, '--by', 'year', '--compare-factors', 'mee-grid-2023']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
      'year,scope,use,co2_t_before,co2_t_after,co2_t_change,co2_t_change_pct',
      '2021,1+2,energy,5574.181927,5090.181927,-484.000000,-8.682888',
      '2022,1+2,energy,5391.181927,5090.181927,-301.000000,-5.583191',
      '2023,1+2,energy,5090.181927,5090.181927,0.000000,0.000000',
      '2024,1+2,energy,5090.181927,5090.181927,0.000000,0.000000',
    ]);
    // the base run already warned that 2024 has no factor; the comparison adds 2021 and 2022
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('grid factor of 2023 (gansu) used for 2024 data');
    expect(warnings[1]).toContain('the 2023 grid factor of mee-grid-2023@2025-12 replaces the grid factor of 2021 data (base run: mee-grid-2021@2024-04)');
    expect(warnings[2]).toContain('replaces the grid factor of 2022 data (base run: mee-grid-2022@2024-12)');
    expect(r.stderr).toContain('  grid: mee-grid-2021@2024-04 mee-grid-2022@2024-12 mee-grid-2023@2025-12 → mee-grid-2023@2025-12\n');
  });

  it('a user grid table file can be compared', () => {
    const r = runCli(['calc', years, '--by', 'year,fuel', '--compare-factors', 'test/fixtures/factors/good/gansu-grid-2024.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n2024,electricity,Electricity,2,energy,4471.000000,4300.000000,-171.000000,-3.824648,');
    expect(r.stderr).toContain('→ test-gansu-grid-2024@2026-01\n');
  });
});

describe('calc --compare-factors with other kinds', () => {
  it('--factors cn-gbt32151 --compare-factors ipcc2006-combustion: diesel on IPCC defaults', () => {
    const r = runCli(['calc', years, '--factors', 'cn-gbt32151', '--compare-factors', 'ipcc2006-combustion', '-f', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.meta.changed).toEqual([{ kind: 'combustion', before: ['cn-gbt32151@2024.1'], after: ['ipcc2006-combustion@2006'] }]);
    // 200 t × 43.0 GJ/t × 20.2 kgC/GJ × 1 × 44/12 = 636.973333 t against 619.181927 t
    const diesel = json.rows.find((x: { year: number; fuel: string }) => x.year === 2021 && x.fuel === 'diesel');
    expect(diesel).toMatchObject({ co2_t_before: '619.181927', co2_t_after: '636.973333', co2_t_change: '17.791406', co2_t_change_pct: '2.873373' });
    expect(json.totals.scope2_co2_t.change).toBe('0.000000');
  });

  it('a table that lacks a fuel of the data: the comparison cannot be made (exit 1), and says why', () => {
    const r = runCli(['calc', handCheck, '--factors', 'cn-gbt32151', '--compare-factors', 'ipcc2006-combustion']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'with --compare-factors ipcc2006-combustion@2006 the data cannot be calculated:\n' +
        'test/fixtures/hand-check.csv:3: error: no combustion factor for Natural Gas (天然气) in table ipcc2006-combustion@2006 (fix: pass --factors with a table that has this fuel, or give the quantity in tce)\n',
    );
  });

  it('GWP AR5 → AR6 moves CO2e only', () => {
    const r = runCli(['calc', handCheck, '--compare-factors', 'gwp-ar6', '--totals']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nco2_t,8983.580149,8983.580149,0.000000,0.000000\n');
    expect(r.stdout).toMatch(/\nco2e_t,8997\.407132,8997\.\d{6},0\.\d{6},0\.\d{6}\n/);
    expect(r.stderr).toContain('  gwp: gwp-ar5@2013 → gwp-ar6@2021\n');
  });

  it('a kind the data do not use changes nothing, and says so', () => {
    const r = runCli(['calc', handCheck, '--compare-factors', 'cn-heat-gbt32150', '--totals']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: comparison: the data use no heat factor, so cn-heat-gbt32150@2025 changes nothing\nFactor tables compared: no table of this result changes\n',
    );
  });

  it('writes the comparison to a file with -o', () => {
    const out = join(temp, 'restated.csv');
    const r = runCli(['calc', handCheck, '--grid-year', '2022', '--compare-factors', 'mee-grid-2023', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain(',4772.000000,4471.000000,-301.000000,-6.307628,');
  });
});

describe('calc --compare-factors usage errors (exit 2)', () => {
  it('an unknown table', () => {
    const r = runCli(['calc', handCheck, '--compare-factors', 'mee-grid-2030']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^usage error: unknown factor table "mee-grid-2030" given to --compare-factors \(known: /);
  });
  it('in Chinese', () => {
    const r = runCli(['calc', handCheck, '--compare-factors', 'mee-grid-2030', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^用法错误: --compare-factors 给出的因子表“mee-grid-2030”不存在/);
  });
  it('two tables of one kind', () => {
    const r = runCli(['calc', handCheck, '--compare-factors', 'mee-grid-2022', '--compare-factors', 'mee-grid-2023']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('two grid tables given to --compare-factors');
  });
  it('a grid table without the region of --grid', () => {
    const r = runCli(['calc', handCheck, '--compare-factors', 'ndrc-grid-2012']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('usage error: ndrc-grid-2012@2014 has no grid factor for region "gansu" (--grid); it has: north, northeast, east, central, northwest, south\n');
  });
  it('a broken table file', () => {
    const r = runCli(['calc', handCheck, '--compare-factors', 'test/fixtures/factors/bad/non-numeric.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('test/fixtures/factors/bad/non-numeric.csv:13:2: error: factor "0.54O0" is not a plain number such as 0.5366');
  });
});
