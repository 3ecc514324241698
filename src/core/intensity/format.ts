import type { Decimal } from '../decimal.js';
import { diagnosticToJson } from '../diagnostics.js';
import type { ResultRenderOptions } from '../format/result-options.js';
import { resultMetaHead } from '../format/result-meta.js';
import type { OutputFormat } from '../format/calc.js';
import { fixed, grouped, type Decimals } from '../format/number.js';
import { toDelimited, markdownText, toMarkdown, type Column, type Tabular } from '../format/tabular.js';
import { plainStyle, toTextTable } from '../format/text-table.js';
import type { Lang } from '../i18n/lang.js';
import type { IntensityPeriod, IntensityResult, IntensityYear, PeriodIndicator, PeriodStatus } from './compute.js';
import { missingTargetReason, type Target, type TargetQualifier } from './targets.js';
import { ASSESSMENT_RULES } from './assessment.js';
import { regionNameZh } from '../calc/grid-region.js';
import { BASIS_KEYS, BASIS_LABELS, basesNote, type BasisIntensityYear, type IntensityBases } from './bases.js';
import { energyBasisJson, energyBasisLabel, type EnergyBasis } from '../calc/energy-basis.js';

/**
 * Decimals for people: 2, and 4 for intensities. The inputs: the indicators file first, then any --data files; the
 * factor tables: the targets', then those of --data.
 */
export interface IntensityRenderOptions extends ResultRenderOptions<'indicators' | 'data'> {
  /** `--both-bases`: energy and energy intensity on the calorific and the coal-equivalent basis (bases.ts) */
  bases?: IntensityBases | undefined;
  /** the basis of the energy computed from --data, said in the notes */
  energyBasis?: EnergyBasis | undefined;
}

type L = Record<Lang, string>;
const T = {
  year: { en: 'Year', zh: '年份' },
  gdp: { en: 'GDP (亿元)', zh: '地区生产总值(亿元)' },
  gdp_constant_at: { en: 'GDP, {base} prices (亿元)', zh: '地区生产总值({base}年可比价,亿元)' },
  gdp_constant: { en: 'GDP, constant prices (亿元)', zh: '地区生产总值(可比价,亿元)' },
  energy_tce: { en: 'Energy (tce)', zh: '能源消费量(吨标准煤)' },
  co2_t: { en: 'CO2 (t)', zh: '二氧化碳(吨)' },
  energy_intensity: { en: 'Energy intensity (tce/万元)', zh: '能耗强度(吨标准煤/万元)' },
  carbon_intensity: { en: 'Carbon intensity (tCO2/万元)', zh: '碳排放强度(吨CO2/万元)' },
  yoy: { en: 'vs previous year', zh: '比上年' },
  energy_assessed_tce: { en: 'Energy, assessment basis (tce)', zh: '考核口径能耗(吨标准煤)' },
  energy_intensity_assessed: { en: 'Energy intensity, assessment basis (tce/万元)', zh: '考核口径能耗强度(吨标准煤/万元)' },
  period: { en: 'Period', zh: '时期' },
  indicator: { en: 'Indicator', zh: '指标' },
  through: { en: 'Through', zh: '截至' },
  cumulative: { en: 'Cumulative decline', zh: '累计下降' },
  average: { en: 'Average annual', zh: '年均下降' },
  target: { en: 'Target', zh: '目标' },
  result: { en: 'Result', zh: '结论' },
  required: { en: 'Needed per remaining year', zh: '剩余年份需年均下降' },
  m_energy_intensity: { en: 'energy intensity', zh: '能耗强度' },
  m_energy_intensity_assessed: { en: 'energy intensity (assessment basis)', zh: '能耗强度(考核口径)' },
  m_carbon_intensity: { en: 'carbon intensity', zh: '碳排放强度' },
  years_title: { en: 'Intensity by year', zh: '分年度强度' },
  periods_title: { en: 'Periods', zh: '分时期目标完成情况' },
  notes: { en: 'Notes', zh: '说明' },
} satisfies Record<string, L>;

const STATUS: Record<PeriodStatus, L> = {
  met: { en: 'met', zh: '完成' },
  missed: { en: 'missed', zh: '未完成' },
  on_track: { en: 'on track', zh: '进度符合要求' },
  off_track: { en: 'behind', zh: '进度滞后' },
  no_target: { en: 'no target', zh: '无目标' },
  no_data: { en: 'no data', zh: '无数据' },
};

/** A period's status in words ("进度滞后", "behind"). */
export function statusText(status: PeriodStatus, lang: Lang): string {
  return STATUS[status][lang];
}

/** A measure of a period in words ("能耗强度(考核口径)"); an unknown one as it is. */
export function measureText(measure: string, lang: Lang): string {
  const l = (T as Record<string, L>)[`m_${measure}`];
  return l ? l[lang] : measure;
}

const SOURCE_FIGURE_ZH: Record<string, string> = { energy_tce: '能耗', co2_t: 'CO2', feedstock_tce: '原料用能', non_fossil_tce: '非化石能源' };

/** Where a year's figures came from, for people: "能耗：活动水平数据；CO2：指标文件" / "energy_tce: data; co2_t: file". */
export function sourcesText(sources: Record<string, string | undefined>, lang: Lang): string {
  const entries = Object.entries(sources).filter(([, v]) => v !== undefined);
  if (lang !== 'zh') return entries.map(([k, v]) => `${k}: ${v}`).join('; ');
  return entries.map(([k, v]) => `${SOURCE_FIGURE_ZH[k] ?? k}：${v === 'data' ? '活动水平数据' : v === 'file' ? '指标文件' : v}`).join('；');
}

const PLAN_ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七'];
function planLabel(plan: number | null, lang: Lang): string {
  if (plan === null) return '';
  if (lang === 'zh') return `“${PLAN_ZH[plan] ?? plan}五”`;
  const suffix = plan % 10 === 1 && plan !== 11 ? 'st' : plan % 10 === 2 && plan !== 12 ? 'nd' : plan % 10 === 3 && plan !== 13 ? 'rd' : 'th';
  return `${plan}${suffix} FYP`;
}

export function periodLabel(p: { from: number; to: number; plan: number | null }, lang: Lang): string {
  const plan = planLabel(p.plan, lang);
  if (lang === 'zh') return `${p.from}—${p.to}${plan ? `（${plan}）` : ''}`;
  return `${p.from}–${p.to}${plan ? ` (${plan})` : ''}`;
}

/** "下降3.74%" / "上升1.20%" in Chinese, "down 3.74%" / "up 1.20%" in English; the sign is never left to the reader. */
export function declineText(pct: Decimal | null, decimals: Decimals, lang: Lang): string {
  if (pct === null) return '';
  const text = fixed(pct.abs(), decimals);
  if (/^0(\.0*)?$/.test(text)) return lang === 'zh' ? `持平` : `unchanged`;
  if (pct.isNegative()) return lang === 'zh' ? `上升${text}%` : `up ${text}%`;
  return lang === 'zh' ? `下降${text}%` : `down ${text}%`;
}

/** "65% or more" / "65%以上", "about 20%" / "20%左右": the figure as the document words it. */
export function qualifiedPct(pctText: string, qualifier: TargetQualifier | undefined, lang: Lang): string {
  if (qualifier === 'at_least') return lang === 'zh' ? `${pctText}以上` : `${pctText} or more`;
  if (qualifier === 'about') return lang === 'zh' ? `${pctText}左右` : `about ${pctText}`;
  return pctText;
}

/**
 * Region id → how a Chinese reader names it: 全国, and the name at the start of the notes of the
 * region's own targets (甘肃); the id when no target of the result names it.
 */
function regionNamer(result: Pick<IntensityResult, 'targets_used' | 'targets_not_assessed'>, lang: Lang): (id: string) => string {
  if (lang !== 'zh') return (id) => id;
  const names = new Map<string, string>([['national', '全国']]);
  for (const t of [...result.targets_used, ...result.targets_not_assessed]) {
    const name = regionNameZh(t.note ?? '');
    if (name && !names.has(t.region)) names.set(t.region, name);
  }
  return (id) => names.get(id) ?? id;
}

function targetText(t: Target | null, decimals: Decimals, lang: Lang, rz: (id: string) => string = (id) => id): string {
  if (!t) return '';
  const pct = qualifiedPct(`${fixed(t.reduction_pct, decimals === 'full' ? 'full' : Math.min(decimals, 2)).replace(/\.?0+$/, '')}%`, t.qualifier, lang);
  const region = t.source === '--target' ? '--target' : rz(t.region) + (t.fallback_for ? (lang === 'zh' ? `，${rz(t.fallback_for)}无` : `; none for ${t.fallback_for}`) : '');
  return lang === 'zh' ? `下降${pct}（${region}）` : `${pct} (${region})`;
}

function periodLines(p: IntensityPeriod): PeriodIndicator[] {
  return [p.energy_intensity, ...(p.energy_intensity_assessed ? [p.energy_intensity_assessed] : []), p.carbon_intensity];
}

/** The years as a people's table (terminal, Markdown). */
export function yearsTabular(result: IntensityResult, lang: Lang, decimals: Decimals | undefined, bases?: IntensityBases): Tabular {
  const d = decimals ?? 2;
  const di = decimals ?? 4;
  const num = (v: Decimal | null, n: Decimals) => (v === null ? '—' : grouped(fixed(v, n)));
  const gdpLabel =
    result.gdp_basis === 'chained' && result.base_year !== null
      ? T.gdp_constant_at[lang].replace('{base}', String(result.base_year))
      : T.gdp_constant[lang];
  const columns: Column[] = [
    { key: 'year', label: T.year[lang], numeric: false },
    { key: 'gdp_constant', label: gdpLabel, numeric: true },
    { key: 'energy_tce', label: T.energy_tce[lang], numeric: true },
    { key: 'co2_t', label: T.co2_t[lang], numeric: true },
    { key: 'energy_intensity', label: T.energy_intensity[lang], numeric: true },
    { key: 'energy_intensity_reduction_pct', label: T.yoy[lang], numeric: true },
  ];
  const cells: ((y: IntensityYear) => string)[] = [
    (y) => String(y.year),
    (y) => num(y.gdp_constant, d),
    (y) => num(y.energy_tce, d),
    (y) => num(y.co2_t, d),
    (y) => num(y.energy_intensity, di),
    (y) => declineText(y.energy_intensity_reduction_pct, d, lang),
  ];
  if (result.assessment_basis) {
    columns.push(
      { key: 'energy_assessed_tce', label: T.energy_assessed_tce[lang], numeric: true },
      { key: 'energy_intensity_assessed', label: T.energy_intensity_assessed[lang], numeric: true },
      { key: 'energy_intensity_assessed_reduction_pct', label: T.yoy[lang], numeric: true },
    );
    cells.push(
      (y) => num(y.energy_assessed_tce, d),
      (y) => num(y.energy_intensity_assessed, di),
      (y) => declineText(y.energy_intensity_assessed_reduction_pct, d, lang),
    );
  }
  columns.push(
    { key: 'carbon_intensity', label: T.carbon_intensity[lang], numeric: true },
    { key: 'carbon_intensity_reduction_pct', label: T.yoy[lang], numeric: true },
  );
  cells.push(
    (y) => num(y.carbon_intensity, di),
    (y) => declineText(y.carbon_intensity_reduction_pct, d, lang),
  );
  if (bases) {
    for (const key of BASIS_KEYS) {
      columns.push({ key, label: BASIS_LABELS[key][lang], numeric: true });
      cells.push((y) => num(basisYear(bases, y.year)?.[key] ?? null, key.startsWith('energy_intensity') ? di : d));
    }
  }
  return { columns, rows: result.years.map((y) => cells.map((c) => c(y))) };
}

function basisYear(bases: IntensityBases, year: number): BasisIntensityYear | undefined {
  return bases.years.find((b) => b.year === year);
}

/** The periods as a people's table: one line per period and indicator. */
export function periodsTabular(result: IntensityResult, lang: Lang, decimals: Decimals | undefined): Tabular {
  const d = decimals ?? 2;
  const rz = regionNamer(result, lang);
  const columns: Column[] = [
    { key: 'period', label: T.period[lang], numeric: false },
    { key: 'indicator', label: T.indicator[lang], numeric: false },
    { key: 'through', label: T.through[lang], numeric: false },
    { key: 'reduction_pct', label: T.cumulative[lang], numeric: true },
    { key: 'average_annual_pct', label: T.average[lang], numeric: true },
    { key: 'target', label: T.target[lang], numeric: false },
    { key: 'status', label: T.result[lang], numeric: false },
    { key: 'required_annual_pct', label: T.required[lang], numeric: true },
  ];
  const rows: string[][] = [];
  for (const p of result.periods) {
    for (const l of periodLines(p)) {
      rows.push([
        periodLabel(p, lang),
        T[`m_${l.measure}`][lang],
        l.through === null ? '—' : String(l.through),
        declineText(l.reduction_pct, d, lang),
        declineText(l.average_annual_pct, d, lang),
        targetText(l.target, d, lang, rz),
        STATUS[l.status][lang],
        l.required_annual_pct === null ? '' : declineText(l.required_annual_pct, d, lang),
      ]);
    }
  }
  return { columns, rows };
}

/** What a reader needs to interpret the figures: price basis, CO2 view, assessment basis, targets used. */
export function intensityNotes(result: IntensityResult, lang: Lang, options: Record<string, unknown> = {}): string[] {
  const notes: string[] = [];
  const zh = lang === 'zh';
  const rz = regionNamer(result, lang);
  if (result.gdp_basis === 'chained') {
    notes.push(
      zh
        ? `地区生产总值按 ${result.base_year} 年可比价计算：以现价 GDP 为基年值，逐年乘以地区生产总值指数（上年=100）/100。强度单位为每万元（1 亿元 = 1 万 × 1 万元）。`
        : `GDP at ${result.base_year} comparable prices: the base year's current-price GDP chained with the real growth index (previous year = 100). Intensities are per 万元 (1 亿元 = 10,000 万元).`,
    );
  } else {
    notes.push(
      zh
        ? '没有地区生产总值指数列：GDP 按已是可比价处理。若为现价，下降率将被价格变动扭曲，请增加指数列。'
        : 'No gdp_index column: GDP is taken as already at constant prices. If it is at current prices the declines are distorted by inflation; add the index column.',
    );
  }
  if (options.co2View && options.data) {
    const v = String(options.co2View);
    const text: Record<string, L> = {
      consumption: { en: 'consumption view (scope 1 without power & heat plants + scope 2)', zh: '消费端口径（范围一扣除电力热力生产 + 范围二）' },
      territorial: { en: 'territorial view (all scope 1)', zh: '属地口径（全部范围一）' },
      total: { en: 'scope 1 + scope 2, every row once', zh: '范围一 + 范围二（各行之和）' },
    };
    notes.push(zh ? `--data 的二氧化碳按${text[v]?.zh ?? v}计。` : `CO2 from --data: ${text[v]?.en ?? v}.`);
  }
  if (result.assessment_rule) {
    const r = ASSESSMENT_RULES[result.assessment_rule.rule];
    const how = result.assessment_rule.chosen === 'period'
      ? zh ? '（按所评估时期适用的规则选定；可用 --assessment-basis 2022|2024 指定）' : ' (the rule in force for the periods assessed; choose another with --assessment-basis 2022|2024)'
      : zh ? '（由 --assessment-basis 指定）' : ' (as asked with --assessment-basis)';
    notes.push(
      zh
        ? `考核口径 ${result.assessment_rule.rule} 年规则（${r.document}）：${r.zh}后计算能耗强度${how}；能耗强度目标按考核口径判断，原始能耗强度同时列出。扣除量应与能耗同一折标口径。`
        : `Assessment basis, ${result.assessment_rule.rule} rule (${r.document}): ${r.en} before the energy-intensity check${how}; energy-intensity targets are judged on it, and the reported intensity is shown too. Deductions must be on the same basis as energy_tce.`,
    );
  }
  for (const t of result.targets_used) {
    const pct = qualifiedPct(`${t.reduction_pct.toFixed()}%`, t.qualifier, lang);
    const ind = t.indicator === 'energy_intensity' ? T.m_energy_intensity[lang] : T.m_carbon_intensity[lang];
    const where = t.source === '--target' ? '--target' : zh ? `${rz(t.region)}，${t.source}` : `${t.region}, ${t.source}`;
    notes.push(
      zh
        ? `目标：${t.from}—${t.to} ${ind}下降 ${pct}（${where}${t.fallback_for ? `；${rz(t.fallback_for)}无该目标，采用全国目标${reasonOf(t, 'zh')}` : ''}）。`
        : `Target: ${ind} ${t.from}–${t.to} down ${pct} (${where}${t.fallback_for ? `; ${t.fallback_for} has none, the national target is used${reasonOf(t, 'en')}` : ''}).`,
    );
  }
  for (const p of result.periods) {
    for (const l of periodLines(p)) {
      if (l.from_given === null || l.from_value === null) continue;
      const ind = T[`m_${l.measure}`][lang];
      notes.push(
        zh
          ? `${p.from} 年${ind} ${l.from_value.toFixed()} 由 ${l.from_given} 给出（应与本数据同一可比价，单位每万元），不是由数据计算。`
          : `The ${p.from} ${ind} ${l.from_value.toFixed()} was given with ${l.from_given} (per 万元, at the same comparable prices as the data), not computed from a row.`,
      );
    }
  }
  for (const t of result.targets_not_assessed) {
    const pct = qualifiedPct(`${t.reduction_pct.toFixed()}%`, t.qualifier, lang);
    const ind = t.indicator === 'energy_intensity' ? T.m_energy_intensity[lang] : T.m_carbon_intensity[lang];
    const option = t.indicator === 'carbon_intensity' && t.from === 2005 ? (zh ? '，或用 --base-2005 <碳排放强度> 给出' : ', or pass --base-2005 <carbon intensity>') : '';
    notes.push(
      zh
        ? `未检查目标：${t.from}—${t.to} ${ind}下降 ${pct}（${rz(t.region)}，${t.source}）：缺少 ${t.from} 年数据。请在指标文件中加入 ${t.from} 年一行${option}。`
        : `Not checked: the target ${ind} ${t.from}–${t.to} down ${pct} (${t.region}, ${t.source}) has no ${t.from} figure; add a ${t.from} row to the indicators file${option}.`,
    );
  }
  notes.push(
    zh
      ? '比上年、累计下降为正表示强度下降；时期累计 = 1 − 末年强度/起始年强度，年均 = 1 − (末年/起始年)^(1/年数)；完成与否按未舍入数值判断。'
      : 'Declines are positive when the intensity fell; cumulative = 1 − I(end)/I(start), average annual = 1 − (I(end)/I(start))^(1/years); met/missed is judged on unrounded figures.',
  );
  return notes;
}

/** The per-year keys every machine format carries, in order; the assessment-basis ones only when it is on. */
export function intensityYearKeys(assessmentBasis: boolean): (keyof IntensityYear)[] {
  return [
    'year',
    'gdp',
    'gdp_index',
    'gdp_constant',
    'energy_tce',
    'co2_t',
    'energy_intensity',
    'carbon_intensity',
    'energy_intensity_reduction_pct',
    'carbon_intensity_reduction_pct',
    ...(assessmentBasis
      ? (['feedstock_tce', 'new_renewable_tce', 'non_fossil_tce', 'energy_assessed_tce', 'energy_intensity_assessed', 'energy_intensity_assessed_reduction_pct'] as const)
      : []),
  ];
}

/** A year's figures under the machine keys, in order; `year` stays a number, the rest go through `n`. */
function yearValues<T>(y: IntensityYear, assessmentBasis: boolean, n: (v: Decimal | null) => T): Record<string, T | number> {
  return Object.fromEntries(intensityYearKeys(assessmentBasis).map((k) => [k, k === 'year' ? y.year : n(y[k] as Decimal | null)]));
}

/** Machine rows: one table for CSV/TSV, years and period lines told apart by `record`. */
export function intensityMachineTabular(result: IntensityResult, decimals: Decimals, bases?: IntensityBases): Tabular {
  const keys = [
    'record',
    ...intensityYearKeys(result.assessment_basis),
    ...(bases ? BASIS_KEYS : []),
    'from',
    'to',
    'plan',
    'measure',
    'through',
    'reduction_pct',
    'average_annual_pct',
    'target_pct',
    'target_region',
    'target_source',
    'met',
    'status',
    'required_annual_pct',
  ];
  const textKeys = new Set(['record', 'year', 'from', 'to', 'plan', 'measure', 'through', 'target_region', 'target_source', 'met', 'status']);
  const n = (v: Decimal | null | undefined) => (v === null || v === undefined ? '' : fixed(v, decimals));
  const rows: string[][] = [];
  for (const y of result.years) {
    const b = bases ? basisYear(bases, y.year) : undefined;
    const values: Record<string, string> = {
      record: 'year',
      ...yearValues(y, result.assessment_basis, n),
      ...(b ? Object.fromEntries(BASIS_KEYS.map((k) => [k, n(b[k])])) : {}),
      year: String(y.year),
    };
    rows.push(keys.map((k) => values[k] ?? ''));
  }
  for (const p of result.periods) {
    for (const l of periodLines(p)) {
      const values: Record<string, string> = {
        record: 'period',
        from: String(p.from),
        to: String(p.to),
        plan: p.plan === null ? '' : String(p.plan),
        measure: l.measure,
        through: l.through === null ? '' : String(l.through),
        reduction_pct: n(l.reduction_pct),
        average_annual_pct: n(l.average_annual_pct),
        target_pct: n(l.target_pct),
        target_region: l.target?.region ?? '',
        target_source: l.target?.source ?? '',
        met: l.met === null ? '' : String(l.met),
        status: l.status,
        required_annual_pct: n(l.required_annual_pct),
      };
      rows.push(keys.map((k) => values[k] ?? ''));
    }
  }
  return { columns: keys.map((k) => ({ key: k, label: k, numeric: !textKeys.has(k) })), rows };
}

function periodIndicatorJson(l: PeriodIndicator, decimals: Decimals): Record<string, unknown> {
  const n = (v: Decimal | null) => (v === null ? null : fixed(v, decimals));
  return {
    measure: l.measure,
    from_given: l.from_given,
    through: l.through,
    complete: l.complete,
    from_value: n(l.from_value),
    through_value: n(l.through_value),
    reduction_pct: n(l.reduction_pct),
    average_annual_pct: n(l.average_annual_pct),
    target_pct: n(l.target_pct),
    target: l.target ? targetJson(l.target) : null,
    met: l.met,
    required_annual_pct: n(l.required_annual_pct),
    planned_annual_pct: n(l.planned_annual_pct),
    status: l.status,
  };
}

/** Why the region has no target of its own, where known: " (…)" / "（…）". */
function reasonOf(t: Target, lang: Lang): string {
  const why = t.fallback_for ? missingTargetReason(t.fallback_for, t.indicator, t.from, t.to) : undefined;
  if (!why) return '';
  return lang === 'zh' ? `：${why.zh}` : `: ${why.en}`;
}

function targetJson(t: Target): Record<string, unknown> {
  return {
    indicator: t.indicator,
    from: t.from,
    to: t.to,
    reduction_pct: t.reduction_pct.toFixed(),
    qualifier: t.qualifier ?? null,
    region: t.region,
    source: t.source,
    fallback_for: t.fallback_for ?? null,
    fallback_reason: (t.fallback_for && missingTargetReason(t.fallback_for, t.indicator, t.from, t.to)?.en) ?? null,
    note: t.note ?? null,
  };
}

/** The JSON document of the SPEC: meta, years, periods (+ targets, warnings). Numbers are decimal strings. */
export function intensityJson(result: IntensityResult, options: IntensityRenderOptions): unknown {
  const decimals = options.decimals ?? 6;
  const n = (v: Decimal | null) => (v === null ? null : fixed(v, decimals));
  return {
    meta: {
      ...resultMetaHead(options),
      options: {
        ...options.options,
        gdpBasis: result.gdp_basis,
        baseYear: result.base_year,
        assessmentBasis: result.assessment_basis,
        assessmentRule: result.assessment_rule,
        decimals,
        ...(options.bases
          ? { bothBases: true, energy_bases: { calorific: options.bases.calorific ? energyBasisJson(options.bases.calorific) : null, coal_equivalent: options.bases.coal ? energyBasisJson(options.bases.coal) : null } }
          : {}),
      },
    },
    years: result.years.map((y) => {
      const b = options.bases ? basisYear(options.bases, y.year) : undefined;
      return {
        ...yearValues(y, result.assessment_basis, n),
        ...(options.bases ? Object.fromEntries(BASIS_KEYS.map((k) => [k, b ? n(b[k]) : null])) : {}),
        sources: y.sources,
      };
    }),
    periods: result.periods.map((p) => ({
      from: p.from,
      to: p.to,
      plan: p.plan,
      energy_intensity_reduction_pct: n(p.energy_intensity_reduction_pct),
      carbon_intensity_reduction_pct: n(p.carbon_intensity_reduction_pct),
      target_pct: { energy_intensity: n(p.target_pct.energy_intensity), carbon_intensity: n(p.target_pct.carbon_intensity) },
      met: p.met,
      energy_intensity: periodIndicatorJson(p.energy_intensity, decimals),
      ...(p.energy_intensity_assessed ? { energy_intensity_assessed: periodIndicatorJson(p.energy_intensity_assessed, decimals) } : {}),
      carbon_intensity: periodIndicatorJson(p.carbon_intensity, decimals),
    })),
    targets: result.targets_used.map(targetJson),
    warnings: result.diagnostics.filter((d) => d.severity === 'warning').map((d) => diagnosticToJson(d, options.lang)),
  };
}

/** The result in one of the output formats, as the text to write. */
export function renderIntensity(result: IntensityResult, format: OutputFormat, options: IntensityRenderOptions): string {
  const lang = options.lang;
  const machine = format === 'csv' || format === 'tsv' || format === 'json';
  if (format === 'json') return JSON.stringify(intensityJson(result, options), null, 2) + '\n';
  if (machine) {
    const table = intensityMachineTabular(result, options.decimals ?? 6, options.bases);
    return toDelimited(table, format === 'csv' ? ',' : '\t', { bom: options.bom });
  }
  const years = yearsTabular(result, lang, options.decimals, options.bases);
  const periods = periodsTabular(result, lang, options.decimals);
  const notes = intensityNotes(result, lang, options.options);
  if (options.bases) notes.splice(1, 0, basesNote(options.bases, lang));
  else if (options.energyBasis) {
    const label = energyBasisLabel(options.energyBasis, lang);
    notes.splice(
      1,
      0,
      lang === 'zh'
        ? `由 --data 算得的能耗按${label}；--both-bases 并列两种口径。`
        : `Energy computed from --data is on the ${label}; --both-bases shows both bases side by side.`,
    );
  }
  if (format === 'md') {
    return [
      `## ${T.years_title[lang]}`,
      '',
      toMarkdown(years),
      ...(periods.rows.length > 0 ? [`## ${T.periods_title[lang]}`, '', toMarkdown(periods)] : []),
      `${T.notes[lang]}:`,
      '',
      ...notes.map((n) => `- ${markdownText(n)}`),
      '',
    ].join('\n');
  }
  const style = options.style ?? plainStyle;
  return [
    toTextTable(years, style),
    ...(periods.rows.length > 0 ? [toTextTable(periods, style)] : []),
    style.dim(notes.map((n) => `· ${n}`).join('\n')) + '\n',
  ].join('\n');
}
