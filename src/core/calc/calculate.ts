import { Decimal, ZERO } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Fuel, FuelDictionary } from '../dictionary/fuels.js';
import type { Sector } from '../dictionary/sectors.js';
import { decimalOf, tableRef, type FactorTable } from '../factors/table.js';
import type { ActivityRecord } from '../input/activity.js';
import type { Use } from '../input/columns.js';
import { qualityOfRows } from '../quality/collector.js';
import { lineKey } from '../input/groups.js';
import type { Dimension } from '../units.js';
import {
  chooseCoalRate,
  chooseGrid,
  co2PerGJ,
  co2PerGJAllCarbon,
  gwpOf,
  heatPerBaseUnit,
  mobileRows,
  rowForFuel,
  tcePerBaseUnit,
  type CoalRateChoice,
  type FactorSelection,
} from './factors-for-calc.js';
import { appendAll } from '../arrays.js';

export type Scope = '1' | '2' | 'none';
export type ElectricityMethod = 'equivalent' | 'coal';

export interface CalcOptions {
  grid: string;
  gridYear?: number | undefined;
  electricityMethod: ElectricityMethod;
  /** extra (carried-through) columns to keep apart, because they are grouped by */
  keepColumns?: string[];
  /**
   * DUPLICATE_ROW, SCALE_OUTLIER and POWER_SECTOR_ELECTRICITY as the reader found them on the rows,
   * when `records` are sums by key (the fast and streaming readers); without it they are found on `records`
   */
  rowQuality?: Diagnostic[] | undefined;
}

/**
 * One activity line after calculation: all records of the same year, sector, fuel, unit kind,
 * use (and kept columns) summed, then multiplied by their factors once. CO2 is linear in the
 * quantity, so this equals the sum of per-record results.
 */
export interface LineResult {
  year: number;
  sector: Sector | undefined;
  sectorLabel: string;
  fuel: Fuel;
  use: Use;
  dimension: Dimension;
  extra: Record<string, string>;
  quantity: Decimal;
  energyTce: Decimal;
  feedstockTce: Decimal;
  co2: Decimal;
  /** CO2 of fossil fuel used as a reductant (use=reductant): all of its carbon, part of scope 1 */
  reductantCo2: Decimal;
  /** electricity consumed (+) or generated in the city (−), kWh: sums to net imports */
  netImportKwh: Decimal;
  /** heat consumed (+) or supplied in the city (−), GJ */
  netImportHeatGj: Decimal;
  /** electricity generated in the city (output rows, fuel-fired and primary), kWh */
  generatedKwh: Decimal;
  /** tce of local primary electricity (hydro, wind, solar, nuclear) by the electricity method; not in energyTce */
  primaryTce: Decimal;
  /** this line's part of the provincial view: scope 1, and electricity and heat at the grid and heat factor, output negative */
  provincialCo2: Decimal;
  /** kWh or GJ of a captive plant's output that covered its own sector's purchases (scope 2 reduced by it) */
  selfSuppliedOffset: Decimal;
  ch4: Decimal;
  n2o: Decimal;
  co2e: Decimal;
  scope: Scope;
  /** scope 1 of power and heat plants: in the territorial view, not in the consumption view */
  energyIndustry: boolean;
  /** GPC reference, e.g. I.3.1 */
  category: string;
  /** id@version of the tables this line used */
  tables: string[];
  gridFactor?: { value: Decimal; year: number; region: string } | undefined;
  first: { file: string; line: number };
}

export interface CalcResult {
  lines: LineResult[];
  diagnostics: Diagnostic[];
  tablesUsed: FactorTable[];
  /** the coal rate each data year's electricity was valued at (coal method only) */
  coalRates: Map<number, CoalRateChoice>;
}

export function calculateLines(
  records: readonly ActivityRecord[],
  factors: FactorSelection,
  options: CalcOptions,
  fuels: FuelDictionary,
): CalcResult {
  const groups = groupRecords(records, options.keepColumns ?? []);
  const diagnostics: Diagnostic[] = [];
  const used = new Map<string, FactorTable>();
  const use = (t: FactorTable) => {
    used.set(tableRef(t), t);
    return tableRef(t);
  };
  const gridByYear = new Map<number, ReturnType<typeof chooseGrid>>();
  const coalRateByYear = new Map<number, CoalRateChoice>();
  const gwpCh4 = gwpOf(factors.gwp, 'ch4');
  const gwpN2o = gwpOf(factors.gwp, 'n2o');
  const reported = new Set<string>();
  const report = (d: Diagnostic, key: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push(d);
  };

  const lines: LineResult[] = [];
  /** electricity and heat lines by index: kWh or GJ, and tCO2 per unit, for the captive-plant offsets */
  const carrier = new Map<number, { base: Decimal; factor: Decimal }>();
  for (const group of groups) {
    const { fuel, year, dimension, quantity } = group;
    const at = { file: group.first.file, line: group.first.line };
    const tables: string[] = [];
    let energyTce = ZERO;
    let co2 = ZERO;
    let ch4 = ZERO;
    let n2o = ZERO;
    let gridFactor: LineResult['gridFactor'];
    let reductantCo2 = ZERO;
    let netImportKwh = ZERO;
    let netImportHeatGj = ZERO;
    let generatedKwh = ZERO;
    let primaryTce = ZERO;
    let provincialCo2 = ZERO;
    const electric = fuel.kind === 'electricity' || fuel.kind === 'primary-electricity';
    const scope: Scope = group.use === 'output' ? 'none' : fuel.kind === 'fossil' ? '1' : '2';

    // Energy in standard coal, and how many tce one base unit of the fuel is.
    let tcePerUnit: Decimal | undefined;
    if (electric && options.electricityMethod === 'coal') {
      if (!factors.powerCoalRate) {
        report(error('NO_FACTOR', { kind: 'power-coal-rate', fuel: fuel.zh, fuelEn: fuel.en, table: '(none bundled)' }, at), 'coal-rate');
        continue;
      }
      let choice = coalRateByYear.get(year);
      if (!choice) {
        choice = chooseCoalRate(factors.powerCoalRate, year);
        coalRateByYear.set(year, choice);
        appendAll(diagnostics, choice.diagnostics);
      }
      tables.push(use(factors.powerCoalRate));
      tcePerUnit = choice.rate.dividedBy(1_000_000); // gce/kWh → tce/kWh
    } else {
      const row = rowForFuel(factors.standardCoal, fuel.id, fuels);
      if (row) {
        tables.push(use(factors.standardCoal));
        tcePerUnit = tcePerBaseUnit(row);
      } else if (dimension !== 'standard-coal') {
        report(error('NO_FACTOR', { kind: 'standard-coal', fuel: fuel.zh, fuelEn: fuel.en, table: tableRef(factors.standardCoal) }, at), `sc:${fuel.id}`);
        continue;
      }
    }

    if (fuel.kind === 'fossil') {
      const row = rowForFuel(factors.combustion, fuel.id, fuels);
      const burned = group.use === 'energy' || group.use === 'reductant';
      const needsCombustion = burned || dimension === 'heat';
      if (!row && needsCombustion) {
        report(error('NO_FACTOR', { kind: 'combustion', fuel: fuel.zh, fuelEn: fuel.en, table: tableRef(factors.combustion) }, at), `cb:${fuel.id}`);
        continue;
      }
      const heatPerUnit = row ? heatPerBaseUnit(row) : undefined;
      // Everything goes through the physical quantity so only published factors are used.
      let physical: Decimal;
      if (dimension === 'standard-coal') {
        if (!tcePerUnit) {
          report(error('NO_FACTOR', { kind: 'standard-coal', fuel: fuel.zh, fuelEn: fuel.en, table: tableRef(factors.standardCoal) }, at), `sc:${fuel.id}`);
          continue;
        }
        physical = quantity.dividedBy(tcePerUnit);
        energyTce = quantity;
      } else if (dimension === 'heat') {
        physical = quantity.dividedBy(heatPerUnit!);
        energyTce = physical.times(tcePerUnit!);
      } else {
        physical = quantity;
        energyTce = physical.times(tcePerUnit!);
      }
      if (burned && row && heatPerUnit) {
        tables.push(use(factors.combustion));
        const heat = dimension === 'heat' ? quantity : physical.times(heatPerUnit);
        if (group.use === 'reductant') {
          // a reductant's carbon leaves the furnace as CO2 (oxidation 1); no combustion CH4/N2O
          co2 = heat.times(co2PerGJAllCarbon(row));
          reductantCo2 = co2;
        } else {
          co2 = heat.times(co2PerGJ(row));
          // vehicle fuels in transport and households: mobile-combustion CH4/N2O (IPCC 2006 Vol 2 ch 3)
          const mobile = mobileRows(factors.mobileNonCo2, group.sector, fuel.id, fuels);
          if (mobile) {
            if (mobile.ch4 || mobile.n2o) tables.push(use(factors.mobileNonCo2!));
            if (mobile.ch4) ch4 = heat.times(decimalOf(mobile.ch4, 'factor')).dividedBy(1_000_000);
            if (mobile.n2o) n2o = heat.times(decimalOf(mobile.n2o, 'factor')).dividedBy(1_000_000);
          } else if (factors.nonCo2 && fuel.ipccClass) {
            const sectorClass = group.sector?.ipccClass ?? 'manufacturing';
            const ef = (gas: 'ch4' | 'n2o') =>
              factors.nonCo2!.rows.find(
                (r) => r.values.sector_class === sectorClass && r.values.fuel_class === fuel.ipccClass && r.values.gas === gas,
              );
            const ch4Row = ef('ch4');
            const n2oRow = ef('n2o');
            if (ch4Row || n2oRow) tables.push(use(factors.nonCo2));
            // kg per TJ × GJ → t: divide by 1000 (GJ→TJ) and 1000 (kg→t)
            if (ch4Row) ch4 = heat.times(decimalOf(ch4Row, 'factor')).dividedBy(1_000_000);
            if (n2oRow) n2o = heat.times(decimalOf(n2oRow, 'factor')).dividedBy(1_000_000);
          }
        }
      }
      provincialCo2 = co2;
    } else {
      // electricity or heat: energy by the method's factor, CO2 as scope 2 where bought in
      const base = dimension === 'standard-coal' ? quantity.dividedBy(tcePerUnit!) : quantity;
      energyTce = dimension === 'standard-coal' ? quantity : base.times(tcePerUnit!);
      // tCO2 per kWh (grid) or per GJ (heat): what buying one more unit from outside the city emits
      let factor: Decimal;
      if (electric) {
        let choice = gridByYear.get(year);
        if (!choice) {
          choice = chooseGrid(factors.grid, options.grid, year, options.gridYear);
          gridByYear.set(year, choice);
          for (const d of choice.diagnostics) diagnostics.push(d.file ? d : { ...d, ...at });
        }
        if (!choice.choice) continue;
        tables.push(use(choice.choice.table));
        gridFactor = { value: choice.choice.factor, year: choice.choice.year, region: options.grid };
        factor = choice.choice.factor.dividedBy(1000); // tCO2/MWh → tCO2/kWh
        netImportKwh = group.use === 'output' ? base.negated() : base;
        if (group.use === 'output') generatedKwh = base;
      } else {
        const row = rowForFuel(factors.heat, fuel.id, fuels);
        if (!row) {
          report(error('NO_FACTOR', { kind: 'heat', fuel: fuel.zh, fuelEn: fuel.en, table: tableRef(factors.heat) }, at), `heat:${fuel.id}`);
          continue;
        }
        tables.push(use(factors.heat));
        factor = decimalOf(row, 'factor');
        netImportHeatGj = group.use === 'output' ? base.negated() : base;
      }
      carrier.set(lines.length, { base, factor });
      if (group.use === 'output') {
        // primary electricity is primary energy: counted where consumed, never netted
        if (fuel.kind === 'primary-electricity') {
          primaryTce = energyTce;
          energyTce = ZERO;
        } else energyTce = energyTce.negated();
        provincialCo2 = base.times(factor).negated();
      } else {
        co2 = base.times(factor);
        provincialCo2 = co2;
      }
    }
    const co2e = co2.plus(ch4.times(gwpCh4)).plus(n2o.times(gwpN2o));
    if (!ch4.isZero() || !n2o.isZero()) tables.push(use(factors.gwp));
    const energyIndustry = scope === '1' && group.use === 'energy' && (group.sector?.energyIndustry ?? false);
    lines.push({
      year,
      sector: group.sector,
      sectorLabel: group.sectorLabel,
      fuel,
      use: group.use,
      dimension,
      extra: group.extra,
      quantity,
      energyTce,
      feedstockTce: group.use === 'feedstock' ? energyTce : ZERO,
      co2,
      reductantCo2,
      netImportKwh,
      netImportHeatGj,
      generatedKwh,
      primaryTce,
      provincialCo2,
      selfSuppliedOffset: ZERO,
      ch4,
      n2o,
      co2e,
      scope,
      energyIndustry,
      category: group.use === 'reductant' ? REDUCTANT_CATEGORY : categoryOf(group.sector, scope, energyIndustry),
      tables: [...new Set(tables)],
      gridFactor,
      first: group.first,
    });
  }
  offsetCaptivePlants(lines, carrier);
  appendAll(diagnostics, qualityWarnings(records, lines, options.rowQuality));
  return { lines, diagnostics, tablesUsed: [...used.values()], coalRates: coalRateByYear };
}

/** GPC IPPU, processes in the city: a reductant's CO2 is a process emission in GPC (IPCC 2C) */
const REDUCTANT_CATEGORY = 'IV.1';

/**
 * A captive plant (自备电厂: output in a sector other than 44) supplies its own sector first: that
 * sector's purchased electricity (or heat) is its consumption less its own generation, never below
 * zero; the rest is exported. The reduction is carried by the output line as negative scope 2, so
 * the consumption row keeps what was consumed and every row still adds up to the totals.
 */
function offsetCaptivePlants(lines: LineResult[], carrier: Map<number, { base: Decimal; factor: Decimal }>): void {
  const bySector = new Map<string, { consumed: Decimal; outputs: number[] }>();
  lines.forEach((l, i) => {
    const c = carrier.get(i);
    if (!c || l.sector?.energyIndustry) return;
    const key = [l.year, l.sector ? l.sector.code : `label:${l.sectorLabel}`, l.fuel.kind === 'heat' ? 'heat' : 'electricity'].join('\u0000');
    let entry = bySector.get(key);
    if (!entry) bySector.set(key, (entry = { consumed: ZERO, outputs: [] }));
    if (l.use === 'output') entry.outputs.push(i);
    else entry.consumed = entry.consumed.plus(c.base);
  });
  for (const { consumed, outputs } of bySector.values()) {
    let left = consumed;
    for (const i of outputs) {
      if (left.isZero()) break;
      const c = carrier.get(i)!;
      const offset = Decimal.min(c.base, left);
      left = left.minus(offset);
      const line = lines[i]!;
      line.selfSuppliedOffset = offset;
      line.co2 = offset.times(c.factor).negated();
      line.co2e = line.co2;
      line.scope = '2';
      line.category = categoryOf(line.sector, '2', false);
    }
  }
}

/** GPC reference number: sub-sector and scope (I.3.1, I.3.2); grid-supplying plants are I.4.4. */
function categoryOf(sector: Sector | undefined, scope: Scope, energyIndustry: boolean): string {
  if (!sector?.gpc || scope === 'none') return '';
  if (energyIndustry) return `${sector.gpc}.4`;
  return `${sector.gpc}.${scope}`;
}

interface Group {
  year: number;
  sector: Sector | undefined;
  sectorLabel: string;
  fuel: Fuel;
  dimension: Dimension;
  use: Use;
  extra: Record<string, string>;
  quantity: Decimal;
  first: { file: string; line: number };
}

function groupRecords(records: readonly ActivityRecord[], keepColumns: string[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of records) {
    const extra: Record<string, string> = {};
    for (const c of keepColumns) extra[c] = r.extra[c] ?? '';
    const key = lineKey(r, keepColumns);
    const g = groups.get(key);
    if (g) g.quantity = g.quantity.plus(r.quantity);
    else
      groups.set(key, {
        year: r.year,
        sector: r.sector,
        sectorLabel: r.sector ? r.sector.zh : r.sectorLabel,
        fuel: r.fuel,
        dimension: r.dimension,
        use: r.use,
        extra,
        quantity: r.quantity,
        first: { file: r.file, line: r.line },
      });
  }
  return [...groups.values()];
}

/** Sectors where coal and coke are raw material: 25 coking, 26 and 28 chemicals (31 and 32 smelt with reductants). */
const FEEDSTOCK_COAL_SECTORS = new Set(['25', '26', '28']);

/** Warnings that catch real mistakes in city data; none of them stops the calculation. */
function qualityWarnings(records: readonly ActivityRecord[], lines: LineResult[], rowQuality: Diagnostic[] | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  // an aggregate row such as 电力、燃气及水的生产和供应业 is counted as power and heat plants;
  // say so once per file, since its gas and water supply belong elsewhere
  const aggregateFiles = new Set<string>();
  for (const l of lines) {
    if (l.energyIndustry && l.sector && l.sector.level !== 'division' && !aggregateFiles.has(l.first.file)) {
      aggregateFiles.add(l.first.file);
      out.push(warning('AGGREGATE_ENERGY_SECTOR', { sector: l.sector.zh, sectorEn: l.sector.en }, l.first));
    }
  }
  // coke or coal as feedstock outside chemicals is almost always a reductant entered as 原料
  // (25, coal processing, turns coal into coke: transformation, not reduction)
  for (const l of lines) {
    if (l.use !== 'feedstock' || l.fuel.ipccClass !== 'coal' || !l.sector) continue;
    if (FEEDSTOCK_COAL_SECTORS.has(l.sector.code)) continue;
    out.push(warning('REDUCTANT_AS_FEEDSTOCK', { fuel: l.fuel.zh, fuelEn: l.fuel.en, sector: l.sector.zh, sectorEn: l.sector.en }, l.first));
  }
  // duplicates, scale outliers and plants' own use: checked on rows (src/core/quality/collector.ts)
  appendAll(out, rowQuality ?? qualityOfRows(records));
  // netting output without any plant input is almost always wind/solar entered as 电力 output;
  // a captive plant's output (sector other than 44) needs fuel input in its own sector
  const warned = new Set<string>();
  for (const l of lines) {
    if (l.use !== 'output' || l.fuel.kind === 'primary-electricity') continue;
    const captive = l.sector !== undefined && !l.sector.energyIndustry;
    const key = captive ? `${l.year}\u0000${l.sector!.code}` : String(l.year);
    if (warned.has(key)) continue;
    const hasInput = lines.some((x) =>
      x.year === l.year && (captive ? x.sector === l.sector && x.scope === '1' && x.use === 'energy' : x.energyIndustry),
    );
    if (hasInput) continue;
    warned.add(key);
    const params: Record<string, string | number> = captive
      ? { year: l.year, fuel: l.fuel.zh, fuelEn: l.fuel.en, sector: l.sector!.zh, sectorEn: l.sector!.en }
      : { year: l.year, fuel: l.fuel.zh, fuelEn: l.fuel.en };
    out.push(warning('OUTPUT_WITHOUT_INPUT', params, l.first));
  }
  return out;
}
