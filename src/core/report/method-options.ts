import type { CalcReport } from '../calc/run.js';
import { kindName } from '../factors/kind-names.js';
import type { Lang } from '../i18n/lang.js';

/**
 * The rows of the report's "options" table: what each option means in the reader's language, the
 * option itself in brackets (so a reader can rerun it), and its value named as well as given
 * (甘肃（gansu）, 当量值（equivalent）). Stable keys stay in JSON and the workbook's provenance.
 */
export interface MethodOptions {
  calc: Pick<CalcReport, 'options'>;
  lang: Lang;
  /** region id → Chinese name (regionNamesZh) */
  regionsZh?: ReadonlyMap<string, string> | undefined;
  indicators?: { path: string; region?: string | undefined; co2View: string; co2ViewName: string; rule?: { rule: string; document: string } | null | undefined } | undefined;
  year?: number | undefined;
}

const LABELS = {
  grid: { en: 'Grid factor region', zh: '电网排放因子地区' },
  gridYear: { en: 'Grid factor year', zh: '电网排放因子年份' },
  electricityMethod: { en: 'Electricity in standard coal', zh: '电力折标准煤方法' },
  gwp: { en: 'Global warming potentials', zh: '全球增温潜势' },
  factors: { en: 'Factor table', zh: '因子表' },
  indicators: { en: 'Indicators file', zh: '指标文件' },
  region: { en: 'Region of the targets', zh: '强度目标所属地区' },
  co2View: { en: 'CO2 of carbon intensity', zh: '碳排放强度所用 CO2 口径' },
  assessment: { en: 'Assessment basis of energy intensity', zh: '能耗强度考核口径' },
  year: { en: 'Year of the summary', zh: '概要所用年份' },
} as const;

const METHODS: Record<string, { en: string; zh: string }> = {
  equivalent: { en: 'calorific equivalent', zh: '当量值' },
  coal: { en: 'coal equivalent (power-supply coal rate)', zh: '等价值（供电煤耗）' },
};

const GWP_ZH: Record<string, string> = { sar: 'IPCC 第二次评估报告', ar4: 'IPCC 第四次评估报告', ar5: 'IPCC 第五次评估报告', ar6: 'IPCC 第六次评估报告' };

export function methodOptionRows(o: MethodOptions): string[][] {
  const { lang } = o;
  const zh = lang === 'zh';
  const opts = o.calc.options;
  const label = (k: keyof typeof LABELS, option?: string) => (option ? (zh ? `${LABELS[k].zh}（${option}）` : `${LABELS[k].en} (${option})`) : LABELS[k][lang]);
  /** "甘肃（gansu）" in Chinese, the id in English (the id is the English name). */
  const named = (zhName: string | undefined, id: string) => (zh && zhName ? `${zhName}（${id}）` : id);
  const region = (id: string) => named(id === 'national' ? '全国' : o.regionsZh?.get(id), id);
  const rows: string[][] = [
    [label('grid', '--grid'), region(opts.grid)],
    [label('gridYear', '--grid-year'), opts.gridYear === null ? (zh ? '按数据年份' : 'the data year') : String(opts.gridYear)],
    [label('electricityMethod', '--electricity-method'), zh ? named(METHODS[opts.electricityMethod]?.zh, opts.electricityMethod) : `${opts.electricityMethod}${METHODS[opts.electricityMethod] ? ` (${METHODS[opts.electricityMethod]!.en})` : ''}`],
    [label('gwp', '--gwp'), zh ? named(GWP_ZH[opts.gwp], opts.gwp.toUpperCase()) : opts.gwp.toUpperCase()],
    ...Object.entries(opts.factorTables).map(([kind, ref]) => [zh ? `${LABELS.factors.zh}：${kindName(kind, 'zh')}` : `${LABELS.factors.en}: ${kind}`, ref]),
  ];
  const ind = o.indicators;
  if (ind) {
    rows.push([label('indicators', '--indicators'), ind.path]);
    if (ind.region) rows.push([label('region', '--region'), region(ind.region)]);
    rows.push([label('co2View', '--co2-view'), zh ? named(ind.co2ViewName, ind.co2View) : `${ind.co2View} (${ind.co2ViewName})`]);
    if (ind.rule) rows.push([label('assessment', '--assessment-basis'), `${ind.rule.rule}${zh ? `（${ind.rule.document}）` : ` (${ind.rule.document})`}`]);
  }
  if (o.year !== undefined) rows.push([label('year', '--year'), String(o.year)]);
  return rows;
}
