import { compareReports, comparisonRequest, type Change, type ComparedRow, type FactorComparison } from '../../core/calc/compare.js';
import { runCalculation, type CalcReport, type CalcRequest, type InputFile } from '../../core/calc/run.js';
import { UsageError } from '../../core/usage-error.js';
import type { Totals } from '../../core/calc/aggregate.js';
import type { Decimal } from '../../core/decimal.js';
import { diagnosticToJson, formatDiagnostic, hasErrors, warning, type Diagnostic } from '../../core/diagnostics.js';
import type { FactorRegistry } from '../../core/factors/registry.js';
import { tableRef, type FactorTable } from '../../core/factors/table.js';
import { sumOfYearsLabel, useName } from '../../core/format/calc.js';
import { label } from '../../core/format/labels.js';
import { gpcName } from '../../core/dictionary/gpc.js';
import { totalKeys, totalLabelWithUnit } from '../../core/format/totals.js';
import { fixed, grouped, type Decimals } from '../../core/format/number.js';
import { toDelimited, toMarkdown, type Column, type Tabular } from '../../core/format/tabular.js';
import { plainStyle, toTextTable, type TableFit } from '../../core/format/text-table.js';
import type { Lang } from '../../core/i18n/lang.js';
import type { Dictionaries } from '../../core/input/activity.js';
import { ExitError, printDiagnostics, styleFor, type CliContext } from '../context.js';
import { formatFromPath, writeFileAtomic, writeStreamAtomic } from '../io.js';
import { resolveFactorArgs } from '../user-factors.js';
import { toolName, toolVersion } from '../version.js';
import { terminalFit } from '../terminal-width.js';
import { parseDecimalsOption, stdoutFormat, type CalcCliOptions } from '../calc-options.js';

/** What calc has already done: the inputs read, the tables known and the base result. */
export interface CompareBase {
  inputs: InputFile[];
  dict: Dictionaries;
  registry: FactorRegistry;
  request: CalcRequest;
  report: CalcReport;
}

type Format = 'table' | 'csv' | 'tsv' | 'json' | 'md';
const MEASURES = ['co2_t', 'energy_tce', 'co2e_t'] as const;
type Measure = (typeof MEASURES)[number];
/**
 * `calc --compare-factors <table>`: recompute the same data with the named tables put in place of
 * the ones of their kind, and show row by row, then in the totals, what the change of tables moves.
 */
export async function compareCommand(
  base: CompareBase,
  options: CalcCliOptions & { compareFactors?: string[] | undefined },
  ctx: CliContext,
): Promise<void> {
  const lang = ctx.lang;
  const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const format = (options.output ? formatFromPath(options.output, ['csv', 'tsv', 'json', 'md', 'xlsx'], options.format) : stdoutFormat(options.format, ctx)) as Format | 'xlsx';
  const machine = format === 'csv' || format === 'tsv' || format === 'json';
  const decimals: Decimals = parseDecimalsOption(options.decimals) ?? (machine ? 6 : 2);
  const { inputs, dict, registry, report: before } = base;

  const resolved = resolveFactorArgs(options.compareFactors ?? [], registry, dict.fuels);
  if (resolved.diagnostics.length > 0) {
    printDiagnostics(ctx, resolved.diagnostics);
    throw new ExitError(2);
  }
  const { request, tables } = comparisonRequest(base.request, resolved.refs, registry);
  const grid = tables.find((x) => x.meta.kind === 'grid');
  const region = before.options.grid;
  if (grid && !grid.rows.some((r) => r.values.region === region)) {
    const regions = grid.rows.map((r) => String(r.values.region)).join(', ');
    throw new UsageError(
      `${tableRef(grid)} has no grid factor for region "${region}" (--grid); it has: ${regions}`,
      `${tableRef(grid)} 没有地区“${region}”（--grid）的电网因子；可选：${regions}`,
    );
  }
  if (grid && grid.year === undefined) {
    throw new UsageError(
      `${tableRef(grid)} does not name the single year its grid factors describe (applies_to: ${grid.meta.applies_to})`,
      `${tableRef(grid)} 未写明电网因子对应的单一年份（applies_to：${grid.meta.applies_to}）`,
    );
  }

  const after = runCalculation(inputs, dict, registry, request);
  const refs = tables.map(tableRef).join(', ');
  if (hasErrors(after.diagnostics)) {
    ctx.stderr.write(
      t(
        `with --compare-factors ${refs} the data cannot be calculated:\n`,
        `使用 --compare-factors ${refs} 时无法计算：\n`,
      ),
    );
    printDiagnostics(ctx, after.diagnostics.filter((d) => d.severity === 'error'));
    throw new ExitError(1);
  }
  const comparison = compareReports(before, after);
  const warnings = comparisonWarnings(before, after, comparison, tables, lang);
  printDiagnostics(ctx, warnings);

  if (format === 'xlsx') {
    // a workbook: both versions' values of every row, the change and %, totals by year, the tables swapped
    const { compareWorkbook } = await import('../compare-xlsx.js');
    const compared = tables.map(tableRef);
    ctx.stderr.write(headerLines(comparison, lang).join('\n') + '\n');
    await writeStreamAtomic(options.output!, (out) =>
      compareWorkbook({ before, after, comparison, warnings, compared }, { lang, tool: { name: toolName, version: toolVersion() } }, out),
    );
    return;
  }
  // a terminal's tables fit its width (files and pipes get them whole)
  const terminal = options.output ? undefined : terminalFit(ctx);
  const text =
    format === 'json'
      ? JSON.stringify(compareJson(before, after, comparison, lang, decimals, warnings), null, 2) + '\n'
      : renderComparison(before, comparison, format, { lang, decimals, bom: options.bom, totalsOnly: options.totals, style: options.output ? undefined : styleFor(ctx.stdout, ctx.env), fit: terminal?.fit });
  // machine formats keep stdout to the data; the tables compared are named on stderr
  if (format !== 'json' && machine) ctx.stderr.write(headerLines(comparison, lang).join('\n') + '\n');
  if (options.output) writeFileAtomic(options.output, text);
  else ctx.stdout.write(text);
  terminal?.done();
}

/** Warnings of the comparison run that the base run did not already give, and what the change of tables means. */
function comparisonWarnings(before: CalcReport, after: CalcReport, comparison: FactorComparison, tables: FactorTable[], lang: Lang): Diagnostic[] {
  const gridChanged = tables.some((x) => x.meta.kind === 'grid');
  const already = new Set(before.diagnostics.map((d) => formatDiagnostic(d, lang)));
  const out = after.diagnostics.filter(
    (d) => d.severity === 'warning' && !(gridChanged && d.code === 'GRID_YEAR_MISMATCH') && !already.has(formatDiagnostic(d, lang)),
  );
  for (const table of tables) {
    const ref = tableRef(table);
    const kind = table.meta.kind;
    const usedBefore = (before.options.factorTables[kind] ?? '').split(' ').filter(Boolean);
    const usedAfter = (after.options.factorTables[kind] ?? '').split(' ').filter(Boolean);
    if (usedBefore.length === 0 && usedAfter.length === 0) out.push(warning('COMPARE_NOT_USED', { kind, table: ref }));
    else if (usedBefore.length === 1 && usedBefore[0] === ref) out.push(warning('COMPARE_SAME_TABLE', { kind, table: ref }));
  }
  if (gridChanged) {
    for (const g of comparison.gridYears) {
      out.push(warning('COMPARE_GRID_YEAR', { dataYear: g.dataYear, factorYear: g.factorYear, table: g.table, baseTable: g.baseTable || '—' }));
    }
  }
  return out;
}

function headerLines(comparison: FactorComparison, lang: Lang): string[] {
  const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  if (comparison.tables.length === 0) {
    return [t('Factor tables compared: no table of this result changes', '因子表对比：本结果所用因子表没有变化')];
  }
  const lines = comparison.tables.map((c) => `  ${c.kind}: ${c.before.join(' ') || '—'} → ${c.after.join(' ') || '—'}`);
  return [t('Factor tables compared (before → after):', '因子表对比（原 → 新）：'), ...lines];
}

interface RenderOptions {
  lang: Lang;
  decimals: Decimals;
  bom?: boolean | undefined;
  totalsOnly?: boolean | undefined;
  style?: ReturnType<typeof styleFor> | undefined;
  /** the terminal's width, to fit the tables to */
  fit?: TableFit | undefined;
}

function keyColumns(report: CalcReport, lang: Lang, machine: boolean): { columns: Column[]; cells: ((r: ComparedRow) => string)[] } {
  const columns: Column[] = [];
  const cells: ((r: ComparedRow) => string)[] = [];
  const add = (key: string, text: string, cell: (r: ComparedRow) => string) => {
    columns.push({ key, label: text, numeric: false });
    cells.push(cell);
  };
  for (const dim of report.options.by) {
    switch (dim) {
      case 'year':
        add('year', label('year', lang), (r) => String(r.row.year ?? r.key.year ?? ''));
        break;
      case 'sector':
        if (machine) add('sector_code', label('sector_code', lang), (r) => r.row.sectorCode ?? '');
        add('sector', label('sector', lang), (r) => (lang === 'zh' ? r.row.sectorZh : r.row.sectorEn) ?? '');
        break;
      case 'fuel':
        if (machine) add('fuel', label('fuel', lang), (r) => r.row.fuelId ?? '');
        add(machine ? 'fuel_name' : 'fuel', label('fuel', lang), (r) => (lang === 'zh' ? r.row.fuelZh : r.row.fuelEn) ?? '');
        break;
      case 'scope':
        add('scope', label('scope', lang), (r) => r.row.scope);
        break;
      case 'category':
        add('category', label('category', lang), (r) => r.row.category);
        add('category_name', label('category_name', lang), (r) => gpcName(r.row.category, lang));
        break;
      case 'ceads':
        add('ceads', 'CEADs', (r) => r.key.ceads ?? '');
        add('ceads_name', label('ceads_name', lang), (r) => (lang === 'zh' ? r.row.ceadsZh : r.row.ceadsEn) ?? '');
        break;
      case 'use':
        add('use', label('use', lang), (r) => (machine ? r.row.use : useName(r.row.use, lang)));
        break;
      default:
        add(dim, dim, (r) => r.key[dim] ?? '');
    }
  }
  if (!report.options.by.includes('scope')) add('scope', label('scope', lang), (r) => r.row.scope);
  // rows are split by use (consumption, feedstock, netted output): say which one a row is
  if (!report.options.by.includes('use') && (machine || report.rows.some((r) => r.use !== 'energy'))) {
    add('use', label('use', lang), (r) => (machine ? r.row.use : useName(r.row.use, lang)));
  }
  return { columns, cells };
}

function num(d: Decimal, decimals: Decimals, machine: boolean): string {
  const text = fixed(d, decimals);
  return machine ? text : grouped(text);
}

function pct(c: Change, decimals: Decimals, machine: boolean): string {
  if (!c.changePct) return '';
  const text = fixed(c.changePct, decimals);
  return machine ? text : `${text} %`;
}

function measureLabel(m: Measure, lang: Lang): string {
  return label(m, lang);
}

/** The measures shown to people: CO2 always; energy and CO2e only where the change of tables moves them. */
function shownMeasures(comparison: FactorComparison, machine: boolean): Measure[] {
  if (machine) return [...MEASURES];
  const shown: Measure[] = ['co2_t'];
  if (comparison.rows.some((r) => !r.energy_tce.change.isZero())) shown.push('energy_tce');
  if (comparison.rows.some((r) => !r.co2e_t.change.equals(r.co2_t.change))) shown.push('co2e_t');
  return shown;
}

function rowsTabular(report: CalcReport, comparison: FactorComparison, lang: Lang, decimals: Decimals, machine: boolean): Tabular {
  const { columns, cells } = keyColumns(report, lang, machine);
  const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const parts: [string, string, string, (c: Change) => string][] = [
    ['before', t('before', '原'), '', (c) => num(c.before, decimals, machine)],
    ['after', t('after', '新'), '', (c) => num(c.after, decimals, machine)],
    ['change', t('change', '变化量'), '', (c) => num(c.change, decimals, machine)],
    ['change_pct', t('change %', '变化率'), '', (c) => pct(c, decimals, machine)],
  ];
  const measures = shownMeasures(comparison, machine);
  // a narrow terminal gives up the before and after figures first, then every measure but the first;
  // the change and change % of the first stay, and names are cut short (fit-table.ts)
  const dropRank = (mi: number, suffix: string) => (machine ? undefined : mi > 0 ? 3 : suffix === 'before' ? 1 : suffix === 'after' ? 2 : undefined);
  if (!machine) for (const c of columns) if (!['year', 'category', 'ceads'].includes(c.key)) c.shrink = true;
  measures.forEach((m, mi) => {
    for (const [suffix, text, , cell] of parts) {
      columns.push({ key: `${m}_${suffix}`, label: `${measureLabel(m, lang)} ${text}`, numeric: true, drop: dropRank(mi, suffix) });
      cells.push((r) => cell(r[m]));
    }
  });
  const rows = comparison.rows.map((r) => cells.map((cell) => cell(r)));
  let total: string[] | undefined;
  if (!machine) {
    const totalOf: Record<Measure, Change> = { co2_t: comparison.totals.co2_t, energy_tce: comparison.totals.energy_tce, co2e_t: comparison.totals.co2e_t };
    total = columns.map((c, i) => {
      if (i === 0) return label('total', lang);
      const m = measures.find((x) => c.key.startsWith(`${x}_`));
      if (!m) return '';
      const suffix = c.key.slice(m.length + 1);
      const part = parts.find((p) => p[0] === suffix)!;
      return part[3](totalOf[m]);
    });
  }
  return { columns, rows, total };
}

function totalsTabular(comparison: FactorComparison, lang: Lang, decimals: Decimals, machine: boolean, years: readonly number[] = []): Tabular {
  const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  // the totals of a comparison of several years add the years up: say so in the heading
  const heading = years.length > 1 ? `${t('City totals', '全市合计')}: ${sumOfYearsLabel(years, lang)}` : t('City totals', '全市合计');
  const columns: Column[] = [
    { key: 'total', label: machine ? 'total' : heading, numeric: false, wrap: !machine },
    { key: 'before', label: t('before', '原'), numeric: true },
    { key: 'after', label: t('after', '新'), numeric: true },
    { key: 'change', label: t('change', '变化量'), numeric: true },
    { key: 'change_pct', label: t('change %', '变化率'), numeric: true },
  ];
  const rows = totalKeys(comparison.totals).map((k) => {
    const c = comparison.totals[k as keyof Totals];
    return [machine ? k : totalLabelWithUnit(k, lang), num(c.before, decimals, machine), num(c.after, decimals, machine), num(c.change, decimals, machine), pct(c, decimals, machine)];
  });
  return { columns, rows };
}

function renderComparison(report: CalcReport, comparison: FactorComparison, format: Format, options: RenderOptions): string {
  const { lang, decimals } = options;
  const machine = format === 'csv' || format === 'tsv';
  const delimited = (table: Tabular) => toDelimited(table, format === 'csv' ? ',' : '\t', { bom: options.bom });
  if (machine) {
    return delimited(options.totalsOnly ? totalsTabular(comparison, lang, decimals, true) : rowsTabular(report, comparison, lang, decimals, true));
  }
  const header = headerLines(comparison, lang);
  const totals = totalsTabular(comparison, lang, decimals, false, report.years.map((y) => y.year));
  if (format === 'md') {
    return [
      header[0],
      '',
      ...header.slice(1).map((l) => `- ${l.trim()}`),
      '',
      ...(options.totalsOnly ? [] : [toMarkdown(rowsTabular(report, comparison, lang, decimals, false))]),
      toMarkdown(totals),
    ].join('\n');
  }
  const style = options.style ?? plainStyle;
  return [
    style.dim(header.join('\n')) + '\n',
    ...(options.totalsOnly ? [] : [toTextTable(rowsTabular(report, comparison, lang, decimals, false), style, options.fit)]),
    toTextTable(totals, style, options.fit),
  ].join('\n');
}

function compareJson(before: CalcReport, after: CalcReport, comparison: FactorComparison, lang: Lang, decimals: Decimals, warnings: Diagnostic[]): unknown {
  const changeJson = (c: Change) => ({
    before: fixed(c.before, decimals),
    after: fixed(c.after, decimals),
    change: fixed(c.change, decimals),
    change_pct: c.changePct ? fixed(c.changePct, decimals) : null,
  });
  const factors = (r: CalcReport) => r.factors.map((f) => ({ id: f.meta.id, version: f.meta.version, sha256: f.sha256, kind: f.meta.kind }));
  const by = before.options.by;
  return {
    meta: {
      tool: toolName,
      version: toolVersion(),
      inputs: before.inputs.map((i) => ({ path: i.path, sha256: i.sha256, rows: i.rows, encoding: i.encoding })),
      before: { factors: factors(before), options: before.options },
      after: { factors: factors(after), options: after.options },
      changed: comparison.tables,
      decimals,
    },
    totals: Object.fromEntries(totalKeys(comparison.totals).map((k) => [k, changeJson(comparison.totals[k as keyof Totals])])),
    rows: comparison.rows.map((r) => ({
      year: r.row.year ?? null,
      sector: by.includes('sector') ? ((lang === 'zh' ? r.row.sectorZh : r.row.sectorEn) ?? null) : null,
      sector_code: by.includes('sector') ? r.row.sectorCode || null : null,
      fuel: r.row.fuelId ?? null,
      fuel_name: by.includes('fuel') ? ((lang === 'zh' ? r.row.fuelZh : r.row.fuelEn) ?? null) : null,
      scope: r.row.scope,
      use: r.row.use,
      ...Object.fromEntries(by.filter((d) => !['year', 'sector', 'fuel', 'scope', 'use'].includes(d)).map((d) => [d, r.key[d] ?? ''])),
      ...(by.includes('category') ? { category_name: gpcName(r.row.category, lang) } : {}),
      ...(by.includes('ceads') ? { ceads_name: ((lang === 'zh' ? r.row.ceadsZh : r.row.ceadsEn) ?? '') } : {}),
      ...Object.fromEntries(
        MEASURES.flatMap((m) => {
          const c = changeJson(r[m]);
          return [
            [`${m}_before`, c.before],
            [`${m}_after`, c.after],
            [`${m}_change`, c.change],
            [`${m}_change_pct`, c.change_pct],
          ];
        }),
      ),
    })),
    warnings: [...before.diagnostics, ...warnings].filter((d) => d.severity === 'warning').map((d) => diagnosticToJson(d, lang)),
  };
}
