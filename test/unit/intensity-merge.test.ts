import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { mergeActivityTotals } from '../../src/core/intensity/merge.js';
import type { IndicatorYear } from '../../src/core/intensity/indicators.js';

const year = (energy: string | undefined, co2: string | undefined): IndicatorYear => ({
  year: 2021,
  gdp: new Decimal(384.96),
  gdp_index: new Decimal(107.5),
  energy_tce: energy === undefined ? undefined : new Decimal(energy),
  co2_t: co2 === undefined ? undefined : new Decimal(co2),
  feedstock_tce: undefined,
  new_renewable_tce: undefined,
  sources: {},
});
// the bundled 2021 activity file: 5,316,583.355 tce; consumption CO2 11,637,476.0455301666… t (a division by 12)
const data = [{ year: 2021, energy_tce: new Decimal('5316583.355'), co2_t: new Decimal('11637476.045530166666666666666666666666666666666666'), feedstock_tce: new Decimal(499116) }];

describe('an indicators figure and the same figure computed from activity data', () => {
  it('agree when the file gives the computed figure to the decimals it writes: no warning', () => {
    expect(mergeActivityTotals([year('5316583.355', '11637476.04553')], data).diagnostics).toEqual([]);
    // a yearbook's whole tonnes: 5,316,583.355 is 5,316,583 to 0 decimals
    expect(mergeActivityTotals([year('5316583', '11637476')], data).diagnostics).toEqual([]);
  });

  it('disagree otherwise: the activity data wins, with a warning naming both figures', () => {
    const merged = mergeActivityTotals([year('5316584', '11637476.1')], data);
    expect(merged.diagnostics.map((d) => [d.code, d.params.column, d.params.fileValue, d.params.dataValue])).toEqual([
      ['INTENSITY_DATA_OVERRIDES', 'energy_tce', '5316584', '5316583.355'],
      ['INTENSITY_DATA_OVERRIDES', 'co2_t', '11637476.1', '11637476.04553'],
    ]);
    expect(merged.years[0]!.energy_tce!.toString()).toBe('5316583.355');
  });
});
