import type { Writable } from 'node:stream';
import type { Decimal } from '../core/decimal.js';
import {
  INDICATOR_LABELS,
  PATHWAY_LABELS,
  checkPeriod,
  checkStatusText,
  pathwayNotes,
  variableLabel,
  type PathwayRenderOptions,
  type PathwayResult,
} from '../core/pathway/index.js';
import { addProvenanceSheet, addTableSheet, addWarningsSheet, newWorkbook, type Cell, type SheetColumn } from './xlsx.js';

const SHEETS = {
  summary: { en: 'Peaks', zh: '达峰情况' },
  checks: { en: 'Targets', zh: '目标检查' },
  // not 'History': Excel reserves that sheet name (change tracking) and exceljs refuses to read a workbook with it
  history: { en: 'Historical data', zh: '历史数据' },
  sensitivity: { en: 'Sensitivity', zh: '敏感性' },
  montecarlo: { en: 'Monte Carlo', zh: '蒙特卡洛' },
  notes: { en: 'Notes', zh: '说明' },
} as const;

/** Headers the shared labels lack, in both languages (the keys are JSON's). */
const WORDS = {
  plateau_from: { en: 'Plateau from', zh: '平台期起' },
  plateau_to: { en: 'Plateau to', zh: '平台期止' },
  peak_status: { en: 'Peak', zh: '达峰形态' },
  met: { en: 'Met', zh: '是否完成' },
  status: { en: 'Status', zh: '完成情况' },
  peaked_by_2030_pct: { en: 'Runs peaking by 2030 (%)', zh: '2030年前达峰的比例(%)' },
  peak_year_p5: { en: 'Peak year, 5th percentile', zh: '峰值年 5%分位' },
  peak_year_p50: { en: 'Peak year, median', zh: '峰值年 中位数' },
  peak_year_p95: { en: 'Peak year, 95th percentile', zh: '峰值年 95%分位' },
  peak_co2_p5: { en: 'Peak CO2 (t), 5th percentile', zh: '峰值排放(吨) 5%分位' },
  peak_co2_p50: { en: 'Peak CO2 (t), median', zh: '峰值排放(吨) 中位数' },
  peak_co2_p95: { en: 'Peak CO2 (t), 95th percentile', zh: '峰值排放(吨) 95%分位' },
} as const;

const PEAK_SHAPE = {
  peaks: { en: 'peaks', zh: '达峰' },
  not_peaked: { en: 'not peaked', zh: '未达峰' },
  declining: { en: 'first year highest', zh: '起始年最高' },
} as const;

/** The pathway as a workbook: a summary, the checks, one sheet per scenario, history, tornado, Monte Carlo, notes. */
export async function pathwayWorkbook(result: PathwayResult, options: PathwayRenderOptions, out: Writable): Promise<void> {
  const { lang } = options;
  const T = PATHWAY_LABELS;
  const num = (header: string, fmt = '#,##0.00'): SheetColumn => ({ header, numFmt: fmt, width: 18 });
  const text = (header: string, width = 14): SheetColumn => ({ header, width });
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const yesNo = (v: boolean | null) => (v === null ? '' : lang === 'zh' ? (v ? '是' : '否') : String(v));
  const wb = newWorkbook(options.tool, out);
  await addTableSheet(
    wb,
    SHEETS.summary[lang],
    [
      text(T.scenario[lang]),
      text(T.peak_year[lang], 10),
      num(T.peak_co2_t[lang]),
      text(T.peaked_by_2030[lang], 10),
      text(w('plateau_from'), 10),
      text(w('plateau_to'), 10),
      num(T.cumulative_2021_2030[lang]),
      num(T.cumulative_2021_2060[lang]),
      num(T.net_2060[lang]),
      text(w('peak_status'), 12),
    ],
    result.scenarios.map((s) => [
      s.name,
      s.peak.peak_year,
      s.peak.peak_co2_t,
      yesNo(s.peak.peaked_by_2030),
      s.peak.plateau_from,
      s.peak.plateau_to,
      s.cumulative_2021_2030,
      s.cumulative_2021_2060,
      s.net_2060,
      PEAK_SHAPE[s.peak.status][lang],
    ]),
  );
  await addTableSheet(
    wb,
    SHEETS.checks[lang],
    [text(T.scenario[lang]), text(T.target[lang], 22), text(T.period[lang], 12), num('value_pct', '0.00'), num('target_pct', '0.00'), text(w('met'), 8), text(w('status'), 12), num('required_annual_pct', '0.0000'), text(T.source[lang], 24)],
    result.scenarios.flatMap((s) =>
      s.checks.map((c) => [s.name, INDICATOR_LABELS[c.target][lang], checkPeriod(c, lang), c.value_pct, c.target_pct, yesNo(c.met), checkStatusText(c.status, lang), c.required_annual_pct, c.source ?? ''] as Cell[]),
    ),
  );
  const yearColumns = [
    text(T.year[lang], 8),
    num(T.gdp[lang]),
    num(T.energy_tce[lang]),
    num(T.co2_t[lang]),
    num(T.net_co2_t[lang]),
    num(T.energy_intensity[lang], '0.0000'),
    num(T.carbon_intensity[lang], '0.0000'),
    num(T.non_fossil_share_pct[lang], '0.00'),
    num('gdp_growth_pct', '0.00'),
    num('energy_intensity_decline_pct', '0.00'),
    num('co2_per_fossil_tce', '0.0000'),
    num('process_co2_t'),
    num('sinks_t'),
    num('ccus_t'),
  ];
  for (const s of result.scenarios) {
    await addTableSheet(
      wb,
      s.name,
      yearColumns,
      s.years.map((y) => [
        y.year,
        y.gdp,
        y.energy_tce,
        y.co2_t,
        y.net_co2_t,
        y.energy_intensity,
        y.carbon_intensity,
        y.non_fossil_share_pct,
        y.gdp_growth_pct,
        y.energy_intensity_decline_pct,
        y.co2_per_fossil_tce,
        y.process_co2_t,
        y.sinks_t,
        y.ccus_t,
      ]),
    );
  }
  if (result.history) {
    await addTableSheet(
      wb,
      SHEETS.history[lang],
      [text(T.year[lang], 8), num(T.gdp[lang]), num(T.energy_tce[lang]), num(T.co2_t[lang]), num(T.energy_intensity[lang], '0.0000'), num(T.carbon_intensity[lang], '0.0000')],
      result.history.years.map((y) => [y.year, y.gdp, y.energy_tce, y.co2_t, y.energy_intensity, y.carbon_intensity]),
    );
  }
  const sens = result.scenarios.flatMap((s) => (s.sensitivity ?? []).map((r) => ({ s, r })));
  if (sens.length > 0) {
    await addTableSheet(
      wb,
      SHEETS.sensitivity[lang],
      [text(T.scenario[lang]), text(T.variable[lang], 24), text('kind', 10), num('step', '0.00'), text('peak_year_low', 10), text('peak_year_high', 10), num(T.peak_low[lang]), num(T.peak_high[lang]), num(T.swing[lang])],
      sens.map(({ s, r }) => [s.name, variableLabel(r.variable, lang), r.kind, r.step, r.low.peak_year, r.high.peak_year, r.low.peak_co2_t, r.high.peak_co2_t, r.swing_co2_t]),
    );
  }
  const mc = result.scenarios.filter((s) => s.monte_carlo);
  if (mc.length > 0) {
    const p = (v: Decimal | undefined) => v ?? null;
    await addTableSheet(
      wb,
      SHEETS.montecarlo[lang],
      [text(T.scenario[lang]), text(T.runs[lang], 8), text(T.seed[lang], 10), num(w('peaked_by_2030_pct'), '0.0'), text(w('peak_year_p5'), 8), text(w('peak_year_p50'), 8), text(w('peak_year_p95'), 8), num(w('peak_co2_p5')), num(w('peak_co2_p50')), num(w('peak_co2_p95'))],
      mc.map((s) => {
        const m = s.monte_carlo!;
        return [s.name, m.runs, m.seed, m.peaked_by_2030_pct, m.peak_year.p5, m.peak_year.p50, m.peak_year.p95, p(m.peak_co2_t.p5), p(m.peak_co2_t.p50), p(m.peak_co2_t.p95)];
      }),
    );
  }
  const notes = pathwayNotes(result, lang, options.options ?? {});
  await addTableSheet(wb, SHEETS.notes[lang], [{ header: SHEETS.notes[lang], width: 140 }], notes.map((n) => [n]));
  await addProvenanceSheet(wb, { inputs: [], factors: [...(options.factors ?? [])], options: options.options ?? {} }, options, [...(options.inputs ?? [])]);
  await addWarningsSheet(wb, options.diagnostics ?? result.diagnostics, lang);
  await wb.commit();
}
