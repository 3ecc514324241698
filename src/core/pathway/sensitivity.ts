import { Decimal } from '../decimal.js';
import { isRate } from './columns.js';
import { evaluate, type EvaluationContext } from './evaluate.js';
import { seriesVariables, type Drivers, type SeriesVariable } from './series.js';

export type SensitivityVariable = SeriesVariable | 'gdp' | 'energy_tce';

/** The figures a tornado compares. */
export interface SensitivityOutcome {
  peak_year: number;
  peak_co2_t: Decimal;
  co2_2030: Decimal | null;
  net_2060: Decimal | null;
}

/** One bar of the tornado: the variable moved down and up, everything else as in the scenario. */
export interface SensitivityRow {
  variable: SensitivityVariable;
  /** `points`: a rate moved by ±1 percentage point in every year; `relative`: a level by ±10 % */
  kind: 'points' | 'relative';
  step: Decimal;
  low: SensitivityOutcome;
  high: SensitivityOutcome;
  /** |high − low| of the peak value: the bar's length, which orders the tornado */
  swing_co2_t: Decimal;
}

const POINT = new Decimal(1);
const TEN_PCT = new Decimal('0.1');
const HUNDRED = new Decimal(100);

function outcome(d: Drivers, ctx: EvaluationContext): SensitivityOutcome {
  const e = evaluate(d, ctx);
  return { peak_year: e.peak.peak_year, peak_co2_t: e.peak.peak_co2_t, co2_2030: e.co2_2030, net_2060: e.net_2060 };
}

/** A copy of the drivers with one variable moved by `sign` steps. A share stays within 0–100. */
export function shifted(d: Drivers, variable: SensitivityVariable, sign: 1 | -1): Drivers {
  if (variable === 'gdp' || variable === 'energy_tce') {
    return { ...d, [variable]: d[variable].times(new Decimal(1).plus(TEN_PCT.times(sign))) };
  }
  const move = isRate(variable)
    ? (v: Decimal) => v.plus(POINT.times(sign))
    : (v: Decimal) => {
        const x = v.times(new Decimal(1).plus(TEN_PCT.times(sign)));
        return variable === 'non_fossil_share_pct' && x.greaterThan(HUNDRED) ? HUNDRED : x;
      };
  return { ...d, series: { ...d.series, [variable]: d.series[variable].map(move) } };
}

/**
 * One-at-a-time sensitivity: each rate ±1 point in every year, each level ±10 % (the base-year GDP and energy,
 * and the share, factor, process, sinks and CCUS series); levels that are zero throughout are left out (10 % of
 * nothing moves nothing). Rows are ordered by how far they move the peak value, largest first (a tornado).
 */
export function sensitivity(d: Drivers, ctx: EvaluationContext): SensitivityRow[] {
  const candidates: SensitivityVariable[] = ['gdp', 'energy_tce', ...seriesVariables];
  const rows: SensitivityRow[] = [];
  for (const variable of candidates) {
    const rate = variable !== 'gdp' && variable !== 'energy_tce' && isRate(variable);
    if (!rate && variable !== 'gdp' && variable !== 'energy_tce' && d.series[variable as SeriesVariable].every((v) => v.isZero())) continue;
    const low = outcome(shifted(d, variable, -1), ctx);
    const high = outcome(shifted(d, variable, 1), ctx);
    rows.push({ variable, kind: rate ? 'points' : 'relative', step: rate ? POINT : TEN_PCT.times(100), low, high, swing_co2_t: high.peak_co2_t.minus(low.peak_co2_t).abs() });
  }
  return rows.sort((a, b) => b.swing_co2_t.comparedTo(a.swing_co2_t) || candidates.indexOf(a.variable) - candidates.indexOf(b.variable));
}
