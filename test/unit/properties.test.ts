import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/bundled.js';
import { runCalculation, type InputFile } from '../../src/core/calc/run.js';
import { repoRoot } from '../helpers/run-cli.js';
import { prng } from '../helpers/prng.js';

const bundled = loadBundled();


const SECTORS = ['32', '26', '44', '09', '30', '54', '城镇居民生活', '乡村居民生活', '批发和零售业', '农业'];
const FUELS: [string, string[]][] = [
  ['原煤', ['t', '万吨']],
  ['柴油', ['t', '万吨']],
  ['焦炭', ['t', '万吨']],
  ['天然气', ['m3', '万m3']],
  ['电力', ['kWh', '万kWh']],
  ['热力', ['GJ', '万GJ']],
  ['液化石油气', ['t', 'kg']],
];

interface Row {
  year: number;
  sector: string;
  fuel: string;
  /** quantity in the small unit, as an exact decimal string */
  quantity: string;
  units: string[];
  use: string;
}

function randomRows(rand: () => number, n: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const [fuel, units] = FUELS[Math.floor(rand() * FUELS.length)]!;
    const sector = SECTORS[Math.floor(rand() * SECTORS.length)]!;
    const whole = Math.floor(rand() * 1_000_000);
    const frac = Math.floor(rand() * 1000);
    const feedstock = (fuel === '原煤' || fuel === '天然气') && sector === '26' && rand() < 0.3;
    rows.push({ year: 2021 + Math.floor(rand() * 3), sector, fuel, quantity: `${whole}.${String(frac).padStart(3, '0')}`, units, use: feedstock ? '原料' : '' });
  }
  return rows;
}

/** the same quantity in the bigger unit: small-unit value / 10000 (or / 1000 for kg → t), exact in decimal */
function rescale(row: Row): string {
  const [small, big] = row.units;
  const divisor = small === 't' && big === 'kg' ? null : big === 'kg' ? null : 10000;
  if (divisor === null) return `${row.quantity},${small}`; // kg is smaller, keep as is
  const [w, f] = row.quantity.split('.');
  const digits = (w! + f!).padStart(12, '0');
  const scaled = `${digits.slice(0, digits.length - 7).replace(/^0+(?=\d)/, '')}.${digits.slice(digits.length - 7)}`;
  return `${scaled},${big}`;
}

function csv(rows: Row[], scaled: (r: Row, i: number) => boolean = () => false): string {
  return (
    'year,sector,fuel,quantity,unit,use\n' +
    rows.map((r, i) => `${r.year},${r.sector},${r.fuel},${scaled(r, i) ? rescale(r) : `${r.quantity},${r.units[0]}`},${r.use}`).join('\n') +
    '\n'
  );
}

function totals(files: string[]): string {
  const inputs: InputFile[] = files.map((text, i) => ({ path: `f${i}.csv`, bytes: new TextEncoder().encode(text) }));
  const report = runCalculation(inputs, bundled.dict, bundled.registry, { by: ['year', 'sector', 'fuel'] });
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return JSON.stringify(
    Object.fromEntries(Object.entries(report.totals).map(([k, v]) => [k, v.toString()])),
  ) + JSON.stringify(report.years.map((y) => [y.year, y.totals.co2_t.toString(), y.totals.energy_tce.toString()]));
}

describe('properties: the totals do not depend on how the data is laid out', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: splitting, reordering and rescaling units change nothing`, () => {
      const rand = prng(seed);
      const rows = randomRows(rand, 40 + Math.floor(rand() * 60));
      const reference = totals([csv(rows)]);
      // split at a random point into two files
      const cut = 1 + Math.floor(rand() * (rows.length - 1));
      expect(totals([csv(rows.slice(0, cut)), csv(rows.slice(cut))])).toBe(reference);
      // reorder
      const shuffled = [...rows].sort(() => rand() - 0.5);
      expect(totals([csv(shuffled)])).toBe(reference);
      // t → 万t, m3 → 万m3, kWh → 万kWh, GJ → 万GJ on a random half of the rows
      const flags = rows.map(() => rand() < 0.5);
      expect(totals([csv(rows, (_r, i) => flags[i]!)])).toBe(reference);
    });
  }
});

describe('fuzz: no input makes the core throw', () => {
  const fixtures = ['test/fixtures/input/english.csv', 'test/fixtures/input/gbk.csv', 'test/fixtures/input/utf8-bom.csv', 'examples/jinchang-2021.csv'].map(
    (f) => readFileSync(join(repoRoot, f)),
  );
  const run = (bytes: Uint8Array) => runCalculation([{ path: 'fuzz.csv', bytes }], bundled.dict, bundled.registry, {});

  it('random bytes', () => {
    const rand = prng(42);
    for (let i = 0; i < 300; i++) {
      const bytes = new Uint8Array(Math.floor(rand() * 400));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rand() * 256);
      expect(() => run(bytes)).not.toThrow();
    }
  });

  it('truncated and corrupted real files', () => {
    const rand = prng(7);
    for (const file of fixtures) {
      for (let i = 0; i < 60; i++) {
        const cut = file.subarray(0, Math.floor(rand() * file.length));
        expect(() => run(cut)).not.toThrow();
        const corrupted = Uint8Array.from(file);
        for (let k = 0; k < 5; k++) corrupted[Math.floor(rand() * corrupted.length)] = Math.floor(rand() * 256);
        expect(() => run(corrupted)).not.toThrow();
      }
    }
  });

  it('printable garbage with commas, quotes and newlines', () => {
    const rand = prng(99);
    const alphabet = 'year,sector,fuel,quantity,unit\n"\r\t 0123456789.,万吨原煤电力-=+@#';
    for (let i = 0; i < 300; i++) {
      let text = 'year,sector,fuel,quantity,unit\n';
      const n = Math.floor(rand() * 300);
      for (let j = 0; j < n; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
      expect(() => run(new TextEncoder().encode(text))).not.toThrow();
    }
  });
});
