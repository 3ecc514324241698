import type { Decimal } from '../decimal.js';
import { diagnosticToJson } from '../diagnostics.js';
import type { Lang } from '../i18n/lang.js';
import type { OutputRow, Totals } from '../calc/aggregate.js';
import type { CalcReport } from '../calc/run.js';
import { tableRef } from '../factors/table.js';
import { label, type LabelKey } from './labels.js';
import { fixed, grouped, quantityText, type Decimals } from './number.js';
import { toDelimited, toMarkdown, type Column, type Tabular } from './tabular.js';
import { plainStyle, toKeyValue, toTextTable, type Style } from './text-table.js';

export type OutputFormat = 'table' | 'csv' | 'tsv' | 'json' | 'md';

export interface RenderOptions {
  lang: Lang;
  /** decimals for results; default 2 for people, 6 for machines */
  decimals?: Decimals | undefined;
  bom?: boolean | undefined;
  style?: Style | undefined;
  tool: { name: string; version: string };
  /** print the totals instead of the rows */
  totalsOnly?: boolean | undefined;
}

const MEASURES = ['energy_tce', 'feedstock_tce', 'co2_t', 'scope1_co2_t', 'scope2_co2_t', 'ch4_t', 'n2o_t', 'co2e_t'] as const;
type Measure = (typeof MEASURES)[number];

function measure(row: OutputRow, m: Measure): Decimal {
  switch (m) {
    case 'energy_tce':
      return row.energyTce;
    case 'feedstock_tce':
      return row.feedstockTce;
    case 'co2_t':
      return row.co2;
    case 'scope1_co2_t':
      return row.scope1Co2;
    case 'scope2_co2_t':
      return row.scope2Co2;
    case 'ch4_t':
      return row.ch4;
    case 'n2o_t':
      return row.n2o;
    case 'co2e_t':
      return row.co2e;
  }
}

function sectorName(row: OutputRow, lang: Lang): string {
  return (lang === 'zh' ? row.sectorZh : row.sectorEn) ?? '';
}
function fuelName(row: OutputRow, lang: Lang): string {
  return (lang === 'zh' ? row.fuelZh : row.fuelEn) ?? '';
}
export function useName(use: string, lang: Lang): string {
  if (use === 'output') return label('output_use', lang);
  if (use === 'feedstock') return label('feedstock_use', lang);
  return use === 'energy' ? '' : use;
}

/**
 * Rows as a table. Machine formats (CSV/TSV) carry every key with language-neutral ids next to
 * the names; the people's table keeps what fits on a screen and closes with a total line.
 */
export function calcTabular(report: CalcReport, options: { lang: Lang; decimals: Decimals; machine: boolean }): Tabular {
  const { lang, decimals, machine } = options;
  const by = report.options.by;
  const columns: Column[] = [];
  const cells: ((r: OutputRow) => string)[] = [];
  const add = (key: string, text: string, numeric: boolean, cell: (r: OutputRow) => string) => {
    columns.push({ key, label: text, numeric });
    cells.push(cell);
  };
  const lbl = (k: LabelKey) => label(k, lang);
  for (const dim of by) {
    switch (dim) {
      case 'year':
        add('year', lbl('year'), false, (r) => String(r.year ?? ''));
        break;
      case 'sector':
        if (machine) add('sector_code', lbl('sector_code'), false, (r) => r.sectorCode ?? '');
        add('sector', lbl('sector'), false, (r) => sectorName(r, lang));
        break;
      case 'fuel':
        if (machine) add('fuel', lbl('fuel'), false, (r) => r.fuelId ?? '');
        add(machine ? 'fuel_name' : 'fuel', lbl('fuel'), false, (r) => fuelName(r, lang));
        break;
      case 'scope':
        add('scope', lbl('scope'), false, (r) => r.scope);
        break;
      case 'category':
        add('category', lbl('category'), false, (r) => r.category);
        break;
      case 'use':
        add('use', lbl('use'), false, (r) => (machine ? r.use : useName(r.use, lang)));
        break;
      case 'ceads':
        add('ceads', 'CEADs', false, (r) => r.key.ceads ?? '');
        break;
      default:
        add(dim, dim, false, (r) => r.key[dim] ?? '');
    }
  }
  if (!by.includes('scope')) add('scope', lbl('scope'), false, (r) => r.scope);
  if (machine && !by.includes('category')) add('category', lbl('category'), false, (r) => r.category);
  if (machine && !by.includes('use')) add('use', lbl('use'), false, (r) => r.use);
  else if (!machine && by.includes('fuel') && !by.includes('use') && report.rows.some((r) => r.use !== 'energy')) {
    add('use', lbl('use'), false, (r) => useName(r.use, lang));
  }
  const num = (d: Decimal) => (machine ? fixed(d, decimals) : grouped(fixed(d, decimals)));
  if (by.includes('fuel')) {
    add('quantity', lbl('quantity'), true, (r) => (r.quantity ? (machine ? quantityText(r.quantity, decimals) : grouped(quantityText(r.quantity, decimals))) : ''));
    add('unit', lbl('unit'), false, (r) => r.unit ?? '');
  }
  const shown: readonly Measure[] = machine ? MEASURES : ['energy_tce', 'co2_t', 'co2e_t'];
  for (const m of shown) add(m, lbl(m), true, (r) => num(measure(r, m)));

  const rows = report.rows.map((r) => cells.map((cell) => cell(r)));
  let total: string[] | undefined;
  if (!machine) {
    const t = report.totals;
    const totalOf: Record<Measure, Decimal> = {
      energy_tce: t.energy_tce,
      feedstock_tce: t.feedstock_tce,
      co2_t: t.co2_t,
      scope1_co2_t: t.scope1_co2_t,
      scope2_co2_t: t.scope2_co2_t,
      ch4_t: t.ch4_t,
      n2o_t: t.n2o_t,
      co2e_t: t.co2e_t,
    };
    total = columns.map((c, i) => (i === 0 ? lbl('total') : (MEASURES as readonly string[]).includes(c.key) ? num(totalOf[c.key as Measure]) : ''));
  }
  return { columns, rows, total };
}

export function totalsPairs(totals: Totals, lang: Lang, decimals: Decimals, gwp: string): [string, string][] {
  const v = (d: Decimal, unit: string) => `${grouped(fixed(d, decimals))} ${unit}`;
  const t = (unit: 'tce' | 't') => (lang === 'zh' ? (unit === 'tce' ? '吨标准煤' : '吨') : unit);
  return [
    [label('energy_total', lang), v(totals.energy_tce, t('tce'))],
    [label('feedstock_total', lang), v(totals.feedstock_tce, t('tce'))],
    [label('scope1_total', lang), v(totals.scope1_co2_t, t('t'))],
    [label('energy_industries_total', lang), v(totals.energy_industries_co2_t, t('t'))],
    [label('scope2_total', lang), v(totals.scope2_co2_t, t('t'))],
    [label('co2_total', lang), v(totals.co2_t, t('t'))],
    [label('territorial_co2_t', lang), v(totals.territorial_co2_t, t('t'))],
    [label('consumption_co2_t', lang), v(totals.consumption_co2_t, t('t'))],
    [`${label('territorial_co2e_total', lang)} (${gwp.toUpperCase()})`, v(totals.territorial_co2e_t, t('t'))],
    [`${label('consumption_co2e_total', lang)} (${gwp.toUpperCase()})`, v(totals.consumption_co2e_t, t('t'))],
    [`${label('co2e_total', lang)} (${gwp.toUpperCase()})`, v(totals.co2e_t, t('t'))],
  ];
}

export function factorLines(report: CalcReport, lang: Lang): string {
  const lines = report.factors.map((f) => `  ${tableRef(f)}  ${f.meta.title}  sha256:${f.sha256.slice(0, 12)}`);
  return `${label('factors_used', lang)}:\n${lines.join('\n')}\n`;
}

export function totalsJson(totals: Totals, decimals: Decimals): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(totals)) out[k] = fixed(v as Decimal, decimals);
  return out;
}

export function calcJson(report: CalcReport, options: RenderOptions): unknown {
  const decimals = options.decimals ?? 6;
  const by = report.options.by;
  return {
    meta: {
      tool: options.tool.name,
      version: options.tool.version,
      inputs: report.inputs.map((i) => ({ path: i.path, sha256: i.sha256, rows: i.rows, encoding: i.encoding })),
      factors: report.factors.map((f) => ({
        id: f.meta.id,
        version: f.meta.version,
        sha256: f.sha256,
        kind: f.meta.kind,
        title: f.meta.title,
        source: f.meta.source,
      })),
      options: { ...report.options, decimals },
    },
    totals: totalsJson(report.totals, decimals),
    rows: report.rows.map((r) => ({
      year: r.year ?? null,
      sector: by.includes('sector') ? sectorName(r, options.lang) : null,
      sector_code: by.includes('sector') ? r.sectorCode || null : null,
      fuel: r.fuelId ?? null,
      fuel_name: by.includes('fuel') ? fuelName(r, options.lang) : null,
      scope: r.scope,
      category: r.category,
      use: r.use,
      ...Object.fromEntries(by.filter((d) => !['year', 'sector', 'fuel', 'scope', 'category', 'use'].includes(d)).map((d) => [d, r.key[d] ?? ''])),
      quantity: r.quantity ? quantityText(r.quantity, decimals) : null,
      unit: r.unit ?? null,
      ...Object.fromEntries(MEASURES.map((m) => [m, fixed(measure(r, m), decimals)])),
    })),
    years: report.years.map((y) => ({ year: y.year, ...totalsJson(y.totals, decimals) })),
    warnings: report.diagnostics.filter((d) => d.severity === 'warning').map((d) => diagnosticToJson(d, options.lang)),
  };
}

/** The result in one of the output formats, as the text to write. */
export function renderCalc(report: CalcReport, format: OutputFormat, options: RenderOptions): string {
  const machine = format === 'csv' || format === 'tsv' || format === 'json';
  const decimals = options.decimals ?? (machine ? 6 : 2);
  if (format === 'json') {
    const json = calcJson(report, { ...options, decimals }) as Record<string, unknown>;
    if (options.totalsOnly) delete json.rows;
    return JSON.stringify(json, null, 2) + '\n';
  }
  const gwp = report.options.gwp;
  if (options.totalsOnly) {
    const pairs = Object.entries(totalsJson(report.totals, decimals));
    const table: Tabular = {
      columns: [
        { key: 'key', label: options.lang === 'zh' ? '项目' : 'Item', numeric: false },
        { key: 'value', label: options.lang === 'zh' ? '数值' : 'Value', numeric: true },
      ],
      rows: pairs.map(([k, v]) => [k, v]),
    };
    if (format === 'csv' || format === 'tsv') return toDelimited(table, format === 'csv' ? ',' : '\t', { bom: options.bom });
    if (format === 'md') return toMarkdown(table);
    return toKeyValue(totalsPairs(report.totals, options.lang, decimals, gwp), options.style ?? plainStyle);
  }
  const table = calcTabular(report, { lang: options.lang, decimals, machine });
  if (format === 'csv' || format === 'tsv') return toDelimited(table, format === 'csv' ? ',' : '\t', { bom: options.bom });
  if (format === 'md') {
    const totals = totalsPairs(report.totals, options.lang, decimals, gwp).map(([k, v]) => `| ${k.trim()} | ${v} |`);
    const factors = report.factors.map((f) => `- \`${tableRef(f)}\` ${f.meta.title} (sha256 \`${f.sha256.slice(0, 12)}\`)`);
    return [
      toMarkdown(table),
      `| ${label('totals', options.lang)} | |`,
      '| --- | ---: |',
      ...totals,
      '',
      `${label('factors_used', options.lang)}:`,
      '',
      ...factors,
      '',
    ].join('\n');
  }
  const style = options.style ?? plainStyle;
  return [
    toTextTable(table, style),
    toKeyValue(totalsPairs(report.totals, options.lang, decimals, gwp), style),
    style.dim(factorLines(report, options.lang)),
  ].join('\n');
}
