import { Decimal } from './decimal.js';
import { toHalfWidth } from './text.js';

/** What a quantity measures. Each has one base unit that every figure is converted to. */
export type Dimension = 'mass' | 'volume' | 'electricity' | 'heat' | 'standard-coal';

export const baseUnit: Record<Dimension, string> = {
  mass: 't',
  volume: 'm3',
  electricity: 'kWh',
  heat: 'GJ',
  'standard-coal': 'tce',
};

export interface Unit {
  dimension: Dimension;
  /** base units per one of this unit, exact */
  toBase: Decimal;
  /** how the unit is written canonically */
  symbol: string;
}

interface UnitDef {
  dimension: Dimension;
  toBase: string;
  names: string[];
}

// Base-unit definitions only; no emission or conversion factors live here.
const DEFINITIONS: UnitDef[] = [
  { dimension: 'mass', toBase: '1', names: ['t', '吨', 'tonne', 'tonnes', 'ton', 'tons'] },
  { dimension: 'mass', toBase: '0.001', names: ['kg', '千克', '公斤'] },
  { dimension: 'mass', toBase: '1000', names: ['kt', '千吨'] },
  { dimension: 'mass', toBase: '10000', names: ['万t', '万吨'] },
  { dimension: 'mass', toBase: '1000000', names: ['mt', '百万吨'] },
  { dimension: 'mass', toBase: '100000000', names: ['亿t', '亿吨'] },
  { dimension: 'volume', toBase: '1', names: ['m3', '立方米', '方', 'nm3', '标方', '标准立方米'] },
  { dimension: 'volume', toBase: '1000', names: ['千m3', '千立方米'] },
  { dimension: 'volume', toBase: '10000', names: ['万m3', '万立方米', '万方', '万nm3', '万标方'] },
  { dimension: 'volume', toBase: '100000000', names: ['亿m3', '亿立方米', '亿方', '亿nm3'] },
  { dimension: 'electricity', toBase: '1', names: ['kwh', '千瓦时', '度', 'kw·h', 'kw.h'] },
  { dimension: 'electricity', toBase: '10000', names: ['万kwh', '万千瓦时', '万度'] },
  { dimension: 'electricity', toBase: '100000000', names: ['亿kwh', '亿千瓦时', '亿度'] },
  { dimension: 'electricity', toBase: '1000', names: ['mwh', '兆瓦时'] },
  { dimension: 'electricity', toBase: '1000000', names: ['gwh', '吉瓦时', '百万千瓦时'] },
  { dimension: 'electricity', toBase: '1000000000', names: ['twh', '太瓦时'] },
  { dimension: 'heat', toBase: '1', names: ['gj', '吉焦', '百万千焦'] },
  { dimension: 'heat', toBase: '0.001', names: ['mj', '兆焦', '千千焦'] },
  { dimension: 'heat', toBase: '1000', names: ['tj', '太焦'] },
  { dimension: 'heat', toBase: '10000', names: ['万gj', '万吉焦', '万百万千焦'] },
  { dimension: 'standard-coal', toBase: '1', names: ['tce', '吨标准煤', '吨标煤', 't标准煤', 'tce当量'] },
  { dimension: 'standard-coal', toBase: '0.001', names: ['kgce', '千克标准煤', '公斤标准煤'] },
  { dimension: 'standard-coal', toBase: '10000', names: ['万tce', '万吨标准煤', '万吨标煤'] },
  { dimension: 'standard-coal', toBase: '100000000', names: ['亿tce', '亿吨标准煤'] },
];

const TABLE = new Map<string, Unit>();
for (const def of DEFINITIONS) {
  const unit: Unit = { dimension: def.dimension, toBase: new Decimal(def.toBase), symbol: def.names[0]! };
  for (const name of def.names) TABLE.set(unitKey(name), unit);
}

/**
 * Canonical spelling of a unit: half-width, lower case, no spaces or brackets, and the
 * `10^4 t`, `10⁴t`, `1e4 t`, `×10^4 m³` style prefixes folded into 万 / 亿.
 */
function unitKey(raw: string): string {
  let key = toHalfWidth(raw).toLowerCase().replace(/[\s()[\]（）]/g, '');
  key = key.replace(/³/g, '3').replace(/⁴/g, '^4').replace(/⁸/g, '^8');
  key = key.replace(/^[x×*]/, '');
  key = key.replace(/^(10\^4|10\*\*4|1e4|104)(?=\D)/, '万').replace(/^(10\^8|10\*\*8|1e8|108)(?=\D)/, '亿');
  key = key.replace(/^(10\^3|1e3)(?=\D)/, '千');
  key = key.replace(/立方米/g, 'm3').replace(/千瓦时/g, 'kwh').replace(/千瓦小时/g, 'kwh');
  key = key.replace(/标准煤/g, 'ce').replace(/^(万|亿)?吨ce$/, '$1tce');
  key = key.replace(/^(万|亿|千)?吨$/, '$1t');
  return key;
}

export function parseUnit(raw: string): Unit | undefined {
  if (raw.trim() === '') return undefined;
  return TABLE.get(unitKey(raw));
}

/** A few accepted spellings per dimension, for help texts and error fixes. */
export const unitExamples: Record<Dimension, string[]> = {
  mass: ['t', '吨', '万吨', 'kg', '10^4 t'],
  volume: ['m3', '立方米', '万立方米', '亿立方米'],
  electricity: ['kWh', '千瓦时', '万千瓦时', '亿千瓦时', 'MWh', 'GWh'],
  heat: ['GJ', '吉焦', '百万千焦', 'TJ'],
  'standard-coal': ['tce', '吨标准煤', '万吨标准煤'],
};
