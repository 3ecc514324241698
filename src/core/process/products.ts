import { editDistance, nameKey } from '../text.js';

/**
 * How a product's process emissions are worked out (the factors themselves live in `process`
 * tables under factors/; nothing here is a factor):
 * - `clinker`, `lime`: tonnes × the table's factor for the technology, or × the CaO and MgO
 *   contents when given (CaO × CO2/CaO + MgO × CO2/MgO, both ratios from the table);
 * - `carbonate`: tonnes × purity × the carbonate's stoichiometric factor;
 * - `per-tonne`: tonnes × the table's factor for the technology (or route);
 * - `nitric-acid`: tonnes × kg N2O per tonne for the technology × (1 − abatement);
 * - `ammonia`: the carbon of the same year's and sector's feedstock fuel rows × 44/12, less the
 *   CO2 recovered into urea (IPCC 2006 Vol 3 eq. 3.1);
 * - `none`: accepted, no process greenhouse gas (with a note saying why).
 */
export type ProcessMethod = 'clinker' | 'lime' | 'carbonate' | 'per-tonne' | 'nitric-acid' | 'ammonia' | 'none';

export type ProcessParameter = 'cao_pct' | 'mgo_pct' | 'purity_pct' | 'technology' | 'abatement_pct' | 'urea_t';

export interface Product {
  id: string;
  zh: string;
  en: string;
  aliases: string[];
  method: ProcessMethod;
  /** IPCC CRF category (2.A.1 …); carbonates used in metal smelting move to the metal's category */
  crf: string;
  /** technology (route) ids with their Chinese and English aliases; the table says which have factors */
  technologies: Record<string, string[]>;
  /** routes accepted without a process greenhouse gas, and why (e.g. Solvay soda ash: counted in energy) */
  noGhgRoutes?: Record<string, 'energy' | 'ammonia'>;
  /** why a `none` product has no process greenhouse gas */
  noGhgReason?: 'no_ghg' | 'smelting';
  parameters: ProcessParameter[];
}

const p = (product: Product): Product => product;

export const products: Product[] = [
  p({
    id: 'clinker', zh: '水泥熟料', en: 'cement clinker', aliases: ['熟料', '水泥熟料产量', 'clinker'],
    method: 'clinker', crf: '2.A.1', technologies: {}, parameters: ['cao_pct', 'mgo_pct'],
  }),
  p({
    id: 'lime', zh: '石灰', en: 'lime', aliases: ['生石灰', 'quicklime', '石灰产量'],
    method: 'lime', crf: '2.A.2',
    technologies: {
      high_calcium: ['高钙石灰', '高钙', 'high-calcium', 'high calcium lime'],
      dolomitic: ['白云石灰', '白云质石灰', '白云石质石灰', 'dolomitic lime'],
      hydraulic: ['水硬性石灰', '水硬石灰', 'hydraulic lime'],
    },
    parameters: ['technology', 'cao_pct', 'mgo_pct'],
  }),
  p({ id: 'limestone', zh: '石灰石', en: 'limestone (CaCO3) used', aliases: ['石灰石使用', '石灰石熔剂', '方解石', 'calcite', 'limestone'], method: 'carbonate', crf: '2.A.4.d', technologies: {}, parameters: ['purity_pct'] }),
  p({ id: 'dolomite', zh: '白云石', en: 'dolomite (CaMg(CO3)2) used', aliases: ['白云石使用', '白云石熔剂', 'dolomite'], method: 'carbonate', crf: '2.A.4.d', technologies: {}, parameters: ['purity_pct'] }),
  p({ id: 'magnesite', zh: '菱镁矿', en: 'magnesite (MgCO3) used', aliases: ['菱镁石', 'magnesite'], method: 'carbonate', crf: '2.A.4.d', technologies: {}, parameters: ['purity_pct'] }),
  p({ id: 'siderite', zh: '菱铁矿', en: 'siderite (FeCO3) used', aliases: ['siderite'], method: 'carbonate', crf: '2.A.4.d', technologies: {}, parameters: ['purity_pct'] }),
  p({
    id: 'soda_ash_use', zh: '纯碱使用', en: 'soda ash (Na2CO3) used', aliases: ['纯碱消耗', '纯碱用量', '碳酸钠使用', 'soda ash use', 'soda ash used'],
    method: 'carbonate', crf: '2.A.4.b', technologies: {}, parameters: ['purity_pct'],
  }),
  p({
    id: 'calcium_carbide', zh: '电石', en: 'calcium carbide', aliases: ['碳化钙', '电石产量', 'carbide', 'CaC2'],
    method: 'per-tonne', crf: '2.B.5', technologies: {}, parameters: [],
  }),
  p({
    id: 'soda_ash', zh: '纯碱', en: 'soda ash production', aliases: ['纯碱生产', '纯碱产量', '碳酸钠', 'soda ash', 'sodium carbonate'],
    method: 'per-tonne', crf: '2.B.7',
    technologies: {
      natural: ['天然碱', '天然碱法', 'trona', 'natural soda ash'],
      solvay: ['氨碱法', '索尔维法', 'solvay process'],
      hou: ['联碱法', '联合制碱法', '侯氏制碱法', "hou's process", 'dual process'],
    },
    noGhgRoutes: { solvay: 'energy', hou: 'ammonia' },
    parameters: ['technology'],
  }),
  p({
    id: 'nitric_acid', zh: '硝酸', en: 'nitric acid', aliases: ['硝酸产量', '稀硝酸', 'HNO3'],
    method: 'nitric-acid', crf: '2.B.2',
    technologies: {
      nscr: ['非选择性催化还原', 'NSCR', '非选择性催化还原法'],
      integrated: ['尾气分解', '过程内分解', '尾气N2O分解', 'tail-gas destruction', 'process-integrated'],
      atmospheric: ['常压法', '常压', 'atmospheric pressure'],
      low_pressure: ['低压法', '低压', 'low pressure'],
      medium_pressure: ['中压法', '中压', 'medium pressure'],
      high_pressure: ['高压法', '高压', 'high pressure'],
      dual_pressure: ['双加压法', '双加压', 'dual pressure'],
      combined: ['综合法', 'combined process'],
    },
    parameters: ['technology', 'abatement_pct'],
  }),
  p({
    id: 'ammonia', zh: '合成氨', en: 'ammonia', aliases: ['氨', '合成氨产量', 'NH3'],
    method: 'ammonia', crf: '2.B.1', technologies: {}, parameters: ['urea_t'],
  }),
  p({
    id: 'lead', zh: '铅', en: 'lead', aliases: ['粗铅', '铅冶炼', '铅产量', 'lead production'],
    method: 'per-tonne', crf: '2.C.5',
    technologies: { isf: ['密闭鼓风炉', '帝国熔炼', 'ISF', 'imperial smelting'], direct: ['直接熔炼', '直接炼铅', 'direct smelting'], secondary: ['再生铅', '再生', 'secondary'] },
    parameters: ['technology'],
  }),
  p({
    id: 'zinc', zh: '锌', en: 'zinc', aliases: ['锌冶炼', '锌产量', 'zinc production'],
    method: 'per-tonne', crf: '2.C.6',
    technologies: { waelz: ['威尔兹窑', '回转窑', 'waelz kiln'], isf: ['密闭鼓风炉', '帝国熔炼', 'ISF', 'imperial smelting'] },
    parameters: ['technology'],
  }),
  p({ id: 'nickel', zh: '镍', en: 'nickel', aliases: ['电解镍', '镍冶炼', 'nickel smelting'], method: 'none', noGhgReason: 'smelting', crf: '2.C.7', technologies: {}, parameters: [] }),
  p({ id: 'copper', zh: '铜', en: 'copper', aliases: ['电解铜', '铜冶炼', 'copper smelting'], method: 'none', noGhgReason: 'smelting', crf: '2.C.7', technologies: {}, parameters: [] }),
  p({ id: 'cobalt', zh: '钴', en: 'cobalt', aliases: ['电解钴', '钴冶炼', 'cobalt smelting'], method: 'none', noGhgReason: 'smelting', crf: '2.C.7', technologies: {}, parameters: [] }),
  p({ id: 'sulfuric_acid', zh: '硫酸', en: 'sulfuric acid', aliases: ['硫酸产量', 'sulphuric acid', 'H2SO4'], method: 'none', noGhgReason: 'no_ghg', crf: '', technologies: {}, parameters: [] }),
  p({ id: 'hydrochloric_acid', zh: '盐酸', en: 'hydrochloric acid', aliases: ['盐酸产量', '氯化氢', 'HCl'], method: 'none', noGhgReason: 'no_ghg', crf: '', technologies: {}, parameters: [] }),
  p({
    id: 'chlor_alkali', zh: '烧碱', en: 'chlor-alkali (caustic soda)', aliases: ['氯碱', '氢氧化钠', '烧碱产量', 'caustic soda', 'chlor alkali', 'NaOH'],
    method: 'none', noGhgReason: 'no_ghg', crf: '', technologies: {}, parameters: [],
  }),
];

const byKey = new Map<string, Product>();
for (const product of products) {
  for (const name of [product.id, product.zh, product.en, ...product.aliases]) byKey.set(nameKey(name), product);
}

export const productById = new Map(products.map((x) => [x.id, x]));

export function findProduct(raw: string): Product | undefined {
  return byKey.get(nameKey(raw));
}

/** The closest product name, for "did you mean". */
export function suggestProduct(raw: string): Product | undefined {
  const key = nameKey(raw);
  let best: { product: Product; d: number } | undefined;
  for (const [name, product] of byKey) {
    const d = editDistance(key, name);
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { product, d };
  }
  return best?.product;
}

/** A technology written as its id or one of its aliases; '' when the cell is empty. */
export function findTechnology(product: Product, raw: string): string | undefined {
  const key = nameKey(raw);
  if (key === '') return '';
  for (const [id, aliases] of Object.entries(product.technologies)) {
    if (nameKey(id) === key || aliases.some((a) => nameKey(a) === key)) return id;
  }
  return undefined;
}

/**
 * Carbonates burned as flux where metal is smelted belong to the metal's category (IPCC 2006
 * Vol 3 ch. 2.5): iron and steel (GB/T 4754 division 31) 2.C.1, non-ferrous metals (32) 2.C.7.
 */
export function crfOf(product: Product, sectorCode: string | undefined): string {
  if (product.method !== 'carbonate' || product.id === 'soda_ash_use') return product.crf;
  if (sectorCode === '31') return '2.C.1';
  if (sectorCode === '32') return '2.C.7';
  return product.crf;
}
