import type { LineResult } from '../calc/calculate.js';
import { Decimal, ZERO } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { FactorInfo, IdentityData } from './series.js';

/**
 * The Kaya identity by fuel for `decompose --data --indicators`:
 *   CO2 = Σ_j P × (G/P) × (E/G) × (E_j/E) × (C_j/E_j)
 * (population P optional: without it P × G/P is G). With value added by industry (primary, secondary, tertiary)
 * the cells are (industry i, fuel j) and the structure effect appears:
 *   C_ij = P × (G/P) × (G_i/G) × (E_i/G_i) × (E_ij/E_i) × (C_ij/E_ij);   households: C_hj = P × (E_h/P) × (E_hj/E_h) × (C_hj/E_hj)
 * (without P, households: G × (E_h/G) × …). G is GDP at comparable prices of the first year compared.
 */

/** Which CO2: consumption (scope 1 without power and heat plants + scope 2; default) or territorial (all scope 1). */
export type KayaView = 'consumption' | 'territorial';

export interface KayaYear {
  year: number;
  /** GDP at comparable prices, 亿元 */
  gdp: Decimal;
  /** 万人 */
  population?: Decimal | undefined;
  /** value added by industry at current prices (shares are taken from them) */
  valueAdded?: { primary: Decimal; secondary: Decimal; tertiary: Decimal } | undefined;
}

export type Industry = 'primary' | 'secondary' | 'tertiary' | 'households';

const INDUSTRY_LABELS: Record<Industry, { en: string; zh: string }> = {
  primary: { en: 'primary industry', zh: '第一产业' },
  secondary: { en: 'secondary industry', zh: '第二产业' },
  tertiary: { en: 'tertiary industry', zh: '第三产业' },
  households: { en: 'households', zh: '居民生活' },
};

export const KAYA_FACTORS: Record<string, FactorInfo> = {
  population: { key: 'population', en: 'Population', zh: '人口规模' },
  gdp_per_capita: { key: 'gdp_per_capita', en: 'GDP per capita', zh: '人均GDP' },
  gdp: { key: 'gdp', en: 'Economic output (GDP)', zh: '经济规模（GDP）' },
  structure: { key: 'structure', en: 'Industrial structure', zh: '产业结构' },
  energy_intensity: { key: 'energy_intensity', en: 'Energy intensity', zh: '能耗强度' },
  household_energy: { key: 'household_energy', en: 'Household energy use', zh: '居民人均用能' },
  energy_mix: { key: 'energy_mix', en: 'Energy mix', zh: '能源结构' },
  emission_factor: { key: 'emission_factor', en: 'Emission factor', zh: '排放因子' },
};

/** GB/T 4754 division codes 01–05 and section A: primary; 06–50 and B–E: secondary; the rest tertiary. */
export function industryOf(line: LineResult): Industry | undefined {
  const s = line.sector;
  if (!s) return undefined;
  if (s.level === 'households') return 'households';
  if (/^\d{2}$/.test(s.code)) {
    const n = Number(s.code);
    return n <= 5 ? 'primary' : n <= 50 ? 'secondary' : 'tertiary';
  }
  if (s.code === 'A') return 'primary';
  if (['B', 'C', 'D', 'E', 'industry'].includes(s.code)) return 'secondary';
  if (/^[F-T]$/.test(s.code) || s.code === 'trade-catering' || s.code === 'other-services') return 'tertiary';
  return undefined;
}

/** A line's CO2 and energy in the chosen view: both 0 when the view leaves it out. */
function lineShare(l: LineResult, view: KayaView): { c: Decimal; e: Decimal } {
  // feedstock (原料用能) burns nothing: kept out of E so that a fuel's CO2 per tce does not move with its feedstock share
  if (l.use === 'feedstock') return { c: ZERO, e: ZERO };
  if (view === 'territorial') return { c: l.scope === '1' ? l.co2 : ZERO, e: l.energyTce };
  // consumption: power and heat plants' fuel is left out, and so is their output (it is the purchased
  // electricity and heat of the users, counted in scope 2 at the grid and heat factors)
  if (l.energyIndustry) return { c: ZERO, e: ZERO };
  if (l.use === 'output' && l.sector?.energyIndustry) return { c: ZERO, e: ZERO };
  return { c: l.scope === '1' || l.scope === '2' ? l.co2 : ZERO, e: l.energyTce };
}

export interface KayaBuild {
  data: IdentityData;
  diagnostics: Diagnostic[];
  /** what the cells add up to per year, for the notes: CO2 and energy in the view */
  totals: Map<number, { co2: Decimal; energy: Decimal }>;
  structure: boolean;
  population: boolean;
}

/**
 * Builds the identity's cells from calculated activity lines and the years' GDP (and optional population and
 * value added). Years used: those with both lines and GDP. A ratio that is 0/0 in a year is null (it takes the
 * other year's value: the fuel or sector that appears or disappears carries the whole change in the factor
 * whose numerator is zero). Negative energy or CO2 in a cell (a net export) is an error.
 */
export function kayaIdentity(lines: readonly LineResult[], years: readonly KayaYear[], view: KayaView = 'consumption'): KayaBuild {
  const diagnostics: Diagnostic[] = [];
  const byYear = new Map(years.map((y) => [y.year, y]));
  const usedYears = [...new Set(lines.map((l) => l.year))].filter((y) => byYear.has(y)).sort((a, b) => a - b);
  const population = usedYears.length > 0 && usedYears.every((y) => byYear.get(y)!.population !== undefined);
  const structure = usedYears.length > 0 && usedYears.every((y) => byYear.get(y)!.valueAdded !== undefined);
  if (!population) {
    const some = usedYears.filter((y) => byYear.get(y)!.population !== undefined);
    if (some.length > 0) for (const y of usedYears.filter((y) => !some.includes(y))) diagnostics.push(warning('DECOMPOSE_NO_POPULATION', { year: y }));
  }
  if (!structure) {
    const some = usedYears.filter((y) => byYear.get(y)!.valueAdded !== undefined);
    if (some.length > 0) for (const y of usedYears.filter((y) => !some.includes(y))) diagnostics.push(warning('DECOMPOSE_NO_VALUE_ADDED', { year: y }));
  } else diagnostics.push(warning('DECOMPOSE_CURRENT_PRICE_SHARES'));

  // sums by year → cell (industry|fuel, or fuel)
  type Sum = { c: Decimal; e: Decimal };
  const sums = new Map<number, Map<string, Sum>>();
  const groupLabels = new Map<string, { en: string; zh: string }>();
  const cellIndustry = new Map<string, Industry>();
  const unclassified = new Set<string>();
  for (const l of lines) {
    if (!byYear.has(l.year)) continue;
    const { c, e } = lineShare(l, view);
    if (c.isZero() && e.isZero()) continue;
    let industry: Industry = 'tertiary';
    if (structure) {
      const found = industryOf(l);
      if (!found && !unclassified.has(l.sectorLabel)) {
        unclassified.add(l.sectorLabel);
        diagnostics.push(warning('DECOMPOSE_SECTOR_UNCLASSIFIED', { sector: l.sectorLabel }, { file: l.first.file, line: l.first.line }));
      }
      industry = found ?? 'tertiary';
    }
    const key = structure ? `${industry}|${l.fuel.id}` : l.fuel.id;
    if (!groupLabels.has(key)) {
      const fuel = { en: l.fuel.en, zh: l.fuel.zh };
      groupLabels.set(
        key,
        structure ? { en: `${INDUSTRY_LABELS[industry].en}: ${fuel.en}`, zh: `${INDUSTRY_LABELS[industry].zh}：${fuel.zh}` } : fuel,
      );
      cellIndustry.set(key, industry);
    }
    let inYear = sums.get(l.year);
    if (!inYear) sums.set(l.year, (inYear = new Map()));
    const s = inYear.get(key) ?? { c: ZERO, e: ZERO };
    inYear.set(key, { c: s.c.plus(c), e: s.e.plus(e) });
  }
  const keys = [...groupLabels.keys()];
  const households = structure && keys.some((k) => cellIndustry.get(k) === 'households');

  const factors: FactorInfo[] = [
    ...(population ? [KAYA_FACTORS.population!, KAYA_FACTORS.gdp_per_capita!] : [KAYA_FACTORS.gdp!]),
    ...(structure ? [KAYA_FACTORS.structure!] : []),
    KAYA_FACTORS.energy_intensity!,
    ...(households ? [KAYA_FACTORS.household_energy!] : []),
    KAYA_FACTORS.energy_mix!,
    KAYA_FACTORS.emission_factor!,
  ];
  const data: IdentityData = {
    factors,
    quantity: { key: 'co2_t', en: view === 'consumption' ? 'CO2, consumption view' : 'CO2, territorial view', zh: view === 'consumption' ? '二氧化碳（消费端口径）' : '二氧化碳（属地口径）', unit: 't' },
    years: new Map(),
    groupLabels,
    gdp: new Map(usedYears.map((y) => [y, byYear.get(y)!.gdp])),
  };
  const totals = new Map<number, { co2: Decimal; energy: Decimal }>();
  // 0/0 is null (see IdentityData). a/0 with a > 0 cannot arise: CO2 comes with energy, a fuel's energy is
  // part of its sector's and a sector's of the city's; should it, the product would hide it, so it is null too.
  const ratio = (a: Decimal, b: Decimal): Decimal | null => (b.isZero() ? null : a.dividedBy(b));

  for (const year of usedYears) {
    const y = byYear.get(year)!;
    const inYear = sums.get(year) ?? new Map<string, Sum>();
    const cell = (k: string) => inYear.get(k) ?? { c: ZERO, e: ZERO };
    let negative = false;
    for (const k of keys) {
      const s = cell(k);
      for (const [what, v] of [['energy', s.e], ['CO2', s.c]] as const) {
        if (v.isNegative() && !v.isZero()) {
          negative = true;
          diagnostics.push(error('DECOMPOSE_NEGATIVE_CELL', { what, group: groupLabels.get(k)!.en, groupZh: groupLabels.get(k)!.zh, year, value: v.toDecimalPlaces(3).toFixed() }));
        }
      }
    }
    if (negative) continue;
    const energy = keys.reduce((a, k) => a.plus(cell(k).e), ZERO as Decimal);
    const co2 = keys.reduce((a, k) => a.plus(cell(k).c), ZERO as Decimal);
    totals.set(year, { co2, energy });
    const P = y.population;
    const G = y.gdp;
    const head = (g: Decimal): (Decimal | null)[] => (P ? [P, g.dividedBy(P)] : [g]);
    const values = new Map<string, (Decimal | null)[]>();
    if (!structure) {
      for (const k of keys) {
        const s = cell(k);
        values.set(k, [...head(G), ratio(energy, G), ratio(s.e, energy), ratio(s.c, s.e)]);
      }
    } else {
      const va = y.valueAdded!;
      const vaTotal = va.primary.plus(va.secondary).plus(va.tertiary);
      const share: Record<Exclude<Industry, 'households'>, Decimal> = {
        primary: va.primary.dividedBy(vaTotal),
        secondary: va.secondary.dividedBy(vaTotal),
        tertiary: va.tertiary.dividedBy(vaTotal),
      };
      const energyOf = (i: Industry) => keys.filter((k) => cellIndustry.get(k) === i).reduce((a, k) => a.plus(cell(k).e), ZERO as Decimal);
      for (const k of keys) {
        const i = cellIndustry.get(k)!;
        const s = cell(k);
        const Ei = energyOf(i);
        const one = new Decimal(1);
        if (i === 'households') {
          const base = P ?? G;
          values.set(k, [...(P ? [P, one] : [G]), one, one, ratio(Ei, base), ratio(s.e, Ei), ratio(s.c, s.e)]);
        } else {
          const Gi = G.times(share[i]);
          if (Gi.isZero() && !Ei.isZero()) {
            diagnostics.push(error('DECOMPOSE_NEGATIVE_CELL', { what: 'value added', group: INDUSTRY_LABELS[i].en, groupZh: INDUSTRY_LABELS[i].zh, year, value: '0' }));
            continue;
          }
          values.set(k, [...head(G), share[i], ratio(Ei, Gi), ...(households ? [one] : []), ratio(s.e, Ei), ratio(s.c, s.e)]);
        }
      }
    }
    data.years.set(year, values);
  }
  return { data, diagnostics, totals, structure, population };
}

/** What the identity was built on, for the notes of every output. */
export function kayaBasisNotes(build: KayaBuild, view: KayaView, lang: 'en' | 'zh', base: number): string[] {
  const tce = (t: { energy: Decimal }) => t.energy.toDecimalPlaces(0).toNumber().toLocaleString('en-US');
  const energy =
    lang === 'zh'
      ? [...build.totals.entries()].map(([y, t]) => `${y} 年 ${tce(t)} 吨标准煤`).join('，')
      : [...build.totals.entries()].map(([y, t]) => `${y}: ${tce(t)} tce`).join(', ');
  if (lang === 'zh') {
    return [
      build.structure
        ? '恒等式：CO2 = Σ 人口 × 人均GDP × 产业结构 × 能耗强度 × 能源结构 × 排放因子（分三次产业与居民生活、分能源品种）。'
        : `恒等式：CO2 = Σ ${build.population ? '人口 × 人均GDP' : 'GDP'} × 能耗强度 × 能源结构 × 排放因子（分能源品种）${build.population ? '' : '；未给常住人口，人口与人均GDP合并为经济规模效应'}。`,
      view === 'consumption'
        ? `口径：消费端 CO2（范围一扣除电力热力生产 + 外购电力热力，按当年电网与热力因子）；能耗为同一口径的终端消费（不含原料用能）：${energy}。`
        : `口径：属地 CO2（全部范围一）；能耗为综合能源消费量（本地发电、供热已扣除，不含原料用能）：${energy}。`,
      `GDP 按 ${base} 年可比价（地区生产总值指数连乘）。`,
    ];
  }
  return [
    build.structure
      ? 'Identity: CO2 = Σ population × GDP per capita × industrial structure × energy intensity × energy mix × emission factor (by industry and households, and by fuel).'
      : `Identity: CO2 = Σ ${build.population ? 'population × GDP per capita' : 'GDP'} × energy intensity × energy mix × emission factor (by fuel)${build.population ? '' : '; no population given, so population and GDP per capita merge into GDP'}.`,
    view === 'consumption'
      ? `Basis: consumption CO2 (scope 1 without power and heat plants + purchased electricity and heat at each year's grid and heat factor); energy is final consumption on the same basis, feedstock left out: ${energy}.`
      : `Basis: territorial CO2 (all scope 1); energy is total consumption with local power and heat output netted, feedstock left out: ${energy}.`,
    `GDP at ${base} comparable prices (chained growth index).`,
  ];
}
