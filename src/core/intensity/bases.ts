import type { BothBases } from '../calc/both-bases.js';
import { energyBasisLabel, type EnergyBasis } from '../calc/energy-basis.js';
import { Decimal } from '../decimal.js';
import type { Lang } from '../i18n/lang.js';
import type { IntensityResult } from './compute.js';

/** A year's energy and energy intensity on the calorific (当量值) and the coal-equivalent (等价值) basis. */
export interface BasisIntensityYear {
  year: number;
  energy_tce_calorific: Decimal | null;
  energy_tce_coal_equivalent: Decimal | null;
  /** tce per 万元 of GDP at comparable prices, as energy_intensity */
  energy_intensity_calorific: Decimal | null;
  energy_intensity_coal_equivalent: Decimal | null;
}

/** Energy intensity on both bases, with the two bases for the labels; the bases are null where one has no factor. */
export interface IntensityBases {
  years: BasisIntensityYear[];
  calorific: EnergyBasis | null;
  coal: EnergyBasis | null;
}

export const BASIS_KEYS = ['energy_tce_calorific', 'energy_tce_coal_equivalent', 'energy_intensity_calorific', 'energy_intensity_coal_equivalent'] as const;

const WAN_PER_YI = new Decimal(10000);

/**
 * Both bases for the years whose energy came from activity data (the basis of a figure in the indicators file is the
 * file's: null there). Intensity = energy ÷ (GDP at comparable prices × 10,000), as energy_intensity.
 */
export function intensityOnBothBases(result: IntensityResult, bases: BothBases): IntensityBases {
  const years = result.years.map((y) => {
    const fromData = y.sources.energy_tce === 'data';
    const of = (b: BothBases['equivalent']) => (fromData ? (b?.years.find((x) => x.year === y.year)?.energy_tce ?? null) : null);
    const per = (e: Decimal | null) => (e === null || y.gdp_constant === null || y.gdp_constant.isZero() ? null : e.dividedBy(y.gdp_constant.times(WAN_PER_YI)));
    const calorific = of(bases.equivalent);
    const coal = of(bases.coal);
    return { year: y.year, energy_tce_calorific: calorific, energy_tce_coal_equivalent: coal, energy_intensity_calorific: per(calorific), energy_intensity_coal_equivalent: per(coal) };
  });
  return { years, calorific: bases.equivalent?.basis ?? null, coal: bases.coal?.basis ?? null };
}

/** Column headings of the four figures. */
export const BASIS_LABELS: Record<(typeof BASIS_KEYS)[number], Record<Lang, string>> = {
  energy_tce_calorific: { en: 'Energy, calorific basis (tce)', zh: '能耗，电热当量法(吨标准煤)' },
  energy_tce_coal_equivalent: { en: 'Energy, coal-equivalent basis (tce)', zh: '能耗，发电煤耗法(吨标准煤)' },
  energy_intensity_calorific: { en: 'Energy intensity, calorific basis (tce/万元)', zh: '能耗强度，电热当量法(吨标准煤/万元)' },
  energy_intensity_coal_equivalent: { en: 'Energy intensity, coal-equivalent basis (tce/万元)', zh: '能耗强度，发电煤耗法(吨标准煤/万元)' },
};

/** The note that says what the two bases are (with the 122.9 gce/kWh and each year's coal rate and its table). */
export function basesNote(bases: IntensityBases, lang: Lang): string {
  const zh = lang === 'zh';
  const parts = [bases.calorific, bases.coal].filter((b): b is EnergyBasis => b !== null).map((b) => energyBasisLabel(b, lang));
  return zh
    ? `能耗及能耗强度按两种口径并列：${parts.join('；')}。只列出由活动水平数据（--data）算得能耗的年份；指标文件中的能耗口径由该文件决定，无法换算。`
    : `Energy and energy intensity on both bases: ${parts.join('; ')}. Only years whose energy was computed from activity data (--data) have them; energy given in the indicators file is on that file's basis and cannot be converted.`;
}
