import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { compareReports, comparisonRequest } from '../../src/core/calc/compare.js';
import { runCalculation, type CalcRequest } from '../../src/core/calc/run.js';
import { UsageError } from '../../src/core/usage-error.js';

const { dict, registry } = loadBundled();
const csv = [
  'year,sector,fuel,quantity,unit',
  '2021,有色金属冶炼和压延加工业,电力,1000,万kWh',
  '2022,有色金属冶炼和压延加工业,电力,1000,万kWh',
  '2022,有色金属冶炼和压延加工业,柴油,200,t',
].join('\n');
const files = [{ path: 'data.csv', bytes: new TextEncoder().encode(csv) }];
const run = (request: CalcRequest) => runCalculation(files, dict, registry, request);

describe('comparisonRequest', () => {
  it('puts each named table in place of the one of its kind and keeps the others', () => {
    const { request, tables } = comparisonRequest({ factors: ['cn-gbt32151', 'gwp-ar4'], gridYear: 2022 }, ['ipcc2006-combustion'], registry);
    expect(request.factors).toEqual(['gwp-ar4', 'ipcc2006-combustion@2006']);
    expect(request.gridYear).toBe(2022);
    expect(tables.map((t) => t.meta.kind)).toEqual(['combustion']);
  });

  it('a grid table replaces the choice by year, so --grid-year no longer applies', () => {
    const { request } = comparisonRequest({ gridYear: 2022 }, ['mee-grid-2023'], registry);
    expect(request.factors).toEqual(['mee-grid-2023@2025-12']);
    expect(request.gridYear).toBeUndefined();
  });

  it('a GWP table also sets the --gwp label', () => {
    expect(comparisonRequest({ gwp: 'ar5' }, ['gwp-ar6'], registry).request.gwp).toBe('ar6');
  });

  it('refuses an unknown table and two tables of one kind (usage errors, en and zh)', () => {
    expect(() => comparisonRequest({}, ['nope'], registry)).toThrow(UsageError);
    try {
      comparisonRequest({}, ['mee-grid-2022', 'mee-grid-2023'], registry);
      expect.unreachable();
    } catch (e) {
      expect((e as UsageError).message).toBe(
        'two grid tables given to --compare-factors (mee-grid-2022@2024-12 and mee-grid-2023@2025-12); compare one per kind',
      );
      expect((e as UsageError).messageZh).toContain('每类只能一个');
    }
  });
});

describe('compareReports', () => {
  const before = run({ grid: 'gansu' });
  const { request } = comparisonRequest({ grid: 'gansu' }, ['mee-grid-2023'], registry);
  const after = run(request);
  const cmp = compareReports(before, after);

  it('names the tables that changed, old → new', () => {
    expect(cmp.tables).toEqual([{ kind: 'grid', before: ['mee-grid-2021@2024-04', 'mee-grid-2022@2024-12'], after: ['mee-grid-2023@2025-12'] }]);
  });

  it('gives each row before, after, exact change and %', () => {
    const rows = cmp.rows.map((r) => [r.key.year, r.key.fuel, r.co2_t.before.toString(), r.co2_t.after.toString(), r.co2_t.change.toString(), r.co2_t.changePct?.toDecimalPlaces(2).toString()]);
    expect(rows).toEqual([
      ['2021', 'electricity', '4955', '4471', '-484', '-9.77'],
      ['2022', 'diesel', expect.any(String), expect.any(String), '0', '0'],
      ['2022', 'electricity', '4772', '4471', '-301', '-6.31'],
    ]);
    expect(cmp.rows.every((r) => r.energy_tce.change.isZero())).toBe(true);
  });

  it('and the totals', () => {
    expect(cmp.totals.scope2_co2_t.change.toString()).toBe('-785');
    expect(cmp.totals.scope1_co2_t.change.toString()).toBe('0');
    expect(cmp.totals.co2_t.change.toDecimalPlaces(20).toString()).toBe('-785'); // 50 significant digits: the diesel row's 44/12 leaves a 1e-46 remainder
  });

  it('lists the data years now given another year’s grid factor', () => {
    expect(cmp.gridYears).toEqual([
      { dataYear: 2021, factorYear: 2023, table: 'mee-grid-2023@2025-12', baseTable: 'mee-grid-2021@2024-04' },
      { dataYear: 2022, factorYear: 2023, table: 'mee-grid-2023@2025-12', baseTable: 'mee-grid-2022@2024-12' },
    ]);
  });

  it('a combustion table changes scope 1 only', () => {
    const alt = run(comparisonRequest({}, ['ipcc2006-combustion'], registry).request);
    const c = compareReports(before, alt);
    expect(c.tables.map((t) => t.kind)).toEqual(['combustion']);
    // diesel 200 t: 200 × 43.0 × 20.2 × 1 × 44/12 / 1000 = 636.9733… (IPCC) vs 619.1819… (GB/T 32151.22)
    const diesel = c.rows.find((r) => r.key.fuel === 'diesel')!;
    expect(diesel.co2_t.before.toDecimalPlaces(6).toString()).toBe('619.181927');
    expect(diesel.co2_t.after.toDecimalPlaces(6).toString()).toBe('636.973333');
    expect(c.totals.scope2_co2_t.change.isZero()).toBe(true);
  });
});
