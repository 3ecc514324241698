/**
 * `calc … --compare-factors <table> -o x.xlsx`: the comparison as a workbook. Each row with its
 * value under both factor versions, the change and the change in %; the totals of each year (and,
 * with several years, their sum, labelled as one); which tables were swapped; provenance of both
 * runs; warnings. Loaded only when such a workbook is asked for (exceljs, see xlsx.ts).
 */
import type { Writable } from 'node:stream';
import { change, type Change, type ComparedRow, type FactorComparison } from '../core/calc/compare.js';
import type { CalcReport } from '../core/calc/run.js';
import { ZERO } from '../core/decimal.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { kindLabel } from '../core/factors/kind-names.js';
import { tableRef } from '../core/factors/table.js';
import { sumOfYearsLabel } from '../core/format/calc.js';
import { label } from '../core/format/labels.js';
import { totalDef, totalKeys, totalLabel, totalValue, unitText } from '../core/format/totals.js';
import type { Lang } from '../core/i18n/lang.js';
import { addProvenanceSheet, addTableSheet, addWarningsSheet, newWorkbook, useWord, type Cell, type SheetColumn, type WorkbookOptions } from './xlsx.js';

const MEASURES = ['co2_t', 'energy_tce', 'co2e_t'] as const;

const WORDS = {
  tables: { en: 'Tables compared', zh: '因子表对比' },
  totals: { en: 'Totals', zh: '全市合计' },
  rows: { en: 'Rows', zh: '明细' },
  kind: { en: 'Kind', zh: '类型' },
  before: { en: 'before', zh: '原' },
  after: { en: 'after', zh: '新' },
  change: { en: 'change', zh: '变化量' },
  changePct: { en: 'change %', zh: '变化率(%)' },
  beforeTables: { en: 'Before (base run)', zh: '原（基准计算）' },
  afterTables: { en: 'After (--compare-factors)', zh: '新（--compare-factors）' },
  unchanged: { en: 'no table of this result changes', zh: '本结果所用因子表没有变化' },
  key: { en: 'key', zh: '键' },
  item: { en: 'Item', zh: '项目' },
  unit: { en: 'Unit', zh: '单位' },
  sectorCode: { en: 'Code', zh: '部门代码' },
  fuelId: { en: 'Fuel id', zh: '品种编号' },
} as const;

const NUM_FMT = '#,##0.00';
const PCT_FMT = '0.00';

/** The four columns of one measure: before, after, change, change %. */
function changeColumns(what: string, lang: Lang): SheetColumn[] {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  return [
    { header: `${what} ${w('before')}`, numFmt: NUM_FMT, width: 18 },
    { header: `${what} ${w('after')}`, numFmt: NUM_FMT, width: 18 },
    { header: `${what} ${w('change')}`, numFmt: NUM_FMT, width: 18 },
    { header: `${what} ${w('changePct')}`, numFmt: PCT_FMT, width: 14 },
  ];
}

function changeCells(c: Change): Cell[] {
  return [c.before, c.after, c.change, c.changePct ?? null];
}

/** The row's identity: the dimensions it was grouped by, its scope and its use, as the CLI's comparison table. */
function keyColumns(report: CalcReport, lang: Lang): { columns: SheetColumn[]; cells: ((r: ComparedRow) => Cell)[] } {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const columns: SheetColumn[] = [];
  const cells: ((r: ComparedRow) => Cell)[] = [];
  const add = (header: string, width: number, cell: (r: ComparedRow) => Cell) => {
    columns.push({ header, width });
    cells.push(cell);
  };
  const by = report.options.by;
  for (const dim of by) {
    if (dim === 'year') add(label('year', lang), 8, (r) => r.row.year ?? (r.key.year ? Number(r.key.year) : null));
    else if (dim === 'sector') {
      add(w('sectorCode'), 18, (r) => r.row.sectorCode ?? '');
      add(label('sector', lang), 36, (r) => (lang === 'zh' ? r.row.sectorZh : r.row.sectorEn) ?? '');
    } else if (dim === 'fuel') {
      add(w('fuelId'), 18, (r) => r.row.fuelId ?? '');
      add(label('fuel', lang), 18, (r) => (lang === 'zh' ? r.row.fuelZh : r.row.fuelEn) ?? '');
    } else if (dim === 'scope') add(label('scope', lang), 8, (r) => r.row.scope);
    else if (dim === 'category') add(label('category', lang), 10, (r) => r.row.category);
    else if (dim === 'use') add(label('use', lang), 14, (r) => useWord(r.row.use, lang));
    else add(dim, 14, (r) => r.key[dim] ?? '');
  }
  if (!by.includes('scope')) add(label('scope', lang), 8, (r) => r.row.scope);
  // consumption, feedstock and netted output of a fuel are rows of their own: say which one a row is
  if (!by.includes('use')) add(label('use', lang), 14, (r) => useWord(r.row.use, lang));
  return { columns, cells };
}

export async function compareWorkbook(
  run: { before: CalcReport; after: CalcReport; comparison: FactorComparison; warnings: readonly Diagnostic[]; compared: readonly string[] },
  options: WorkbookOptions,
  out: Writable,
): Promise<void> {
  const { lang } = options;
  const { before, after, comparison } = run;
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const wb = newWorkbook(options.tool, out);

  // which tables were swapped: what "before" and "after" mean in every other sheet
  await addTableSheet(
    wb,
    w('tables'),
    [
      { header: w('kind'), width: 30 },
      { header: w('beforeTables'), width: 36 },
      { header: w('afterTables'), width: 36 },
    ],
    comparison.tables.length > 0 ? comparison.tables.map((c) => [kindLabel(c.kind, lang), c.before.join(' ') || '—', c.after.join(' ') || '—']) : [[w('unchanged'), '', '']],
  );

  // totals of each year, then (several years) their sum, labelled as a sum
  const years = before.years.map((y) => y.year);
  const blocks: { year: string; totals: Record<string, Change> }[] = before.years.map((y) => {
    const a = after.years.find((x) => x.year === y.year);
    const totals: Record<string, Change> = {};
    for (const k of totalKeys(y.totals)) totals[k] = change(totalValue(y.totals, k), a ? totalValue(a.totals, k) : ZERO);
    return { year: String(y.year), totals };
  });
  if (years.length !== 1) blocks.push({ year: years.length > 1 ? sumOfYearsLabel(years, lang) : '', totals: comparison.totals });
  await addTableSheet(
    wb,
    w('totals'),
    [
      { header: label('year', lang), width: years.length > 1 ? 18 : 8 },
      { header: w('key'), width: 24 },
      { header: w('item'), width: 48 },
      { header: w('unit'), width: 10 },
      ...changeColumns('', lang).map((c) => ({ ...c, header: c.header.trim() })),
    ],
    blocks.flatMap((b) =>
      totalKeys(comparison.totals).map((k): Cell[] => [
        /^\d{4}$/.test(b.year) ? Number(b.year) : b.year,
        k,
        totalLabel(k, lang, after.options.gwp).trim(),
        unitText(totalDef(k).unit, lang),
        ...(b.totals[k] ? changeCells(b.totals[k]) : [null, null, null, null]),
      ]),
    ),
  );

  // row by row, every measure
  const { columns, cells } = keyColumns(before, lang);
  await addTableSheet(
    wb,
    w('rows'),
    [...columns, ...MEASURES.flatMap((m) => changeColumns(label(m, lang), lang))],
    comparison.rows.map((r) => [...cells.map((cell) => cell(r)), ...MEASURES.flatMap((m) => changeCells(r[m]))]),
  );

  // both runs' tables: the base run's, then those only the comparison used
  const factors = [...before.factors, ...after.factors.filter((t) => !before.factors.some((b) => tableRef(b) === tableRef(t)))];
  await addProvenanceSheet(wb, { inputs: before.inputs, factors, options: { ...before.options, compareFactors: run.compared.join(' ') } }, options);
  await addWarningsSheet(wb, [...before.diagnostics, ...run.warnings], lang);
  await wb.commit();
}
