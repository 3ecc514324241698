import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation } from '../../src/core/calc/run.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';

const bundled = loadBundled();
const header = 'year,sector,fuel,quantity,unit,use,enterprise\n';

function warnings(csv: string) {
  const report = runCalculation([{ path: 'w.csv', bytes: new TextEncoder().encode(header + csv) }], bundled.dict, bundled.registry, {});
  return report.diagnostics.map((d) => formatDiagnostic(d, 'en'));
}

describe('warnings that catch real mistakes', () => {
  it('the same year, sector, fuel and use twice', () => {
    expect(warnings('2021,32,原煤,1,万吨,,\n2021,32,原煤,1,万吨,,\n')).toEqual([
      'w.csv:3: warning: same year, sector, fuel and use as line 2 of w.csv; both are counted (fix: delete one if it is a copy, or add a column (e.g. enterprise) that tells them apart)',
    ]);
    // a column that tells them apart silences it
    expect(warnings('2021,32,原煤,1,万吨,,A\n2021,32,原煤,1,万吨,,B\n')).toEqual([]);
  });

  it('a year 100× off the same sector and fuel in other years (吨 vs 万吨)', () => {
    const w = warnings('2019,32,原煤,58,万吨,,\n2020,32,原煤,60,万吨,,\n2021,32,原煤,590000,万吨,,\n');
    expect(w).toEqual([
      'w.csv:4: warning: quantity is 9830× the typical Raw Coal (原煤) figure of this sector across years (600000 t) (fix: check the unit: 吨 vs 万吨, 千瓦时 vs 万千瓦时)',
    ]);
    expect(warnings('2019,32,原煤,58,万吨,,\n2020,32,原煤,60,万吨,,\n2021,32,原煤,59,万吨,,\n')).toEqual([]);
  });

  it("plants' own electricity use with no generation entered as output", () => {
    const own = '2021,44,原煤,100,万吨,,\n2021,44,电力,5,亿kWh,,\n';
    expect(warnings(own)[0]).toMatch(/^w\.csv:3: warning: the power and heat sector consumes electricity but no generation is entered as output/);
    expect(warnings(own + '2021,44,电力,20,亿kWh,output,\n')).toEqual([]);
  });

  it('output netted with no plant input (wind or solar entered as output)', () => {
    expect(warnings('2021,32,电力,5,亿kWh,,\n2021,44,电力,5,亿kWh,output,\n')).toEqual([
      "w.csv:3: warning: 2021: Electricity (电力) output is netted but no fuel input of the power and heat sector is listed (fix: list the plants' fuel input (sector 电力、热力生产和供应业), or drop the output row; enter local wind, solar and hydro as 风电, 光伏发电, 水电 (use=output), which are not netted)",
    ]);
  });

  it('an unknown sector is kept as a label, with a suggestion', () => {
    expect(warnings('2021,有色金属冶炼和压延加工,原煤,1,t,,\n')[0]).toBe(
      'w.csv:2:2: warning: sector "有色金属冶炼和压延加工" is not a GB/T 4754 division or a household row; kept as its own label (did you mean 有色金属冶炼和压延加工业?) (fix: use a division name or code such as 32 有色金属冶炼和压延加工业, or 城镇居民生活)',
    );
  });
});

describe('aggregate energy rows', () => {
  it('电力、燃气及水的生产和供应业 is counted as power and heat plants, with a warning to split it', () => {
    const csv = '2021,电力、燃气及水的生产和供应业,原煤,1,万吨,,\n2021,32,电力,1,亿kWh,,\n';
    expect(warnings(csv)).toEqual([
      'w.csv:2: warning: "电力、热力、燃气及水生产和供应业" (Production and Supply of Electricity, Heat, Gas and Water) is an aggregate row; all of its scope 1 is counted as power and heat plants (left out of the consumption view), though gas and water supply belong elsewhere (fix: split the row into 44 电力、热力生产和供应业, 45 燃气生产和供应业 and 46 水的生产和供应业)',
    ]);
    const report = runCalculation([{ path: 'w.csv', bytes: new TextEncoder().encode(header + csv) }], bundled.dict, bundled.registry, {});
    // the coal (10,000 t × 1.860832908 t/t) is in the territorial view only
    expect(report.totals.energy_industries_co2_t.toFixed(4)).toBe('18608.3291');
    expect(report.totals.consumption_co2_t.toFixed(4)).toBe(report.totals.scope2_co2_t.toFixed(4));
  });
});
