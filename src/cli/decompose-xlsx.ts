/** The decompose result as an Excel workbook: effects, year-by-year steps, groups, decoupling, notes, provenance. */
import type { Writable } from 'node:stream';
import type { Decimal } from '../core/decimal.js';
import type { DecomposeRenderOptions } from '../core/decompose/format.js';
import { DECOMPOSE_LABELS, TAPIO_LABELS, decomposeNotes, factorLabel, periodText, quantityAt } from '../core/decompose/format.js';
import type { DecomposeResult, StepSplit } from '../core/decompose/series.js';
import { addProvenanceSheet, addTableSheet, addWarningsSheet, newWorkbook, type Cell } from './xlsx.js';

const SHEETS = {
  effects: { en: 'Effects', zh: '效应' },
  steps: { en: 'Year by year', zh: '逐年' },
  groups: { en: 'By group', zh: '分组' },
  decoupling: { en: 'Decoupling', zh: '脱钩' },
  notes: { en: 'Notes', zh: '说明' },
};

export async function decomposeWorkbook(result: DecomposeResult, options: DecomposeRenderOptions, out: Writable): Promise<void> {
  const { lang } = options;
  const L = (k: keyof typeof DECOMPOSE_LABELS) => DECOMPOSE_LABELS[k][lang];
  const add = result.method === 'additive';
  const fmt = add ? '#,##0.00' : '0.000000';
  const wb = newWorkbook(options.tool, out);
  const t = result.total;
  await addTableSheet(
    wb,
    SHEETS.effects[lang],
    [
      { header: L('factor'), width: 28 },
      { header: add ? L('value') : L('d_index'), numFmt: fmt, width: 18 },
      { header: L('share'), numFmt: '0.00', width: 16 },
    ],
    [
      [quantityAt(result, result.from, lang), t.start, null],
      ...t.effects.map((e, i): Cell[] => [factorLabel(result.factors[i]!, lang), e.value, e.share_pct]),
      [quantityAt(result, result.to, lang), t.end, null],
      [add ? L('change') : L('ratio'), add ? t.change : t.ratio, null],
      [add ? L('residual') : L('residual_mul'), t.residual, null],
    ],
  );
  if (result.steps.length > 0) {
    const row = (s: StepSplit, label: string): Cell[] => [label, s.start, ...s.effects.map((e) => e.value), add ? s.change : s.ratio, s.end];
    await addTableSheet(
      wb,
      SHEETS.steps[lang],
      [
        { header: L('period'), width: 16 },
        { header: L('start'), numFmt: '#,##0.00', width: 16 },
        ...result.factors.map((f) => ({ header: factorLabel(f, lang), numFmt: fmt, width: 16 })),
        { header: add ? L('change') : L('ratio'), numFmt: fmt, width: 16 },
        { header: L('end'), numFmt: '#,##0.00', width: 16 },
      ],
      [...result.steps.map((s) => row(s, periodText(s.from, s.to, lang))), row(t, `${periodText(result.from, result.to, lang)} ${L('total')}`)],
    );
  }
  await addTableSheet(
    wb,
    SHEETS.groups[lang],
    [
      { header: L('group'), width: 28 },
      { header: L('start'), numFmt: '#,##0.00', width: 16 },
      { header: L('end'), numFmt: '#,##0.00', width: 16 },
      ...result.factors.map((f) => ({ header: factorLabel(f, lang), numFmt: '#,##0.00', width: 16 })),
    ],
    t.groups.map((g): Cell[] => [result.groupLabels.get(g.group)?.[lang] ?? g.group, g.start, g.end, ...g.effects.map((e): Decimal => e)]),
  );
  if (result.decoupling.length > 0) {
    await addTableSheet(
      wb,
      SHEETS.decoupling[lang],
      [
        { header: L('period'), width: 14 },
        { header: L('co2_change_pct'), numFmt: '0.00', width: 16 },
        { header: L('gdp_change_pct'), numFmt: '0.00', width: 16 },
        { header: L('elasticity'), numFmt: '0.000', width: 12 },
        { header: L('state'), width: 26 },
      ],
      result.decoupling.map((d): Cell[] => [periodText(d.from, d.to, lang), d.co2_change_pct, d.gdp_change_pct, d.elasticity, d.state ? TAPIO_LABELS[d.state][lang] : '']),
    );
  }
  const notes = decomposeNotes(result, lang, options.basisNotes);
  await addTableSheet(wb, SHEETS.notes[lang], [{ header: SHEETS.notes[lang], width: 140 }], notes.map((n) => [n]));
  await addProvenanceSheet(wb, { inputs: [], factors: [...(options.factors ?? [])], options: options.options ?? {} }, options, [...(options.inputs ?? [])]);
  await addWarningsSheet(wb, options.diagnostics ?? [], lang);
  await wb.commit();
}
