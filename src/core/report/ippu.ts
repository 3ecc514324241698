import type { Totals } from '../calc/aggregate.js';
import type { CalcReport } from '../calc/run.js';
import { ZERO, type Decimal } from '../decimal.js';
import { factorText, noteText, productName } from '../format/process.js';
import { fixed, grouped, quantityText, type Decimals } from '../format/number.js';
import type { Tabular } from '../format/tabular.js';
import type { Lang } from '../i18n/lang.js';
import { processByProduct } from '../process/totals.js';
import type { Card, Section } from './doc.js';
import { barChart } from './svg/bar.js';
import { PALETTE } from './svg/common.js';

/** The report's IPPU chapter: chart id, for tests and for readers linking to it. */
export const IPPU_CHART = 'ippu-products';

const T = {
  title: { en: 'Industrial processes (IPPU)', zh: '工业生产过程排放（IPPU）' },
  energy: { en: 'Energy: territorial CO2e', zh: '能源活动：属地排放 CO2当量' },
  energyNote: { en: 'fuel combustion in the city (scope 1), CH4 and N2O included', zh: '本地化石燃料燃烧（范围一），含 CH4、N2O' },
  process: { en: 'Industrial processes CO2e', zh: '工业生产过程 CO2当量' },
  processNote: { en: 'CO2 of calcination and chemistry, N2O of nitric acid; scope 1, GPC IV.1', zh: '煅烧和化学反应释放的 CO2、硝酸生产的 N2O；范围一，GPC IV.1' },
  inventory: { en: 'Inventory CO2e (energy + processes)', zh: '清单合计 CO2当量（能源活动 + 工业生产过程）' },
  inventoryNote: { en: 'territorial CO2e + process CO2e', zh: '属地排放 + 工业生产过程' },
  chart: { en: 'Process emissions by product (t CO2e)', zh: '分产品工业生产过程排放（吨 CO2当量）' },
  co2: { en: 'CO2', zh: 'CO2' },
  n2o: { en: 'N2O as CO2e', zh: 'N2O（折 CO2当量）' },
  product: { en: 'Product', zh: '产品' },
  quantity: { en: 'Quantity (t)', zh: '产量/用量(吨)' },
  factor: { en: 'Factor', zh: '排放因子' },
  co2t: { en: 'CO2 (t)', zh: 'CO2(吨)' },
  n2ot: { en: 'N2O (t)', zh: 'N2O(吨)' },
  co2et: { en: 'CO2e (t)', zh: 'CO2当量(吨)' },
  share: { en: 'Share', zh: '占比' },
  total: { en: 'Total', zh: '合计' },
  none: { en: 'no process greenhouse gas', zh: '无工业过程温室气体' },
  method: {
    en: 'Process emissions are counted apart from energy and never change the energy totals or the provincial energy-CO2 view. Factors: IPCC 2006 Vol 3 defaults (ipcc2006-ippu) unless another process table is chosen; clinker and lime from their CaO/MgO contents when given. Ammonia takes the carbon of its sector\'s feedstock fuel rows (counted in energy, with no combustion CO2), less the CO2 fixed in urea, so that carbon is counted once. Not covered: F-gases (HFCs, PFCs, SF6) and product use (GPC IV.2).',
    zh: '工业生产过程排放与能源活动分开核算，不改变能源消费量、能源活动排放及省级口径能源 CO2。因子：默认采用 IPCC 2006 第3卷缺省值（ipcc2006-ippu）；水泥熟料、石灰填写 CaO/MgO 含量时按含量计算。合成氨的排放取自该部门原料用能（计入能耗、不计燃烧排放）中的碳，扣除尿素固定的 CO2，碳只计一次。未包括：含氟气体（HFCs、PFCs、SF6）和产品使用（GPC IV.2）。',
  },
} as const;

const num = (d: Decimal, decimals: Decimals) => grouped(fixed(d, decimals));

/**
 * The IPPU chapter: energy and process emissions side by side, process emissions by product (chart
 * and table). Only when a process file was given; else no chapter.
 */
export function ippuSection(calc: CalcReport, options: { lang: Lang; decimals: Decimals; year: number | undefined; totals: Totals }): Section | undefined {
  if (!calc.processInput) return undefined;
  const { lang, decimals, totals } = options;
  const t = (k: keyof typeof T) => T[k][lang];
  const tonnes = lang === 'zh' ? '吨' : 't';
  const lines = options.year === undefined ? calc.processLines : calc.processLines.filter((l) => l.year === options.year);
  const processCo2e = lines.reduce((a, l) => a.plus(l.co2e), ZERO);
  const energy = totals.territorial_co2e_t;
  const card = (key: string, label: string, value: Decimal, note: string): Card => ({
    key,
    label,
    value: num(value, 0),
    unit: tonnes,
    exact: value.toString(),
    detail: `${num(value, decimals)} ${tonnes}`,
    note,
  });
  const groups = processByProduct(lines)
    .map((group) => ({
      lines: group,
      co2: group.reduce((a, l) => a.plus(l.co2), ZERO),
      n2o: group.reduce((a, l) => a.plus(l.n2o), ZERO),
      co2e: group.reduce((a, l) => a.plus(l.co2e), ZERO),
      quantity: group.reduce((a, l) => a.plus(l.quantity), ZERO),
    }))
    .sort((a, b) => b.co2e.comparedTo(a.co2e));
  const svg = barChart({
    id: IPPU_CHART,
    title: t('chart'),
    lang,
    series: [
      { name: t('co2'), color: PALETTE[3] },
      { name: t('n2o'), color: PALETTE[4] },
    ],
    bars: groups
      .filter((g) => !g.co2e.isZero())
      .map((g) => ({ label: productName(g.lines[0]!, lang), values: [g.co2, g.co2e.minus(g.co2)], valueText: num(g.co2e, 0) })),
    unit: lang === 'zh' ? '吨 CO2当量' : 't CO2e',
    emptyText: t('none'),
  });
  const factor = (g: (typeof groups)[number]) => {
    const texts = [...new Set(g.lines.map((l) => (l.basis === 'none' ? t('none') : factorText(l, lang, 5))))];
    return texts.join('; ');
  };
  const table: Tabular = {
    columns: [
      { key: 'product', label: t('product'), numeric: false },
      { key: 'crf', label: 'CRF', numeric: false },
      { key: 'quantity', label: t('quantity'), numeric: true },
      { key: 'factor', label: t('factor'), numeric: false },
      { key: 'process_co2_t', label: t('co2t'), numeric: true },
      { key: 'process_n2o_t', label: t('n2ot'), numeric: true },
      { key: 'process_co2e_t', label: t('co2et'), numeric: true },
      { key: 'share', label: t('share'), numeric: true },
    ],
    rows: groups.map((g) => [
      productName(g.lines[0]!, lang),
      [...new Set(g.lines.map((l) => l.crf))].filter(Boolean).join(' '),
      grouped(quantityText(g.quantity, decimals)),
      factor(g),
      num(g.co2, decimals),
      num(g.n2o, decimals),
      num(g.co2e, decimals),
      processCo2e.isZero() ? '—' : `${fixed(g.co2e.dividedBy(processCo2e).times(100), 1)}%`,
    ]),
    total: [t('total'), '', '', '', num(groups.reduce((a, g) => a.plus(g.co2), ZERO), decimals), num(groups.reduce((a, g) => a.plus(g.n2o), ZERO), decimals), num(processCo2e, decimals), processCo2e.isZero() ? '' : '100.0%'],
  };
  return {
    id: 'ippu',
    title: t('title'),
    blocks: [
      {
        kind: 'cards',
        cards: [
          card('territorial_co2e_t', t('energy'), energy, t('energyNote')),
          card('process_co2e_t', t('process'), processCo2e, t('processNote')),
          card('inventory_co2e_t', t('inventory'), energy.plus(processCo2e), t('inventoryNote')),
        ],
      },
      { kind: 'chart', id: IPPU_CHART, svg, caption: t('chart') },
      { kind: 'table', table, id: 'ippu-table' },
      { kind: 'p', text: t('method'), tone: 'note' },
      ...calc.notes.map((n) => ({ kind: 'p' as const, text: noteText(n, lang), tone: 'note' as const })),
    ],
  };
}

/**
 * Without a process file: what the output says about process emissions (feedstock that counts as no
 * CO2), as notes for the summary; nothing when there is nothing to say.
 */
export function processNotes(calc: CalcReport, lang: Lang): { kind: 'p'; text: string; tone: 'note' }[] {
  if (calc.processInput) return [];
  return calc.notes.map((n) => ({ kind: 'p', text: noteText(n, lang), tone: 'note' }));
}
