import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { regionNameZh, resolveGridRegion } from '../../src/core/calc/grid-region.js';
import { selectFactors } from '../../src/core/calc/select-factors.js';

const { registry } = loadBundled();
const grid = selectFactors(registry, {}).grid;
const all = registry.ofKind('grid');

describe('--grid by the Chinese name of a bundled region', () => {
  it('every region of every bundled grid table is found by its Chinese name, with 省/市/自治区/电网 or without', () => {
    let checked = 0;
    for (const table of all) {
      for (const row of table.rows) {
        const id = String(row.values.region);
        const zh = regionNameZh(String(row.values.note));
        expect(zh, `${table.meta.id} ${id}`).not.toBe('');
        expect(resolveGridRegion(zh, [table]), `${table.meta.id} ${zh}`).toBe(id);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it.each([
    ['甘肃', 'gansu'],
    ['甘肃省', 'gansu'],
    [' 甘 肃 省 ', 'gansu'],
    ['西北', 'northwest'],
    ['西北电网', 'northwest'],
    ['西北区域电网', 'northwest'],
    ['全国', 'national'],
    ['中国', 'national'],
    ['内蒙古自治区', 'inner-mongolia'],
    ['广西壮族自治区', 'guangxi'],
    ['新疆维吾尔自治区', 'xinjiang'],
    ['北京市', 'beijing'],
    ['Gansu', 'gansu'],
    ['northwest', 'northwest'],
  ])('%s → %s', (given, id) => {
    expect(resolveGridRegion(given, grid)).toBe(id);
  });

  it('an unknown name is left for the caller to refuse', () => {
    expect(resolveGridRegion('火星', grid)).toBe('火星');
    expect(resolveGridRegion('Mars', grid)).toBe('mars');
  });
});
