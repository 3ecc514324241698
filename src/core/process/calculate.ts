import { Decimal, ZERO } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Fuel, FuelDictionary } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import { decimalOf, tableRef, textOf, type FactorRow, type FactorTable } from '../factors/table.js';
import type { LineResult } from '../calc/calculate.js';
import { co2PerGJ, gwpOf, heatPerBaseUnit, rowForFuel, tcePerBaseUnit, type FactorSelection } from '../calc/factors-for-calc.js';
import { crfOf, type Product } from './products.js';
import type { ProcessRecord } from './read.js';

/** How a line's factor was found: the table's default, its technology row, the CaO/MgO contents, or feedstock carbon. */
export type ProcessBasis = 'default' | 'technology' | 'contents' | 'carbonate' | 'feedstock' | 'none';

/** Feedstock a process row took its carbon from (ammonia: the sector's `use=feedstock` rows of that year). */
export interface FeedstockShare {
  fuel: Fuel;
  /** the share of the feedstock line's quantity this row took, in the line's base unit */
  quantity: Decimal;
  unit: string;
  co2: Decimal;
}

/** One process row after calculation. Always scope 1, GPC IV.1 (industrial processes). */
export interface ProcessLine {
  year: number;
  sector: Sector | undefined;
  sectorLabel: string;
  product: Product;
  technology: string;
  /** tonnes of product or material */
  quantity: Decimal;
  co2: Decimal;
  n2o: Decimal;
  co2e: Decimal;
  scope: '1';
  category: 'IV.1';
  crf: string;
  basis: ProcessBasis;
  /** the factor applied, as the table writes it (t/t or kg/t), after contents and purity; undefined for feedstock-based rows */
  factor: Decimal | undefined;
  factorUnit: string;
  gas: 'co2' | 'n2o' | '';
  feedstock: FeedstockShare[];
  /** CO2 recovered into urea and subtracted (ammonia) */
  ureaCo2: Decimal;
  tables: string[];
  first: { file: string; line: number };
  extra: Record<string, string>;
}

export interface ProcessTables {
  /** the table the user chose, or the default (none: a registry without process tables) */
  primary: FactorTable | undefined;
  /** the default, for products the chosen table has no row for */
  fallback: FactorTable | undefined;
}

export interface ProcessCalc {
  lines: ProcessLine[];
  diagnostics: Diagnostic[];
  /**
   * What the output says beside the figures rather than warns about: products accepted without a
   * process greenhouse gas, and feedstock no process row takes (it counts as no CO2)
   */
  notes: Diagnostic[];
  tablesUsed: FactorTable[];
}

const baseUnit: Record<string, string> = { mass: 't', volume: 'm3', heat: 'GJ', 'standard-coal': 'tce' };

/**
 * Process emissions of every process row. `energyLines` are the calculated activity lines: an
 * ammonia row takes the carbon of the feedstock lines of its year and sector (which carry no CO2 on
 * the energy side), so feedstock carbon is counted once; feedstock that no process row takes is
 * named in a warning, since it then counts as no CO2 at all.
 */
export function calculateProcess(
  records: readonly ProcessRecord[],
  tables: ProcessTables,
  factors: FactorSelection,
  energyLines: readonly LineResult[],
  fuels: FuelDictionary,
): ProcessCalc {
  const diagnostics: Diagnostic[] = [];
  const used = new Map<string, FactorTable>();
  const once = new Set<string>();
  const report = (d: Diagnostic, key: string) => {
    if (once.has(key)) return;
    once.add(key);
    diagnostics.push(d);
  };
  const gwpN2o = gwpOf(factors.gwp, 'n2o');
  const notes: Diagnostic[] = [];
  const note = (d: Diagnostic, key: string) => {
    if (once.has(key)) return;
    once.add(key);
    notes.push(d);
  };
  if (records.length > 0 && !tables.primary) {
    return { lines: [], diagnostics: [error('NO_PROCESS_TABLE', {}, { file: records[0]!.file, line: records[0]!.line })], notes, tablesUsed: [] };
  }

  /** the row for product, technology and gas: the chosen table first, then the default (with a warning) */
  const lookup = (record: ProcessRecord, technology: string, gas: 'co2' | 'n2o'): { row: FactorRow; table: FactorTable } | undefined => {
    const find = (t: FactorTable) =>
      t.rows.find((r) => r.values.product === record.product.id && r.values.technology === technology && r.values.gas === gas);
    const own = tables.primary ? find(tables.primary) : undefined;
    if (own) return { row: own, table: tables.primary! };
    if (tables.primary && tables.fallback && tables.fallback !== tables.primary) {
      const other = find(tables.fallback);
      if (other) {
        report(
          warning('PROCESS_FACTOR_FALLBACK', { product: record.product.zh, productEn: record.product.en, technology, table: tableRef(tables.primary), fallback: tableRef(tables.fallback) }, { file: record.file, line: record.line }),
          `fallback:${record.product.id}:${technology}`,
        );
        return { row: other, table: tables.fallback };
      }
    }
    return undefined;
  };
  const technologiesIn = (product: Product) => {
    const set = new Set<string>();
    for (const t of [tables.primary, tables.fallback]) {
      for (const r of t?.rows ?? []) if (r.values.product === product.id && !['default', 'cao', 'mgo'].includes(String(r.values.technology))) set.add(String(r.values.technology));
    }
    return [...set].join(', ');
  };
  const noFactor = (record: ProcessRecord, technology: string) =>
    diagnostics.push(
      error(
        'PROCESS_NO_FACTOR',
        { product: record.product.zh, productEn: record.product.en, technology: technology || '(none)', table: tables.primary ? tableRef(tables.primary) : '(none)', known: technologiesIn(record.product) },
        { file: record.file, line: record.line, column: record.columns.technology },
      ),
    );

  // ammonia rows share their year's and sector's feedstock in proportion to their output
  const sectorKey = (year: number, sector: Sector | undefined, label: string) => `${year}\u0000${sector ? sector.code : `label:${label}`}`;
  const ammoniaBySector = new Map<string, ProcessRecord[]>();
  for (const r of records) {
    if (r.product.method !== 'ammonia') continue;
    const key = sectorKey(r.year, r.sector, r.sectorLabel);
    ammoniaBySector.set(key, [...(ammoniaBySector.get(key) ?? []), r]);
  }
  const feedstockBySector = new Map<string, LineResult[]>();
  for (const l of energyLines) {
    if (l.use !== 'feedstock' || l.fuel.kind !== 'fossil') continue;
    const key = sectorKey(l.year, l.sector, l.sectorLabel);
    feedstockBySector.set(key, [...(feedstockBySector.get(key) ?? []), l]);
  }

  const lines: ProcessLine[] = [];
  for (const record of records) {
    const at = { file: record.file, line: record.line };
    const product = record.product;
    const line: ProcessLine = {
      year: record.year,
      sector: record.sector,
      sectorLabel: record.sector ? record.sector.zh : record.sectorLabel,
      product,
      technology: record.technology,
      quantity: record.quantity,
      co2: ZERO,
      n2o: ZERO,
      co2e: ZERO,
      scope: '1',
      category: 'IV.1',
      crf: crfOf(product, record.sector?.code),
      basis: 'default',
      factor: undefined,
      factorUnit: '',
      gas: '',
      feedstock: [],
      ureaCo2: ZERO,
      tables: [],
      first: at,
      extra: record.extra,
    };
    const apply = (found: { row: FactorRow; table: FactorTable }, scale: Decimal = new Decimal(1)) => {
      used.set(tableRef(found.table), found.table);
      line.tables.push(tableRef(found.table));
      const unit = textOf(found.row, 'unit');
      const factor = decimalOf(found.row, 'factor').times(scale);
      const gas = textOf(found.row, 'gas') as 'co2' | 'n2o';
      const tonnes = record.quantity.times(factor).dividedBy(unit === 'kg/t' ? 1000 : 1);
      line.factor = factor;
      line.factorUnit = unit;
      line.gas = gas;
      if (gas === 'n2o') line.n2o = tonnes;
      else line.co2 = tonnes;
    };

    switch (product.method) {
      case 'clinker':
      case 'lime': {
        if (record.cao !== undefined || record.mgo !== undefined) {
          // CO2 per tonne from the contents: CaO × CO2/CaO + MgO × CO2/MgO (both ratios from the table)
          const cao = lookup(record, 'cao', 'co2');
          const mgo = lookup(record, 'mgo', 'co2');
          if (!cao || !mgo) {
            noFactor(record, 'cao/mgo');
            continue;
          }
          for (const t of [cao.table, mgo.table]) {
            used.set(tableRef(t), t);
            line.tables.push(tableRef(t));
          }
          const factor = (record.cao ?? ZERO).times(decimalOf(cao.row, 'factor')).plus((record.mgo ?? ZERO).times(decimalOf(mgo.row, 'factor')));
          line.basis = 'contents';
          line.factor = factor;
          line.factorUnit = 't/t';
          line.gas = 'co2';
          line.co2 = record.quantity.times(factor);
          break;
        }
        const technology = record.technology;
        let found = technology ? lookup(record, technology, 'co2') : lookup(record, 'default', 'co2');
        if (!found && !technology && product.method === 'lime') {
          // IPCC gives lime by kind only; without one, high-calcium lime (its most common kind) is assumed
          found = lookup(record, 'high_calcium', 'co2');
          if (found) {
            line.technology = 'high_calcium';
            report(warning('PROCESS_TECHNOLOGY_ASSUMED', { product: product.zh, productEn: product.en, technology: 'high_calcium' }, at), `assumed:${record.file}:${product.id}`);
          }
        }
        if (!found) {
          noFactor(record, technology);
          continue;
        }
        line.basis = technology ? 'technology' : 'default';
        apply(found);
        break;
      }
      case 'carbonate': {
        const found = lookup(record, 'default', 'co2');
        if (!found) {
          noFactor(record, '');
          continue;
        }
        line.basis = 'carbonate';
        apply(found, record.purity ?? new Decimal(1));
        break;
      }
      case 'per-tonne':
      case 'nitric-acid': {
        const technology = record.technology;
        const noGhg = product.noGhgRoutes?.[technology];
        if (noGhg) {
          line.basis = 'none';
          note(warning('PROCESS_NO_GHG_ROUTE', { product: product.zh, productEn: product.en, technology, where: noGhg }, at), `route:${product.id}:${technology}`);
          break;
        }
        const found = lookup(record, technology || 'default', product.method === 'nitric-acid' ? 'n2o' : 'co2');
        if (!found) {
          noFactor(record, technology);
          continue;
        }
        line.basis = technology ? 'technology' : 'default';
        apply(found, record.abatement !== undefined ? new Decimal(1).minus(record.abatement) : undefined);
        if (record.abatement !== undefined && !record.abatement.isZero() && (technology === 'nscr' || technology === 'integrated')) {
          diagnostics.push(warning('PROCESS_ABATEMENT_TWICE', { technology }, { ...at, column: record.columns.abatement_pct }));
        }
        break;
      }
      case 'ammonia': {
        const key = sectorKey(record.year, record.sector, record.sectorLabel);
        const feedstock = feedstockBySector.get(key) ?? [];
        const siblings = ammoniaBySector.get(key) ?? [record];
        const total = siblings.reduce((a, r) => a.plus(r.quantity), ZERO);
        const share = total.isZero() ? new Decimal(siblings[0] === record ? 1 : 0) : record.quantity.dividedBy(total);
        line.basis = 'feedstock';
        line.gas = 'co2';
        if (feedstock.length === 0) {
          diagnostics.push(warning('AMMONIA_NO_FEEDSTOCK', { year: record.year, sector: line.sectorLabel, sectorEn: record.sector?.en ?? record.sectorLabel }, at));
        }
        let co2 = ZERO;
        for (const f of feedstock) {
          const carbon = feedstockCo2(f, factors, fuels);
          if ('missing' in carbon) {
            report(error('NO_FACTOR', { kind: carbon.missing, fuel: f.fuel.zh, fuelEn: f.fuel.en, table: tableRef(carbon.missing === 'combustion' ? factors.combustion : factors.standardCoal) }, f.first), `fs:${f.fuel.id}`);
            continue;
          }
          for (const t of carbon.tables) {
            used.set(tableRef(t), t);
            line.tables.push(tableRef(t));
          }
          const part = carbon.co2.times(share);
          line.feedstock.push({ fuel: f.fuel, quantity: f.quantity.times(share), unit: baseUnit[f.dimension] ?? f.dimension, co2: part });
          co2 = co2.plus(part);
        }
        // IPCC 2006 Vol 3 eq. 3.1: less the CO2 recovered into urea, CO(NH2)2, one CO2 (44) per urea (60)
        const urea = (record.urea ?? ZERO).times(44).dividedBy(60);
        if (urea.greaterThan(co2)) {
          diagnostics.push(error('PROCESS_UREA_EXCEEDS', { urea: urea.toDecimalPlaces(2).toString(), co2: co2.toDecimalPlaces(2).toString() }, { ...at, column: record.columns.urea_t }));
          continue;
        }
        line.ureaCo2 = urea;
        line.co2 = co2.minus(urea);
        break;
      }
      case 'none':
        line.basis = 'none';
        note(warning('PROCESS_NO_GHG', { product: product.zh, productEn: product.en, reason: product.noGhgReason ?? 'no_ghg' }, at), `none:${product.id}`);
        break;
    }
    line.co2e = line.co2.plus(line.n2o.times(gwpN2o));
    if (!line.n2o.isZero()) {
      used.set(tableRef(factors.gwp), factors.gwp);
      line.tables.push(tableRef(factors.gwp));
    }
    line.tables = [...new Set(line.tables)];
    lines.push(line);
  }

  // feedstock no process row took: it counts in energy and stays without CO2; the output says so, once per sector and year
  for (const [key, feedstock] of feedstockBySector) {
    if (ammoniaBySector.has(key)) continue;
    const first = feedstock[0]!;
    const tce = feedstock.reduce((a, l) => a.plus(l.feedstockTce), ZERO);
    notes.push(
      warning(
        'FEEDSTOCK_NOT_EMITTED',
        { year: first.year, sector: first.sector?.zh ?? first.sectorLabel, sectorEn: first.sector?.en ?? first.sectorLabel, tce: tce.toDecimalPlaces(2).toString(), fuels: [...new Set(feedstock.map((l) => l.fuel.zh))].join('、'), fuelsEn: [...new Set(feedstock.map((l) => l.fuel.en))].join(', ') },
        first.first,
      ),
    );
  }
  return { lines, diagnostics, notes, tablesUsed: [...used.values()] };
}

/** The CO2 a feedstock line's carbon makes when all of it is released: heat × carbon content × oxidation × 44/12. */
function feedstockCo2(
  line: LineResult,
  factors: FactorSelection,
  fuels: FuelDictionary,
): { co2: Decimal; tables: FactorTable[] } | { missing: 'combustion' | 'standard-coal' } {
  const row = rowForFuel(factors.combustion, line.fuel.id, fuels);
  if (!row) return { missing: 'combustion' };
  const tables = [factors.combustion];
  let heat: Decimal;
  if (line.dimension === 'heat') heat = line.quantity;
  else if (line.dimension === 'standard-coal') {
    const sc = rowForFuel(factors.standardCoal, line.fuel.id, fuels);
    if (!sc) return { missing: 'standard-coal' };
    tables.push(factors.standardCoal);
    heat = line.quantity.dividedBy(tcePerBaseUnit(sc)).times(heatPerBaseUnit(row));
  } else heat = line.quantity.times(heatPerBaseUnit(row));
  return { co2: heat.times(co2PerGJ(row)), tables };
}
