import { Decimal, ZERO } from '../decimal.js';

const PLATEAU_DEFAULT = new Decimal(1);

/** What a series says about its peak. */
export interface PeakSummary {
  /** the first year of the maximum */
  peak_year: number;
  peak_co2_t: Decimal;
  /**
   * `peaks`: the maximum comes before the last year, so the series turns down within the projection;
   * `not_peaked`: the maximum is the last year: no peak before the end year (it may peak later, or never);
   * `declining`: the maximum is the first year: the peak is at or before it.
   */
  status: 'peaks' | 'not_peaked' | 'declining';
  /** the series turns down by 2030 (status peaks or declining, peak year ≤ 2030) */
  peaked_by_2030: boolean;
  /** the years within `plateau_pct` of the peak, and the unbroken run of them around the peak */
  plateau_years: number[];
  plateau_from: number;
  plateau_to: number;
}

/** Peak year (first of the maximum), status, and the plateau (years with CO2 ≥ (1 − pct/100) × peak). */
export function peakOf(series: readonly { year: number; co2_t: Decimal }[], plateauPct: Decimal = PLATEAU_DEFAULT): PeakSummary {
  let best = 0;
  for (let i = 1; i < series.length; i++) if (series[i]!.co2_t.greaterThan(series[best]!.co2_t)) best = i;
  const peak = series[best]!;
  const floor = peak.co2_t.times(new Decimal(1).minus(plateauPct.dividedBy(100)));
  const within = series.map((s) => s.co2_t.greaterThanOrEqualTo(floor));
  let from = best;
  while (from > 0 && within[from - 1]) from--;
  let to = best;
  while (to < series.length - 1 && within[to + 1]) to++;
  const last = series.length - 1;
  const status = series.length > 1 && best === last ? 'not_peaked' : best === 0 && series.length > 1 ? 'declining' : series.length === 1 ? 'not_peaked' : 'peaks';
  return {
    peak_year: peak.year,
    peak_co2_t: peak.co2_t,
    status,
    peaked_by_2030: status !== 'not_peaked' && peak.year <= 2030,
    plateau_years: series.filter((_, i) => within[i]).map((s) => s.year),
    plateau_from: series[from]!.year,
    plateau_to: series[to]!.year,
  };
}

/** Σ CO2 over the years `from`–`to`, or null when a year is missing from the series. */
export function cumulative(series: readonly { year: number; co2_t: Decimal | null }[], from: number, to: number): Decimal | null {
  let total = ZERO;
  for (let y = from; y <= to; y++) {
    const s = series.find((x) => x.year === y);
    if (!s || s.co2_t === null) return null;
    total = total.plus(s.co2_t);
  }
  return total;
}
