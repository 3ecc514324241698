/** The columns each kind of factor table must have, and what each column holds. */
export type FactorKind =
  | 'standard-coal'
  | 'combustion'
  | 'grid'
  | 'heat'
  | 'non-co2'
  | 'gwp'
  | 'power-coal-rate'
  | 'targets';

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
  gwp: [{ name: 'gas', type: 'enum', values: ['co2', 'ch4', 'n2o'], key: true }, { name: 'factor', type: 'decimal' }, note],
  'power-coal-rate': [
    { name: 'year', type: 'year', key: true },
    { name: 'rate', type: 'decimal' },
    { name: 'basis', type: 'enum', values: ['supply', 'generation'], key: true },
    note,
  ],
  targets: [
    { name: 'region', type: 'region', key: true },
    { name: 'indicator', type: 'enum', values: ['energy_intensity', 'carbon_intensity'], key: true },
    { name: 'from', type: 'year', key: true },
    { name: 'to', type: 'year', key: true },
    { name: 'reduction_pct', type: 'decimal' },
    note,
  ],
};

export const factorKinds = Object.keys(kindColumns) as FactorKind[];

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
