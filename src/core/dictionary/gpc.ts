import type { Lang } from '../i18n/lang.js';

/**
 * The names of GPC reference numbers (Global Protocol for Community-Scale Greenhouse Gas Emission
 * Inventories, WRI/C40/ICLEI 2014, Table 4.1 and chapters 6–8): a sub-sector (I.3) and, after it,
 * the scope's source (I.3.1 fuel combustion, I.3.2 grid-supplied energy, I.4.4 generation supplied
 * to the grid). `calc --by category` prints the name beside the number.
 */
const SUB_SECTORS: Record<string, { en: string; zh: string }> = {
  'I.1': { en: 'Residential buildings', zh: '居民建筑' },
  'I.2': { en: 'Commercial and institutional buildings and facilities', zh: '商业和公共机构建筑及设施' },
  'I.3': { en: 'Manufacturing industries and construction', zh: '制造业和建筑业' },
  'I.4': { en: 'Energy industries', zh: '能源工业' },
  'I.5': { en: 'Agriculture, forestry and fishing activities', zh: '农林渔业活动' },
  'I.6': { en: 'Non-specified sources', zh: '其他未指明来源' },
  'I.7': { en: 'Fugitive emissions from coal', zh: '煤炭开采、加工、储存和运输的逸散排放' },
  'I.8': { en: 'Fugitive emissions from oil and natural gas systems', zh: '石油和天然气系统的逸散排放' },
  'II.1': { en: 'On-road transportation', zh: '道路交通' },
  'II.2': { en: 'Railways', zh: '铁路' },
  'II.3': { en: 'Waterborne navigation', zh: '水运' },
  'II.4': { en: 'Aviation', zh: '航空' },
  'II.5': { en: 'Off-road transportation', zh: '非道路交通' },
  'IV.1': { en: 'Industrial processes in the city', zh: '城市边界内的工业生产过程' },
  'IV.2': { en: 'Product use in the city', zh: '城市边界内的产品使用' },
};

const SOURCES: Record<string, { en: string; zh: string }> = {
  '1': { en: 'fuel combustion in the city (scope 1)', zh: '城市边界内燃料燃烧（范围一）' },
  '2': { en: 'grid-supplied energy (scope 2)', zh: '电网供电、供热（范围二）' },
  '3': { en: 'outside the city or grid losses (scope 3)', zh: '城市边界外或输配损失（范围三）' },
  '4': { en: 'energy generation supplied to the grid', zh: '向电网供应电力、热力的生产' },
};

/** "I.3.1" → "Manufacturing industries and construction: fuel combustion in the city (scope 1)"; '' when unknown. */
export function gpcName(category: string, lang: Lang): string {
  return category
    .split(/\s+/)
    .filter(Boolean)
    .map((ref) => {
      const m = /^([IV]+\.\d+)(?:\.(\d+))?$/.exec(ref);
      const sub = m ? SUB_SECTORS[m[1]!] : undefined;
      if (!sub) return '';
      const source = m![2] ? SOURCES[m![2]] : undefined;
      if (m![2] && !source) return sub[lang];
      return source ? `${sub[lang]}${lang === 'zh' ? '：' : ': '}${source[lang]}` : sub[lang];
    })
    .join(lang === 'zh' ? '；' : '; ');
}
