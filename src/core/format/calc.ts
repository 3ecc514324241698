import type { Decimal } from '../decimal.js';
import { diagnosticToJson } from '../diagnostics.js';
import { countProblems } from '../quality/summarise.js';
import type { Lang } from '../i18n/lang.js';
import type { OutputRow, Totals } from '../calc/aggregate.js';
import type { CalcReport } from '../calc/run.js';
import { energyBasisJson, energyBasisText } from '../calc/energy-basis.js';
import { nonFossilJson, nonFossilText } from './non-fossil.js';
import { tableRef } from '../factors/table.js';
import { factorTablesProvenance } from '../factors/provenance.js';
import { label, type LabelKey } from './labels.js';
import { gpcName } from '../dictionary/gpc.js';
import { totalDef, totalKeys, totalLabel, totalLabelWithUnit, totalValue, unitText, yearsText } from './totals.js';
import { fixed, grouped, quantityText, type Decimals } from './number.js';
import { toDelimited, markdownText, toMarkdown, type Column, type Tabular } from './tabular.js';
import { plainStyle, toKeyValue, toTextTable, type Style, type TableFit } from './text-table.js';
import { notesBlock, notesJson, processJson, processLabel, processTabular, withProcessRows } from './process.js';

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
  /** with several years, add their sum (labelled as such) to the totals and the rows' closing line */
  sumYears?: boolean | undefined;
  /** the terminal's width, to fit the table to (the CLI passes it; unset when not a terminal) */
  fit?: TableFit | undefined;
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
function ceadsName(row: OutputRow, lang: Lang): string {
  return (lang === 'zh' ? row.ceadsZh : row.ceadsEn) ?? '';
}
export function useName(use: string, lang: Lang, row?: OutputRow): string {
  // hydro, wind, solar and nuclear output is local generation, never netted
  if (use === 'output' && row && !row.primaryKwh.isZero() && row.primaryKwh.equals(row.generatedKwh)) return label('generation_use', lang);
  if (use === 'output') return label('output_use', lang);
  if (use === 'reductant') return label('reductant_use', lang);
  if (use === 'feedstock') return label('feedstock_use', lang);
  return use === 'energy' ? '' : use;
}

/**
 * Rows as a table. Machine formats (CSV/TSV) carry every key with language-neutral ids next to
 * the names; the people's table keeps what fits on a screen and closes with a total line.
 */
export function calcTabular(report: CalcReport, options: { lang: Lang; decimals: Decimals; machine: boolean; sumYears?: boolean | undefined }): Tabular {
  const { lang, decimals, machine } = options;
  const by = report.options.by;
  const columns: Column[] = [];
  const cells: ((r: OutputRow) => string)[] = [];
  const add = (key: string, text: string, numeric: boolean, cell: (r: OutputRow) => string) => {
    columns.push({ key, label: text, numeric });
    cells.push(cell);
  };
  const lbl = (k: LabelKey) => label(k, lang);
  // netted output has no scope: people read what the row is instead of a blank (machines keep '' and the use column)
  const scopeCell = (r: OutputRow) => (r.scope === '' && !machine ? useName(r.use, lang) : r.scope);
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
        add('scope', lbl('scope'), false, scopeCell);
        break;
      case 'category':
        // the stable code, then its name (a column of its own, so the code column stays as it was)
        add('category', lbl('category'), false, (r) => r.category);
        add('category_name', lbl('category_name'), false, (r) => gpcName(r.category, lang));
        break;
      case 'use':
        add('use', lbl('use'), false, (r) => (machine ? r.use : useName(r.use, lang, r)));
        break;
      case 'ceads':
        add('ceads', 'CEADs', false, (r) => r.key.ceads ?? '');
        add('ceads_name', lbl('ceads_name'), false, (r) => ceadsName(r, lang));
        break;
      default:
        add(dim, dim, false, (r) => r.key[dim] ?? '');
    }
  }
  if (!by.includes('scope')) add('scope', lbl('scope'), false, scopeCell);
  if (machine && !by.includes('category')) add('category', lbl('category'), false, (r) => r.category);
  if (machine && !by.includes('use')) add('use', lbl('use'), false, (r) => r.use);
  else if (!machine && by.includes('fuel') && !by.includes('use') && report.rows.some((r) => r.use !== 'energy')) {
    add('use', lbl('use'), false, (r) => useName(r.use, lang, r));
  }
  const num = (d: Decimal) => (machine ? fixed(d, decimals) : grouped(fixed(d, decimals)));
  if (by.includes('fuel')) {
    add('quantity', lbl('quantity'), true, (r) => (r.quantity ? (machine ? quantityText(r.quantity, decimals) : grouped(quantityText(r.quantity, decimals))) : ''));
    add('unit', lbl('unit'), false, (r) => r.unit ?? '');
  }
  const shown: readonly Measure[] = machine ? MEASURES : ['energy_tce', 'co2_t', 'co2e_t'];
  for (const m of shown) add(m, lbl(m), true, (r) => num(measure(r, m)));

  if (!machine) fitHints(columns);
  const rows = report.rows.map((r) => cells.map((cell) => cell(r)));
  let total: string[] | undefined;
  // rows of several years close with their sum only when asked, and labelled as such
  const years = report.years.map((y) => y.year);
  if (!machine && (years.length <= 1 || options.sumYears)) {
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
    const first = years.length > 1 ? sumOfYearsLabel(years, lang) : lbl('total');
    total = columns.map((c, i) => (i === 0 ? first : (MEASURES as readonly string[]).includes(c.key) ? num(totalOf[c.key as Measure]) : ''));
  }
  return { columns, rows, total };
}

/**
 * What a terminal too narrow for the people's table gives up first (fit-table.ts): the quantity and
 * its unit, then CO2e (CO2 and energy stay); names (sector, fuel, use, …) are cut short with …;
 * the year and codes stay whole.
 */
function fitHints(columns: Column[]): void {
  for (const c of columns) {
    if (c.key === 'quantity' || c.key === 'unit') c.drop = 1;
    else if (c.key === 'co2e_t') c.drop = 2;
    else if (!c.numeric && !['year', 'category', 'ceads'].includes(c.key)) c.shrink = true;
  }
}

/** Label (with the GWP of CO2e totals) and value with its unit, for people, in the order of TOTAL_DEFS. */
export function totalsPairs(totals: Totals, lang: Lang, decimals: Decimals, gwp: string): [string, string][] {
  return totalKeys(totals).map((k) => {
    const unit = unitText(totalDef(k).unit, lang);
    return [totalLabel(k, lang, gwp), `${grouped(fixed(totalValue(totals, k), decimals))}${unit ? ` ${unit}` : ''}`];
  });
}

/** The years of the run, each with its totals; a run with no data line has one block without a year. */
function yearBlocks(report: CalcReport): { year: string; totals: Totals }[] {
  return report.years.length > 0 ? report.years.map((y) => ({ year: String(y.year), totals: y.totals })) : [{ year: '', totals: report.totals }];
}

/**
 * The totals of each year, never summed over years unless asked (sumYears), and then labelled as
 * a sum. Machines get one line per year and key (year, key, label, unit, value: the same header
 * whatever the years); people get a column per year, the label carrying the unit.
 */
export function totalsTabular(
  report: CalcReport,
  options: { lang: Lang; decimals: Decimals; machine: boolean; sumYears?: boolean | undefined; keys?: boolean | undefined },
): Tabular {
  const { lang, decimals, machine } = options;
  const gwp = report.options.gwp;
  const blocks = yearBlocks(report);
  const years = report.years.map((y) => y.year);
  if (options.sumYears && years.length > 1) {
    blocks.push({ year: machine ? `${years[0]}-${years.at(-1)}` : sumOfYearsLabel(years, lang), totals: report.totals });
  }
  const keys = totalKeys(report.totals);
  if (machine) {
    return {
      columns: [
        { key: 'year', label: label('year', lang), numeric: false },
        { key: 'key', label: 'key', numeric: false },
        { key: 'label', label: 'label', numeric: false },
        { key: 'unit', label: label('unit', lang), numeric: false },
        { key: 'value', label: 'value', numeric: true },
      ],
      rows: blocks.flatMap((b) => keys.map((k) => [b.year, k, totalLabel(k, lang, gwp).trim(), totalDef(k).unit, fixed(totalValue(b.totals, k), decimals)])),
    };
  }
  return {
    columns: [
      // a narrow terminal wraps the labels (fit-table.ts)
      { key: 'label', label: label('totals', lang), numeric: false, wrap: true },
      ...(options.keys ? [{ key: 'key', label: lang === 'zh' ? '键' : 'Key', numeric: false }] : []),
      ...blocks.map((b) => ({ key: b.year, label: b.year || label('value', lang), numeric: true })),
    ],
    rows: keys.map((k) => [
      totalLabelWithUnit(k, lang, gwp),
      ...(options.keys ? [k] : []),
      ...blocks.map((b) => grouped(fixed(totalValue(b.totals, k), decimals))),
    ]),
  };
}

/** "Sum of 2020–2022" / "2020–2022年合计": the only place years are added up, and it says so. */
export function sumOfYearsLabel(years: readonly number[], lang: Lang): string {
  return lang === 'zh' ? `${yearsText(years)}年合计` : `Sum of ${yearsText(years)}`;
}

export function factorLines(report: CalcReport, lang: Lang): string {
  const lines = report.factors.map((f) => `  ${tableRef(f)}  ${f.meta.title}  sha256:${f.sha256.slice(0, 12)}`);
  return `${energyBasisText(report.energyBasis, lang)}\n${nonFossilText(report.nonFossil, lang, 2)}\n${label('factors_used', lang)}${lang === 'zh' ? '：' : ':'}\n${lines.join('\n')}\n`;
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
      factors: factorTablesProvenance(report.factors),
      options: { ...report.options, decimals },
    },
    totals: totalsJson(report.totals, decimals),
    energy_basis: energyBasisJson(report.energyBasis),
    non_fossil: nonFossilJson(report.nonFossil, decimals),
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
      // the names of grouped-by codes, in the output's language (keys added beside the stable ones)
      ...(by.includes('category') ? { category_name: gpcName(r.category, options.lang) } : {}),
      ...(by.includes('ceads') ? { ceads_name: ceadsName(r, options.lang) } : {}),
      quantity: r.quantity ? quantityText(r.quantity, decimals) : null,
      unit: r.unit ?? null,
      ...Object.fromEntries(MEASURES.map((m) => [m, fixed(measure(r, m), decimals)])),
    })),
    // industrial processes (IPPU), apart from the energy rows; only when a process file was given
    ...(report.processInput ? { process: processJson(report, options.lang, decimals) } : {}),
    years: report.years.map((y) => ({ year: y.year, ...totalsJson(y.totals, decimals) })),
    // `totals` are the sum of every row: over these years when there are several (per year in `years`)
    totals_years: report.years.map((y) => y.year),
    // electricity generated in the city by year and fuel (electricity = fuel-fired plants, else hydro/wind/solar/nuclear)
    generation: report.generation.map((g) => ({ year: g.year, fuel: g.fuel, primary: g.primary, kwh: fixed(g.kwh, decimals), tce: fixed(g.tce, decimals) })),
    // said beside the figures (e.g. feedstock that counts as no CO2), only when there are some
    ...(report.notes.length > 0 ? { notes: notesJson(report.notes, options.lang) } : {}),
    warnings: report.diagnostics.filter((d) => d.severity === 'warning').map((d) => diagnosticToJson(d, options.lang)),
    // all of them, those a MORE_OF_KIND entry of `warnings` stands for included
    warning_count: countProblems(report.diagnostics).warnings,
  };
}

/** The result in one of the output formats, as the text to write. */
export function renderCalc(report: CalcReport, format: OutputFormat, options: RenderOptions): string {
  const machine = format === 'csv' || format === 'tsv' || format === 'json';
  const decimals = options.decimals ?? (machine ? 6 : 2);
  if (format === 'json') {
    const json = calcJson(report, { ...options, decimals }) as Record<string, unknown>;
    if (options.totalsOnly) {
      delete json.rows;
      delete json.process;
    }
    return JSON.stringify(json, null, 2) + '\n';
  }
  const gwp = report.options.gwp;
  const severalYears = report.years.length > 1;
  const sumYears = options.sumYears;
  if (format === 'csv' || format === 'tsv') {
    const energy = options.totalsOnly ? undefined : calcTabular(report, { lang: options.lang, decimals, machine });
    // with a process file, its rows follow the energy rows (src/core/format/process.ts)
    const table = !energy
      ? totalsTabular(report, { lang: options.lang, decimals, machine: true, sumYears })
      : report.processInput
        ? withProcessRows(energy, report, { lang: options.lang, decimals })
        : energy;
    return toDelimited(table, format === 'csv' ? ',' : '\t', { bom: options.bom });
  }
  // Markdown is also read by scripts: it carries the stable key beside the label
  const totalsTable = totalsTabular(report, { lang: options.lang, decimals, machine: false, sumYears, keys: format === 'md' });
  if (options.totalsOnly) {
    if (format === 'md') return toMarkdown(totalsTable);
    // one year: label, value and unit, one a line; several: a column per year
    return severalYears ? toTextTable(totalsTable, options.style ?? plainStyle, options.fit) : toKeyValue(totalsPairs(report.totals, options.lang, decimals, gwp), options.style ?? plainStyle, options.fit?.width);
  }
  const table = calcTabular(report, { lang: options.lang, decimals, machine, sumYears });
  // people's formats: the process table after the energy one (src/core/format/process.ts)
  const process = report.processInput ? processTabular(report, { lang: options.lang, decimals, machine: false }) : undefined;
  if (format === 'md') {
    const factors = report.factors.map((f) => `- \`${tableRef(f)}\` ${markdownText(f.meta.title)} (sha256 \`${f.sha256.slice(0, 12)}\`)`);
    const processPart = process ? [`**${processLabel('title', options.lang)}**`, '', toMarkdown(process)] : [];
    return [toMarkdown(table), ...processPart, toMarkdown(totalsTable), energyBasisText(report.energyBasis, options.lang), '', nonFossilText(report.nonFossil, options.lang, decimals), '', ...notesBlock(report.notes, options.lang), `${label('factors_used', options.lang)}:`, '', ...factors, ''].join('\n');
  }
  const style = options.style ?? plainStyle;
  return [
    toTextTable(table, style, options.fit),
    ...(process ? [style.dim(processLabel('title', options.lang)), toTextTable(process, style, options.fit)] : []),
    severalYears ? toTextTable(totalsTable, style, options.fit) : toKeyValue(totalsPairs(report.totals, options.lang, decimals, gwp), style, options.fit?.width),
    ...(report.notes.length > 0 ? [notesBlock(report.notes, options.lang).join('\n')] : []),
    style.dim(factorLines(report, options.lang)),
  ].join('\n');
}
