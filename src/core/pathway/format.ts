import type { Decimal } from '../decimal.js';
import { diagnosticToJson, type Diagnostic } from '../diagnostics.js';
import type { ResultRenderOptions } from '../format/result-options.js';
import { resultMetaHead } from '../format/result-meta.js';
import type { OutputFormat } from '../format/calc.js';
import { fixed, grouped, type Decimals } from '../format/number.js';
import { toDelimited, markdownText, toMarkdown, type Column, type Tabular } from '../format/tabular.js';
import { plainStyle, toTextTable } from '../format/text-table.js';
import type { Lang } from '../i18n/lang.js';
import { PATHWAY_COLUMN_ZH } from '../i18n/pathway-messages.js';
import { missingTargetReason } from '../intensity/targets.js';
import type { PathwayCheck, PathwayIndicator, PathwayTarget } from './checks.js';
import type { PathwayResult, ScenarioResult } from './compute.js';
import type { PeakingStatus } from './history.js';
import type { SensitivityRow } from './sensitivity.js';

/** Decimals for people: 2, and 4 for intensities. */
export interface PathwayRenderOptions extends ResultRenderOptions<'scenarios' | 'indicators' | 'data'> {
  diagnostics?: readonly Diagnostic[] | undefined;
}

type L = Record<Lang, string>;
export const PATHWAY_LABELS = {
  scenario: { en: 'Scenario', zh: '情景' },
  year: { en: 'Year', zh: '年份' },
  record: { en: 'Record', zh: '类型' },
  gdp: { en: 'GDP, base-year prices (亿元)', zh: '地区生产总值(基年价,亿元)' },
  energy_tce: { en: 'Energy (tce)', zh: '能源消费量(吨标准煤)' },
  co2_t: { en: 'CO2 (t)', zh: '二氧化碳(吨)' },
  net_co2_t: { en: 'Net CO2 (t)', zh: '净排放(吨)' },
  energy_intensity: { en: 'Energy intensity (tce/万元)', zh: '能耗强度(吨标准煤/万元)' },
  carbon_intensity: { en: 'Carbon intensity (tCO2/万元)', zh: '碳排放强度(吨CO2/万元)' },
  non_fossil_share_pct: { en: 'Non-fossil share (%)', zh: '非化石能源占比(%)' },
  peak_year: { en: 'Peak year', zh: '峰值年' },
  peak_co2_t: { en: 'Peak CO2 (t)', zh: '峰值排放(吨)' },
  peaked_by_2030: { en: 'Peaks by 2030', zh: '2030年前达峰' },
  plateau: { en: 'Plateau (within {pct}%)', zh: '平台期(峰值{pct}%以内)' },
  cumulative_2021_2030: { en: 'CO2 2021–2030 (t)', zh: '2021—2030累计排放(吨)' },
  cumulative_2021_2060: { en: 'CO2 2021–2060 (t)', zh: '2021—2060累计排放(吨)' },
  net_2060: { en: 'Net CO2 2060 (t)', zh: '2060年净排放(吨)' },
  target: { en: 'Target', zh: '目标' },
  period: { en: 'Period', zh: '时期' },
  value: { en: 'Pathway', zh: '情景值' },
  target_pct: { en: 'Target', zh: '目标值' },
  result: { en: 'Result', zh: '结论' },
  required: { en: 'Needed a year from base', zh: '自基年需年均下降' },
  source: { en: 'Source', zh: '来源' },
  variable: { en: 'Varied', zh: '变动参数' },
  step: { en: 'By', zh: '幅度' },
  peak_year_low_high: { en: 'Peak year (−/+)', zh: '峰值年(减/增)' },
  peak_low: { en: 'Peak CO2, − (t)', zh: '峰值(减,吨)' },
  peak_high: { en: 'Peak CO2, + (t)', zh: '峰值(增,吨)' },
  swing: { en: 'Swing (t)', zh: '峰值变幅(吨)' },
  runs: { en: 'Runs', zh: '次数' },
  seed: { en: 'Seed', zh: '种子' },
  p_by_2030: { en: 'P(peak ≤ 2030)', zh: '2030年前达峰概率' },
  peak_year_p: { en: 'Peak year P5/P50/P95', zh: '峰值年 P5/P50/P95' },
  peak_p: { en: 'Peak CO2 P5/P50/P95 (t)', zh: '峰值 P5/P50/P95(吨)' },
  targets_met: { en: 'Targets met (% of runs)', zh: '目标完成概率(%)' },
  observed: { en: 'observed', zh: '实际' },
  summary_title: { en: 'Peak per scenario', zh: '各情景达峰情况' },
  checks_title: { en: 'Targets', zh: '目标检查' },
  history_title: { en: 'Observed history', zh: '历史数据' },
  years_title: { en: 'Scenario {name}', zh: '情景：{name}' },
  sensitivity_title: { en: 'Sensitivity (one at a time)', zh: '敏感性分析（单因素）' },
  mc_title: { en: 'Monte Carlo', zh: '蒙特卡洛模拟' },
  notes: { en: 'Notes', zh: '说明' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
} satisfies Record<string, L>;

export const INDICATOR_LABELS: Record<PathwayIndicator, L> = {
  energy_intensity: { en: 'energy intensity decline', zh: '能耗强度下降' },
  carbon_intensity: { en: 'carbon intensity decline', zh: '碳排放强度下降' },
  non_fossil_share: { en: 'non-fossil share', zh: '非化石能源占比' },
};

const CHECK_STATUS: Record<PathwayCheck['status'], L> = {
  met: { en: 'met', zh: '完成' },
  missed: { en: 'missed', zh: '未完成' },
  no_target: { en: 'no bundled target', zh: '无内置目标' },
  no_data: { en: 'no data', zh: '无数据' },
};

/** A check's status in words (完成, no bundled target). */
export function checkStatusText(status: PathwayCheck['status'], lang: Lang): string {
  return CHECK_STATUS[status][lang];
}

export const PEAKING_STATUS: Record<PeakingStatus, L> = {
  peaked: { en: 'peaked', zh: '已达峰' },
  not_peaked: { en: 'not peaked', zh: '未达峰' },
  unknown: { en: 'unknown', zh: '无法判断' },
};

const VARIABLE_LABELS: Record<string, L> = {
  gdp: { en: 'GDP (base year)', zh: '地区生产总值（基年）' },
  energy_tce: { en: 'energy (base year)', zh: '能源消费量（基年）' },
  gdp_growth_pct: { en: 'GDP growth', zh: 'GDP增速' },
  energy_intensity_decline_pct: { en: 'energy-intensity decline', zh: '能耗强度下降率' },
  non_fossil_share_pct: { en: 'non-fossil share', zh: '非化石能源占比' },
  co2_per_fossil_tce: { en: 'CO2 per tce of fossil energy', zh: '单位化石能源二氧化碳排放' },
  process_co2_t: { en: 'process CO2', zh: '工业过程排放' },
  sinks_t: { en: 'sinks', zh: '碳汇' },
  ccus_t: { en: 'CCUS', zh: 'CCUS' },
};
export const variableLabel = (v: string, lang: Lang) => VARIABLE_LABELS[v]?.[lang] ?? (lang === 'zh' ? (PATHWAY_COLUMN_ZH[v] ?? v) : v);

/** The keys of a year in every machine format (SPEC order first). */
export const YEAR_KEYS = ['year', 'gdp', 'energy_tce', 'co2_t', 'net_co2_t', 'energy_intensity', 'carbon_intensity', 'non_fossil_share_pct'] as const;

const INTENSITY_KEYS = new Set(['energy_intensity', 'carbon_intensity']);

export function checkPeriod(c: { from: number | null; to: number }, lang: Lang): string {
  if (c.from === null) return String(c.to);
  return lang === 'zh' ? `${c.from}—${c.to}` : `${c.from}–${c.to}`;
}

/** Why the region has no target of its own, where known (as `intensity` says it): "：…" / ": …". */
function reasonOf(t: PathwayTarget, lang: Lang): string {
  const why = t.fallback_for ? missingTargetReason(t.fallback_for, t.indicator, t.from, t.to) : undefined;
  if (!why) return '';
  return lang === 'zh' ? `：${why.zh}` : `: ${why.en}`;
}

/** A region as a Chinese reader names it: the tables' name (甘肃), 全国, or the id when no table names it. */
function regionZh(id: string | null | undefined, name: string | undefined): string {
  if (!id) return '';
  return name || (id === 'national' ? '全国' : id);
}

function checkTarget(c: PathwayCheck, lang: Lang, d: Decimals): string {
  if (c.target_pct === null) return '';
  const pct = `${fixed(c.target_pct, d === 'full' ? 'full' : Math.min(d, 2)).replace(/\.?0+$/, '')}%`;
  const region = lang === 'zh' ? regionZh(c.region, c.region_zh) : c.region;
  const fallbackFor = lang === 'zh' ? regionZh(c.fallback_for, c.fallback_for_zh) : c.fallback_for;
  const where = region ? (fallbackFor ? `${region}${lang === 'zh' ? `，${fallbackFor}无` : `; none for ${fallbackFor}`}` : region) : '';
  const text = c.target === 'non_fossil_share' ? (lang === 'zh' ? `≥${pct}` : `≥ ${pct}`) : lang === 'zh' ? `下降≥${pct}` : `down ≥ ${pct}`;
  return where ? (lang === 'zh' ? `${text}（${where}）` : `${text} (${where})`) : text;
}

function checkValue(c: PathwayCheck, lang: Lang, d: Decimals): string {
  if (c.value_pct === null) return '—';
  const text = fixed(c.value_pct.abs(), d);
  if (c.target === 'non_fossil_share') return `${fixed(c.value_pct, d)}%`;
  if (c.value_pct.isNegative()) return lang === 'zh' ? `上升${text}%` : `up ${text}%`;
  return lang === 'zh' ? `下降${text}%` : `down ${text}%`;
}

const yesNo = (b: boolean | null, lang: Lang) => (b === null ? '—' : b ? PATHWAY_LABELS.yes[lang] : PATHWAY_LABELS.no[lang]);

function plateauText(s: ScenarioResult, lang: Lang): string {
  const p = s.peak;
  const run = p.plateau_from === p.plateau_to ? String(p.plateau_from) : `${p.plateau_from}${lang === 'zh' ? '—' : '–'}${p.plateau_to}`;
  const others = p.plateau_years.filter((y) => y < p.plateau_from || y > p.plateau_to);
  return others.length > 0 ? `${run} (+${others.join(', ')})` : run;
}

function peakYearText(s: ScenarioResult, lang: Lang): string {
  if (s.peak.status === 'not_peaked') return lang === 'zh' ? `${s.peak.peak_year}（未达峰）` : `${s.peak.peak_year} (not peaked)`;
  if (s.peak.status === 'declining') return lang === 'zh' ? `${s.peak.peak_year}（起始年最高）` : `${s.peak.peak_year} (first year highest)`;
  return String(s.peak.peak_year);
}

/** Per scenario: peak year and value, by 2030, plateau, cumulative CO2, the 2060 gap. */
export function summaryTabular(result: PathwayResult, lang: Lang, decimals: Decimals | undefined, plateauPct: string): Tabular {
  const d = decimals ?? 2;
  const num = (v: Decimal | null) => (v === null ? '—' : grouped(fixed(v, d)));
  const T = PATHWAY_LABELS;
  const columns: Column[] = [
    { key: 'scenario', label: T.scenario[lang], numeric: false },
    { key: 'peak_year', label: T.peak_year[lang], numeric: false },
    { key: 'peak_co2_t', label: T.peak_co2_t[lang], numeric: true },
    { key: 'peaked_by_2030', label: T.peaked_by_2030[lang], numeric: false },
    { key: 'plateau', label: T.plateau[lang].replace('{pct}', plateauPct), numeric: false },
    { key: 'cumulative_2021_2030', label: T.cumulative_2021_2030[lang], numeric: true },
    { key: 'cumulative_2021_2060', label: T.cumulative_2021_2060[lang], numeric: true },
    { key: 'net_2060', label: T.net_2060[lang], numeric: true },
  ];
  return {
    columns,
    rows: result.scenarios.map((s) => [
      s.name,
      peakYearText(s, lang),
      num(s.peak.peak_co2_t),
      yesNo(s.peak.peaked_by_2030, lang),
      plateauText(s, lang),
      num(s.cumulative_2021_2030),
      num(s.cumulative_2021_2060),
      num(s.net_2060),
    ]),
  };
}

/** Every check of every scenario. */
export function checksTabular(result: PathwayResult, lang: Lang, decimals: Decimals | undefined): Tabular {
  const d = decimals ?? 2;
  const T = PATHWAY_LABELS;
  const columns: Column[] = [
    { key: 'scenario', label: T.scenario[lang], numeric: false },
    { key: 'target', label: T.target[lang], numeric: false },
    { key: 'period', label: T.period[lang], numeric: false },
    { key: 'value_pct', label: T.value[lang], numeric: true },
    { key: 'target_pct', label: T.target_pct[lang], numeric: false },
    { key: 'status', label: T.result[lang], numeric: false },
    { key: 'required_annual_pct', label: T.required[lang], numeric: true },
  ];
  const rows: string[][] = [];
  for (const s of result.scenarios) {
    for (const c of s.checks) {
      rows.push([
        s.name,
        INDICATOR_LABELS[c.target][lang],
        checkPeriod(c, lang),
        checkValue(c, lang, d),
        checkTarget(c, lang, d),
        c.status === 'no_data' && c.why === 'no_from_year'
          ? lang === 'zh'
            ? `无${c.from}年数据（--indicators）`
            : `no ${c.from} figure (--indicators)`
          : CHECK_STATUS[c.status][lang],
        c.required_annual_pct === null ? '' : `${fixed(c.required_annual_pct, Math.max(typeof d === 'number' ? d : 4, 4) as number)}%`,
      ]);
    }
  }
  return { columns, rows };
}

function yearColumns(lang: Lang): Column[] {
  return YEAR_KEYS.map((k) => ({ key: k, label: PATHWAY_LABELS[k][lang], numeric: k !== 'year' }));
}

/** One scenario's years for people. */
export function yearsTabular(s: ScenarioResult, lang: Lang, decimals: Decimals | undefined): Tabular {
  const d = decimals ?? 2;
  const di = decimals ?? 4;
  return {
    columns: yearColumns(lang),
    rows: s.years.map((y) =>
      YEAR_KEYS.map((k) => (k === 'year' ? (y.year === s.peak.peak_year ? `${y.year} ▲` : String(y.year)) : grouped(fixed(y[k], INTENSITY_KEYS.has(k) ? di : d)))),
    ),
  };
}

export function historyTabular(result: PathwayResult, lang: Lang, decimals: Decimals | undefined): Tabular | null {
  const h = result.history;
  if (!h || h.years.length === 0) return null;
  const d = decimals ?? 2;
  const di = decimals ?? 4;
  const keys = ['year', 'gdp', 'energy_tce', 'co2_t', 'energy_intensity', 'carbon_intensity'] as const;
  return {
    columns: keys.map((k) => ({ key: k, label: PATHWAY_LABELS[k][lang], numeric: k !== 'year' })),
    rows: h.years.map((y) => keys.map((k) => (k === 'year' ? String(y.year) : y[k] === null ? '—' : grouped(fixed(y[k]!, INTENSITY_KEYS.has(k) ? di : d))))),
  };
}

export function sensitivityTabular(result: PathwayResult, lang: Lang, decimals: Decimals | undefined): Tabular | null {
  const rows = result.scenarios.flatMap((s) => (s.sensitivity ?? []).map((r) => ({ s, r })));
  if (rows.length === 0) return null;
  const d = decimals ?? 2;
  const T = PATHWAY_LABELS;
  const step = (r: SensitivityRow) => (r.kind === 'points' ? (lang === 'zh' ? '±1个百分点' : '±1 point') : '±10%');
  return {
    columns: [
      { key: 'scenario', label: T.scenario[lang], numeric: false },
      { key: 'variable', label: T.variable[lang], numeric: false },
      { key: 'step', label: T.step[lang], numeric: false },
      { key: 'peak_year', label: T.peak_year_low_high[lang], numeric: false },
      { key: 'peak_low', label: T.peak_low[lang], numeric: true },
      { key: 'peak_high', label: T.peak_high[lang], numeric: true },
      { key: 'swing', label: T.swing[lang], numeric: true },
    ],
    rows: rows.map(({ s, r }) => [
      s.name,
      variableLabel(r.variable, lang),
      step(r),
      `${r.low.peak_year} / ${r.high.peak_year}`,
      grouped(fixed(r.low.peak_co2_t, d)),
      grouped(fixed(r.high.peak_co2_t, d)),
      grouped(fixed(r.swing_co2_t, d)),
    ]),
  };
}

export function monteCarloTabular(result: PathwayResult, lang: Lang, decimals: Decimals | undefined): Tabular | null {
  const list = result.scenarios.filter((s) => s.monte_carlo);
  if (list.length === 0) return null;
  const d = decimals ?? 2;
  const T = PATHWAY_LABELS;
  return {
    columns: [
      { key: 'scenario', label: T.scenario[lang], numeric: false },
      { key: 'runs', label: T.runs[lang], numeric: true },
      { key: 'seed', label: T.seed[lang], numeric: true },
      { key: 'p_by_2030', label: T.p_by_2030[lang], numeric: true },
      { key: 'peak_year', label: T.peak_year_p[lang], numeric: false },
      { key: 'peak', label: T.peak_p[lang], numeric: false },
      { key: 'targets_met', label: T.targets_met[lang], numeric: false },
    ],
    rows: list.map((s) => {
      const m = s.monte_carlo!;
      return [
        s.name,
        String(m.runs),
        String(m.seed),
        `${fixed(m.peaked_by_2030_pct, 1)}%`,
        `${m.peak_year.p5} / ${m.peak_year.p50} / ${m.peak_year.p95}`,
        [m.peak_co2_t.p5, m.peak_co2_t.p50, m.peak_co2_t.p95].map((v) => grouped(fixed(v, d))).join(' / '),
        m.checks.map((c) => `${INDICATOR_LABELS[c.target][lang]} ${checkPeriod(c, lang)}: ${fixed(c.met_pct, 1)}%`).join('; '),
      ];
    }),
  };
}

/** What a reader needs to read the figures right. */
export function pathwayNotes(result: PathwayResult, lang: Lang, options: Record<string, unknown> = {}): string[] {
  const zh = lang === 'zh';
  const notes: string[] = [];
  const base = result.scenarios[0]?.base_year;
  notes.push(
    zh
      ? `预测公式：GDP_t = GDP_t−1 ×(1+g)；能耗 E_t = E_t−1 ×(1+g)×(1−d)；CO2_t = E_t ×(1−非化石占比)× 单位化石能源排放 + 过程排放；净排放 = CO2 − 碳汇 − CCUS。GDP 按 ${base ?? '基'} 年价格，强度单位为每万元。`
      : `Formulas: GDP_t = GDP_t−1 × (1 + g); energy E_t = E_t−1 × (1 + g) × (1 − d); CO2_t = E_t × (1 − non-fossil share) × CO2 per tce fossil + process; net = CO2 − sinks − CCUS. GDP at ${base ?? 'base'}-year prices; intensities per 万元.`,
  );
  notes.push(
    zh
      ? '增速、下降率逐年沿用，直到某年另行给出（阶梯）；非化石占比、单位排放、过程排放、碳汇、CCUS 在给定年份之间线性插值，之后保持不变。'
      : 'Rates hold until a later row changes them (steps); the non-fossil share, CO2 per tce, process CO2, sinks and CCUS are interpolated linearly between the years given and held after the last.',
  );
  notes.push(
    zh
      ? '峰值年为排放最高的第一年；“未达峰”表示最后一年排放最高，终止年之前没有峰值。目标完成与否按未舍入数值判断。'
      : 'The peak year is the first year of the highest CO2; "not peaked" means the last year is the highest: no peak before the end year. Targets are judged on unrounded figures.',
  );
  const used = new Set(result.scenarios.flatMap((s) => s.checks.map((c) => `${c.target}:${c.from}-${c.to}:${c.source}`)));
  for (const t of result.targets.filter((x) => used.has(`${x.indicator}:${x.from}-${x.to}:${x.source}`))) {
    const what = INDICATOR_LABELS[t.indicator][lang];
    const period = t.from === null ? String(t.to) : checkPeriod(t, lang);
    notes.push(
      zh
        ? `目标：${what} ${period} ≥${t.target_pct.toFixed()}%（${regionZh(t.region, t.region_zh)}，${t.source}${t.fallback_for ? `；${regionZh(t.fallback_for, t.fallback_for_zh)}无该目标，采用全国目标${reasonOf(t, 'zh')}` : ''}）。`
        : `Target: ${what} ${period} ≥ ${t.target_pct.toFixed()}% (${t.region}, ${t.source}${t.fallback_for ? `; ${t.fallback_for} has none, the national target is used${reasonOf(t, 'en')}` : ''}).`,
    );
  }
  if (result.scenarios.some((s) => s.checks.some((c) => c.status === 'no_target'))) {
    notes.push(zh ? '“无内置目标”：内置目标表中没有该地区（或全国）的这一目标，不作判断。' : '"no bundled target": the bundled target tables hold no such target for the region (or nationally); nothing is judged.');
  }
  if (result.targets.some((t) => t.from === 2005) && result.scenarios.some((s) => s.carbon_intensity_2005 === null)) {
    notes.push(
      zh
        ? '未检查 2005—2030 碳排放强度目标：缺少 2005 年碳排放强度。可用 --ci-2005 年份:百分比 给出公布的比 2005 年下降幅度（如 2020:48.4），或在 --indicators 中提供 2005 年起的数据。'
        : 'The 2005→2030 carbon-intensity target is not checked: no 2005 level. Give the published decline against 2005 with --ci-2005 year:percent (e.g. 2020:48.4), or --indicators reaching back to 2005.',
    );
  }
  const h = result.history;
  if (h) {
    const p = h.peaking;
    notes.push(
      zh
        ? `历史排放达峰判断（C40 方法：≥3 个数据点、峰值早于最新数据 5 年以上、最新数据不超过 5 年、峰值比最新值高 10% 以上）：${PEAKING_STATUS[p.status].zh}（${p.points} 个数据点，峰值 ${p.peak_year ?? '—'} 年，最新 ${p.latest_year ?? '—'} 年，以 ${p.as_of} 年计）。`
        : `Observed peaking (C40 test: ≥ 3 points, peak more than 5 years before the latest, latest no more than 5 years old, peak more than 10 % above the latest): ${PEAKING_STATUS[p.status].en} (${p.points} points, peak ${p.peak_year ?? '—'}, latest ${p.latest_year ?? '—'}, as of ${p.as_of}).`,
    );
  }
  if (options.ci2005) notes.push(zh ? `2005 年碳排放强度由 --ci-2005 ${String(options.ci2005)} 推得（该年比 2005 年下降的公布值）。` : `The 2005 carbon intensity is derived from --ci-2005 ${String(options.ci2005)} (the published decline of that year against 2005).`);
  if (result.scenarios.some((s) => s.monte_carlo)) {
    notes.push(
      zh
        ? '蒙特卡洛：每次模拟对每个有低值/高值的参数抽取一个 u（mulberry32 伪随机数，整数运算，各机器结果一致），按三角分布分位数作用于该参数的全部年份；分位数取最近秩。'
        : 'Monte Carlo: each run draws one u per variable with _low/_high (mulberry32, integer arithmetic: the same on every machine) and moves all its years to that triangular quantile; percentiles by nearest rank.',
    );
  }
  notes.push(
    zh
      ? 'Kaya 类总量模型：不分部门、不区分能源品种结构变化以外的因素；结果取决于所填增速和下降率，是情景推演而非预测。'
      : 'A Kaya-style aggregate model: no sectors, and no driver beyond the ones entered; results follow from the rates given: scenarios, not forecasts.',
  );
  return notes;
}

/** Machine rows: one table, records told apart by `record` (observed and projected years, summaries, checks). */
export function pathwayMachineTabular(result: PathwayResult, decimals: Decimals): Tabular {
  const keys = [
    'record',
    'scenario',
    ...YEAR_KEYS,
    'is_peak',
    'peak_year',
    'peak_co2_t',
    'peaked_by_2030',
    'peak_status',
    'plateau_from',
    'plateau_to',
    'cumulative_2021_2030_t',
    'cumulative_2021_2060_t',
    'net_co2_2060_t',
    'target',
    'from',
    'to',
    'value_pct',
    'target_pct',
    'met',
    'status',
    'required_annual_pct',
    'target_region',
    'target_source',
  ];
  const text = new Set(['record', 'scenario', 'year', 'is_peak', 'peak_year', 'peaked_by_2030', 'peak_status', 'plateau_from', 'plateau_to', 'target', 'from', 'to', 'met', 'status', 'target_region', 'target_source']);
  const n = (v: Decimal | null | undefined) => (v === null || v === undefined ? '' : fixed(v, decimals));
  const rows: string[][] = [];
  const push = (values: Record<string, string>) => rows.push(keys.map((k) => values[k] ?? ''));
  for (const y of result.history?.years ?? []) {
    push({ record: 'observed', scenario: '', year: String(y.year), gdp: n(y.gdp), energy_tce: n(y.energy_tce), co2_t: n(y.co2_t), energy_intensity: n(y.energy_intensity), carbon_intensity: n(y.carbon_intensity) });
  }
  for (const s of result.scenarios) {
    for (const y of s.years) {
      const v: Record<string, string> = { record: 'projected', scenario: s.name, is_peak: String(y.year === s.peak.peak_year) };
      for (const k of YEAR_KEYS) v[k] = k === 'year' ? String(y.year) : n(y[k]);
      push(v);
    }
  }
  for (const s of result.scenarios) {
    push({
      record: 'summary',
      scenario: s.name,
      peak_year: String(s.peak.peak_year),
      peak_co2_t: n(s.peak.peak_co2_t),
      peaked_by_2030: String(s.peak.peaked_by_2030),
      peak_status: s.peak.status,
      plateau_from: String(s.peak.plateau_from),
      plateau_to: String(s.peak.plateau_to),
      cumulative_2021_2030_t: n(s.cumulative_2021_2030),
      cumulative_2021_2060_t: n(s.cumulative_2021_2060),
      net_co2_2060_t: n(s.net_2060),
    });
  }
  for (const s of result.scenarios) {
    for (const c of s.checks) {
      push({
        record: 'check',
        scenario: s.name,
        target: c.target,
        from: c.from === null ? '' : String(c.from),
        to: String(c.to),
        value_pct: n(c.value_pct),
        target_pct: n(c.target_pct),
        met: c.met === null ? '' : String(c.met),
        status: c.status,
        required_annual_pct: n(c.required_annual_pct),
        target_region: c.region ?? '',
        target_source: c.source ?? '',
      });
    }
  }
  return { columns: keys.map((k) => ({ key: k, label: k, numeric: !text.has(k) })), rows };
}

/** The JSON document of the SPEC (meta, scenarios[{ name, peak_year, peak_co2_t, peaked_by_2030, years, checks }]) with more. */
export function pathwayJson(result: PathwayResult, options: PathwayRenderOptions): unknown {
  const decimals = options.decimals ?? 6;
  const n = (v: Decimal | null | undefined) => (v === null || v === undefined ? null : fixed(v, decimals));
  return {
    meta: {
      ...resultMetaHead(options),
      options: { ...options.options, decimals },
    },
    history: result.history
      ? {
          price_year: result.history.price_year,
          years: result.history.years.map((y) => ({ year: y.year, gdp: n(y.gdp), energy_tce: n(y.energy_tce), co2_t: n(y.co2_t), energy_intensity: n(y.energy_intensity), carbon_intensity: n(y.carbon_intensity) })),
          peaking: {
            ...result.history.peaking,
            peak_co2_t: n(result.history.peaking.peak_co2_t),
            latest_co2_t: n(result.history.peaking.latest_co2_t),
          },
        }
      : null,
    scenarios: result.scenarios.map((s) => ({
      name: s.name,
      based_on: s.based_on,
      chain: s.chain,
      base_year: s.base_year,
      end_year: s.end_year,
      peak_year: s.peak.peak_year,
      peak_co2_t: n(s.peak.peak_co2_t),
      peaked_by_2030: s.peak.peaked_by_2030,
      peak_status: s.peak.status,
      plateau: { years: s.peak.plateau_years, from: s.peak.plateau_from, to: s.peak.plateau_to },
      co2_2030_t: n(s.co2_2030),
      cumulative_co2_t: { '2021-2030': n(s.cumulative_2021_2030), '2021-2060': n(s.cumulative_2021_2060) },
      net_co2_2060_t: n(s.net_2060),
      carbon_intensity_2005: n(s.carbon_intensity_2005),
      years: s.years.map((y) => ({
        ...Object.fromEntries(YEAR_KEYS.map((k) => [k, k === 'year' ? y.year : n(y[k])])),
        fossil_energy_tce: n(y.fossil_energy_tce),
        co2_per_fossil_tce: n(y.co2_per_fossil_tce),
        process_co2_t: n(y.process_co2_t),
        sinks_t: n(y.sinks_t),
        ccus_t: n(y.ccus_t),
        gdp_growth_pct: n(y.gdp_growth_pct),
        energy_intensity_decline_pct: n(y.energy_intensity_decline_pct),
      })),
      checks: s.checks.map((c) => ({
        target: c.target,
        from: c.from,
        to: c.to,
        value_pct: n(c.value_pct),
        target_pct: n(c.target_pct),
        met: c.met,
        status: c.status,
        required_annual_pct: n(c.required_annual_pct),
        region: c.region,
        source: c.source,
        fallback_for: c.fallback_for,
        fallback_reason: (c.fallback_for && c.target_pct !== null && missingTargetReason(c.fallback_for, c.target, c.from, c.to)?.en) || null,
        why: c.why,
      })),
      sensitivity: s.sensitivity
        ? s.sensitivity.map((r) => ({
            variable: r.variable,
            kind: r.kind,
            step: n(r.step),
            low: { peak_year: r.low.peak_year, peak_co2_t: n(r.low.peak_co2_t), co2_2030_t: n(r.low.co2_2030), net_co2_2060_t: n(r.low.net_2060) },
            high: { peak_year: r.high.peak_year, peak_co2_t: n(r.high.peak_co2_t), co2_2030_t: n(r.high.co2_2030), net_co2_2060_t: n(r.high.net_2060) },
            swing_co2_t: n(r.swing_co2_t),
          }))
        : null,
      monte_carlo: s.monte_carlo
        ? {
            runs: s.monte_carlo.runs,
            seed: s.monte_carlo.seed,
            variables: s.monte_carlo.variables,
            peak_years: s.monte_carlo.peak_years.map((p) => ({ year: p.year, runs: p.runs, share_pct: n(p.share_pct) })),
            peak_year: s.monte_carlo.peak_year,
            peaked_by_2030_pct: n(s.monte_carlo.peaked_by_2030_pct),
            peak_co2_t: { p5: n(s.monte_carlo.peak_co2_t.p5), p50: n(s.monte_carlo.peak_co2_t.p50), p95: n(s.monte_carlo.peak_co2_t.p95) },
            co2_2030_t: s.monte_carlo.co2_2030 ? { p5: n(s.monte_carlo.co2_2030.p5), p50: n(s.monte_carlo.co2_2030.p50), p95: n(s.monte_carlo.co2_2030.p95) } : null,
            checks: s.monte_carlo.checks.map((c) => ({ target: c.target, from: c.from, to: c.to, met_pct: n(c.met_pct) })),
          }
        : null,
    })),
    targets: result.targets.map((t) => ({
      indicator: t.indicator,
      from: t.from,
      to: t.to,
      target_pct: t.target_pct.toFixed(),
      region: t.region,
      source: t.source,
      fallback_for: t.fallback_for ?? null,
      fallback_reason: (t.fallback_for && missingTargetReason(t.fallback_for, t.indicator, t.from, t.to)?.en) || null,
    })),
    warnings: (options.diagnostics ?? result.diagnostics).filter((x) => x.severity === 'warning').map((x) => diagnosticToJson(x, options.lang)),
  };
}

/** The result in one of the text formats. */
export function renderPathway(result: PathwayResult, format: OutputFormat, options: PathwayRenderOptions): string {
  const lang = options.lang;
  if (format === 'json') return JSON.stringify(pathwayJson(result, options), null, 2) + '\n';
  if (format === 'csv' || format === 'tsv') return toDelimited(pathwayMachineTabular(result, options.decimals ?? 6), format === 'csv' ? ',' : '\t', { bom: options.bom });
  const T = PATHWAY_LABELS;
  const plateau = String(options.options?.plateauPct ?? '1');
  const sections: [string, Tabular][] = [[T.summary_title[lang], summaryTabular(result, lang, options.decimals, plateau)]];
  const checks = checksTabular(result, lang, options.decimals);
  if (checks.rows.length > 0) sections.push([T.checks_title[lang], checks]);
  const history = historyTabular(result, lang, options.decimals);
  if (history) sections.push([`${T.history_title[lang]} (${PEAKING_STATUS[result.history!.peaking.status][lang]}, C40)`, history]);
  for (const s of result.scenarios) sections.push([T.years_title[lang].replace('{name}', s.name), yearsTabular(s, lang, options.decimals)]);
  const sens = sensitivityTabular(result, lang, options.decimals);
  if (sens) sections.push([T.sensitivity_title[lang], sens]);
  const mc = monteCarloTabular(result, lang, options.decimals);
  if (mc) sections.push([T.mc_title[lang], mc]);
  const notes = pathwayNotes(result, lang, options.options);
  if (format === 'md') {
    return [...sections.flatMap(([title, t]) => [`## ${title}`, '', toMarkdown(t)]), `${T.notes[lang]}:`, '', ...notes.map((x) => `- ${markdownText(x)}`), ''].join('\n');
  }
  const style = options.style ?? plainStyle;
  return [...sections.map(([title, t]) => `${style.header(title)}\n${toTextTable(t, style)}`), style.dim(notes.map((x) => `· ${x}`).join('\n')) + '\n'].join('\n');
}
