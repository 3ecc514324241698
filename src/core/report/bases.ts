import type { BothBases } from '../calc/both-bases.js';
import { energyBasisLabel } from '../calc/energy-basis.js';
import type { Decimal } from '../decimal.js';
import { fixed, grouped, type Decimals } from '../format/number.js';
import type { Column, Tabular } from '../format/tabular.js';
import type { Lang } from '../i18n/lang.js';
import { BASIS_LABELS, intensityOnBothBases } from '../intensity/bases.js';
import type { IntensityResult } from '../intensity/compute.js';
import type { Block, Section } from './doc.js';

type L = Record<Lang, string>;
const T = {
  caption: { en: 'Energy and energy intensity on both bases', zh: '两种折标口径下的能耗与能耗强度' },
  captionEnergy: { en: 'Energy on both bases', zh: '两种折标口径下的能耗' },
  year: { en: 'Year', zh: '年份' },
  difference: { en: 'Coal-equivalent over calorific (%)', zh: '发电煤耗法比电热当量法高(%)' },
  note: {
    en: 'The report’s other figures are on the {own}, the run’s --electricity-method. Only electricity changes value between the two: the coal-equivalent basis (发电煤耗法) counts each kWh at the coal a thermal plant burns to supply it, as Chinese energy statistics and published provincial totals do; the calorific basis (电热当量法) counts its heat only. Targets are judged on the run’s basis.',
    zh: '本报告其他数字按{own}（即 --electricity-method 所选口径）。两种口径只在电力折标上不同：发电煤耗法（等价值）按火电供电标准煤耗折算每千瓦时，与能源统计及公布的各省能耗总量一致；电热当量法（当量值）只计其热值。目标按本次所选口径判断。',
  },
  noOther: {
    en: 'Energy cannot be shown on the other basis: its factor is missing (a power-coal-rate table, or the electricity row of the standard-coal table).',
    zh: '无法列出另一折标口径的能耗：缺少其系数（供电标准煤耗表，或折标准煤系数表中的电力行）。',
  },
} satisfies Record<string, L>;

const num = (d: Decimal | null, decimals: Decimals) => (d === null ? '—' : grouped(fixed(d, decimals)));

/**
 * The report's energy on both bases, side by side: a table of the data years' energy on the calorific and the
 * coal-equivalent basis (and energy intensity on each, with an indicators file), captioned with both bases in full.
 * It goes into the intensity chapter when there is one with GDP, else into the trend chapter.
 */
export function withBothBases(sections: readonly Section[], bases: BothBases, intensity: IntensityResult | undefined, lang: Lang, decimals: Decimals): Section[] {
  const t = (k: keyof typeof T) => T[k][lang];
  const years = (bases.equivalent ?? bases.coal)?.years.map((y) => y.year) ?? [];
  if (years.length === 0) return [...sections];
  const withIntensity = intensity !== undefined && intensity.years.some((y) => y.gdp_constant !== null);
  const target = withIntensity ? 'intensity' : 'trend';
  let blocks: Block[];
  if (!bases.equivalent || !bases.coal) blocks = [{ kind: 'p', tone: 'note', text: t('noOther') }];
  else {
    const cal = bases.equivalent;
    const coal = bases.coal;
    const per = withIntensity ? intensityOnBothBases(intensity!, bases).years : [];
    const idec: Decimals = decimals === 'full' ? 'full' : Math.max(decimals, 4);
    const columns: Column[] = [
      { key: 'year', label: t('year'), numeric: false },
      { key: 'energy_tce_calorific', label: BASIS_LABELS.energy_tce_calorific[lang], numeric: true },
      { key: 'energy_tce_coal_equivalent', label: BASIS_LABELS.energy_tce_coal_equivalent[lang], numeric: true },
      { key: 'difference_pct', label: t('difference'), numeric: true },
      ...(withIntensity
        ? [
            { key: 'energy_intensity_calorific', label: BASIS_LABELS.energy_intensity_calorific[lang], numeric: true },
            { key: 'energy_intensity_coal_equivalent', label: BASIS_LABELS.energy_intensity_coal_equivalent[lang], numeric: true },
          ]
        : []),
    ];
    const rows = years.map((year) => {
      const a = cal.years.find((y) => y.year === year)!.energy_tce;
      const b = coal.years.find((y) => y.year === year)!.energy_tce;
      const i = per.find((y) => y.year === year);
      return [
        String(year),
        num(a, decimals),
        num(b, decimals),
        a.isZero() ? '—' : fixed(b.dividedBy(a).minus(1).times(100), decimals === 'full' ? 'full' : 2),
        ...(withIntensity ? [num(i?.energy_intensity_calorific ?? null, idec), num(i?.energy_intensity_coal_equivalent ?? null, idec)] : []),
      ];
    });
    const table: Tabular = { columns, rows };
    const labels = `${energyBasisLabel(cal.basis, lang)}${lang === 'zh' ? '；' : '; '}${energyBasisLabel(coal.basis, lang)}`;
    blocks = [
      { kind: 'table', table, id: 'energy-bases', caption: `${withIntensity ? t('caption') : t('captionEnergy')} · ${labels}` },
      { kind: 'p', tone: 'note', text: t('note').replace('{own}', energyBasisLabel((cal.own ? cal : coal).basis, lang)) },
    ];
  }
  return sections.map((s) => (s.id === target ? { ...s, blocks: [...s.blocks, ...blocks] } : s));
}
