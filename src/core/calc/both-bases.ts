import type { Decimal } from '../decimal.js';
import type { FuelDictionary } from '../dictionary/fuels.js';
import type { FactorTable } from '../factors/table.js';
import type { ElectricityMethod, LineResult } from './calculate.js';
import { energyBasisOf, tcePerKwhOf, type EnergyBasis } from './energy-basis.js';
import { chooseCoalRate } from './factors-for-calc.js';
import { nonFossilEnergy, type ElectricityTotals, type ImportShare, type NonFossilResult } from './non-fossil.js';

/** A year's energy and non-fossil energy on one basis. */
export interface BasisYear {
  year: number;
  energy_tce: Decimal;
  /** tce per kWh the year's electricity is valued at on this basis */
  tce_per_kwh: Decimal;
  non_fossil: NonFossilResult;
}

export interface BasisFigures {
  basis: EnergyBasis;
  years: BasisYear[];
  /** whether these are the run's own figures (calc's energy_tce) or worked out for the other basis */
  own: boolean;
  /** the table the basis values electricity by (standard-coal, or power-coal-rate), for provenance */
  table: FactorTable | undefined;
}

/** Energy on the calorific (当量值) and on the coal-equivalent (等价值) basis; null where a basis has no factor. */
export interface BothBases {
  equivalent: BasisFigures | null;
  coal: BasisFigures | null;
}

/**
 * The year's figures on the other basis, from the same lines: only electricity changes value. A line of electricity
 * in kWh carries kWh × k (consumed, or fuel-fired output netted with a minus); local hydro, wind, solar and nuclear
 * output carries no energy of its own (it is counted where consumed). So energy at k₂ = energy at k₁ + Σ kWh × (k₂ − k₁)
 * over those lines. Electricity entered in tce keeps its tce and is re-read as tce ÷ k₂ kWh, as a run with the other
 * --electricity-method reads it. The result equals that run's energy_tce and non_fossil_tce (test/unit/both-bases.test.ts).
 */
function otherBasisYear(
  year: number,
  /** the year's lines of electricity (consumed, generated, or primary) */
  lines: readonly LineResult[],
  totals: ElectricityTotals,
  k1: Decimal,
  k2: Decimal,
  importShare: ImportShare,
): BasisYear {
  let energy = totals.energy_tce;
  let net = totals.net_import_electricity_kwh;
  let generated = totals.local_generation_kwh;
  let primary = totals.local_primary_electricity_kwh;
  for (const l of lines) {
    if (l.dimension === 'standard-coal') {
      // tce as entered: the same energy, other kWh
      const kwhChange = l.netImportKwh.times(k1).dividedBy(k2).minus(l.netImportKwh);
      net = net.plus(kwhChange);
      if (l.use === 'output') {
        generated = generated.minus(kwhChange);
        if (l.fuel.kind === 'primary-electricity') primary = primary.minus(kwhChange);
      }
      continue;
    }
    if (l.use === 'output' && l.fuel.kind === 'primary-electricity') continue;
    energy = energy.plus(l.netImportKwh.times(k2.minus(k1)));
  }
  const nf = nonFossilEnergy({
    energy_tce: energy,
    local_primary_kwh: primary,
    local_generation_kwh: generated,
    net_import_kwh: net,
    tce_per_kwh: k2,
    import_share_pct: importShare.pct,
  });
  return { year, energy_tce: energy, tce_per_kwh: k2, non_fossil: nf };
}

/**
 * Energy and non-fossil energy of every year on both bases: the run's own (calc's figures) and the other, worked out
 * from the same lines with the other basis's factor (the standard-coal table's electricity row, or the power-coal-rate
 * table's rate for each year). The other basis is null when its table is missing or has no figure.
 */
export function energyOnBothBases(
  calc: {
    lines: readonly LineResult[];
    years: readonly { year: number; totals: ElectricityTotals }[];
    energyBasis: EnergyBasis;
    nonFossil: { import_share: ImportShare; years: readonly ({ year: number; tce_per_kwh: Decimal } & NonFossilResult)[] };
  },
  tables: { standardCoal: FactorTable; powerCoalRate?: FactorTable | undefined },
  fuels: FuelDictionary,
): BothBases {
  const method = calc.energyBasis.method;
  const own: BasisFigures = {
    basis: calc.energyBasis,
    own: true,
    table: method === 'coal' ? tables.powerCoalRate : tables.standardCoal,
    years: calc.years.map(({ year, totals }) => {
      const nf = calc.nonFossil.years.find((y) => y.year === year)!;
      return { year, energy_tce: totals.energy_tce, tce_per_kwh: nf.tce_per_kwh, non_fossil: nf };
    }),
  };
  const otherMethod: ElectricityMethod = method === 'coal' ? 'equivalent' : 'coal';
  // one pass over the lines: electricity by year (a year is given a coal rate only when it has electricity, as in a run)
  const electric = new Map<number, LineResult[]>();
  for (const l of calc.lines) {
    if (l.fuel.kind !== 'electricity' && l.fuel.kind !== 'primary-electricity') continue;
    const list = electric.get(l.year);
    if (list) list.push(l);
    else electric.set(l.year, [l]);
  }
  let basis: EnergyBasis | undefined;
  if (otherMethod === 'coal') {
    const table = tables.powerCoalRate;
    if (table) basis = energyBasisOf('coal', tables.standardCoal, new Map(calc.years.filter(({ year }) => electric.has(year)).map(({ year }) => [year, chooseCoalRate(table, year)])), fuels);
  } else {
    basis = energyBasisOf('equivalent', tables.standardCoal, new Map(), fuels);
    if (!basis.equivalent) basis = undefined;
  }
  let other: BasisFigures | null = null;
  if (basis) {
    const b = basis;
    const years = calc.years.map(({ year, totals }) => otherBasisYear(year, electric.get(year) ?? [], totals, tcePerKwhOf(calc.energyBasis, year), tcePerKwhOf(b, year), calc.nonFossil.import_share));
    // a year with electricity but no factor for it on either basis cannot be moved to the other
    if (years.every((y, i) => !electric.has(y.year) || (!y.tce_per_kwh.isZero() && !own.years[i]!.tce_per_kwh.isZero()))) other = { basis: b, own: false, years, table: otherMethod === 'coal' ? tables.powerCoalRate : tables.standardCoal };
  }
  return method === 'coal' ? { coal: own, equivalent: other } : { equivalent: own, coal: other };
}
