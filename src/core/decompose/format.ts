import { ZERO, type Decimal } from '../decimal.js';
import { diagnosticToJson, type Diagnostic } from '../diagnostics.js';
import type { ResultRenderOptions } from '../format/result-options.js';
import { resultMetaHead } from '../format/result-meta.js';
import type { OutputFormat } from '../format/calc.js';
import { fixed, grouped, type Decimals } from '../format/number.js';
import { toDelimited, markdownText, toMarkdown, type Column, type Tabular } from '../format/tabular.js';
import { plainStyle, toKeyValue, toTextTable } from '../format/text-table.js';
import type { Lang } from '../i18n/lang.js';
import type { DecomposeResult, FactorInfo, StepSplit } from './series.js';
import type { Decoupling, TapioState } from './tapio.js';

/** Decimals for people: 2 (ratios: 6 for people too). */
export interface DecomposeRenderOptions extends ResultRenderOptions {
  /** every warning printed, repeated in the JSON */
  diagnostics?: readonly Diagnostic[] | undefined;
  /** lines about the basis of the identity (Kaya mode), shown with the notes */
  basisNotes?: readonly string[] | undefined;
}

type L = Record<Lang, string>;
export const DECOMPOSE_LABELS = {
  title_additive: { en: 'Decomposition of the change (LMDI-I, additive)', zh: '变化量分解（LMDI-I 加法）' },
  title_multiplicative: { en: 'Decomposition of the change (LMDI-I, multiplicative)', zh: '变化倍数分解（LMDI-I 乘法）' },
  start: { en: 'Start', zh: '起始值' },
  end: { en: 'End', zh: '终止值' },
  change: { en: 'Change', zh: '变化量' },
  ratio: { en: 'Ratio (end / start)', zh: '比值（终止/起始）' },
  factor: { en: 'Effect', zh: '效应' },
  value: { en: 'Contribution', zh: '贡献量' },
  d_index: { en: 'Index D', zh: '指数 D' },
  share: { en: 'Share of change (%)', zh: '占变化比重(%)' },
  sum: { en: 'Sum of effects', zh: '各效应之和' },
  product: { en: 'Product of effects', zh: '各效应之积' },
  residual: { en: 'Residual (Σ effects − change)', zh: '残差（效应之和 − 变化量）' },
  residual_mul: { en: 'Residual (Π effects − ratio)', zh: '残差（效应之积 − 比值）' },
  period: { en: 'Period', zh: '时期' },
  steps: { en: 'Year by year (chained)', zh: '逐年分解（链式）' },
  decoupling: { en: 'Decoupling (Tapio elasticity)', zh: '脱钩状态（Tapio 弹性）' },
  co2_change_pct: { en: 'Change of the total (%)', zh: '总量变化(%)' },
  gdp_change_pct: { en: 'GDP change, comparable prices (%)', zh: 'GDP变化(可比价,%)' },
  elasticity: { en: 'Elasticity', zh: '弹性系数' },
  state: { en: 'State', zh: '脱钩状态' },
  notes: { en: 'Notes', zh: '说明' },
  group: { en: 'Group', zh: '分组' },
  by_group: { en: 'Effects by group', zh: '分组效应' },
  total: { en: 'total', zh: '合计' },
  direct: { en: 'direct', zh: '直接' },
  chained: { en: 'chained', zh: '链式' },
} satisfies Record<string, L>;

export const TAPIO_LABELS: Record<TapioState, L> = {
  strong_decoupling: { en: 'strong decoupling', zh: '强脱钩' },
  weak_decoupling: { en: 'weak decoupling', zh: '弱脱钩' },
  expansive_coupling: { en: 'expansive coupling', zh: '扩张连接' },
  expansive_negative_decoupling: { en: 'expansive negative decoupling', zh: '扩张负脱钩' },
  strong_negative_decoupling: { en: 'strong negative decoupling', zh: '强负脱钩' },
  weak_negative_decoupling: { en: 'weak negative decoupling', zh: '弱负脱钩' },
  recessive_coupling: { en: 'recessive coupling', zh: '衰退连接' },
  recessive_decoupling: { en: 'recessive decoupling', zh: '衰退脱钩' },
};

export function factorLabel(f: FactorInfo, lang: Lang): string {
  return f[lang];
}

export function periodText(from: number, to: number, lang: Lang): string {
  return lang === 'zh' ? `${from}—${to}` : `${from}–${to}`;
}

/** "+513,573.05" / "−1,234.00": the sign is always shown on a contribution. */
export function signed(v: Decimal, decimals: Decimals): string {
  const text = grouped(fixed(v, decimals));
  return text.startsWith('-') ? `−${text.slice(1)}` : /^0(\.0*)?$/.test(text) ? text : `+${text}`;
}

function peopleDecimals(result: DecomposeResult, decimals: Decimals | undefined): { value: Decimals; ratio: Decimals } {
  return { value: decimals ?? 2, ratio: decimals ?? 6 };
}

/** The main table: one line per effect, then the sum (product) and the residual. */
export function effectsTabular(result: DecomposeResult, lang: Lang, decimals: Decimals | undefined): Tabular {
  const t = result.total;
  const d = peopleDecimals(result, decimals);
  const add = result.method === 'additive';
  const unit = result.quantity.unit ? (lang === 'zh' ? `(${result.quantity.unit === 't' ? '吨' : result.quantity.unit})` : ` (${result.quantity.unit})`) : '';
  const columns: Column[] = [
    { key: 'factor', label: DECOMPOSE_LABELS.factor[lang], numeric: false },
    { key: 'value', label: add ? `${DECOMPOSE_LABELS.value[lang]}${unit}` : DECOMPOSE_LABELS.d_index[lang], numeric: true },
    { key: 'share_pct', label: DECOMPOSE_LABELS.share[lang], numeric: true },
  ];
  const rows = t.effects.map((e, i) => [
    factorLabel(result.factors[i]!, lang),
    add ? signed(e.value, d.value) : fixed(e.value, d.ratio),
    e.share_pct === null ? '—' : fixed(e.share_pct, 2),
  ]);
  const sum = add ? t.effects.reduce((a, e) => a.plus(e.value), ZERO as Decimal) : undefined;
  const total = add
    ? [DECOMPOSE_LABELS.sum[lang], signed(sum!, d.value), t.change.isZero() ? '—' : '100.00']
    : [DECOMPOSE_LABELS.product[lang], fixed(t.ratio!, d.ratio), '100.00'];
  return { columns, rows, total };
}

/** Start, end, change (ratio) and the residual, as label/value pairs. */
export function headlinePairs(result: DecomposeResult, lang: Lang, decimals: Decimals | undefined): [string, string][] {
  const t = result.total;
  const d = peopleDecimals(result, decimals);
  const pairs: [string, string][] = [
    [quantityAt(result, result.from, lang), grouped(fixed(t.start, d.value))],
    [quantityAt(result, result.to, lang), grouped(fixed(t.end, d.value))],
    [DECOMPOSE_LABELS.change[lang], signed(t.change, d.value)],
  ];
  if (t.ratio !== null) pairs.push([DECOMPOSE_LABELS.ratio[lang], fixed(t.ratio, d.ratio)]);
  pairs.push([
    result.method === 'additive' ? DECOMPOSE_LABELS.residual[lang] : DECOMPOSE_LABELS.residual_mul[lang],
    residualText(t.residual, result.method === 'additive' ? d.value : d.ratio),
  ]);
  return pairs;
}

/** "CO2, consumption view (t), 2020" / "二氧化碳（消费端口径，吨），2020年" */
export function quantityAt(result: DecomposeResult, year: number, lang: Lang): string {
  const unit = result.quantity.unit;
  if (lang === 'zh') {
    const u = unit === 't' ? '吨' : unit;
    const name = result.quantity.zh;
    const withUnit = u ? (name.endsWith('）') ? `${name.slice(0, -1)}，${u}）` : `${name}（${u}）`) : name;
    return `${withUnit}，${year}年`;
  }
  return `${result.quantity.en}${unit ? ` (${unit})` : ''}, ${year}`;
}

/** The residual to the printed digits, and its order of magnitude when it is not exactly zero. */
export function residualText(residual: Decimal, decimals: Decimals): string {
  const printed = fixed(residual, decimals);
  if (residual.isZero()) return printed;
  return `${printed} (|r| < 1e${residual.abs().e + 1})`;
}

export function stepsTabular(result: DecomposeResult, lang: Lang, decimals: Decimals | undefined): Tabular {
  const d = peopleDecimals(result, decimals);
  const add = result.method === 'additive';
  const columns: Column[] = [
    { key: 'period', label: DECOMPOSE_LABELS.period[lang], numeric: false },
    { key: 'start', label: DECOMPOSE_LABELS.start[lang], numeric: true },
    ...result.factors.map((f) => ({ key: f.key, label: factorLabel(f, lang), numeric: true })),
    { key: 'change', label: add ? DECOMPOSE_LABELS.change[lang] : DECOMPOSE_LABELS.ratio[lang], numeric: true },
    { key: 'end', label: DECOMPOSE_LABELS.end[lang], numeric: true },
  ];
  const line = (s: StepSplit, label: string) => [
    label,
    grouped(fixed(s.start, d.value)),
    ...s.effects.map((e) => (add ? signed(e.value, d.value) : fixed(e.value, d.ratio))),
    add ? signed(s.change, d.value) : fixed(s.ratio!, d.ratio),
    grouped(fixed(s.end, d.value)),
  ];
  return {
    columns,
    rows: result.steps.map((s) => line(s, periodText(s.from, s.to, lang))),
    total: line(result.total, `${periodText(result.from, result.to, lang)} ${DECOMPOSE_LABELS.total[lang]}`),
  };
}

export function decouplingTabular(rows: readonly Decoupling[], lang: Lang, decimals: Decimals | undefined): Tabular {
  const d = decimals ?? 2;
  return {
    columns: [
      { key: 'period', label: DECOMPOSE_LABELS.period[lang], numeric: false },
      { key: 'co2_change_pct', label: DECOMPOSE_LABELS.co2_change_pct[lang], numeric: true },
      { key: 'gdp_change_pct', label: DECOMPOSE_LABELS.gdp_change_pct[lang], numeric: true },
      { key: 'elasticity', label: DECOMPOSE_LABELS.elasticity[lang], numeric: true },
      { key: 'state', label: DECOMPOSE_LABELS.state[lang], numeric: false },
    ],
    rows: rows.map((r) => [
      periodText(r.from, r.to, lang),
      signed(r.co2_change_pct, d),
      signed(r.gdp_change_pct, d),
      r.elasticity === null ? '—' : fixed(r.elasticity, decimals ?? 3),
      r.state === null ? '—' : TAPIO_LABELS[r.state][lang],
    ]),
  };
}

export function decomposeNotes(result: DecomposeResult, lang: Lang, basisNotes: readonly string[] = []): string[] {
  const zeros = result.total.groups.length > 0 ? countZeroRules(result) : 0;
  const notes: string[] = [...basisNotes];
  if (lang === 'zh') {
    notes.push(
      result.method === 'additive'
        ? `LMDI-I 加法分解（Ang 2005）：ΔV_x = Σ_i L(V_T,i, V_0,i)·ln(x_T,i/x_0,i)，L(a,b) = (a−b)/(ln a − ln b)；各效应之和等于变化量。`
        : `LMDI-I 乘法分解（Ang 2005）：D_x = exp(Σ_i L(V_T,i, V_0,i)/L(V_T, V_0)·ln(x_T,i/x_0,i))；各效应之积等于比值。`,
      result.chained ? `链式：逐年分解后${result.method === 'additive' ? '相加' : '相乘'}，合计与直接比较首末两年略有不同。` : `直接比较 ${result.from} 年与 ${result.to} 年。`,
      '对数按 50 位有效数字计算；残差为零（至所示位数）。',
    );
    if (zeros > 0) notes.push(`${zeros} 个分组在某年为零，按 Ang & Liu (2007) 解析极限处理：出现的分组以 +V_T 计入原为零的因素，消失的以 −V_0 计入变为零的因素。`);
  } else {
    notes.push(
      result.method === 'additive'
        ? 'LMDI-I additive (Ang 2005): ΔV_x = Σ_i L(V_T,i, V_0,i)·ln(x_T,i/x_0,i), L(a,b) = (a−b)/(ln a − ln b); the effects sum to the change.'
        : 'LMDI-I multiplicative (Ang 2005): D_x = exp(Σ_i L(V_T,i, V_0,i)/L(V_T, V_0)·ln(x_T,i/x_0,i)); the effects multiply to the ratio.',
      result.chained
        ? `Chained: year-by-year splits ${result.method === 'additive' ? 'summed' : 'multiplied'}; the total differs slightly from comparing the end years directly.`
        : `Direct: ${result.from} compared with ${result.to}.`,
      'Logarithms at 50 significant digits; the residual is zero to the digits printed.',
    );
    if (zeros > 0) notes.push(`${zeros} group(s) were zero in a year, handled by the analytical limits of Ang & Liu (2007): a group that appears gives +V_T to the factor that was zero, one that disappears −V_0 to the factor that became zero.`);
  }
  return notes;
}

function countZeroRules(result: DecomposeResult): number {
  const splits = result.steps.length > 0 ? result.steps : [result.total];
  const groups = new Set<string>();
  for (const s of splits) for (const g of s.groups) if (g.start.isZero() !== g.end.isZero()) groups.add(g.group);
  return groups.size;
}

/** One row per period (each year when chained, then the total), effects as columns; decoupling where it applies. */
export function decomposeMachineTabular(result: DecomposeResult, decimals: Decimals): Tabular {
  const keys = ['from', 'to', 'period', 'start', 'end', 'change', 'ratio', ...result.factors.map((f) => f.key), 'residual', 'co2_change_pct', 'gdp_change_pct', 'elasticity', 'state'];
  const text = new Set(['period', 'state']);
  const n = (v: Decimal | null | undefined) => (v === null || v === undefined ? '' : fixed(v, decimals));
  const dec = new Map(result.decoupling.map((d) => [`${d.from}-${d.to}`, d]));
  const used = new Set<string>();
  const row = (s: StepSplit, period: string) => {
    const k = `${s.from}-${s.to}`;
    const d = dec.get(k);
    if (d) used.add(k);
    return [String(s.from), String(s.to), period, n(s.start), n(s.end), n(s.change), n(s.ratio), ...s.effects.map((e) => n(e.value)), n(s.residual), n(d?.co2_change_pct), n(d?.gdp_change_pct), n(d?.elasticity), d?.state ?? ''];
  };
  const rows = [...result.steps.map((s) => row(s, 'year')), row(result.total, result.chained ? 'chained' : 'direct')];
  for (const d of result.decoupling) {
    if (used.has(`${d.from}-${d.to}`)) continue;
    rows.push([String(d.from), String(d.to), 'decoupling', '', '', '', '', ...result.factors.map(() => ''), '', n(d.co2_change_pct), n(d.gdp_change_pct), n(d.elasticity), d.state ?? '']);
  }
  return { columns: keys.map((k) => ({ key: k, label: k, numeric: !text.has(k) })), rows };
}

function stepJson(s: StepSplit, result: DecomposeResult, n: (v: Decimal | null) => string | null) {
  const add = result.method === 'additive';
  return {
    from: s.from,
    to: s.to,
    start: n(s.start),
    end: n(s.end),
    change: n(s.change),
    ratio: n(s.ratio),
    residual: n(s.residual),
    effects: s.effects.map((e, i) => ({
      factor: e.factor,
      label: { en: result.factors[i]!.en, zh: result.factors[i]!.zh },
      ...(add ? { value: n(e.value) } : { ratio: n(e.value) }),
      share_pct: n(e.share_pct),
    })),
    by_group: s.groups.map((g) => ({
      group: g.group,
      label: result.groupLabels.get(g.group) ?? { en: g.group, zh: g.group },
      start: n(g.start),
      end: n(g.end),
      change: n(g.end.minus(g.start)),
      effects: Object.fromEntries(result.factors.map((f, i) => [f.key, n(g.effects[i]!)])),
    })),
  };
}

/** The JSON of the SPEC: { meta, from, to, start, end, change, effects: [{ factor, value, share_pct }] } and more. */
export function decomposeJson(result: DecomposeResult, options: DecomposeRenderOptions): unknown {
  const decimals = options.decimals ?? 6;
  const n = (v: Decimal | null) => (v === null ? null : fixed(v, decimals));
  const total = stepJson(result.total, result, n);
  return {
    meta: {
      ...resultMetaHead(options),
      options: { ...options.options, method: result.method, chained: result.chained, decimals },
    },
    method: result.method,
    chained: result.chained,
    quantity: { key: result.quantity.key, unit: result.quantity.unit },
    factors: result.factors.map((f) => ({ key: f.key, en: f.en, zh: f.zh })),
    ...total,
    steps: result.steps.map((s) => stepJson(s, result, n)),
    series: result.series.map((s) => ({ year: s.year, value: n(s.value), gdp: n(s.gdp) })),
    decoupling: result.decoupling.map((d) => ({
      from: d.from,
      to: d.to,
      co2_change_pct: n(d.co2_change_pct),
      gdp_change_pct: n(d.gdp_change_pct),
      elasticity: n(d.elasticity),
      state: d.state,
    })),
    notes: decomposeNotes(result, options.lang, options.basisNotes),
    warnings: (options.diagnostics ?? []).filter((d) => d.severity === 'warning').map((d) => diagnosticToJson(d, options.lang)),
  };
}

export function renderDecompose(result: DecomposeResult, format: OutputFormat, options: DecomposeRenderOptions): string {
  const lang = options.lang;
  if (format === 'json') return JSON.stringify(decomposeJson(result, options), null, 2) + '\n';
  if (format === 'csv' || format === 'tsv') {
    return toDelimited(decomposeMachineTabular(result, options.decimals ?? 6), format === 'csv' ? ',' : '\t', { bom: options.bom });
  }
  const title = `${result.method === 'additive' ? DECOMPOSE_LABELS.title_additive[lang] : DECOMPOSE_LABELS.title_multiplicative[lang]}${lang === 'zh' ? '：' : ': '}${result.quantity[lang]}${lang === 'zh' ? '，' : ', '}${periodText(result.from, result.to, lang)}`;
  const pairs = headlinePairs(result, lang, options.decimals);
  const effects = effectsTabular(result, lang, options.decimals);
  const steps = result.steps.length > 0 ? stepsTabular(result, lang, options.decimals) : undefined;
  const dec = result.decoupling.length > 0 ? decouplingTabular(result.decoupling, lang, options.decimals) : undefined;
  const notes = decomposeNotes(result, lang, options.basisNotes);
  if (format === 'md') {
    return [
      `## ${title}`,
      '',
      toMarkdown({ columns: [{ key: 'k', label: '', numeric: false }, { key: 'v', label: '', numeric: true }], rows: pairs }),
      toMarkdown(effects),
      ...(steps ? [`### ${DECOMPOSE_LABELS.steps[lang]}`, '', toMarkdown(steps)] : []),
      ...(dec ? [`### ${DECOMPOSE_LABELS.decoupling[lang]}`, '', toMarkdown(dec)] : []),
      `${DECOMPOSE_LABELS.notes[lang]}:`,
      '',
      ...notes.map((x) => `- ${markdownText(x)}`),
      '',
    ].join('\n');
  }
  const style = options.style ?? plainStyle;
  return [
    style.header(title) + '\n',
    toKeyValue(pairs, style),
    toTextTable(effects, style),
    ...(steps ? [style.header(DECOMPOSE_LABELS.steps[lang]) + '\n' + toTextTable(steps, style)] : []),
    ...(dec ? [style.header(DECOMPOSE_LABELS.decoupling[lang]) + '\n' + toTextTable(dec, style)] : []),
    style.dim(notes.map((x) => `· ${x}`).join('\n')) + '\n',
  ].join('\n');
}
