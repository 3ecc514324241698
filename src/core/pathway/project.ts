import { Decimal } from '../decimal.js';
import type { Drivers } from './series.js';

const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
/** 1 亿元 = 10,000 万元: intensities are per 万元 */
const WAN_PER_YI = new Decimal(10000);

/** One projected year. Exact decimals; GDP at base-year prices. */
export interface PathwayYear {
  year: number;
  /** 亿元 at base-year prices */
  gdp: Decimal;
  energy_tce: Decimal;
  fossil_energy_tce: Decimal;
  co2_t: Decimal;
  net_co2_t: Decimal;
  /** tce per 万元 */
  energy_intensity: Decimal;
  /** tCO2 per 万元 */
  carbon_intensity: Decimal;
  non_fossil_share_pct: Decimal;
  co2_per_fossil_tce: Decimal;
  process_co2_t: Decimal;
  sinks_t: Decimal;
  ccus_t: Decimal;
  /** the rates applied to reach this year from the one before (null for the base year) */
  gdp_growth_pct: Decimal | null;
  energy_intensity_decline_pct: Decimal | null;
}

/**
 * The yearly recurrence (SPEC "Pathway input"), for t after the base year:
 *   GDP_t = GDP_t−1 × (1 + g_t)
 *   E_t   = E_t−1 × (1 + g_t) × (1 − d_t)          (energy intensity falls by d_t)
 *   CO2_t = E_t × (1 − nf_t) × co2_per_fossil_tce_t + process_t
 *   net_t = CO2_t − sinks_t − CCUS_t
 * with g, d, nf in percent. The base year applies the same CO2 and net formulas to its own levels.
 */
export function project(d: Drivers): PathwayYear[] {
  const s = d.series;
  const out: PathwayYear[] = [];
  let gdp = d.gdp;
  let energy = d.energy_tce;
  for (let i = 0; i <= d.end_year - d.base_year; i++) {
    let g: Decimal | null = null;
    let dec: Decimal | null = null;
    if (i > 0) {
      g = s.gdp_growth_pct[i]!;
      dec = s.energy_intensity_decline_pct[i]!;
      const growth = ONE.plus(g.dividedBy(HUNDRED));
      gdp = gdp.times(growth);
      energy = energy.times(growth).times(ONE.minus(dec.dividedBy(HUNDRED)));
    }
    const nf = s.non_fossil_share_pct[i]!;
    const fossil = energy.times(ONE.minus(nf.dividedBy(HUNDRED)));
    const co2 = fossil.times(s.co2_per_fossil_tce[i]!).plus(s.process_co2_t[i]!);
    const wan = gdp.times(WAN_PER_YI);
    out.push({
      year: d.base_year + i,
      gdp,
      energy_tce: energy,
      fossil_energy_tce: fossil,
      co2_t: co2,
      net_co2_t: co2.minus(s.sinks_t[i]!).minus(s.ccus_t[i]!),
      energy_intensity: energy.dividedBy(wan),
      carbon_intensity: co2.dividedBy(wan),
      non_fossil_share_pct: nf,
      co2_per_fossil_tce: s.co2_per_fossil_tce[i]!,
      process_co2_t: s.process_co2_t[i]!,
      sinks_t: s.sinks_t[i]!,
      ccus_t: s.ccus_t[i]!,
      gdp_growth_pct: g,
      energy_intensity_decline_pct: dec,
    });
  }
  return out;
}
