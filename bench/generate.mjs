// Writes deterministic activity files for the benchmark: province-wide metered data, one row per
// enterprise, month and fuel, the way a statistics bureau exports it (Chinese headers, sector
// names, 吨/万吨, 千瓦时/万千瓦时, 立方米/万立方米, some quantities quoted with thousands
// separators). Streamed: a 10M-row file (~600 MB) never sits in memory.
//
//   node bench/generate.mjs 100k bench/data/activity-100k.csv [--crlf] [--bom] [--years 3]
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const GENERATOR_VERSION = 1;

export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text);
  if (!m) throw new Error(`bad size "${text}" (use e.g. 1k, 100k, 1M, 10M)`);
  const mult = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2]];
  return Math.round(Number(m[1]) * mult);
}

/** mulberry32: small, fast, seeded */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// sector → weight, fuels it burns (fuel, typical monthly base quantity, units it is written in)
const MASS = [['吨', 1], ['t', 1], ['万吨', 1e4]];
const VOLUME = [['立方米', 1], ['万立方米', 1e4], ['m3', 1]];
const POWER = [['千瓦时', 1], ['万千瓦时', 1e4], ['kWh', 1]];
const HEAT = [['吉焦', 1], ['GJ', 1]];
const SECTORS = [
  ['有色金属冶炼和压延加工业', 8, [['原煤', 4000, MASS], ['焦炭', 1500, MASS], ['电力', 3e7, POWER], ['天然气', 2e5, VOLUME], ['柴油', 60, MASS]]],
  ['化学原料和化学制品制造业', 8, [['原煤', 3000, MASS], ['天然气', 3e5, VOLUME], ['电力', 8e6, POWER], ['热力', 2e4, HEAT], ['液化石油气', 20, MASS]]],
  ['非金属矿物制品业', 7, [['原煤', 2500, MASS], ['电力', 4e6, POWER], ['柴油', 40, MASS], ['燃料油', 30, MASS]]],
  ['黑色金属冶炼和压延加工业', 4, [['洗精煤', 5000, MASS], ['焦炭', 3000, MASS], ['电力', 2e7, POWER], ['天然气', 1e5, VOLUME]]],
  ['电力、热力生产和供应业', 2, [['原煤', 60000, MASS], ['天然气', 5e5, VOLUME], ['柴油', 30, MASS]]],
  ['石油、煤炭及其他燃料加工业', 2, [['原油', 20000, MASS], ['电力', 5e6, POWER], ['天然气', 2e5, VOLUME]]],
  ['采矿业', 5, [['柴油', 200, MASS], ['电力', 6e6, POWER], ['汽油', 20, MASS]]],
  ['建筑业', 10, [['柴油', 50, MASS], ['汽油', 15, MASS], ['电力', 2e5, POWER]]],
  ['交通运输、仓储和邮政业', 10, [['柴油', 120, MASS], ['汽油', 60, MASS], ['天然气', 2000, VOLUME], ['电力', 1e5, POWER]]],
  ['批发和零售业', 15, [['电力', 1.5e5, POWER], ['天然气', 3000, VOLUME], ['液化石油气', 2, MASS]]],
  ['住宿和餐饮业', 12, [['电力', 8e4, POWER], ['天然气', 5000, VOLUME], ['液化石油气', 3, MASS]]],
  ['农、林、牧、渔业', 6, [['柴油', 20, MASS], ['电力', 5e4, POWER]]],
  ['城乡居民生活', 11, [['电力', 2e6, POWER], ['天然气', 1e5, VOLUME], ['液化石油气', 30, MASS], ['热力', 5000, HEAT]]],
];

const HEADER = '年份,月份,企业代码,行业名称,能源品种,消费量,计量单位,用途';

function pick(rand, weighted) {
  const total = weighted.reduce((a, w) => a + w[1], 0);
  let x = rand() * total;
  for (const w of weighted) if ((x -= w[1]) < 0) return w;
  return weighted[weighted.length - 1];
}

/** e.g. 1234.5 → "1,234.5" */
function grouped(text) {
  const [int, frac] = text.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
}

function quantityText(rand, value) {
  const decimals = Math.floor(rand() * 3); // 0–2 decimals, as bureau exports carry
  let text = value.toFixed(decimals);
  if (Number(text) === 0) text = (0.01).toFixed(2);
  // about 1 row in 12 exported from a spreadsheet with separators, hence quoted
  if (Number(text) >= 1000 && rand() < 0.08) return `"${grouped(text)}"`;
  return text;
}

/**
 * Writes `rows` data rows. Enterprises come one after another (as exports sort them), each with a
 * sector, its fuels and a unit per fuel; every enterprise reports 12 months. Power plants also
 * report the electricity they generate (用途 = 发电), so their own use is netted, not flagged.
 */
export function generate(rows, path, { crlf = false, bom = false, years = 1, seed = 20231 } = {}) {
  const rand = prng(seed);
  const eol = crlf ? '\r\n' : '\n';
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  let out = (bom ? '\ufeff' : '') + HEADER + eol;
  let written = 0;
  let bytes = 0;
  const flush = (force) => {
    if (out.length > 1 << 20 || force) {
      bytes += writeSync(fd, out);
      out = '';
    }
  };
  let enterprise = 0;
  const firstYear = 2024 - years;
  outer: for (;;) {
    enterprise++;
    const [sector, , fuels] = pick(rand, SECTORS);
    const code = `E${String(enterprise).padStart(7, '0')}`;
    const size = Math.exp((rand() - 0.5) * 3); // enterprises differ ~20× in size
    const mine = fuels.filter(() => rand() < 0.75);
    if (mine.length === 0) mine.push(fuels[0]);
    const lines = mine.map(([fuel, base, units]) => {
      const [unit, per] = units[Math.floor(rand() * units.length)];
      const use = fuel === '原煤' && sector.startsWith('化学') && rand() < 0.3 ? '原料' : '';
      return { fuel, base: base * size, unit, per, use };
    });
    if (sector.startsWith('电力')) lines.push({ fuel: '电力', base: 6e7 * size, unit: '万千瓦时', per: 1e4, use: '发电' });
    for (let y = 0; y < years; y++) {
      for (let month = 1; month <= 12; month++) {
        for (const l of lines) {
          const value = (l.base * (0.8 + 0.4 * rand())) / l.per;
          out += `${firstYear + y},${month},${code},${sector},${l.fuel},${quantityText(rand, value)},${l.unit},${l.use}${eol}`;
          if (++written === rows) break outer;
          flush(false);
        }
      }
    }
  }
  flush(true);
  closeSync(fd);
  renameSync(temp, path);
  return { rows: written, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [size, path, ...flags] = process.argv.slice(2);
  if (!size || !path) {
    console.error('usage: node bench/generate.mjs <rows: 1k|100k|1M|10M> <file> [--crlf] [--bom] [--years N]');
    process.exit(2);
  }
  const yi = flags.indexOf('--years');
  const r = generate(parseSize(size), path, {
    crlf: flags.includes('--crlf'),
    bom: flags.includes('--bom'),
    years: yi >= 0 ? Number(flags[yi + 1]) : 1,
  });
  console.log(`${path}: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB`);
}
