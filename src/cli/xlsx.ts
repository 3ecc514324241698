/**
 * Excel workbooks (.xlsx) of a result, for the people who carry the figures on in Excel or WPS:
 * one sheet per breakdown, numbers as number cells, a provenance sheet. exceljs is loaded only
 * here, and only when a workbook is asked for, so `calc` to stdout never pays for it.
 *
 * The workbook is streamed (exceljs's streaming writer): each row is written and released as it is
 * added, so memory stays flat in the number of rows (a breakdown of 350k groups is one more sheet,
 * not gigabytes of cell objects). Hence the order: a sheet's columns are set before its first row,
 * and a sheet is finished before the next is begun.
 */
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import type { stream as ExcelStream, Worksheet } from 'exceljs';
import { aggregate, type OutputRow } from '../core/calc/aggregate.js';
import { processTabular } from '../core/format/process.js';
import type { CalcReport } from '../core/calc/run.js';
import { Decimal } from '../core/decimal.js';
import { describe, type Diagnostic } from '../core/diagnostics.js';
import { calcTabular, sumOfYearsLabel, useName } from '../core/format/calc.js';
import { totalDef, totalKeys, totalLabel, totalValue, unitText as totalUnitText } from '../core/format/totals.js';
import { label, type LabelKey } from '../core/format/labels.js';
import { unitWord } from '../core/format/unit-words.js';
import { kindLabel } from '../core/factors/kind-names.js';
import type { FactorTable } from '../core/factors/table.js';
import type { Lang } from '../core/i18n/lang.js';
import type { IntensityResult } from '../core/intensity/compute.js';
import { intensityNotes, intensityYearKeys, measureText, sourcesText, statusText } from '../core/intensity/format.js';
import { BASIS_KEYS, BASIS_LABELS, basesNote, type IntensityBases } from '../core/intensity/bases.js';
import { regionNamesZh } from '../core/calc/grid-region.js';

export type Workbook = ExcelStream.xlsx.WorkbookWriter;

export interface WorkbookOptions {
  lang: Lang;
  tool: { name: string; version: string };
}

/** A cell as given: text, an exact figure, a plain number, or empty. */
export type Cell = string | Decimal | number | null | undefined;

export interface SheetColumn {
  header: string;
  /** number cells get this Excel format; the value itself keeps 6 decimals */
  numFmt?: string | undefined;
  width?: number | undefined;
}

/**
 * Exact decimals become number cells rounded half-to-even to the places their column's format shows
 * (6 without one): a cell holds exactly the digits it displays, so a spreadsheet never rounds it again
 * (half-up) into other digits than the CLI and the report print.
 * Text is stored as it is, as a string cell: a spreadsheet never evaluates a string cell, so the
 * CSV's guard apostrophe against formula injection would only show as a stray character here.
 */
export function cellValue(cell: Cell, decimals = 6): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return xmlSafe(cell);
  return Number(cell.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toString());
}

/** The most decimals a number format shows: '#,##0.00' → 2, '#,##0.00####' → 6; none → 6. */
export function formatDecimals(numFmt: string | undefined): number {
  const m = numFmt ? /\.([0#]+)/.exec(numFmt) : null;
  return m ? m[1]!.length : numFmt ? 0 : 6;
}

/** XML 1.0 cannot carry most control characters (a workbook with one does not open): they become U+FFFD. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

/** Wide enough for the longest sector code of the dictionary (households-urban, trade-catering). */
const CODE_WIDTH = 18;
const TCE_FMT = '#,##0.00';
const T_FMT = '#,##0.00';

/** A streaming workbook writing to `out`; finish it with `await wb.commit()`, which ends `out`. */
export function newWorkbook(tool: { name: string; version: string }, out: Writable): Workbook {
  // require, not import(): exceljs is CommonJS, and the CLI bundle runs as a vm.Script, where import() is unavailable
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  // fixed dates: the same input gives the same workbook properties
  const created = new Date(Date.UTC(2000, 0, 1));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = `${tool.name} ${tool.version}`;
  wb.created = created;
  wb.modified = created;
  return wb;
}

/** Rows written between two checks that the zip stream keeps up. */
const ROWS_PER_CHECK = 256;

/**
 * Waits until the rows written so far have gone on to the compressor. exceljs's streaming writer
 * pushes a sheet's XML into the zip entry's stream without heeding backpressure; writing faster
 * than deflate runs would buffer the whole sheet (0.5 KB a row) after all. The entry's stream is
 * exceljs's internal `pipes`; without it (another exceljs), a turn of the event loop still helps.
 */
async function keepUp(ws: Worksheet, out: Writable): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? [];
  for (const pipe of pipes as NodeJS.EventEmitter[]) {
    const state = (pipe as { _writableState?: { needDrain?: boolean } })._writableState;
    if (state?.needDrain) await new Promise((resolve) => pipe.once('drain', resolve));
  }
  if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

/** Adds a sheet with a bold, frozen header row and an auto-filter, writes its rows as they come, and finishes it. */
export async function addTableSheet(wb: Workbook, name: string, columns: readonly SheetColumn[], rows: Iterable<Cell[]>): Promise<void> {
  const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  // columns first: a streamed row takes its column's format when it is added
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(48, Math.max(10, displayWidth(c.header) + 2));
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  const head = ws.addRow(columns.map((c) => cellValue(c.header)));
  head.font = { bold: true };
  head.commit();
  let count = 0;
  const places = columns.map((c) => formatDecimals(c.numFmt));
  for (const row of rows) {
    ws.addRow(row.map((cell, i) => cellValue(cell, places[i] ?? 6))).commit();
    if (++count % ROWS_PER_CHECK === 0) await keepUp(ws, (wb as unknown as { stream: Writable }).stream);
  }
  if (count > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: columns.length } };
  ws.commit();
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}


const SHEETS = {
  totals: { en: 'Totals', zh: '全市合计' },
  sector: { en: 'By sector', zh: '分部门' },
  fuel: { en: 'By fuel', zh: '分能源品种' },
  rows: { en: 'Rows', zh: '明细' },
  process: { en: 'Industrial processes', zh: '工业生产过程' },
  provenance: { en: 'Provenance', zh: '数据来源' },
  warnings: { en: 'Warnings', zh: '警告' },
} as const;

const WORDS = {
  key: { en: 'key', zh: '键' },
  item: { en: 'Item', zh: '项目' },
  unit: { en: 'Unit', zh: '单位' },
  allYears: { en: 'All years', zh: '全部年份' },
  // '代码' alone reads as any code; the column holds sector codes (44, trade-catering), the name is beside it
  sectorCode: { en: 'Code', zh: '部门代码' },
  fuelId: { en: 'Fuel id', zh: '品种编号' },
  severity: { en: 'Severity', zh: '级别' },
  // a diagnostic's code (GRID_YEAR_MISMATCH), not a sector's
  code: { en: 'Code', zh: '问题代码' },
  file: { en: 'File', zh: '文件' },
  line: { en: 'Line', zh: '行' },
  column: { en: 'Column', zh: '列' },
  message: { en: 'Message', zh: '说明' },
  fix: { en: 'Fix', zh: '改法' },
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  none: { en: 'no warnings', zh: '无警告' },
} as const;

/** The calc result as a workbook: totals, by sector, by fuel, rows, provenance, warnings. */
export async function calcWorkbook(report: CalcReport, options: WorkbookOptions, out: Writable): Promise<void> {
  const { lang } = options;
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const l = (k: LabelKey) => label(k, lang);
  const wb = newWorkbook(options.tool, out);

  // totals: a column per year; with several years, then the sum over them, labelled as a sum (never a bare total)
  const years = report.years;
  const blocks: { header: string; totals: object }[] =
    years.length === 0 ? [{ header: label('value', lang), totals: report.totals }] : years.map((y) => ({ header: String(y.year), totals: y.totals }));
  if (years.length > 1) blocks.push({ header: `${w('allYears')}${lang === 'zh' ? `（${sumOfYearsLabel(years.map((y) => y.year), lang)}）` : ` (${sumOfYearsLabel(years.map((y) => y.year), lang).toLowerCase()})`}`, totals: report.totals });
  await addTableSheet(
    wb,
    SHEETS.totals[lang],
    [
      { header: w('key'), width: 24 },
      { header: w('item'), width: 48 },
      { header: w('unit'), width: 10 },
      ...blocks.map((b) => ({ header: b.header, numFmt: T_FMT, width: Math.max(18, displayWidth(b.header) + 2) })),
    ],
    // the one list of totals (src/core/format/totals.ts): a total added there is a row here
    totalKeys(report.totals).map((k) => [
      k,
      totalLabel(k, lang, report.options.gwp).trim(),
      totalUnitText(totalDef(k).unit, lang),
      ...blocks.map((b) => totalValue(b.totals, k)),
    ]),
  );

  const measures = (r: OutputRow): Cell[] => [r.energyTce, r.feedstockTce, r.co2, r.scope1Co2, r.scope2Co2, r.co2e];
  const measureColumns: SheetColumn[] = [
    { header: l('energy_tce'), numFmt: TCE_FMT, width: 16 },
    { header: l('feedstock_tce'), numFmt: TCE_FMT, width: 16 },
    { header: l('co2_t'), numFmt: T_FMT, width: 16 },
    { header: l('scope1_co2_t'), numFmt: T_FMT, width: 16 },
    { header: l('scope2_co2_t'), numFmt: T_FMT, width: 16 },
    { header: l('co2e_t'), numFmt: T_FMT, width: 16 },
  ];
  const bySector = aggregate(report.lines, ['year', 'sector'], report.order);
  await addTableSheet(
    wb,
    SHEETS.sector[lang],
    [{ header: l('year'), width: 8 }, { header: w('sectorCode'), width: CODE_WIDTH }, { header: l('sector'), width: 36 }, ...measureColumns],
    bySector.map((r) => [r.year ?? null, r.sectorCode ?? '', (lang === 'zh' ? r.sectorZh : r.sectorEn) ?? '', ...measures(r)]),
  );
  const byFuel = aggregate(report.lines, ['year', 'fuel'], report.order);
  await addTableSheet(
    wb,
    SHEETS.fuel[lang],
    [
      { header: l('year'), width: 8 },
      { header: w('fuelId'), width: 18 },
      { header: l('fuel'), width: 18 },
      // a fuel burned, taken as feedstock and netted as output are rows of their own: say which
      { header: l('use'), width: 14 },
      { header: l('quantity'), numFmt: '#,##0.######', width: 16 },
      { header: l('unit'), width: 8 },
      ...measureColumns,
    ],
    byFuel.map((r) => [r.year ?? null, r.fuelId ?? '', (lang === 'zh' ? r.fuelZh : r.fuelEn) ?? '', useWord(r.use, lang), r.quantity ?? null, unitWord(r.unit ?? '', lang), ...measures(r)]),
  );

  // the rows exactly as `calc` prints them to CSV, with number cells where the CSV has numbers
  const table = calcTabular(report, { lang, decimals: 'full', machine: true });
  await addTableSheet(
    wb,
    SHEETS.rows[lang],
    table.columns.map((c) => ({
      header: c.key === 'fuel' && table.columns.some((o) => o.key === 'fuel_name') ? w('fuelId') : c.key === 'sector_code' ? w('sectorCode') : c.label,
      // the CSV's 6 decimals, every one shown: these cells hold the CSV's figures
      numFmt: c.numeric ? (c.key === 'quantity' ? '#,##0.######' : '#,##0.00####') : undefined,
      width: c.numeric ? 16 : c.key === 'sector' ? 36 : c.key === 'sector_code' ? CODE_WIDTH : c.key === 'use' ? 14 : 12,
    })),
    mapRows(table.rows, (row) =>
      row.map((cell, i) => {
        const column = table.columns[i]!;
        if (column.key === 'year' && /^\d{4}$/.test(cell)) return Number(cell);
        // the use as a word of the workbook's language (the CSV keeps the key: energy, feedstock, output)
        if (column.key === 'use' && lang === 'zh') return useWord(cell, lang);
        if (column.key === 'unit') return unitWord(cell, lang);
        return column.numeric ? (cell === '' ? null : new Decimal(cell)) : cell;
      }),
    ),
  );

  // industrial processes (IPPU): only with a process file, as calc prints them to CSV (src/core/format/process.ts)
  if (report.processInput) {
    const process = processTabular(report, { lang, decimals: 'full', machine: true });
    await addTableSheet(
      wb,
      SHEETS.process[lang],
      process.columns.map((c) => ({ header: c.label, numFmt: c.numeric ? T_FMT : undefined, width: c.numeric ? 16 : c.key === 'sector' ? 36 : 14 })),
      mapRows(process.rows, (row) => row.map((cell, i) => (process.columns[i]!.numeric ? (cell === '' ? null : new Decimal(cell)) : process.columns[i]!.key === 'year' ? Number(cell) : cell))),
    );
  }

  await addProvenanceSheet(wb, report, options);
  await addWarningsSheet(wb, report.diagnostics, lang);
  await wb.commit();
}

/** A row's use in words: 能源消费, 原料, 扣除本地产出, 还原剂 (the By fuel sheet's words). */
export function useWord(use: string, lang: Lang): string {
  return use === 'energy' ? (lang === 'zh' ? '能源消费' : 'energy') : useName(use, lang);
}

/** Each row converted only when the sheet writes it, so the converted rows never all exist at once. */
function* mapRows<T>(rows: Iterable<T>, convert: (row: T) => Cell[]): Iterable<Cell[]> {
  for (const row of rows) yield convert(row);
}

const PROVENANCE = {
  tool: { en: 'Tool', zh: '工具' },
  version: { en: 'Version', zh: '版本' },
  inputs: { en: 'Inputs', zh: '输入文件' },
  path: { en: 'Path', zh: '路径' },
  rows: { en: 'Rows', zh: '行数' },
  encoding: { en: 'Encoding', zh: '编码' },
  factors: { en: 'Factor tables', zh: '因子表' },
  id: { en: 'Id', zh: '编号' },
  kind: { en: 'Kind', zh: '类型' },
  title: { en: 'Title', zh: '名称' },
  publisher: { en: 'Publisher', zh: '发布机构' },
  source: { en: 'Source', zh: '出处' },
  published: { en: 'Published', zh: '发布日期' },
  options: { en: 'Options', zh: '选项' },
  option: { en: 'Option', zh: '选项' },
  value: { en: 'Value', zh: '取值' },
} as const;

/** Inputs with their sha256, every factor table used with its hash and source, and the options: enough to redo the figures. */
export async function addProvenanceSheet(
  wb: Workbook,
  report: Pick<CalcReport, 'inputs' | 'factors'> & { options: object },
  options: WorkbookOptions,
  extraInputs: { path: string; sha256: string; rows: number | string; encoding?: string }[] = [],
): Promise<void> {
  const lang = options.lang;
  const p = (k: keyof typeof PROVENANCE) => PROVENANCE[k][lang];
  const ws = wb.addWorksheet(SHEETS.provenance[lang]);
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 66;
  ws.getColumn(3).width = 66;
  for (const c of [4, 5, 6, 7, 8]) ws.getColumn(c).width = 24;
  const add = (cells: Cell[], bold = false) => {
    const row = ws.addRow(cells.map(cellValue));
    if (bold) row.font = { bold: true };
    row.commit();
  };
  add([p('tool'), options.tool.name], true);
  add([p('version'), options.tool.version]);
  add([]);
  add([p('inputs')], true);
  add([p('path'), 'sha256', p('rows'), p('encoding')], true);
  for (const i of [...report.inputs, ...extraInputs]) add([i.path, i.sha256, i.rows, i.encoding ?? '']);
  add([]);
  add([p('factors')], true);
  add([p('id'), p('version'), 'sha256', p('kind'), p('title'), p('publisher'), p('source'), p('published')], true);
  for (const f of report.factors) {
    add([f.meta.id, f.meta.version, f.sha256, kindLabel(f.meta.kind, lang), f.meta.title, f.meta.publisher, f.meta.source, f.meta.published]);
  }
  add([]);
  add([p('options')], true);
  add([p('option'), p('value')], true);
  for (const [k, v] of Object.entries(report.options)) add([optionLabel(k, lang), optionText(v)]);
  ws.commit();
}

/**
 * What an option of the result is, for a Chinese reader, with its key (the key is what JSON and
 * the code call it): 电网排放因子地区（grid）. English keeps the key, which is English already.
 */
const OPTION_ZH: Record<string, string> = {
  by: '分组维度',
  grid: '电网排放因子地区',
  gridYear: '电网排放因子年份',
  electricityMethod: '电力折标准煤方法',
  gwp: '全球增温潜势',
  factorTables: '所用因子表',
  region: '强度目标所属地区',
  periods: '评估时期',
  targetsTable: '目标表',
  targets: '自定目标',
  data: '活动水平数据',
  co2View: 'CO2 口径',
  base2005: '2005 年基数',
  importNonFossilSharePct: '调入电力非化石能源比重',
  compareFactors: '对比因子表',
};

function optionLabel(key: string, lang: Lang): string {
  return lang === 'zh' && OPTION_ZH[key] ? `${OPTION_ZH[key]}（${key}）` : key;
}

function optionText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${optionText(x)}`).join('; ');
  return String(v);
}

export async function addWarningsSheet(wb: Workbook, diagnostics: readonly Diagnostic[], lang: Lang): Promise<void> {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const rows: Cell[][] = diagnostics.map((d) => {
    const { message, fix } = describe(d, lang);
    return [w(d.severity), d.code, d.file ?? '', d.line ?? null, d.column ?? null, message, fix ?? ''];
  });
  await addTableSheet(
    wb,
    SHEETS.warnings[lang],
    [
      { header: w('severity'), width: 8 },
      { header: w('code'), width: 24 },
      { header: w('file'), width: 28 },
      { header: w('line'), width: 6 },
      { header: w('column'), width: 6 },
      { header: w('message'), width: 80 },
      { header: w('fix'), width: 60 },
    ],
    rows.length > 0 ? rows : [['', '', '', null, null, w('none'), '']],
  );
}

const INTENSITY_LABELS: Record<string, { en: string; zh: string }> = {
  year: { en: 'Year', zh: '年份' },
  gdp: { en: 'GDP (10⁸ CNY)', zh: '地区生产总值(亿元)' },
  gdp_index: { en: 'GDP index (previous year = 100)', zh: '地区生产总值指数(上年=100)' },
  gdp_constant: { en: 'GDP, comparable prices (10⁸ CNY)', zh: '可比价地区生产总值(亿元)' },
  energy_tce: { en: 'Energy (tce)', zh: '能源消费量(吨标准煤)' },
  co2_t: { en: 'CO2 (t)', zh: '二氧化碳(吨)' },
  energy_intensity: { en: 'Energy intensity (tce per 10⁴ CNY)', zh: '能耗强度(吨标准煤/万元)' },
  carbon_intensity: { en: 'Carbon intensity (tCO2 per 10⁴ CNY)', zh: '碳排放强度(吨CO2/万元)' },
  energy_intensity_reduction_pct: { en: 'Energy intensity decline vs previous year (%)', zh: '能耗强度比上年下降(%)' },
  carbon_intensity_reduction_pct: { en: 'Carbon intensity decline vs previous year (%)', zh: '碳排放强度比上年下降(%)' },
  feedstock_tce: { en: 'Feedstock (tce)', zh: '原料用能(吨标准煤)' },
  new_renewable_tce: { en: 'New renewables (tce)', zh: '新增可再生能源(吨标准煤)' },
  energy_assessed_tce: { en: 'Energy, assessment basis (tce)', zh: '考核口径能耗(吨标准煤)' },
  energy_intensity_assessed: { en: 'Energy intensity, assessment basis', zh: '考核口径能耗强度' },
  energy_intensity_assessed_reduction_pct: { en: 'Assessed energy intensity decline vs previous year (%)', zh: '考核口径能耗强度比上年下降(%)' },
  sources: { en: 'Energy / CO2 from', zh: '能耗/排放来源' },
  from: { en: 'From', zh: '起始年' },
  to: { en: 'To', zh: '目标年' },
  plan: { en: 'Five-year plan', zh: '五年规划' },
  measure: { en: 'Measure', zh: '指标' },
  through: { en: 'Through', zh: '截至' },
  from_value: { en: 'Intensity at start', zh: '起始年强度' },
  through_value: { en: 'Intensity at end', zh: '截至年强度' },
  reduction_pct: { en: 'Cumulative decline (%)', zh: '累计下降(%)' },
  average_annual_pct: { en: 'Average annual decline (%)', zh: '年均下降(%)' },
  target_pct: { en: 'Target (%)', zh: '目标(%)' },
  target_region: { en: 'Target region', zh: '目标地区' },
  target_source: { en: 'Target source', zh: '目标来源' },
  status: { en: 'Status', zh: '完成情况' },
  met: { en: 'Met', zh: '是否完成' },
  required_annual_pct: { en: 'Needed per remaining year (%)', zh: '剩余年份需年均下降(%)' },
  planned_annual_pct: { en: 'Uniform annual rate of the target (%)', zh: '目标对应年均下降(%)' },
};

const INTENSITY_SHEETS = {
  years: { en: 'Intensity by year', zh: '分年度强度' },
  periods: { en: 'Periods and targets', zh: '分时期目标' },
  notes: { en: 'Notes', zh: '说明' },
} as const;

/** The intensity result as a workbook: years, periods against targets, notes, provenance, warnings. */
export async function intensityWorkbook(
  result: IntensityResult,
  options: WorkbookOptions & {
    inputs?: readonly { path: string; sha256: string; rows: number; encoding?: string }[] | undefined;
    factors?: readonly FactorTable[] | undefined;
    options?: Record<string, unknown> | undefined;
    diagnostics?: readonly Diagnostic[] | undefined;
    /** `--both-bases`: four more columns on the years sheet (energy and intensity on each basis) and their note */
    bases?: IntensityBases | undefined;
  },
  out: Writable,
): Promise<void> {
  const { lang } = options;
  const h = (k: string) => ({ header: INTENSITY_LABELS[k]?.[lang] ?? k, numFmt: k === 'year' ? undefined : '#,##0.0000', width: 16 });
  const wb = newWorkbook(options.tool, out);
  const assessed = result.assessment_basis;
  const yearKeys = intensityYearKeys(assessed);
  const zh = lang === 'zh';
  const regionsZh = regionNamesZh([...(options.factors ?? [])]);
  regionsZh.set('national', '全国');
  await addTableSheet(
    wb,
    INTENSITY_SHEETS.years[lang],
    [...yearKeys.map(h), ...(options.bases ? BASIS_KEYS.map((k) => ({ ...h(k), header: BASIS_LABELS[k][lang] })) : []), { header: INTENSITY_LABELS.sources![lang], width: 24 }],
    result.years.map((y) => {
      const b = options.bases?.years.find((x) => x.year === y.year);
      const both = options.bases ? BASIS_KEYS.map((k) => b?.[k] ?? null) : [];
      return [...yearKeys.map((k) => (k === 'year' ? y.year : (y[k] as Decimal | null))), ...both, sourcesText(y.sources, lang)];
    }),
  );
  const lines = result.periods.flatMap((p) => [p.energy_intensity, ...(p.energy_intensity_assessed ? [p.energy_intensity_assessed] : []), p.carbon_intensity].map((l) => ({ p, l })));
  await addTableSheet(
    wb,
    INTENSITY_SHEETS.periods[lang],
    [
      { header: INTENSITY_LABELS.from![lang], width: 8 },
      { header: INTENSITY_LABELS.to![lang], width: 8 },
      { header: INTENSITY_LABELS.plan![lang], width: 8 },
      { header: INTENSITY_LABELS.measure![lang], width: 26 },
      { header: INTENSITY_LABELS.through![lang], width: 8 },
      ...(['from_value', 'through_value', 'reduction_pct', 'average_annual_pct', 'target_pct'] as const).map(h),
      { header: INTENSITY_LABELS.target_region![lang], width: 12 },
      { header: INTENSITY_LABELS.target_source![lang], width: 24 },
      { header: INTENSITY_LABELS.status![lang], width: 12 },
      { header: INTENSITY_LABELS.met![lang], width: 8 },
      ...(['required_annual_pct', 'planned_annual_pct'] as const).map(h),
    ],
    lines.map(({ p, l }) => [
      p.from,
      p.to,
      p.plan,
      zh ? measureText(l.measure, lang) : l.measure,
      l.through,
      l.from_value,
      l.through_value,
      l.reduction_pct,
      l.average_annual_pct,
      l.target_pct,
      l.target ? (zh ? regionsZh.get(l.target.region) ?? l.target.region : l.target.region) : '',
      l.target?.source ?? '',
      // Chinese words for a Chinese reader; the English workbook keeps the keys JSON has
      zh ? statusText(l.status, lang) : l.status,
      l.met === null ? '' : zh ? (l.met ? '是' : '否') : String(l.met),
      l.required_annual_pct,
      l.planned_annual_pct,
    ]),
  );
  const notes = intensityNotes(result, lang, options.options ?? {});
  if (options.bases) notes.splice(1, 0, basesNote(options.bases, lang));
  await addTableSheet(wb, INTENSITY_SHEETS.notes[lang], [{ header: INTENSITY_SHEETS.notes[lang], width: 140 }], notes.map((n) => [n]));
  await addProvenanceSheet(wb, { inputs: [], factors: [...(options.factors ?? [])], options: options.options ?? {} }, options, [...(options.inputs ?? [])]);
  await addWarningsSheet(wb, options.diagnostics ?? result.diagnostics, lang);
  await wb.commit();
}
