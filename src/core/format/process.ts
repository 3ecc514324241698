import { gpcName } from '../dictionary/gpc.js';
import type { Decimal } from '../decimal.js';
import { describe, type Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n/lang.js';
import type { CalcReport } from '../calc/run.js';
import type { ProcessLine } from '../process/calculate.js';
import { fixed, grouped, quantityText, type Decimals } from './number.js';
import type { Column, Tabular } from './tabular.js';

/** Labels of the process (IPPU) table and totals, for people; machine formats use the keys. */
const LABELS = {
  title: { en: 'Industrial processes (IPPU, scope 1, GPC IV.1; apart from energy)', zh: '工业生产过程（IPPU，范围一，GPC IV.1；不含能源活动）' },
  product: { en: 'Product', zh: '产品' },
  technology: { en: 'Technology', zh: '工艺' },
  crf: { en: 'CRF', zh: 'CRF分类' },
  quantity: { en: 'Quantity (t)', zh: '产量/用量(吨)' },
  factor: { en: 'Factor', zh: '排放因子' },
  co2: { en: 'Process CO2 (t)', zh: '过程CO2(吨)' },
  n2o: { en: 'Process N2O (t)', zh: '过程N2O(吨)' },
  co2e: { en: 'Process CO2e (t)', zh: '过程CO2当量(吨)' },
  feedstock: { en: 'from feedstock', zh: '来自原料用能' },
  total: { en: 'Sum of process rows', zh: '工业过程合计' },
} as const;

export function processLabel(key: keyof typeof LABELS, lang: Lang): string {
  return LABELS[key][lang];
}

export function productName(line: ProcessLine, lang: Lang): string {
  return lang === 'zh' ? line.product.zh : line.product.en;
}

function sectorName(line: ProcessLine, lang: Lang): string {
  return lang === 'zh' ? line.sectorLabel : (line.sector?.en ?? line.sectorLabel);
}

/** How the factor was found, in words: `0.52 t/t`, `0.51169 t/t (CaO/MgO)`, `from feedstock`. */
export function factorText(line: ProcessLine, lang: Lang, decimals: Decimals): string {
  if (line.basis === 'feedstock') return LABELS.feedstock[lang];
  if (!line.factor) return '';
  const unit = line.gas === 'n2o' ? `${line.factorUnit} N2O` : line.factorUnit;
  return `${line.factor.toDecimalPlaces(typeof decimals === 'number' ? Math.max(decimals, 5) : 20).toString()} ${unit}${line.basis === 'contents' ? ' (CaO/MgO)' : ''}`;
}

/** The process lines as a table (machine: ids and every key; people: names and a total line). */
export function processTabular(report: CalcReport, options: { lang: Lang; decimals: Decimals; machine: boolean }): Tabular {
  const { lang, decimals, machine } = options;
  const num = (d: Decimal) => (machine ? fixed(d, decimals) : grouped(fixed(d, decimals)));
  const columns: Column[] = [];
  const cells: ((l: ProcessLine) => string)[] = [];
  const add = (key: string, text: string, numeric: boolean, cell: (l: ProcessLine) => string) => {
    columns.push({ key, label: text, numeric });
    cells.push(cell);
  };
  const year = lang === 'zh' ? '年份' : 'Year';
  add('year', year, false, (l) => String(l.year));
  if (machine) add('sector_code', lang === 'zh' ? '代码' : 'Code', false, (l) => l.sector?.code ?? '');
  add('sector', lang === 'zh' ? '部门' : 'Sector', false, (l) => sectorName(l, lang));
  if (machine) add('product', LABELS.product[lang], false, (l) => l.product.id);
  add(machine ? 'product_name' : 'product', LABELS.product[lang], false, (l) => productName(l, lang));
  add('technology', LABELS.technology[lang], false, (l) => l.technology);
  if (machine) {
    add('scope', lang === 'zh' ? '范围' : 'Scope', false, (l) => l.scope);
    add('category', 'GPC', false, (l) => l.category);
  }
  add('crf', LABELS.crf[lang], false, (l) => l.crf);
  add('quantity', LABELS.quantity[lang], true, (l) => (machine ? quantityText(l.quantity, decimals) : grouped(quantityText(l.quantity, decimals))));
  if (machine) add('unit', lang === 'zh' ? '单位' : 'Unit', false, () => 't');
  if (machine) {
    add('factor', LABELS.factor[lang], true, (l) => (l.factor ? l.factor.toString() : ''));
    add('factor_unit', lang === 'zh' ? '因子单位' : 'Factor unit', false, (l) => (l.basis === 'feedstock' ? 'feedstock' : l.factorUnit ? `${l.factorUnit} ${l.gas.toUpperCase()}` : ''));
  } else add('factor', LABELS.factor[lang], false, (l) => factorText(l, lang, decimals));
  add('process_co2_t', LABELS.co2[lang], true, (l) => num(l.co2));
  add('process_n2o_t', LABELS.n2o[lang], true, (l) => num(l.n2o));
  add('process_co2e_t', LABELS.co2e[lang], true, (l) => num(l.co2e));
  const rows = report.processLines.map((l) => cells.map((c) => c(l)));
  let total: string[] | undefined;
  if (!machine) {
    // a narrow terminal hides the factor and the quantity first, then N2O and CO2e; names are cut short (fit-table.ts)
    for (const c of columns) {
      if (c.key === 'factor' || c.key === 'quantity') c.drop = 1;
      else if (c.key === 'process_n2o_t' || c.key === 'process_co2e_t') c.drop = 2;
      else if (!c.numeric && !['year', 'category', 'crf', 'scope'].includes(c.key)) c.shrink = true;
    }
    const t = report.totals;
    const of: Record<string, Decimal | undefined> = { process_co2_t: t.process_co2_t, process_n2o_t: t.process_n2o_t, process_co2e_t: t.process_co2e_t };
    total = columns.map((c, i) => (i === 0 ? LABELS.total[lang] : of[c.key] ? num(of[c.key]!) : ''));
  }
  return { columns, rows, total };
}

/**
 * The energy table with the process rows below it, for CSV and TSV: the process columns are added
 * at the end (empty on energy rows) and the energy measures stay empty on process rows, so summing
 * a column never mixes energy and process emissions.
 */
export function withProcessRows(energy: Tabular, report: CalcReport, options: { lang: Lang; decimals: Decimals }): Tabular {
  const processTable = processTabular(report, { ...options, machine: true });
  const added = processTable.columns.filter((c) => !energy.columns.some((e) => e.key === c.key));
  const columns = [...energy.columns, ...added];
  const rows = [
    ...energy.rows.map((r) => [...r, ...added.map(() => '')]),
    ...processTable.rows.map((r) => columns.map((c) => {
      const i = processTable.columns.findIndex((p) => p.key === c.key);
      // with --by category, the process rows' category (IV.1) is named too
      if (i < 0 && c.key === 'category_name') return gpcName(r[processTable.columns.findIndex((p) => p.key === 'category')] ?? '', options.lang);
      return i >= 0 ? r[i]! : '';
    })),
  ];
  return { columns, rows };
}

/** The process lines for JSON: every figure, the factor and where it came from. */
export function processJson(report: CalcReport, lang: Lang, decimals: Decimals): unknown[] {
  return report.processLines.map((l) => ({
    year: l.year,
    sector: sectorName(l, lang),
    sector_code: l.sector?.code ?? null,
    product: l.product.id,
    product_name: productName(l, lang),
    technology: l.technology || null,
    scope: l.scope,
    category: l.category,
    crf: l.crf || null,
    quantity: quantityText(l.quantity, decimals),
    unit: 't',
    basis: l.basis,
    factor: l.factor ? l.factor.toString() : null,
    factor_unit: l.factorUnit || null,
    gas: l.gas || null,
    feedstock: l.feedstock.map((f) => ({ fuel: f.fuel.id, quantity: quantityText(f.quantity, decimals), unit: f.unit, co2_t: fixed(f.co2, decimals) })),
    urea_co2_t: fixed(l.ureaCo2, decimals),
    process_co2_t: fixed(l.co2, decimals),
    process_n2o_t: fixed(l.n2o, decimals),
    process_co2e_t: fixed(l.co2e, decimals),
    tables: l.tables,
    file: l.first.file,
    line: l.first.line,
  }));
}

/** A note as text: where, then what (notes are said beside the figures, not warned about). */
export function noteText(note: Diagnostic, lang: Lang): string {
  const where = [note.file, note.line].filter((x) => x !== undefined).join(':');
  const { message, fix } = describe(note, lang);
  const fixText = fix ? (lang === 'zh' ? `（${fix}）` : ` (${fix})`) : '';
  return `${where ? `${where}: ` : ''}${message}${fixText}`;
}

/** The notes for JSON: code, where, message and what to do. */
export function notesJson(notes: readonly Diagnostic[], lang: Lang): unknown[] {
  return notes.map((n) => {
    const { message, fix } = describe(n, lang);
    return { code: n.code, file: n.file ?? null, line: n.line ?? null, message, fix: fix ?? null };
  });
}

/** The notes under the totals, for people: a heading, then one line each. */
export function notesBlock(notes: readonly Diagnostic[], lang: Lang): string[] {
  if (notes.length === 0) return [];
  return [lang === 'zh' ? '说明：' : 'Notes:', ...notes.map((n) => `  ${noteText(n, lang)}`), ''];
}
