/** Random, messy but mostly valid activity files (seeded), for tests that compare reading paths. */
import { prng } from './prng.js';

const SECTORS = ['有色金属冶炼和压延加工业', '化学原料和化学制品制造业', '电力、热力生产和供应业', '城乡居民生活', 'C32', '32 有色金属冶炼和压延加工业', 'Construction', '某某新材料厂', '批发和零售业'];
const FUELS: [string, string[]][] = [
  ['原煤', ['吨', 't', '万吨', '10^4 t', 'kg', '吨标准煤']],
  ['raw coal', ['t', '万t']],
  ['柴油', ['吨', '万吨', 'GJ']],
  ['天然气', ['万立方米', 'm3', '亿m3', '万m3']],
  ['电力', ['万千瓦时', 'kWh', '亿千瓦时', 'MWh']],
  ['热力', ['GJ', '吉焦', '百万千焦']],
  ['焦炭', ['吨', '万吨']],
  ['LPG', ['t', 'kg']],
];

/** A messy but mostly valid activity file, as spreadsheets and databases write them. */
export function randomFile(seed: number): { bytes: Uint8Array; extras: string[] } {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const delimiter = pick([',', ',', ',', ';', '\t']);
  const eol = r() < 0.3 ? '\r\n' : '\n';
  const withUse = r() < 0.4;
  const extras = ['enterprise', '月份', 'note'].filter(() => r() < 0.5);
  const cols = ['year', 'sector', 'fuel', 'quantity', 'unit', ...(withUse ? ['use'] : []), ...extras];
  for (let i = cols.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [cols[i], cols[j]] = [cols[j]!, cols[i]!];
  }
  const names: Record<string, string[]> = {
    year: ['year', '年份', '年度'],
    sector: ['sector', '行业名称', '部门'],
    fuel: ['fuel', '能源品种', '燃料'],
    quantity: ['quantity', '消费量', '实物量'],
    unit: ['unit', '计量单位', '单位'],
    use: ['use', '用途'],
  };
  const cell = (text: string) => {
    if (text.includes(delimiter) || text.includes('"')) return `"${text.replace(/"/g, '""')}"`;
    return r() < 0.05 ? `"${text}"` : text;
  };
  const lines: string[] = [];
  if (r() < 0.2) lines.push(`金昌市能源消费统计${delimiter}${delimiter}`);
  if (r() < 0.2) lines.push('# comment line');
  lines.push(cols.map((c) => cell(pick(names[c] ?? [c]))).join(delimiter));
  const years = [2020, 2021, 2022, 2023].slice(0, 1 + Math.floor(r() * 4));
  const n = 5 + Math.floor(r() * 150);
  const bad = r() < 0.2;
  const ragged = r() < 0.2;
  for (let i = 0; i < n; i++) {
    if (r() < 0.03) {
      lines.push(pick(['', '   ', delimiter.repeat(cols.length - 1), '# note']));
      continue;
    }
    const [fuel, units] = pick(FUELS);
    const year = pick(years);
    const magnitude = 10 ** Math.floor(r() * 6 - 2);
    let q = (r() * magnitude).toFixed(Math.floor(r() * 4));
    const roll = r();
    if (roll < 0.05 && Number(q) >= 1000) q = Number(q).toLocaleString('en-US', { maximumFractionDigits: 3 });
    else if (roll < 0.07) q = ` ${q} `;
    else if (roll < 0.08) q = q.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    else if (roll < 0.09) q = `${Math.floor(r() * 9) + 1}e${Math.floor(r() * 3)}`;
    else if (roll < 0.1) q = (r() * 1000).toFixed(12);
    else if (bad && roll < 0.12) q = pick(['', '-3', 'n/a', '1,23']);
    const values: Record<string, string> = {
      year: r() < 0.02 ? `${year}年` : String(year),
      sector: pick(SECTORS),
      fuel: bad && r() < 0.01 ? '可燃冰' : fuel,
      quantity: q,
      unit: bad && r() < 0.02 ? '斤' : pick(units),
      use: fuel === '电力' && r() < 0.2 ? '发电' : fuel === '原煤' && r() < 0.2 ? '原料' : '',
      enterprise: pick(['金川集团', '  金川集团', '某化工', '金昌公交公司', '', 'E"1"']),
      月份: String(1 + Math.floor(r() * 3)),
      note: pick(['', '', 'a, b', '\u3000', 'x']),
    };
    let row = cols.map((c) => cell(values[c]!));
    if (ragged && r() < 0.03) row = row.slice(0, -1);
    if (ragged && r() < 0.03) row.push(pick(['', 'extra']));
    else if (r() < 0.02) row.push('');
    lines.push(row.join(delimiter));
  }
  const text = lines.join(eol) + (r() < 0.8 ? eol : '');
  const body = new TextEncoder().encode(text);
  if (r() < 0.2) {
    const withBom = new Uint8Array(body.length + 3);
    withBom.set([0xef, 0xbb, 0xbf]);
    withBom.set(body, 3);
    return { bytes: withBom, extras };
  }
  return { bytes: body, extras };
}
