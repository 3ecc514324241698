import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { ceadsGroupName } from '../../src/core/dictionary/ceads.js';
import { gpcName } from '../../src/core/dictionary/gpc.js';

describe('names of CEADs sectors and GPC categories', () => {
  const { dict } = loadBundled();

  it('every sector with CEADs numbers has their name in both languages (ceads.csv covers sectors.csv)', () => {
    for (const s of dict.sectors.all) {
      if (!s.ceads) continue;
      expect(s.ceadsEn, `${s.code} → CEADs ${s.ceads}`).toMatch(/\S/);
      expect(s.ceadsZh, `${s.code} → CEADs ${s.ceads}`).toMatch(/\S/);
    }
    expect(dict.sectors.byCode.get('32')!.ceadsEn).toBe('Smelting and Pressing of Nonferrous Metals');
  });

  it('several CEADs sectors: joined up to three, else counted', () => {
    const names = new Map([
      ['25', { zh: '橡胶制品业', en: 'Rubber Products' }],
      ['26', { zh: '塑料制品业', en: 'Plastic Products' }],
      ['27', { zh: '非金属矿物制品业', en: 'Nonmetal Mineral Products' }],
      ['28', { zh: '黑色金属冶炼及压延加工业', en: 'Smelting and Pressing of Ferrous Metals' }],
    ]);
    expect(ceadsGroupName('25+26', names)).toEqual({ zh: '橡胶制品业 + 塑料制品业', en: 'Rubber Products + Plastic Products' });
    expect(ceadsGroupName('25+26+27+28', names)?.en).toBe('4 sectors (Rubber Products … Smelting and Pressing of Ferrous Metals)');
    expect(ceadsGroupName('25+99', names)).toBeUndefined();
    expect(dict.sectors.byCode.get('C')!.ceadsEn).toBe('30 sectors (Food Processing … Scrap and Waste)');
  });

  it('GPC reference numbers: sub-sector and source', () => {
    expect(gpcName('I.3.1', 'en')).toBe('Manufacturing industries and construction: fuel combustion in the city (scope 1)');
    expect(gpcName('II.1.2', 'zh')).toBe('道路交通：电网供电、供热（范围二）');
    expect(gpcName('IV.1', 'en')).toBe('Industrial processes in the city');
    expect(gpcName('I.3.1 I.3.2', 'en')).toBe('Manufacturing industries and construction: fuel combustion in the city (scope 1); Manufacturing industries and construction: grid-supplied energy (scope 2)');
    expect(gpcName('', 'en')).toBe('');
  });
});
