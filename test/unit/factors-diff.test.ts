import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { diffTables, KindMismatchError } from '../../src/core/factors/diff.js';
import type { FactorTable } from '../../src/core/factors/table.js';

const { registry } = loadBundled();
const table = (ref: string): FactorTable => registry.resolve(ref)!;

describe('diffTables', () => {
  it('grid 2022 → 2023: every region changed, exact change and percentage', () => {
    const diff = diffTables(table('mee-grid-2022'), table('mee-grid-2023'));
    expect(diff.kind).toBe('grid');
    expect(diff.keyColumns).toEqual(['region']);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 40, same: 0 });
    const gansu = diff.lines.find((l) => l.key.region === 'gansu')!;
    expect(gansu).toMatchObject({ column: 'factor', status: 'changed', old: '0.4772', new: '0.4471', derived: false });
    expect(gansu.change!.toString()).toBe('-0.0301');
    expect(gansu.changePct!.toDecimalPlaces(2).toString()).toBe('-6.31');
    expect(gansu.changePct!.toDecimalPlaces(6).toString()).toBe('-6.307628');
    expect(diff.meta.map((m) => m.key)).toContain('applies_to');
  });

  it('grid 2021 → 2022: national-excl-market is a new row', () => {
    const diff = diffTables(table('mee-grid-2021'), table('mee-grid-2022'));
    expect(diff.summary.added).toBe(1);
    const added = diff.lines.find((l) => l.status === 'added')!;
    expect(added).toMatchObject({ key: { region: 'national-excl-market' }, old: undefined, new: '0.5856', change: undefined });
  });

  it('combustion: GB/T 32151.22 → IPCC 2006 by value, with the derived tCO2 per unit; rows only one side has are added or removed', () => {
    const diff = diffTables(table('cn-gbt32151'), table('ipcc2006-combustion'));
    const diesel = diff.lines.filter((l) => l.key.fuel === 'diesel');
    expect(diesel.map((l) => [l.column, l.old, l.new, l.change?.toString()])).toEqual([
      ['ncv', '42.652', '43', '0.348'],
      ['oxidation_rate', '0.98', '1', '0.02'],
      ['co2_per_unit', expect.any(String), expect.any(String), expect.any(String)],
    ]);
    const co2 = diesel[2]!;
    expect(co2.derived).toBe(true);
    expect(co2.oldValue!.toDecimalPlaces(6).toString()).toBe('3.09591');
    expect(co2.newValue!.toDecimalPlaces(6).toString()).toBe('3.184867');
    expect(diff.lines.filter((l) => l.key.fuel === 'raw_coal').every((l) => l.status === 'removed')).toBe(true);
    expect(diff.lines.filter((l) => l.key.fuel === 'lubricants').every((l) => l.status === 'added')).toBe(true);
    expect(diff.summary).toEqual({ added: 4, removed: 9, changed: 18, same: 0 });
  });

  it('a table against itself: nothing changes; --all lists the values anyway', () => {
    expect(diffTables(table('gwp-ar5'), table('gwp-ar5')).lines).toEqual([]);
    const all = diffTables(table('gwp-ar5'), table('gwp-ar5'), { all: true });
    expect(all.summary).toEqual({ added: 0, removed: 0, changed: 0, same: 3 });
    expect(all.lines.map((l) => `${l.key.gas}:${l.status}`)).toEqual(['co2:same', 'ch4:same', 'n2o:same']);
  });

  it('gwp AR5 → AR6: CH4 28 → 27.9, N2O 265 → 273', () => {
    const diff = diffTables(table('gwp-ar5'), table('gwp-ar6'));
    expect(diff.lines.map((l) => [l.key.gas, l.old, l.new, l.change!.toString(), l.changePct!.toDecimalPlaces(4).toString()])).toEqual([
      ['ch4', '28', '27.9', '-0.1', '-0.3571'],
      ['n2o', '265', '273', '8', '3.0189'],
    ]);
  });

  it('refuses tables of different kinds', () => {
    expect(() => diffTables(table('mee-grid-2022'), table('gwp-ar5'))).toThrow(KindMismatchError);
  });
});
