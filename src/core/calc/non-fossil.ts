import { Decimal, ZERO } from '../decimal.js';

/**
 * Non-fossil energy of a city by the statistical method (primary electricity valued like all electricity in
 * energy_tce: at the year's coal rate on the coal-equivalent basis, at 0.1229 kgce/kWh on the calorific one):
 *
 *   non_fossil_tce = (local primary generation + non-fossil part of net imported electricity) × tce per kWh + other non-fossil
 *   non_fossil_share_pct = non_fossil_tce ÷ energy_tce × 100, both on the same basis
 *
 * Net imports (consumed − generated in the city) carry the supplying grid's non-fossil share, given by the user or
 * a cited table; without one they count as fossil (a lower bound), and `import_share.source` says `none`. A city that
 * exports on balance exports its own generation mix: the exported kWh take the local primary share with them.
 */
export interface NonFossilInput {
  /** energy_tce of the year, on the basis of `tce_per_kwh` */
  energy_tce: Decimal;
  /** hydro, wind, solar and nuclear generated in the city, kWh */
  local_primary_kwh: Decimal;
  /** all electricity generated in the city (fuel-fired, captive and primary), kWh */
  local_generation_kwh: Decimal;
  /** electricity consumed − generated in the city, kWh; negative = net export */
  net_import_kwh: Decimal;
  /** tce per kWh of the basis: the coal rate ÷ 10^6, or 0.1229 ÷ 1000 */
  tce_per_kwh: Decimal;
  /** non-fossil share of the supplying grid's electricity, percent; null when unknown */
  import_share_pct: Decimal | null;
  /** other non-fossil energy consumed (biomass, solar heat, geothermal heat), tce; 0 when not given */
  other_tce?: Decimal | undefined;
}

export interface NonFossilResult {
  non_fossil_tce: Decimal;
  /** null when energy_tce is 0 */
  non_fossil_share_pct: Decimal | null;
  /** the parts, tce: local primary generation, the non-fossil part of net imports (negative for net exports), other */
  local_primary_tce: Decimal;
  net_import_tce: Decimal;
  other_tce: Decimal;
  /** non-fossil kWh of the net imports (or exports, negative) */
  net_import_non_fossil_kwh: Decimal;
}

const HUNDRED = new Decimal(100);

export function nonFossilEnergy(input: NonFossilInput): NonFossilResult {
  const { local_primary_kwh: primary, local_generation_kwh: generated, net_import_kwh: net, tce_per_kwh: perKwh } = input;
  let netNonFossilKwh = ZERO;
  if (net.greaterThan(0) && input.import_share_pct !== null) netNonFossilKwh = net.times(input.import_share_pct).dividedBy(HUNDRED);
  // a net exporter sends out its own mix: the exported kWh × (local primary ÷ local generation)
  else if (net.lessThan(0) && !generated.isZero()) netNonFossilKwh = net.times(primary).dividedBy(generated);
  const localPrimaryTce = primary.times(perKwh);
  const netImportTce = netNonFossilKwh.times(perKwh);
  const other = input.other_tce ?? ZERO;
  const total = localPrimaryTce.plus(netImportTce).plus(other);
  return {
    non_fossil_tce: total,
    non_fossil_share_pct: input.energy_tce.isZero() ? null : total.dividedBy(input.energy_tce).times(HUNDRED),
    local_primary_tce: localPrimaryTce,
    net_import_tce: netImportTce,
    other_tce: other,
    net_import_non_fossil_kwh: netNonFossilKwh,
  };
}

/** Where the non-fossil share of imported electricity came from. */
export interface ImportShare {
  pct: Decimal | null;
  /** `--import-non-fossil-share`, a table's id@version, or `none` (imports counted as fossil) */
  source: string;
}

/** The electricity figures of a year that non-fossil energy needs (a calc report's per-year totals have them). */
export interface ElectricityTotals {
  energy_tce: Decimal;
  local_primary_electricity_kwh: Decimal;
  local_generation_kwh: Decimal;
  net_import_electricity_kwh: Decimal;
}

export interface NonFossilYear extends NonFossilResult {
  year: number;
  /** tce per kWh the year's electricity was valued at */
  tce_per_kwh: Decimal;
}

export interface NonFossilSummary {
  import_share: ImportShare;
  years: NonFossilYear[];
  /** over all years: Σ non-fossil ÷ Σ energy (per year in `years`) */
  non_fossil_tce: Decimal;
  non_fossil_share_pct: Decimal | null;
}

/** Non-fossil energy per year, each year at its own tce per kWh (`tcePerKwh(year)`, from the energy basis). */
export function nonFossilByYear(
  years: readonly { year: number; totals: ElectricityTotals }[],
  tcePerKwh: (year: number) => Decimal,
  importShare: ImportShare,
): NonFossilSummary {
  const out: NonFossilYear[] = years.map(({ year, totals }) => {
    const perKwh = tcePerKwh(year);
    const r = nonFossilEnergy({
      energy_tce: totals.energy_tce,
      local_primary_kwh: totals.local_primary_electricity_kwh,
      local_generation_kwh: totals.local_generation_kwh,
      net_import_kwh: totals.net_import_electricity_kwh,
      tce_per_kwh: perKwh,
      import_share_pct: importShare.pct,
    });
    return { year, tce_per_kwh: perKwh, ...r };
  });
  const nf = out.reduce((a, y) => a.plus(y.non_fossil_tce), ZERO);
  const energy = years.reduce((a, y) => a.plus(y.totals.energy_tce), ZERO);
  return { import_share: importShare, years: out, non_fossil_tce: nf, non_fossil_share_pct: energy.isZero() ? null : nf.dividedBy(energy).times(HUNDRED) };
}
