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
      "w.csv:3: warning: 2021: Electricity (电力) output is netted but no fuel input of the power and heat sector is listed (fix: list the plants' fuel input (sector 电力、热力生产和供应业), or drop the output row; electricity from wind, solar and hydro is not entered as output)",
    ]);
  });

  it('an unknown sector is kept as a label, with a suggestion', () => {
    expect(warnings('2021,有色金属冶炼和压延加工,原煤,1,t,,\n')[0]).toBe(
      'w.csv:2:2: warning: sector "有色金属冶炼和压延加工" is not a GB/T 4754 division or a household row; kept as its own label (did you mean 有色金属冶炼和压延加工业?) (fix: use a division name or code such as 32 有色金属冶炼和压延加工业, or 城镇居民生活)',
    );
  });
});
