import { viewsSection } from './views.js';
import { methodOptionRows } from './method-options.js';
import { unitWord } from '../format/unit-words.js';
import { regionNamesZh } from '../calc/grid-region.js';
import { kindName } from '../factors/kind-names.js';
import { aggregate, type OutputRow, type Totals } from '../calc/aggregate.js';
import type { CalcReport } from '../calc/run.js';
import { Decimal, ZERO } from '../decimal.js';
import { describe, type Diagnostic } from '../diagnostics.js';
import { tableRef, type FactorTable } from '../factors/table.js';
import { totalsPairs } from '../format/calc.js';
import { label } from '../format/labels.js';
import { fixed, grouped, quantityText, type Decimals } from '../format/number.js';
import type { Column, Tabular } from '../format/tabular.js';
import type { Lang } from '../i18n/lang.js';
import { compactYears, type IntensityPeriod, type IntensityResult, type IntensityYear, type PeriodIndicator } from '../intensity/compute.js';
import type { Co2View } from '../intensity/merge.js';
import { fallbackWarnings } from '../intensity/targets.js';
import type { Block, Card, ReportDoc, Section } from './doc.js';
import { pathwaySection, type ReportPathway } from './pathway.js';
import { decompositionSection, type ReportDecomposition } from './decomposition.js';
import { ippuSection, processNotes } from './ippu.js';
import { withEnergyBasis } from './basis.js';
import { withBothBases } from './bases.js';
import { NON_FOSSIL_CHART, nonFossilSection, nonFossilTargetTables, type ReportNonFossil } from './non-fossil.js';
import { barChart } from './svg/bar.js';
import { donutChart } from './svg/donut.js';
import { lineChart, type LineSeries } from './svg/line.js';
import { PALETTE } from './svg/common.js';
import { text, UNITS, type TextKey } from './text.js';

export interface ReportIntensity {
  result: IntensityResult;
  /** which CO2 of the activity data went into carbon intensity */
  co2View: Co2View;
  /** the indicators file as read */
  file: { path: string; sha256: string; rows: number };
  /** target tables the targets came from (for provenance) */
  targetTables: readonly FactorTable[];
  /** the region whose targets were asked for */
  region?: string | undefined;
}

export interface ReportInput {
  calc: CalcReport;
  lang: Lang;
  tool: { name: string; version: string };
  /** the city, for the title: the tool knows no city of its own */
  city?: string | undefined;
  title?: string | undefined;
  /** year of the headline figures and breakdowns; default the latest year of the activity data */
  year?: number | undefined;
  /** decimals of printed figures (default 2) */
  decimals?: Decimals | undefined;
  intensity?: ReportIntensity | undefined;
  /** problems found outside the calculation (e.g. in the indicators file) */
  diagnostics?: readonly Diagnostic[] | undefined;
  /** `--scenarios`: the pathway chapter (report/pathway.ts) */
  pathway?: ReportPathway | undefined;
  /** two or more years with an indicators file: the decomposition chapter (report/decomposition.ts) */
  decomposition?: ReportDecomposition | undefined;
  /** the targets tables and region of the non-fossil chapter (report/non-fossil.ts); without them it shows no target */
  nonFossil?: ReportNonFossil | undefined;
}

/** The chart ids a complete report has (all of them when an indicators file is given). */
export const REPORT_CHARTS = ['sector-co2', 'fuel-co2', 'scope-split', 'views', 'trend-co2', 'trend-energy', 'intensity-energy', 'intensity-carbon', NON_FOSSIL_CHART] as const;

const COLOR = {
  scope1: PALETTE[0],
  plants: '#1b3a5c',
  scope2: PALETTE[1],
  territorial: PALETTE[0],
  consumption: PALETTE[2],
  energy: PALETTE[5],
  target: '#6b7280',
};

/** Builds the whole report as a document; HTML and Markdown print it. Pure: no clock, no files. */
export function buildReport(input: ReportInput): ReportDoc {
  const { calc, lang } = input;
  const t = (k: TextKey) => text(k, lang);
  const decimals = input.decimals ?? 2;
  const years = calc.years.map((y) => y.year);
  const year = input.year ?? years.at(-1);
  const yearTotals = calc.years.find((y) => y.year === year)?.totals ?? calc.totals;
  const lines = year === undefined ? calc.lines : calc.lines.filter((l) => l.year === year);
  const ctx: Ctx = { lang, decimals, t, year };

  const yearText = year === undefined ? '' : lang === 'zh' ? `${year}年` : String(year);
  const defaultTitle = lang === 'zh' ? `${input.city ?? ''}${yearText}${t('reportTitle')}` : `${input.city ? `${input.city}: ` : ''}${t('reportTitle')}${year ? `, ${year}` : ''}`;
  const sections: Section[] = [
    // without a process file, a note on feedstock that counts as no CO2 (src/core/report/ippu.ts)
    withBlocks(summarySection(ctx, yearTotals, calc), processNotes(calc, lang)),
    sectorSection(ctx, aggregate(lines, ['sector'], calc.order)),
    fuelSection(ctx, aggregate(lines, ['fuel'], calc.order)),
    scopeSection(ctx, yearTotals),
    viewsSection(ctx, yearTotals),
    // industrial processes (IPPU), only with a process file: src/core/report/ippu.ts
    ...[ippuSection(calc, { lang, decimals, year, totals: yearTotals })].filter((s): s is Section => s !== undefined),
    trendSection(ctx, calc, input.intensity),
    intensitySection(ctx, input.intensity),
    nonFossilSection(calc, { lang, decimals, year, targets: input.nonFossil }),
    ...(input.decomposition ? [decompositionSection(input.decomposition, lang, decimals)] : []),
    ...(input.pathway ? [pathwaySection(input.pathway, lang, decimals)] : []),
    methodSection(ctx, input),
    warningsSection(ctx, [...calc.diagnostics, ...(input.intensity?.result.diagnostics ?? []), ...(input.diagnostics ?? [])]),
  ];
  const colon = lang === 'zh' ? '：' : ': ';
  const meta = [
    `${t('reportYear')}${colon}${year ?? '—'}`,
    `${t('dataYears')}${colon}${years.length ? compactYears(years) : '—'}`,
    `${t('generatedBy')}${colon}${input.tool.name} ${input.tool.version}`,
  ];
  return {
    lang,
    title: input.title ?? defaultTitle,
    meta,
    // every figure of energy says its basis (src/core/report/basis.ts)
    // and the energy/intensity chapter shows both bases side by side (src/core/report/bases.ts)
    sections: withBothBases(
      withEnergyBasis(sections, calc.energyBasis, lang, input.intensity?.result.years.some((y) => y.sources.energy_tce === 'file') ?? false),
      calc.bases,
      input.intensity?.result,
      lang,
      decimals,
    ),
    footer: [t('footer'), t('illustrative')],
    generator: `${input.tool.name} ${input.tool.version}`,
  };
}

function withBlocks(section: Section, blocks: Block[]): Section {
  return blocks.length === 0 ? section : { ...section, blocks: [...section.blocks, ...blocks] };
}

interface Ctx {
  lang: Lang;
  decimals: Decimals;
  t: (k: TextKey) => string;
  year: number | undefined;
}

const num = (d: Decimal, decimals: Decimals) => grouped(fixed(d, decimals));
const pctOf = (part: Decimal, whole: Decimal) => (whole.isZero() ? '—' : `${fixed(part.dividedBy(whole).times(100), 1)}%`);

/** A big figure in the unit a reader expects: 万吨 in Chinese, Mt/kt in English; base units when small. */
function scaled(value: Decimal, kind: 'tce' | 't', lang: Lang): { value: string; unit: string } {
  const abs = value.abs();
  if (lang === 'zh') {
    if (abs.greaterThanOrEqualTo(10_000)) return { value: num(value.dividedBy(10_000), 2), unit: kind === 'tce' ? '万吨标准煤' : '万吨' };
    return { value: num(value, 2), unit: kind === 'tce' ? '吨标准煤' : '吨' };
  }
  if (abs.greaterThanOrEqualTo(1_000_000)) return { value: num(value.dividedBy(1_000_000), 2), unit: kind === 'tce' ? 'Mtce' : 'Mt' };
  if (abs.greaterThanOrEqualTo(1_000)) return { value: num(value.dividedBy(1_000), 2), unit: kind === 'tce' ? 'ktce' : 'kt' };
  return { value: num(value, 2), unit: kind };
}

function unit(kind: keyof typeof UNITS, lang: Lang): string {
  return UNITS[kind][lang];
}

function summarySection(ctx: Ctx, totals: Totals, calc: CalcReport): Section {
  const { t, lang, decimals, year } = ctx;
  const prev = year === undefined ? undefined : calc.years.find((y) => y.year === year - 1)?.totals;
  const card = (key: keyof Totals, label: TextKey, note: TextKey, kind: 'tce' | 't'): Card => {
    const value = totals[key]!;
    const big = scaled(value, kind, lang);
    let change: string | undefined;
    const before = prev?.[key];
    if (before && !before.isZero()) {
      const pct = value.dividedBy(before).minus(1).times(100);
      const word = pct.isNegative() ? t('down') : t('up');
      change = lang === 'zh' ? `${t('vsYear')}${year! - 1}年${word} ${fixed(pct.abs(), 1)}%` : `${word} ${fixed(pct.abs(), 1)}% ${t('vsYear')} ${year! - 1}`;
    }
    return {
      key,
      label: t(label),
      value: big.value,
      unit: big.unit,
      exact: value.toFixed(),
      detail: `${num(value, decimals)} ${unit(kind === 'tce' ? 'tce' : 't', lang)}`,
      note: t(note),
      change,
    };
  };
  // territorial CO2 is all of scope 1: two cards of the same figure would read as two findings, so when
  // they are equal one card carries both names (and both keys)
  const sameScope1 = totals.territorial_co2_t.equals(totals.scope1_co2_t);
  const cards = [
    sameScope1 ? { ...card('territorial_co2_t', 'territorialScope1', 'territorialScope1Note', 't'), also: ['scope1_co2_t'] } : card('territorial_co2_t', 'territorial', 'territorialNote', 't'),
    card('consumption_co2_t', 'consumption', 'consumptionNote', 't'),
    card('provincial_co2_t', 'provincial', 'provincialNote', 't'),
    card('energy_tce', 'energy', 'energyNote', 'tce'),
    ...(sameScope1 ? [] : [card('scope1_co2_t', 'scope1', 'scope1Note', 't')]),
    card('scope2_co2_t', 'scope2', 'scope2Note', 't'),
  ];
  const pairs = totalsPairs(totals, lang, decimals, calc.options.gwp);
  const table: Tabular = {
    columns: [
      { key: 'item', label: t('item'), numeric: false },
      { key: 'value', label: t('value'), numeric: true },
    ],
    rows: pairs.map(([k, v]) => [k.trim(), v]),
  };
  return {
    id: 'summary',
    title: t('summary'),
    blocks: [{ kind: 'cards', cards }, { kind: 'p', text: t('leadText'), tone: 'note' }, { kind: 'table', table, caption: `${t('totalsTable')}${year ? ` (${year})` : ''}`, id: 'totals' }],
  };
}

function sectorSection(ctx: Ctx, rows: OutputRow[]): Section {
  const { t, lang, decimals } = ctx;
  const sorted = [...rows].sort((a, b) => b.co2.comparedTo(a.co2));
  const total = rows.reduce((acc, r) => acc.plus(r.co2), ZERO);
  const name = (r: OutputRow) => (lang === 'zh' ? r.sectorZh : r.sectorEn) ?? '';
  const svg = barChart({
    id: 'sector-co2',
    title: t('sectorChart'),
    lang,
    series: [
      { name: t('scope1'), color: COLOR.scope1 },
      { name: t('scope2'), color: COLOR.scope2 },
    ],
    bars: sorted.map((r) => ({ label: name(r), values: [r.scope1Co2, r.scope2Co2], valueText: num(r.co2, 0) })),
    unit: unit('tCo2', lang),
    emptyText: t('noData'),
  });
  const table: Tabular = {
    columns: [
      { key: 'sector_code', label: lang === 'zh' ? '代码' : 'Code', numeric: false },
      { key: 'sector', label: lang === 'zh' ? '部门' : 'Sector', numeric: false },
      { key: 'energy_tce', label: lang === 'zh' ? '能耗(吨标准煤)' : 'Energy (tce)', numeric: true },
      { key: 'scope1_co2_t', label: lang === 'zh' ? '范围一CO2(吨)' : 'Scope 1 CO2 (t)', numeric: true },
      { key: 'scope2_co2_t', label: lang === 'zh' ? '范围二CO2(吨)' : 'Scope 2 CO2 (t)', numeric: true },
      { key: 'co2_t', label: lang === 'zh' ? 'CO2(吨)' : 'CO2 (t)', numeric: true },
      { key: 'share', label: t('share'), numeric: true },
    ],
    rows: sorted.map((r) => [/^(\d{2}|[A-T])$/.test(r.sectorCode ?? '') ? r.sectorCode! : '', name(r), num(r.energyTce, decimals), num(r.scope1Co2, decimals), num(r.scope2Co2, decimals), num(r.co2, decimals), pctOf(r.co2, total)]),
    total: [
      lang === 'zh' ? '合计' : 'Total',
      '',
      num(sum(rows, (r) => r.energyTce), decimals),
      num(sum(rows, (r) => r.scope1Co2), decimals),
      num(sum(rows, (r) => r.scope2Co2), decimals),
      num(total, decimals),
      total.isZero() ? '' : '100.0%',
    ],
  };
  return {
    id: 'sectors',
    title: t('sectors'),
    blocks: [
      { kind: 'chart', id: 'sector-co2', svg, caption: t('sectorChart') },
      { kind: 'p', text: t('sectorNote'), tone: 'note' },
      { kind: 'table', table, id: 'sector-table' },
    ],
  };
}

function fuelSection(ctx: Ctx, rows: OutputRow[]): Section {
  const { t, lang, decimals } = ctx;
  const total = rows.reduce((acc, r) => acc.plus(r.co2), ZERO);
  const name = (r: OutputRow) => (lang === 'zh' ? r.fuelZh : r.fuelEn) ?? '';
  // rows keep consumption, feedstock and netted output apart; the chart has one bar per fuel
  const perFuel = new Map<string, { label: string; co2: Decimal }>();
  for (const r of rows) {
    const id = r.fuelId ?? '';
    const entry = perFuel.get(id) ?? { label: name(r), co2: ZERO };
    entry.co2 = entry.co2.plus(r.co2);
    perFuel.set(id, entry);
  }
  const bars = [...perFuel.values()].sort((a, b) => b.co2.comparedTo(a.co2));
  const svg = barChart({
    id: 'fuel-co2',
    title: t('fuelChart'),
    lang,
    series: [{ name: 'CO2', color: COLOR.consumption }],
    bars: bars.map((b) => ({ label: b.label, values: [b.co2], valueText: num(b.co2, 0) })),
    unit: unit('tCo2', lang),
    emptyText: t('noData'),
  });
  const useName = (use: string) => (use === 'feedstock' ? label('feedstock_use', lang) : use === 'output' ? label('output_use', lang) : '');
  const table: Tabular = {
    columns: [
      { key: 'fuel', label: lang === 'zh' ? '能源品种' : 'Fuel', numeric: false },
      { key: 'use', label: lang === 'zh' ? '用途' : 'Use', numeric: false },
      { key: 'scope', label: lang === 'zh' ? '范围' : 'Scope', numeric: false },
      { key: 'quantity', label: lang === 'zh' ? '消费量' : 'Quantity', numeric: true },
      { key: 'unit', label: lang === 'zh' ? '单位' : 'Unit', numeric: false },
      { key: 'energy_tce', label: lang === 'zh' ? '能耗(吨标准煤)' : 'Energy (tce)', numeric: true },
      { key: 'co2_t', label: lang === 'zh' ? 'CO2(吨)' : 'CO2 (t)', numeric: true },
      { key: 'share', label: t('share'), numeric: true },
    ],
    rows: rows.map((r) => [
      name(r),
      useName(r.use),
      r.scope,
      r.quantity ? grouped(quantityText(r.quantity, decimals)) : '',
      unitWord(r.unit ?? '', lang),
      num(r.energyTce, decimals),
      num(r.co2, decimals),
      pctOf(r.co2, total),
    ]),
    total: [lang === 'zh' ? '合计' : 'Total', '', '', '', '', num(sum(rows, (r) => r.energyTce), decimals), num(total, decimals), total.isZero() ? '' : '100.0%'],
  };
  return {
    id: 'fuels',
    title: t('fuels'),
    blocks: [
      { kind: 'chart', id: 'fuel-co2', svg, caption: t('fuelChart') },
      { kind: 'p', text: t('fuelNote'), tone: 'note' },
      { kind: 'table', table, id: 'fuel-table' },
    ],
  };
}

function scopeSection(ctx: Ctx, totals: Totals): Section {
  const { t, lang, decimals } = ctx;
  const other = totals.scope1_co2_t.minus(totals.energy_industries_co2_t);
  const plants = totals.energy_industries_co2_t;
  const scope2 = totals.scope2_co2_t;
  // The ring's parts add up to scope 1 + 2, which counts local power twice and is not to be quoted: no
  // figure in the hole, and each part says which view it belongs to and what share of that view it is.
  const territorial = totals.territorial_co2_t;
  const consumption = totals.consumption_co2_t;
  const ofView = (part: Decimal, view: 'territorial' | 'consumption') =>
    t(view === 'territorial' ? 'shareOfTerritorial' : 'shareOfConsumption').replace('{p}', pctOf(part, view === 'territorial' ? territorial : consumption));
  const tonnes = (d: Decimal) => `${num(d, 0)} ${unit('t', lang)}`;
  const donut = donutChart({
    id: 'scope-split',
    title: t('scopeChart'),
    slices: [
      { label: t('scope1Other'), value: other, valueText: tonnes(other), detail: [tonnes(other), ofView(other, 'territorial'), ofView(other, 'consumption')].join(' · '), color: COLOR.scope1 },
      { label: t('scope1Plants'), value: plants, valueText: tonnes(plants), detail: [tonnes(plants), ofView(plants, 'territorial'), t('notInConsumption')].join(' · '), color: COLOR.plants },
      { label: t('scope2Bought'), value: scope2, valueText: tonnes(scope2), detail: [tonnes(scope2), ofView(scope2, 'consumption'), t('notInTerritorial')].join(' · '), color: COLOR.scope2 },
    ],
    emptyText: t('noData'),
  });
  const views = barChart({
    id: 'views',
    title: t('viewsChart'),
    lang,
    series: [
      { name: t('scope1Other'), color: COLOR.scope1 },
      { name: t('scope1Plants'), color: COLOR.plants },
      { name: t('scope2Bought'), color: COLOR.scope2 },
    ],
    bars: [
      { label: t('viewTerritorial'), values: [other, plants, ZERO], valueText: num(totals.territorial_co2_t, 0) },
      { label: t('viewConsumption'), values: [other, ZERO, scope2], valueText: num(totals.consumption_co2_t, 0) },
    ],
    unit: unit('tCo2', lang),
    emptyText: t('noData'),
  });
  const yes = t('yes');
  const no = t('no');
  const table: Tabular = {
    columns: [
      { key: 'component', label: t('component'), numeric: false },
      { key: 'co2_t', label: lang === 'zh' ? 'CO2(吨)' : 'CO2 (t)', numeric: true },
      { key: 'territorial', label: t('inTerritorial'), numeric: false },
      { key: 'consumption', label: t('inConsumption'), numeric: false },
    ],
    rows: [
      [t('scope1Other'), num(other, decimals), yes, yes],
      [t('scope1Plants'), num(plants, decimals), yes, no],
      [t('scope2Bought'), num(scope2, decimals), no, yes],
      [t('territorial'), num(totals.territorial_co2_t, decimals), '', ''],
      [t('consumption'), num(totals.consumption_co2_t, decimals), '', ''],
    ],
  };
  return {
    id: 'scopes',
    title: t('scopes'),
    blocks: [
      { kind: 'chart', id: 'scope-split', svg: donut, caption: `${t('scopeChart')}${t('scopeChartNote')}` },
      { kind: 'chart', id: 'views', svg: views, caption: t('viewsChart') },
      { kind: 'table', table, id: 'scope-table' },
    ],
  };
}

interface TrendYear {
  year: number;
  energy: Decimal | null;
  territorial: Decimal | null;
  consumption: Decimal | null;
  /** the CO2 of the indicators file, for a year without activity data */
  fileCo2: Decimal | null;
  source: 'data' | 'file';
}

function trendYears(calc: CalcReport, intensity: ReportIntensity | undefined): TrendYear[] {
  const out = new Map<number, TrendYear>();
  for (const y of calc.years) {
    out.set(y.year, { year: y.year, energy: y.totals.energy_tce, territorial: y.totals.territorial_co2_t, consumption: y.totals.consumption_co2_t, fileCo2: null, source: 'data' });
  }
  for (const y of intensity?.result.years ?? []) {
    if (out.has(y.year) || (y.energy_tce === null && y.co2_t === null)) continue;
    out.set(y.year, { year: y.year, energy: y.energy_tce, territorial: null, consumption: null, fileCo2: y.co2_t, source: 'file' });
  }
  return [...out.values()].sort((a, b) => a.year - b.year);
}

function trendSection(ctx: Ctx, calc: CalcReport, intensity: ReportIntensity | undefined): Section {
  const { t, lang, decimals } = ctx;
  const years = trendYears(calc, intensity);
  // years inside the span with no figure at all: the lines break there, the table and a note say so
  const missing: number[] = [];
  for (let i = 1; i < years.length; i++) for (let y = years[i - 1]!.year + 1; y < years[i]!.year; y++) missing.push(y);
  const view = intensity?.co2View;
  const pts = (pick: (y: TrendYear) => Decimal | null) =>
    years.flatMap((y) => {
      const v = pick(y);
      return v === null ? [] : [{ x: y.year, y: v, text: num(v, 0) }];
    });
  // figures of the indicators file join the series of the CO2 view they stand for
  const fileInto = (v: 'territorial' | 'consumption') => (y: TrendYear) => y[v] ?? (view === v ? y.fileCo2 : null);
  const co2Series: LineSeries[] = [
    { name: t('territorial'), color: COLOR.territorial, points: pts(fileInto('territorial')), labels: years.length <= 8 },
    { name: t('consumption'), color: COLOR.consumption, points: pts(fileInto('consumption')) },
  ];
  if (view === 'total' || view === 'provincial') co2Series.push({ name: `CO2 (${t('fromFile')})`, color: PALETTE[3], points: pts((y) => y.fileCo2) });
  const co2Chart = lineChart({ id: 'trend-co2', title: t('trendCo2Chart'), series: co2Series, lang, unit: unit('tCo2', lang), emptyText: t('noData') });
  const energyChart = lineChart({
    id: 'trend-energy',
    title: t('trendEnergyChart'),
    series: [{ name: t('energy'), color: COLOR.energy, points: pts((y) => y.energy), labels: years.length <= 8 }],
    lang,
    unit: unit('tce', lang),
    emptyText: t('noData'),
  });
  const cell = (d: Decimal | null) => (d === null ? '—' : num(d, decimals));
  const table: Tabular = {
    columns: [
      { key: 'year', label: lang === 'zh' ? '年份' : 'Year', numeric: false },
      { key: 'energy_tce', label: lang === 'zh' ? '综合能源消费量(吨标准煤)' : 'Energy (tce)', numeric: true },
      { key: 'territorial_co2_t', label: lang === 'zh' ? '属地CO2(吨)' : 'Territorial CO2 (t)', numeric: true },
      { key: 'consumption_co2_t', label: lang === 'zh' ? '消费端CO2(吨)' : 'Consumption CO2 (t)', numeric: true },
      { key: 'source', label: t('source'), numeric: false },
    ],
    rows: [
      ...years.map((y) => ({ year: y.year, row: [String(y.year), cell(y.energy), cell(fileInto('territorial')(y)), cell(fileInto('consumption')(y)), y.source === 'data' ? t('fromData') : t('fromFile')] })),
      ...missing.map((year) => ({ year, row: [String(year), '—', '—', '—', t('noData')] })),
    ]
      .sort((a, b) => a.year - b.year)
      .map((r) => r.row),
  };
  const blocks: Block[] = [];
  if (years.length < 2) blocks.push({ kind: 'p', text: t('singleYear'), tone: 'note' });
  if (missing.length > 0) blocks.push({ kind: 'p', text: t('missingYears').replace('{years}', compactYears(missing)), tone: 'note' });
  blocks.push({ kind: 'chart', id: 'trend-co2', svg: co2Chart, caption: t('trendCo2Chart') });
  blocks.push({ kind: 'chart', id: 'trend-energy', svg: energyChart, caption: t('trendEnergyChart') });
  blocks.push({ kind: 'table', table, id: 'trend-table' });
  return { id: 'trend', title: t('trend'), blocks };
}

/** Points of the path that meets a period's target at a uniform annual rate (the module's planned rate). */
function targetPath(line: PeriodIndicator, from: number, to: number): { x: number; y: Decimal }[] {
  if (line.from_value === null || line.target_pct === null || line.planned_annual_pct === null) return [];
  const factor = new Decimal(1).minus(line.planned_annual_pct.dividedBy(100));
  const out: { x: number; y: Decimal }[] = [];
  for (let y = from; y < to; y++) out.push({ x: y, y: line.from_value.times(factor.pow(y - from)) });
  out.push({ x: to, y: line.from_value.times(new Decimal(1).minus(line.target_pct.dividedBy(100))) });
  return out;
}

function intensitySection(ctx: Ctx, intensity: ReportIntensity | undefined): Section {
  const { t, lang, decimals } = ctx;
  if (!intensity) return { id: 'intensity', title: t('intensity'), blocks: [{ kind: 'p', text: t('noIndicators'), tone: 'note' }] };
  const { result } = intensity;
  const idec: Decimals = decimals === 'full' ? 'full' : Math.max(decimals, 4);
  const pdec: Decimals = decimals === 'full' ? 'full' : 2;
  const assessed = result.assessment_basis;
  const series = (pick: (y: IntensityYear) => Decimal | null, name: string, color: string, labels: boolean): LineSeries => ({
    name,
    color,
    labels,
    points: result.years.flatMap((y) => {
      const v = pick(y);
      return v === null ? [] : [{ x: y.year, y: v, text: fixed(v, idec) }];
    }),
  });
  const paths = (which: (p: IntensityPeriod) => PeriodIndicator | null): LineSeries[] =>
    result.periods.flatMap((p) => {
      const line = which(p);
      if (!line) return [];
      const points = targetPath(line, p.from, p.to).map((pt) => ({ ...pt, text: fixed(pt.y, idec) }));
      if (points.length === 0) return [];
      return [{ name: `${t('targetPath')} ${p.from}–${p.to} (−${fixed(line.target_pct!, 1)}%)`, color: COLOR.target, dashed: true, kind: 'target' as const, points }];
    });
  const few = result.years.length <= 8;
  const energySeries = [series((y) => y.energy_intensity, t('energyIntensity'), COLOR.energy, few && !assessed)];
  if (assessed) energySeries.push(series((y) => y.energy_intensity_assessed, t('energyIntensityAssessed'), PALETTE[3], few));
  const energyChart = lineChart({
    id: 'intensity-energy',
    title: t('energyIntensityChart'),
    series: [...energySeries, ...paths((p) => p.energy_intensity_assessed ?? p.energy_intensity)],
    lang,
    unit: t('tcePerWan'),
    emptyText: t('noData'),
  });
  const carbonChart = lineChart({
    id: 'intensity-carbon',
    title: t('carbonIntensityChart'),
    series: [series((y) => y.carbon_intensity, t('carbonIntensity'), COLOR.consumption, few), ...paths((p) => p.carbon_intensity)],
    lang,
    unit: t('tco2PerWan'),
    emptyText: t('noData'),
  });
  const cell = (d: Decimal | null, dec: Decimals) => (d === null ? '—' : grouped(fixed(d, dec)));
  const yearColumns: Column[] = [
    { key: 'year', label: lang === 'zh' ? '年份' : 'Year', numeric: false },
    { key: 'gdp', label: t('gdp'), numeric: true },
    { key: 'gdp_index', label: t('gdpIndex'), numeric: true },
    { key: 'gdp_constant', label: t('gdpConstant'), numeric: true },
    { key: 'energy_tce', label: lang === 'zh' ? '能耗(吨标准煤)' : 'Energy (tce)', numeric: true },
    { key: 'co2_t', label: lang === 'zh' ? 'CO2(吨)' : 'CO2 (t)', numeric: true },
    { key: 'energy_intensity', label: `${t('energyIntensity')} (${t('tcePerWan')})`, numeric: true },
    { key: 'energy_intensity_reduction_pct', label: t('yoy'), numeric: true },
    { key: 'carbon_intensity', label: `${t('carbonIntensity')} (${t('tco2PerWan')})`, numeric: true },
    { key: 'carbon_intensity_reduction_pct', label: t('yoy'), numeric: true },
    { key: 'source', label: t('source'), numeric: false },
  ];
  const source = (y: IntensityYear) => {
    const s = new Set(Object.values(y.sources));
    return [...s].map((x) => (x === 'data' ? t('fromData') : t('fromFile'))).join(' + ') || t('fromFile');
  };
  const yearTable: Tabular = {
    columns: yearColumns,
    rows: result.years.map((y) => [
      String(y.year),
      cell(y.gdp, decimals),
      cell(y.gdp_index, 1),
      cell(y.gdp_constant, decimals),
      cell(y.energy_tce, decimals),
      cell(y.co2_t, decimals),
      cell(y.energy_intensity, idec),
      cell(y.energy_intensity_reduction_pct, pdec),
      cell(y.carbon_intensity, idec),
      cell(y.carbon_intensity_reduction_pct, pdec),
      y.energy_tce === null && y.co2_t === null ? '—' : source(y),
    ]),
  };
  const periodRows: string[][] = [];
  for (const p of result.periods) {
    const lines = [p.energy_intensity, ...(p.energy_intensity_assessed ? [p.energy_intensity_assessed] : []), p.carbon_intensity];
    for (const l of lines) {
      const name = l.measure === 'energy_intensity_assessed' ? t('energyIntensityAssessed') : l.indicator === 'energy_intensity' ? t('energyIntensity') : t('carbonIntensity');
      const target = l.target;
      const src = target ? `${target.source}${target.fallback_for ? ` · ${t('fallbackNational')}` : ''}` : '';
      periodRows.push([
        `${p.from}–${p.to}`,
        name,
        l.through === null ? '—' : String(l.through),
        cell(l.reduction_pct, pdec),
        cell(l.target_pct, pdec),
        cell(l.required_annual_pct, pdec),
        t(l.status),
        src,
      ]);
    }
  }
  const periodTable: Tabular = {
    columns: [
      { key: 'period', label: t('period'), numeric: false },
      { key: 'indicator', label: t('indicator'), numeric: false },
      { key: 'through', label: t('through'), numeric: false },
      { key: 'reduction_pct', label: t('reduction'), numeric: true },
      { key: 'target_pct', label: t('target'), numeric: true },
      { key: 'required_annual_pct', label: t('required'), numeric: true },
      { key: 'status', label: t('status'), numeric: false },
      { key: 'target_source', label: t('targetSource'), numeric: false },
    ],
    rows: periodRows,
  };
  const notes: string[] = [];
  notes.push(result.gdp_basis === 'chained' ? `${t('gdpBasisChained')} ${result.base_year ?? ''}${lang === 'zh' ? '年。' : '.'}` : t('gdpBasisConstant'));
  notes.push(lang === 'zh' ? `${t('co2View')}：${viewName(intensity.co2View, lang)}。` : `${t('co2View')}: ${viewName(intensity.co2View, lang)}.`);
  const blocks: Block[] = [
    { kind: 'chart', id: 'intensity-energy', svg: energyChart, caption: t('energyIntensityChart') },
    { kind: 'chart', id: 'intensity-carbon', svg: carbonChart, caption: t('carbonIntensityChart') },
    { kind: 'p', text: notes.join(' '), tone: 'note' },
    { kind: 'table', table: yearTable, caption: t('intensityYears'), id: 'intensity-years' },
  ];
  if (periodRows.length > 0) blocks.push({ kind: 'table', table: periodTable, caption: t('intensityPeriods'), id: 'intensity-periods' });
  const fallbacks = fallbackWarnings(result.targets_used, regionNamesZh(intensity.targetTables)).map((d) => describe(d, lang).message);
  if (fallbacks.length > 0) blocks.push({ kind: 'p', text: fallbacks.map((m) => (lang === 'zh' ? `${m}。` : `${m.charAt(0).toUpperCase()}${m.slice(1)}.`)).join(' '), tone: 'note' });
  if (!result.years.some((y) => y.energy_intensity !== null || y.carbon_intensity !== null)) blocks.unshift({ kind: 'p', text: t('noIntensityYears'), tone: 'warn' });
  return { id: 'intensity', title: t('intensity'), blocks };
}

function viewName(view: Co2View, lang: Lang): string {
  if (view === 'territorial') return text('territorial', lang);
  if (view === 'consumption') return text('consumption', lang);
  if (view === 'provincial') return text('provincial', lang);
  return lang === 'zh' ? 'CO2 范围一 + 范围二（各行之和）' : 'CO2, scope 1 + 2 (every row once)';
}

function methodSection(ctx: Ctx, input: ReportInput): Section {
  const { t, lang } = ctx;
  const { calc } = input;
  const inputs: Tabular = {
    columns: [
      { key: 'path', label: t('file'), numeric: false },
      { key: 'rows', label: t('rows'), numeric: true },
      { key: 'encoding', label: t('encoding'), numeric: false },
      { key: 'sha256', label: 'sha256', numeric: false },
    ],
    rows: [
      ...calc.inputs.map((i) => [i.path, String(i.rows), i.encoding, i.sha256]),
      ...(input.intensity ? [[input.intensity.file.path, String(input.intensity.file.rows), '', input.intensity.file.sha256]] : []),
    ],
  };
  const tables = [...calc.factors];
  // and the table of the other energy basis the report shows beside the run's (report/bases.ts)
  const otherBasis = calc.bases.equivalent?.own ? calc.bases.coal : calc.bases.equivalent;
  for (const tt of [...(input.intensity?.targetTables ?? []), ...nonFossilTargetTables(input.nonFossil), ...(otherBasis?.table ? [otherBasis.table] : [])]) if (!tables.some((x) => tableRef(x) === tableRef(tt))) tables.push(tt);
  const factorTable: Tabular = {
    columns: [
      { key: 'table', label: t('table'), numeric: false },
      { key: 'kind', label: t('kind'), numeric: false },
      { key: 'title', label: t('title'), numeric: false },
      { key: 'publisher', label: t('publisher'), numeric: false },
      { key: 'source', label: t('sourceDoc'), numeric: false },
      { key: 'sha256', label: 'sha256', numeric: false },
    ],
    rows: tables.map((f) => [tableRef(f), lang === 'zh' ? kindName(f.meta.kind, lang) : f.meta.kind, f.meta.title, f.meta.publisher, f.meta.source, f.sha256]),
  };
  const i = input.intensity;
  const optionRows = methodOptionRows({
    calc,
    lang,
    regionsZh: regionNamesZh([...calc.factors, ...(i?.targetTables ?? [])]),
    indicators: i && { path: i.file.path, region: i.region, co2View: i.co2View, co2ViewName: viewName(i.co2View, lang), rule: i.result.assessment_rule },
    year: input.year,
  });
  const options: Tabular = {
    columns: [
      { key: 'option', label: t('option'), numeric: false },
      { key: 'value', label: t('value'), numeric: false },
    ],
    rows: optionRows,
  };
  return {
    id: 'method',
    title: t('method'),
    blocks: [
      { kind: 'p', text: t('methodText') },
      { kind: 'table', table: inputs, caption: t('inputs'), id: 'inputs' },
      { kind: 'table', table: factorTable, caption: t('factorTables'), id: 'factor-tables' },
      { kind: 'table', table: options, caption: t('options'), id: 'options' },
    ],
  };
}

function warningsSection(ctx: Ctx, diagnostics: readonly Diagnostic[]): Section {
  const { t, lang } = ctx;
  const items = diagnostics.map((d) => {
    const { message, fix } = describe(d, lang);
    return { severity: d.severity, where: [d.file, d.line, d.column].filter((x) => x !== undefined).join(':'), message, fix: fix ?? '' };
  });
  const blocks: Block[] = items.length === 0 ? [{ kind: 'p', text: t('noWarnings') }] : [{ kind: 'p', text: t('warningsIntro'), tone: 'warn' }, { kind: 'warnings', items }];
  return { id: 'warnings', title: `${t('warnings')}${items.length ? ` (${items.length})` : ''}`, blocks };
}

function sum(rows: readonly OutputRow[], pick: (r: OutputRow) => Decimal): Decimal {
  return rows.reduce((acc, r) => acc.plus(pick(r)), ZERO);
}
