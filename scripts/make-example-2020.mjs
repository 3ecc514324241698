#!/usr/bin/env node
// Writes examples/jinchang-2020.csv, the ILLUSTRATIVE 2020 companion of examples/jinchang-2021.csv, so that
// `decompose` and the report have two years to compare. Every 2021 row is taken back one year by an assumed
// growth of its sector (and fuel); then two rows are solved (the power plants' raw coal, 万t to
// 4 decimals, and nonferrous smelting's electricity, 万kWh to 1 decimal) so that the file's totals equal the 2020 row of examples/jinchang-indicators.csv
// (energy_tce, and the consumption-view CO2 that calc prints). Rerun it after examples/jinchang-2021.csv
// changes (npm run build first): node scripts/make-example-2020.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = readFileSync(join(root, 'examples', 'jinchang-2021.csv'), 'utf8');
const indicators = readFileSync(join(root, 'examples', 'jinchang-indicators.csv'), 'utf8').trim().split('\n');
const row2020 = indicators.find((l) => l.startsWith('2020,')).split(',');
const target = { energy: Number(row2020[3]), co2: Number(row2020[4]) };

/** 2021 / 2020 of each sector's activity (assumptions); a fuel of a sector may have its own. */
const GROWTH = {
  有色金属冶炼和压延加工业: 1.07, // nickel, copper, cobalt output up with prices in 2021
  化学原料和化学制品制造业: 1.05,
  非金属矿物制品业: 1.03,
  有色金属矿采选业: 1.02,
  非金属矿采选业: 1.03,
  农副食品加工业: 1.04,
  金属制品业: 1.05,
  '电力、热力生产和供应业': 1.07, // more coal-fired generation in 2021
  水的生产和供应业: 1.02,
  '农、林、牧、渔业': 1.02,
  建筑业: 1.03,
  '交通运输、仓储和邮政业': 1.05, // 2020 held back by the epidemic
  '批发和零售业、住宿和餐饮业': 1.06,
  其他: 1.04,
  城镇居民生活: 1.02,
  乡村居民生活: 1.0,
};
/** sector|fuel overrides: coal giving way to gas and electricity */
const FUEL_GROWTH = {
  '城镇居民生活|原煤': 0.85, // loose coal replaced by gas and district heat
  '城镇居民生活|天然气': 1.1,
  '乡村居民生活|原煤': 0.92,
  '乡村居民生活|电力': 1.08,
  '有色金属冶炼和压延加工业|原煤': 1.0,
  '有色金属冶炼和压延加工业|天然气': 1.08,
  '化学原料和化学制品制造业|原煤|原料': 1.08, // the gasification line ran more in 2021
  '化学原料和化学制品制造业|天然气|用作原料、材料': 1.06,
  '化学原料和化学制品制造业|原煤': 1.0,
  '电力、热力生产和供应业|风电': 1.1, // new wind and solar connected in 2021
  '电力、热力生产和供应业|光伏发电': 1.3,
};
/** rows left out of 2020 (a fuel that appears in 2021: the zero rule of decompose at work) */
const ABSENT_2020 = new Set(['交通运输、仓储和邮政业|煤油']);
/** rows whose note says they are new in 2021: the captive plant (自备电厂) went into service that year */
const NEW_IN_2021 = /自备电厂/;
const KNOBS = ['电力、热力生产和供应业|原煤|', '有色金属冶炼和压延加工业|电力|'];

function splitCsv(line) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cell), (cell = '');
    else cell += ch;
  }
  out.push(cell);
  return out;
}
const quote = (c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
/** as a yearbook prints it: thousands separators at 1,000 and above, at most `d` decimals */
function number(v, d) {
  const fixed = d > 0 ? v.toFixed(d).replace(/\.?0+$/, '') : v.toFixed(0);
  const [int, frac] = fixed.split('.');
  const g = Number(int) >= 1000 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return frac ? `${g}.${frac}` : g;
}

const lines = src.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
const title = lines[0].replace('2021年', '2020年');
const header = lines[1];
const rows = lines.slice(2).map(splitCsv);

function build(knobs) {
  const heatOut = [];
  let heatIn = 0;
  const body = [];
  for (const r of rows) {
    const [, sector, fuel, qty, unit, use, note] = r;
    const key = `${sector}|${fuel}`;
    if (ABSENT_2020.has(key) || NEW_IN_2021.test(note ?? '')) continue;
    const q = Number(qty.replace(/,/g, ''));
    let v = q / (FUEL_GROWTH[`${key}|${use}`] ?? FUEL_GROWTH[key] ?? GROWTH[sector] ?? 1);
    const knob = KNOBS.indexOf(`${key}|${use}`);
    if (knob >= 0) v = knobs[knob];
    const inWanTonnes = unit === '万吨';
    const decimals = inWanTonnes ? (knob >= 0 ? 4 : 2) : knob >= 0 ? 1 : 0;
    const cells = ['2020', sector, fuel, number(v, decimals), unit, use, note];
    if (fuel === '热力' && use) heatOut.push(cells);
    else if (fuel === '热力') heatIn += Number(cells[3].replace(/,/g, ''));
    body.push(cells);
  }
  // heat supplied = heat consumed (all heat is made in the city): the output row follows the users
  for (const cells of heatOut) cells[3] = number(heatIn, 0);
  return [title, header, ...body.map((c) => c.map(quote).join(','))].join('\n') + '\n';
}

const out = join(root, 'examples', 'jinchang-2020.csv');
const bin = join(root, 'bin', 'jinchang-carbon.js');
function totals(knobs) {
  writeFileSync(out, build(knobs));
  const json = JSON.parse(execFileSync(process.execPath, [bin, 'calc', out, '--totals', '-f', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const t = json.totals;
  return { energy: Number(t.energy_tce), co2: Number(t.consumption_co2_t) };
}
const start = KNOBS.map((k) => {
  const r = rows.find((x) => `${x[1]}|${x[2]}|${x[5]}` === k);
  return Number(r[3].replace(/,/g, '')) / GROWTH[r[1]];
});
// the totals are linear in the two quantities: two probes give the slopes, one solve gives the knobs
const t0 = totals(start);
process.stderr.write(`unsolved: energy ${t0.energy} tce, CO2 ${t0.co2} t\n`);
const t1 = totals([start[0] + 1, start[1]]);
const t2 = totals([start[0], start[1] + 1000]);
const a = [[t1.energy - t0.energy, (t2.energy - t0.energy) / 1000], [t1.co2 - t0.co2, (t2.co2 - t0.co2) / 1000]];
const b = [target.energy - t0.energy, target.co2 - t0.co2];
const det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
const dx = [(b[0] * a[1][1] - a[0][1] * b[1]) / det, (a[0][0] * b[1] - a[1][0] * b[0]) / det];
const knobs = [start[0] + dx[0], start[1] + dx[1]];
const final = totals(knobs);
process.stdout.write(
  `examples/jinchang-2020.csv: energy ${final.energy} tce (indicators ${target.energy}), consumption CO2 ${final.co2} t (indicators ${target.co2}); ` +
    `44 raw coal ${knobs[0].toFixed(4)} 万t, 32 electricity ${knobs[1].toFixed(1)} 万kWh (unsolved: ${start[0].toFixed(2)} 万t, ${start[1].toFixed(0)} 万kWh)\n`,
);
if (final.energy < 0 || knobs.some((k) => k <= 0)) {
  rmSync(out);
  throw new Error('no plausible solution: change the growth assumptions');
}
