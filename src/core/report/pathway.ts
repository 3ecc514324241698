import { Decimal } from '../decimal.js';
import { fixed, grouped, type Decimals } from '../format/number.js';
import type { Lang } from '../i18n/lang.js';
import { checksTabular, PEAKING_STATUS, summaryTabular } from '../pathway/format.js';
import type { PathwayResult, ScenarioResult } from '../pathway/compute.js';
import type { Block, Section } from './doc.js';
import { PALETTE } from './svg/common.js';
import { lineChart, type LineSeries } from './svg/line.js';

/** What `report --scenarios` adds: the pathway result and the file it came from. */
export interface ReportPathway {
  result: PathwayResult;
  file: { path: string; sha256: string; rows: number };
}

/** The chart ids of the pathway chapter (checked in Chromium with the others). */
export const PATHWAY_CHARTS = ['pathway-co2', 'pathway-intensity'] as const;

type L = Record<Lang, string>;
const T = {
  title: { en: 'Peak and pathway to 2060', zh: '碳达峰与碳中和路径' },
  co2Chart: { en: 'CO2: observed and per scenario (peak marked)', zh: '二氧化碳排放：历史与各情景（标注峰值）' },
  ciChart: { en: 'Carbon intensity: observed, per scenario, and the target paths', zh: '碳排放强度：历史、各情景与目标路径' },
  observed: { en: 'observed', zh: '实际' },
  peak: { en: 'peak', zh: '峰值' },
  targetPath: { en: 'target path', zh: '目标路径' },
  tCo2: { en: 't CO2', zh: '吨 CO2' },
  tco2PerWan: { en: 'tCO2 per 万元 (base-year prices)', zh: '吨CO2/万元（基年价）' },
  summaryCaption: { en: 'Peak per scenario', zh: '各情景达峰情况' },
  checksCaption: { en: 'Checks against the bundled targets', zh: '对照内置目标的检查' },
  noData: { en: 'no data', zh: '无数据' },
  intro: {
    en: 'Each scenario is projected year by year from its first year: GDP grows by its rate, energy by the same rate less the energy-intensity decline, and CO2 is fossil energy times CO2 per tce plus process CO2. These are scenarios built from the rates entered, not forecasts.',
    zh: '各情景自起始年逐年推算：GDP 按增速增长，能耗按同一增速并扣除能耗强度下降，CO2 = 化石能源消费量 × 单位化石能源排放 + 工业过程排放。结果由所填增速和下降率决定，是情景推演而非预测。',
  },
} satisfies Record<string, L>;

const HISTORY_COLOR = '#111827';
const TARGET_COLOR = '#6b7280';

function short(v: Decimal, lang: Lang): string {
  if (lang === 'zh') return `${grouped(fixed(v.dividedBy(10000), 1))}万吨`;
  return `${fixed(v.dividedBy(1e6), 2)} Mt`;
}

/** The intensity a target starts from: the projection's or the observed figure of that year, or the 2005 level. */
function startValue(s: ScenarioResult, result: PathwayResult, year: number): Decimal | null {
  if (year === 2005 && s.carbon_intensity_2005 !== null) return s.carbon_intensity_2005;
  return s.years.find((y) => y.year === year)?.carbon_intensity ?? result.history?.years.find((y) => y.year === year)?.carbon_intensity ?? null;
}

/**
 * Target paths on the carbon-intensity chart: for each carbon-intensity target that has a figure, a dashed line at a
 * uniform rate from where it can be drawn (its start year when observed or projected, else the projection's first
 * year, on the path that meets the target) to the target value in its target year. Drawn once, from the first scenario
 * (they share the base year; a target is the same for all).
 */
function targetPaths(result: PathwayResult, idec: Decimals, lang: Lang): LineSeries[] {
  const s = result.scenarios[0];
  if (!s) return [];
  const out: LineSeries[] = [];
  for (const c of s.checks) {
    if (c.target !== 'carbon_intensity' || c.from === null || c.target_pct === null) continue;
    const from = startValue(s, result, c.from);
    if (from === null) continue;
    const goal = from.times(new Decimal(1).minus(c.target_pct.dividedBy(100)));
    const visible = c.from >= (result.history?.years[0]?.year ?? s.base_year) ? c.from : s.base_year;
    const startAt = visible === c.from ? from : startValue(s, result, visible);
    if (startAt === null || c.to <= visible) continue;
    const rate = goal.dividedBy(startAt).pow(new Decimal(1).dividedBy(c.to - visible));
    const points = [];
    for (let y = visible; y <= c.to; y++) {
      const v = y === c.to ? goal : startAt.times(rate.pow(y - visible));
      points.push({ x: y, y: v, text: fixed(v, idec) });
    }
    out.push({
      name: `${T.targetPath[lang]} ${c.from}–${c.to} (−${fixed(c.target_pct, 1).replace(/\.0$/, '')}%)`,
      color: TARGET_COLOR,
      dashed: true,
      kind: 'target',
      points,
    });
  }
  return out;
}

/** The report's pathway chapter: CO2 and carbon-intensity charts, peak table, checks, notes. */
export function pathwaySection(pathway: ReportPathway, lang: Lang, decimals: Decimals): Section {
  const { result } = pathway;
  const idec: Decimals = decimals === 'full' ? 'full' : Math.max(decimals, 4);
  const history = result.history?.years ?? [];
  const observed = (pick: 'co2_t' | 'carbon_intensity', dec: Decimals): LineSeries => ({
    name: `${T.observed[lang]}${result.history ? ` (C40: ${PEAKING_STATUS[result.history.peaking.status][lang]})` : ''}`,
    color: HISTORY_COLOR,
    points: history.flatMap((y) => (y[pick] === null ? [] : [{ x: y.year, y: y[pick]!, text: fixed(y[pick]!, dec) }])),
  });
  const scenarioSeries = (pick: 'co2_t' | 'carbon_intensity', dec: Decimals, withPeak: boolean): LineSeries[] =>
    result.scenarios.map((s, i) => ({
      name: s.name,
      color: PALETTE[i % PALETTE.length],
      points: s.years.map((y) => ({ x: y.year, y: y[pick], text: fixed(y[pick], dec) })),
      marks: withPeak ? [{ x: s.peak.peak_year, text: `${T.peak[lang]} ${s.peak.peak_year} · ${short(s.peak.peak_co2_t, lang)}` }] : undefined,
    }));
  const co2Chart = lineChart({
    id: 'pathway-co2',
    title: T.co2Chart[lang],
    series: [observed('co2_t', decimals), ...scenarioSeries('co2_t', decimals, true)],
    lang,
    unit: T.tCo2[lang],
    emptyText: T.noData[lang],
    height: 340,
  });
  const ciChart = lineChart({
    id: 'pathway-intensity',
    title: T.ciChart[lang],
    series: [observed('carbon_intensity', idec), ...scenarioSeries('carbon_intensity', idec, false), ...targetPaths(result, idec, lang)],
    lang,
    unit: T.tco2PerWan[lang],
    emptyText: T.noData[lang],
    height: 320,
  });
  const blocks: Block[] = [
    { kind: 'p', text: T.intro[lang] },
    { kind: 'chart', id: 'pathway-co2', svg: co2Chart, caption: T.co2Chart[lang] },
    { kind: 'table', table: summaryTabular(result, lang, decimals, '1'), caption: T.summaryCaption[lang], id: 'pathway-peaks' },
    { kind: 'chart', id: 'pathway-intensity', svg: ciChart, caption: T.ciChart[lang] },
  ];
  const checks = checksTabular(result, lang, decimals);
  if (checks.rows.length > 0) blocks.push({ kind: 'table', table: checks, caption: T.checksCaption[lang], id: 'pathway-checks' });
  const sourceNote =
    lang === 'zh'
      ? `情景文件：${pathway.file.path}（sha256 ${pathway.file.sha256.slice(0, 12)}…，${pathway.file.rows} 行）。峰值年为排放最高的第一年；目标取自内置目标表，无目标者不作判断。`
      : `Scenarios: ${pathway.file.path} (sha256 ${pathway.file.sha256.slice(0, 12)}…, ${pathway.file.rows} rows). The peak year is the first year of the highest CO2; targets come from the bundled target tables, and none is judged where the tables have none.`;
  blocks.push({ kind: 'p', text: sourceNote, tone: 'note' });
  return { id: 'pathway', title: T.title[lang], blocks };
}
