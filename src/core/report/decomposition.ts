import { decouplingTabular, decomposeNotes, effectsTabular, factorLabel, signed, TAPIO_LABELS } from '../decompose/format.js';
import type { DecomposeResult } from '../decompose/series.js';
import { describe, type Diagnostic } from '../diagnostics.js';
import { fixed, grouped, type Decimals } from '../format/number.js';
import type { Lang } from '../i18n/lang.js';
import type { Block, Section } from './doc.js';
import { waterfallChart } from './svg/waterfall.js';

/** What the report's decomposition chapter shows: the Kaya split between the first and last year of the data. */
export interface ReportDecomposition {
  /** undefined when it could not be made (the problems say why) */
  result: DecomposeResult | undefined;
  /** lines on the identity and basis (kayaBasisNotes) */
  basisNotes: readonly string[];
  /** errors that stopped it, shown in the chapter instead of the chart */
  problems: readonly Diagnostic[];
}

/** The chart ids of the chapter (checked in Chromium with the others). */
export const DECOMPOSITION_CHARTS = ['decomposition-waterfall'] as const;

type L = Record<Lang, string>;
const T = {
  title: { en: 'Why emissions changed', zh: '排放变化因素分解' },
  chart: { en: 'CO2 from {from} to {to}: the effect of each driver (t)', zh: '{from}—{to}年二氧化碳变化的因素分解（吨）' },
  effectsCaption: { en: 'Effects (LMDI-I, additive)', zh: '各因素效应（LMDI-I 加法）' },
  decouplingCaption: { en: 'Decoupling of CO2 from GDP, by year (Tapio)', zh: '分年度脱钩状态（Tapio）' },
  tCo2: { en: 't CO2', zh: '吨 CO2' },
  noData: { en: 'no data', zh: '无数据' },
  unavailable: { en: 'The decomposition could not be made:', zh: '未能进行因素分解：' },
  read: {
    en: 'Read the chart from left to right: the first bar is {from}, each floating bar adds (orange) or removes (green) the CO2 that one driver accounts for, and the last bar is {to}. The effects add up to the change exactly, so the last effect ends where the {to} bar ends.',
    zh: '图自左向右读：第一根柱为{from}年排放，中间各柱为各因素使排放增加（橙色）或减少（绿色）的量，最后一根柱为{to}年排放。各效应之和恰等于变化量，因此最后一个效应的终点与{to}年柱顶齐平。',
  },
  summary: {
    en: 'From {from} to {to}, CO2 ({basis}) changed by {change} t. {largest} was the largest driver ({largestValue} t); decoupling over the period: {state}.',
    zh: '{from}—{to}年，二氧化碳（{basis}）变化 {change} 吨。影响最大的因素是{largest}（{largestValue} 吨）；期间脱钩状态：{state}。',
  },
} satisfies Record<string, L>;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** The report's chapter: a waterfall start → each effect → end, the effects table, and the decoupling state of each year. */
export function decompositionSection(input: ReportDecomposition, lang: Lang, decimals: Decimals): Section {
  const { result } = input;
  if (!result) {
    const items = input.problems.map((d) => describe(d, lang).message);
    return { id: 'decomposition', title: T.title[lang], blocks: [{ kind: 'p', tone: 'warn', text: `${T.unavailable[lang]} ${items.join(lang === 'zh' ? '；' : '; ')}` }] };
  }
  const t = result.total;
  const years = { from: result.from, to: result.to };
  const steps = [
    { label: lang === 'zh' ? `${result.from}年` : String(result.from), kind: 'total' as const, value: t.start, valueText: grouped(fixed(t.start, 0)) },
    ...t.effects.map((e, i) => ({ label: factorLabel(result.factors[i]!, lang), kind: 'effect' as const, value: e.value, valueText: signed(e.value, 0) })),
    { label: lang === 'zh' ? `${result.to}年` : String(result.to), kind: 'total' as const, value: t.end, valueText: grouped(fixed(t.end, 0)) },
  ];
  const title = fill(T.chart[lang], years);
  const svg = waterfallChart({ id: 'decomposition-waterfall', title, steps, lang, unit: T.tCo2[lang], emptyText: T.noData[lang] });
  let largest = 0;
  t.effects.forEach((e, i) => {
    if (e.value.abs().greaterThan(t.effects[largest]!.value.abs())) largest = i;
  });
  const period = result.decoupling.at(-1);
  const blocks: Block[] = [
    {
      kind: 'p',
      text: fill(T.summary[lang], {
        ...years,
        basis: lang === 'zh' ? result.quantity.zh.replace(/^二氧化碳（|）$/g, '') : result.quantity.en.replace(/^CO2, /, ''),
        change: signed(t.change, decimals),
        largest: factorLabel(result.factors[largest]!, lang),
        largestValue: signed(t.effects[largest]!.value, decimals),
        state: period?.state ? TAPIO_LABELS[period.state][lang] : '—',
      }),
    },
    { kind: 'chart', id: 'decomposition-waterfall', svg, caption: title },
    { kind: 'p', tone: 'note', text: fill(T.read[lang], years) },
    { kind: 'table', table: effectsTabular(result, lang, decimals), caption: T.effectsCaption[lang], id: 'decomposition-effects' },
  ];
  if (result.decoupling.length > 0) {
    blocks.push({ kind: 'table', table: decouplingTabular(result.decoupling, lang, decimals), caption: T.decouplingCaption[lang], id: 'decomposition-decoupling' });
  }
  blocks.push({ kind: 'p', tone: 'note', text: decomposeNotes(result, lang, input.basisNotes).join(' ') });
  return { id: 'decomposition', title: T.title[lang], blocks };
}
