import { ZERO, type Decimal } from '../decimal.js';
import type { FuelDictionary } from '../dictionary/fuels.js';
import { decimalOf, tableRef, textOf, type FactorTable } from '../factors/table.js';
import type { ElectricityMethod } from './calculate.js';
import { rowForFuel, type CoalRateChoice } from './factors-for-calc.js';

/**
 * Which basis `energy_tce` is on: how a kWh of electricity was turned into standard coal. China's energy statistics
 * publish totals on the coal-equivalent basis (等价值: the year's coal consumption of thermal power supply); the
 * calorific equivalent (当量值, 0.1229 kgce/kWh, GB/T 2589) counts only the heat in the kWh.
 */
export interface EnergyBasis {
  method: ElectricityMethod;
  /** equivalent: the standard-coal table's electricity coefficient */
  equivalent?: { coefficient: Decimal; unit: string; table: string } | undefined;
  /** coal: the rate each data year was valued at */
  coalRates?: { dataYear: number; rate: Decimal; rateYear: number; basis: 'supply' | 'generation'; status: string; source: string; table: string }[] | undefined;
}

export function energyBasisOf(
  method: ElectricityMethod,
  standardCoal: FactorTable,
  coalRates: ReadonlyMap<number, CoalRateChoice>,
  fuels: FuelDictionary,
): EnergyBasis {
  if (method === 'coal') {
    return {
      method,
      coalRates: [...coalRates.entries()]
        .sort(([a], [b]) => a - b)
        .map(([dataYear, c]) => ({ dataYear, rate: c.rate, rateYear: c.year, basis: c.basis, status: c.status, source: c.source, table: c.table })),
    };
  }
  const row = rowForFuel(standardCoal, 'electricity', fuels);
  return {
    method,
    equivalent: row ? { coefficient: decimalOf(row, 'coefficient'), unit: textOf(row, 'unit'), table: tableRef(standardCoal) } : undefined,
  };
}

/** The basis in the JSON of calc (and intensity/report meta): names and figures, decimals as strings. */
export function energyBasisJson(basis: EnergyBasis): Record<string, unknown> {
  if (basis.method === 'coal') {
    return {
      method: 'coal',
      name: 'coal equivalent (等价值): electricity at the year\'s coal consumption of thermal power supply',
      electricity: (basis.coalRates ?? []).map((r) => ({
        year: r.dataYear,
        rate: r.rate.toString(),
        unit: 'gce/kWh',
        rate_year: r.rateYear,
        basis: r.basis,
        status: r.status || null,
        source: r.source || null,
        table: r.table,
      })),
    };
  }
  return {
    method: 'equivalent',
    name: 'calorific equivalent (当量值): electricity at its heat content',
    electricity: basis.equivalent
      ? [{ factor: basis.equivalent.coefficient.toString(), unit: basis.equivalent.unit, table: basis.equivalent.table }]
      : [],
  };
}

/** One line for people: "Energy basis: coal equivalent (等价值), electricity at 302.5 gce/kWh (2021, supply, unverified)". */
export function energyBasisText(basis: EnergyBasis, lang: 'en' | 'zh'): string {
  const zh = lang === 'zh';
  if (basis.method === 'coal') {
    const rates = (basis.coalRates ?? [])
      .map((r) => {
        const status = r.status === 'unverified' ? (zh ? '，未核实' : ', unverified') : '';
        const basisText = r.basis === 'supply' ? (zh ? '供电' : 'supply') : zh ? '发电' : 'generation';
        const of = r.rateYear === r.dataYear ? '' : zh ? `，取 ${r.rateYear} 年` : `, the ${r.rateYear} rate`;
        return zh ? `${r.dataYear} 年 ${r.rate.toString()} 克标准煤/千瓦时（${basisText}${of}${status}）` : `${r.dataYear}: ${r.rate.toString()} gce/kWh (${basisText}${of}${status})`;
      })
      .join(zh ? '；' : '; ');
    return zh
      ? `能耗口径：等价值（发电煤耗法），电力按当年火电供电标准煤耗折标煤${rates ? `：${rates}` : ''}`
      : `Energy basis: coal equivalent (等价值), electricity at the year's coal consumption of thermal power supply${rates ? `: ${rates}` : ''}`;
  }
  const f = basis.equivalent ? `${basis.equivalent.coefficient.toString()} ${basis.equivalent.unit}` : '';
  return zh
    ? `能耗口径：当量值（电热当量法），电力按 ${f} 折标煤；按等价值计请加 --electricity-method coal`
    : `Energy basis: calorific equivalent (当量值), electricity at ${f}; --electricity-method coal gives the coal-equivalent (等价值) basis of Chinese energy statistics`;
}

/** tce per kWh of a year's electricity on this basis: the coal rate ÷ 10^6, or the kgce/kWh coefficient ÷ 1000. */
export function tcePerKwhOf(basis: EnergyBasis, year: number): Decimal {
  if (basis.method === 'coal') {
    const r = basis.coalRates?.find((c) => c.dataYear === year);
    return r ? r.rate.dividedBy(1_000_000) : ZERO;
  }
  return basis.equivalent ? basis.equivalent.coefficient.dividedBy(1000) : ZERO;
}

/**
 * The basis in a few words, for a caption or a unit: "calorific basis (电热当量法, 122.9 gce/kWh)" or
 * "coal-equivalent basis (发电煤耗法, 2021: 302.5 gce/kWh, unverified; cn-power-coal-rate@2025)".
 */
export function energyBasisLabel(basis: EnergyBasis, lang: 'en' | 'zh'): string {
  const zh = lang === 'zh';
  if (basis.method === 'coal') {
    const rates = basis.coalRates ?? [];
    const one = (r: (typeof rates)[number]) => {
      const of = r.rateYear === r.dataYear ? '' : zh ? `取${r.rateYear}年` : ` (${r.rateYear} rate)`;
      const unverified = r.status === 'unverified' ? (zh ? '，未核实' : ', unverified') : '';
      return zh ? `${r.dataYear}年${of} ${r.rate.toString()} 克标准煤/千瓦时${unverified}` : `${r.dataYear}${of}: ${r.rate.toString()} gce/kWh${unverified}`;
    };
    const tables = [...new Set(rates.map((r) => r.table))].join(', ');
    const list = rates.map(one).join(zh ? '；' : '; ');
    return zh
      ? `发电煤耗法（等价值${list ? `，${list}` : ''}${tables ? `；${tables}` : ''}）`
      : `coal-equivalent basis (发电煤耗法${list ? `, ${list}` : ''}${tables ? `; ${tables}` : ''})`;
  }
  const e = basis.equivalent;
  const gce = e && e.unit === 'kgce/kWh' ? `${e.coefficient.times(1000).toString()} ${zh ? '克标准煤/千瓦时' : 'gce/kWh'}` : e ? `${e.coefficient.toString()} ${e.unit}` : '';
  return zh ? `电热当量法（当量值${gce ? `，${gce}` : ''}）` : `calorific basis (电热当量法${gce ? `, ${gce}` : ''})`;
}

/** The basis in two or three words, for a column heading or a unit: "calorific basis" / "电热当量法". */
export function energyBasisShort(method: ElectricityMethod, lang: 'en' | 'zh'): string {
  if (method === 'coal') return lang === 'zh' ? '发电煤耗法' : 'coal-equivalent basis';
  return lang === 'zh' ? '电热当量法' : 'calorific basis';
}
