/** The columns each kind of factor table must have, and what each column holds. */
export type FactorKind =
  | 'standard-coal'
  | 'combustion'
  | 'grid'
  | 'heat'
  | 'non-co2'
  | 'mobile-non-co2'
  | 'gwp'
  | 'power-coal-rate'
  | 'targets'
  | 'process';

export type ColumnType = 'fuel' | 'decimal' | 'optional-decimal' | 'text' | 'year' | 'region' | 'enum';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  values?: readonly string[];
  /** part of the row's key: no two rows may share it */
  key?: boolean;
  optional?: boolean;
}

const note: ColumnSpec = { name: 'note', type: 'text', optional: true };

export const kindColumns: Record<FactorKind, ColumnSpec[]> = {
  'standard-coal': [
    { name: 'fuel', type: 'fuel', key: true },
    { name: 'coefficient', type: 'decimal' },
    { name: 'unit', type: 'enum', values: ['kgce/kg', 'kgce/m3', 'kgce/kWh', 'kgce/MJ', 'kgce/GJ'] },
    { name: 'ncv', type: 'optional-decimal', optional: true },
    { name: 'ncv_unit', type: 'text', optional: true },
    note,
  ],
  combustion: [
    { name: 'fuel', type: 'fuel', key: true },
    { name: 'ncv', type: 'decimal' },
    { name: 'ncv_unit', type: 'enum', values: ['GJ/t', 'GJ/10^4m3'] },
    { name: 'carbon_content', type: 'decimal' },
    { name: 'oxidation_rate', type: 'decimal' },
    note,
  ],
  grid: [{ name: 'region', type: 'region', key: true }, { name: 'factor', type: 'decimal' }, note],
  heat: [{ name: 'fuel', type: 'fuel', key: true }, { name: 'factor', type: 'decimal' }, note],
  'non-co2': [
    { name: 'sector_class', type: 'enum', values: ['energy', 'manufacturing', 'commercial', 'residential'], key: true },
    { name: 'fuel_class', type: 'enum', values: ['coal', 'oil', 'lpg', 'natural_gas', 'derived_gas'], key: true },
    { name: 'gas', type: 'enum', values: ['ch4', 'n2o'], key: true },
    { name: 'factor', type: 'decimal' },
    note,
  ],
  'mobile-non-co2': [
    { name: 'mode', type: 'enum', values: ['road', 'rail', 'water', 'aviation'], key: true },
    { name: 'fuel', type: 'fuel', key: true },
    { name: 'gas', type: 'enum', values: ['ch4', 'n2o'], key: true },
    { name: 'factor', type: 'decimal' },
    note,
  ],
  gwp: [{ name: 'gas', type: 'enum', values: ['co2', 'ch4', 'n2o'], key: true }, { name: 'factor', type: 'decimal' }, note],
  'power-coal-rate': [
    { name: 'year', type: 'year', key: true },
    { name: 'rate', type: 'decimal' },
    { name: 'basis', type: 'enum', values: ['supply', 'generation'], key: true },
    // the document each year comes from, and how far it was checked (see COAL_RATE_STATUS)
    { name: 'source', type: 'text', optional: true },
    { name: 'status', type: 'text', optional: true },
    note,
  ],
  targets: [
    { name: 'region', type: 'region', key: true },
    { name: 'indicator', type: 'enum', values: ['energy_intensity', 'carbon_intensity', 'non_fossil_share'], key: true },
    { name: 'from', type: 'year', key: true },
    { name: 'to', type: 'year', key: true },
    // intensity targets give reduction_pct, share targets share_pct (checked per row in table.ts)
    { name: 'reduction_pct', type: 'optional-decimal' },
    { name: 'share_pct', type: 'optional-decimal', optional: true },
    // how the document words it: '' = the figure itself, `about` = 左右, `at_least` = 以上 (judged as ≥ in both cases)
    { name: 'qualifier', type: 'text', optional: true },
    note,
  ],
  // industrial processes (IPPU): gas per tonne of product or material, by technology or route
  process: [
    { name: 'product', type: 'text', key: true },
    { name: 'technology', type: 'text', key: true },
    { name: 'gas', type: 'enum', values: ['co2', 'n2o'], key: true },
    { name: 'factor', type: 'decimal' },
    { name: 'unit', type: 'enum', values: ['t/t', 'kg/t'] },
    note,
  ],
};

export const factorKinds = Object.keys(kindColumns) as FactorKind[];

/**
 * How far a power-coal-rate row was checked: `primary` read in the source document; `secondary` seen in a report
 * quoting it; `derived` computed from figures seen; `unverified` recalled, no source seen (a warning when used).
 */
export const COAL_RATE_STATUS = ['primary', 'secondary', 'derived', 'unverified'] as const;

export const requiredMetaKeys = [
  'id',
  'version',
  'kind',
  'title',
  'publisher',
  'source',
  'published',
  'region',
  'applies_to',
  'units',
] as const;

/**
 * Bounds no real value of a column comes near: a value outside them is almost always a unit slip
 * (tC/GJ for tC/TJ, kgCO2/kWh × 1000, a percent for a fraction). Sanity limits, not factors.
 */
export function plausibleRange(
  kind: FactorKind,
  column: string,
  row: Record<string, unknown>,
): { min: string; max: string; unit: string } | undefined {
  const r = (min: string, max: string, unit: string) => ({ min, max, unit });
  switch (`${kind}.${column}`) {
    case 'combustion.ncv':
      return row.ncv_unit === 'GJ/10^4m3' ? r('20', '600', 'GJ/10^4m3') : r('5', '60', 'GJ/t');
    case 'combustion.carbon_content':
      return r('10', '110', 'tC/TJ');
    case 'combustion.oxidation_rate':
      return r('0.8', '1', '');
    case 'standard-coal.coefficient':
      return {
        'kgce/kg': r('0.05', '2.5', 'kgce/kg'),
        'kgce/m3': r('0.05', '2.5', 'kgce/m3'),
        'kgce/kWh': r('0.1', '0.5', 'kgce/kWh'),
        'kgce/MJ': r('0.02', '0.05', 'kgce/MJ'),
        'kgce/GJ': r('20', '50', 'kgce/GJ'),
      }[String(row.unit)];
    case 'grid.factor':
      return r('0', '1.5', 'tCO2/MWh');
    case 'heat.factor':
      return r('0.03', '0.25', 'tCO2/GJ');
    case 'non-co2.factor':
    case 'mobile-non-co2.factor':
      return r('0', '1000', 'kg/TJ');
    case 'gwp.factor':
      return { co2: r('1', '1', ''), ch4: r('1', '100', ''), n2o: r('100', '400', '') }[String(row.gas)];
    case 'power-coal-rate.rate':
      return r('200', '450', 'gce/kWh');
    case 'targets.reduction_pct':
    case 'targets.share_pct':
      return r('0', '100', '%');
    case 'process.factor':
      return row.unit === 'kg/t' ? r('0', '50', 'kg/t') : r('0', '5', 't/t');
    default:
      return undefined;
  }
}
