import { createHash } from 'node:crypto';
import { Decimal } from '../decimal.js';
import { error, hasErrors, warning, type Diagnostic } from '../diagnostics.js';
import type { FuelDictionary } from '../dictionary/fuels.js';
import { parseCsvLines } from '../csv-text.js';
import { COAL_RATE_STATUS, factorKinds, kindColumns, plausibleRange, requiredMetaKeys, type FactorKind } from './kinds.js';

export interface FactorTableMeta {
  id: string;
  version: string;
  kind: FactorKind;
  title: string;
  publisher: string;
  source: string;
  published: string;
  region: string;
  applies_to: string;
  units: string;
  [key: string]: string;
}

export type CellValue = string | Decimal | number | undefined;

export interface FactorRow {
  line: number;
  values: Record<string, CellValue>;
}

export interface FactorTable {
  meta: FactorTableMeta;
  /** sha256 of the file's bytes: what a result records so the figures can be traced */
  sha256: string;
  /** where it was read from (a path relative to the factors folder for bundled tables) */
  path: string;
  rows: FactorRow[];
  /** the year the values describe when applies_to is a single year (grid tables) */
  year: number | undefined;
}

export function tableRef(table: FactorTable): string {
  return `${table.meta.id}@${table.meta.version}`;
}

export function decimalOf(row: FactorRow, column: string): Decimal {
  const v = row.values[column];
  if (!(v instanceof Decimal)) throw new Error(`column ${column} of line ${row.line} is not a number`);
  return v;
}

export function textOf(row: FactorRow, column: string): string {
  const v = row.values[column];
  return v === undefined ? '' : String(v);
}

const FUEL_NCV_UNIT = { mass: 'GJ/t', volume: 'GJ/10^4m3' } as const;
const FUEL_COAL_UNIT: Record<string, string[]> = {
  mass: ['kgce/kg'],
  volume: ['kgce/m3'],
  electricity: ['kgce/kWh'],
  heat: ['kgce/MJ', 'kgce/GJ'],
};

/**
 * Reads and validates one factor table file. Everything wrong is returned as diagnostics
 * located at the file and line, so a user's own table gets the same scrutiny as ours.
 */
export function parseFactorTable(
  bytes: Uint8Array,
  path: string,
  fuels: FuelDictionary,
): { table: FactorTable | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (line?: number, column?: number) => ({ file: path, line, column });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { table: undefined, diagnostics: [error('ENCODING_INVALID', { encoding: 'UTF-8' }, at())] };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const meta: Record<string, string> = {};
  const metaLine: Record<string, number> = {};
  let headerLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = /^#\s*([a-z_]+)\s*:\s*(.*)$/.exec(line);
    if (m) {
      meta[m[1]!] = m[2]!.trim();
      metaLine[m[1]!] = i + 1;
      continue;
    }
    if (line.startsWith('#')) continue;
    headerLine = i + 1;
    break;
  }
  for (const key of requiredMetaKeys) {
    if (!meta[key]) diagnostics.push(error('TABLE_MISSING_KEY', { key }, at(1)));
  }
  // `# out_of_range: <reason>`: the user vouches for values outside the plausible ranges (kinds.ts)
  const outOfRange = meta.out_of_range?.trim() || undefined;
  const kind = meta.kind as FactorKind | undefined;
  if (meta.kind && !factorKinds.includes(meta.kind as FactorKind)) {
    diagnostics.push(error('TABLE_BAD_KIND', { value: meta.kind, kinds: factorKinds.join(', ') }, at(metaLine.kind)));
  }
  if (meta.id && !/^[a-z0-9][a-z0-9-]*$/.test(meta.id)) {
    diagnostics.push(error('TABLE_BAD_ID', { value: meta.id }, at(metaLine.id)));
  }
  if (diagnostics.length > 0 || !kind) return { table: undefined, diagnostics };
  if (headerLine === 0) return { table: undefined, diagnostics: [error('TABLE_NO_ROWS', {}, at(lines.length))] };

  const specs = kindColumns[kind];
  let records;
  try {
    records = parseCsvLines(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { table: undefined, diagnostics: [error('CSV_MALFORMED', { detail: (e as Error).message }, at())] };
  }
  const [header, ...body] = records;
  const found = header?.fields ?? [];
  const expected = specs.map((c) => c.name);
  const index = new Map(found.map((name, i) => [name, i]));
  const missing = specs.filter((c) => !c.optional && !index.has(c.name));
  if (!header || missing.length > 0) {
    diagnostics.push(
      error('TABLE_BAD_COLUMNS', { kind, expected: expected.join(','), found: found.join(',') }, at(header?.line ?? headerLine)),
    );
    return { table: undefined, diagnostics };
  }
  if (body.length === 0) return { table: undefined, diagnostics: [error('TABLE_NO_ROWS', {}, at(header.line))] };

  const rows: FactorRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    const values: Record<string, CellValue> = {};
    let ok = true;
    for (const spec of specs) {
      const i = index.get(spec.name);
      const raw = i === undefined ? '' : (fields[i] ?? '');
      const column = i === undefined ? undefined : i + 1;
      const bad = (expectedText: string, expectedZh: string) => {
        diagnostics.push(error('TABLE_BAD_VALUE', { column: spec.name, value: raw, expected: expectedText, expectedZh }, at(line, column)));
        ok = false;
      };
      switch (spec.type) {
        case 'decimal':
        case 'optional-decimal': {
          if (raw === '' && spec.type === 'optional-decimal') break;
          // plain digits only: "42,652" in a factor file is a slip, not forty-two thousand
          if (!/^\d+(\.\d+)?$/.test(raw)) bad('a plain number such as 0.5366 (no sign, no thousands separator)', '纯数字，如 0.5366（不带符号和千位分隔符）');
          else values[spec.name] = new Decimal(raw);
          break;
        }
        case 'fuel':
          if (!fuels.byId.has(raw)) {
            diagnostics.push(error('TABLE_UNKNOWN_FUEL', { value: raw }, at(line, column)));
            ok = false;
          } else values[spec.name] = raw;
          break;
        case 'year':
          if (!/^\d{4}$/.test(raw)) bad('a four-digit year', '四位年份');
          else values[spec.name] = Number(raw);
          break;
        case 'region':
          if (!/^[a-z][a-z0-9-]*$/.test(raw)) bad('a lowercase region id such as gansu', '小写地区编号（如 gansu）');
          else values[spec.name] = raw;
          break;
        case 'enum':
          if (!spec.values!.includes(raw)) bad(`one of ${spec.values!.join(', ')}`, `${spec.values!.join('、')} 之一`);
          else values[spec.name] = raw;
          break;
        case 'text':
          values[spec.name] = raw;
          break;
      }
    }
    if (!ok) continue;
    ok = checkRowConsistency(kind, values, fuels, (column, value, expectedText, expectedZh) => {
      const i = index.get(column);
      diagnostics.push(error('TABLE_BAD_VALUE', { column, value, expected: expectedText, expectedZh }, at(line, i === undefined ? undefined : i + 1)));
    });
    if (!ok) continue;
    for (const spec of specs) {
      const v = values[spec.name];
      const range = v instanceof Decimal ? plausibleRange(kind, spec.name, values) : undefined;
      if (range && v instanceof Decimal && (v.lessThan(range.min) || v.greaterThan(range.max))) {
        // almost always a unit slip: an error, unless the table's header says why the value is right
        const i = index.get(spec.name);
        const params = { column: spec.name, value: v.toFixed(), min: range.min, max: range.max, unit: range.unit };
        const where = at(line, i === undefined ? undefined : i + 1);
        diagnostics.push(
          outOfRange ? warning('TABLE_VALUE_RANGE_ACCEPTED', { ...params, reason: outOfRange }, where) : error('TABLE_VALUE_RANGE', params, where),
        );
      }
    }
    const key = specs.filter((c) => c.key).map((c) => String(values[c.name])).join(' / ');
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(error('TABLE_DUPLICATE_KEY', { key, first }, at(line)));
      continue;
    }
    seen.set(key, line);
    rows.push({ line, values });
  }
  const year = /^\d{4}$/.test(meta.applies_to ?? '') ? Number(meta.applies_to) : undefined;
  const table: FactorTable = { meta: meta as FactorTableMeta, sha256, path, rows, year };
  return { table: hasErrors(diagnostics) ? undefined : table, diagnostics };
}

function checkRowConsistency(
  kind: FactorKind,
  values: Record<string, CellValue>,
  fuels: FuelDictionary,
  report: (column: string, value: string, expected: string, expectedZh: string) => void,
): boolean {
  const fuel = typeof values.fuel === 'string' ? fuels.byId.get(values.fuel) : undefined;
  if (kind === 'combustion' && fuel) {
    const want = fuel.dimension === 'mass' || fuel.dimension === 'volume' ? FUEL_NCV_UNIT[fuel.dimension] : undefined;
    if (!want) {
      report('fuel', fuel.id, 'a fuel that is burned (not electricity or heat)', '燃烧的化石能源（不是电力或热力）');
      return false;
    }
    if (values.ncv_unit !== want) {
      report('ncv_unit', String(values.ncv_unit), `${want} (${fuel.id} is counted by ${fuel.dimension})`, `${want}（${fuel.zh}按${fuel.dimension === 'mass' ? '质量' : '体积'}计量）`);
      return false;
    }
    const rate = values.oxidation_rate as Decimal;
    if (rate.isZero() || rate.greaterThan(1)) {
      report('oxidation_rate', rate.toString(), 'a fraction between 0 and 1 (0.98, not 98)', '0 到 1 之间的小数（写 0.98，不写 98）');
      return false;
    }
  }
  if (kind === 'power-coal-rate' && !['', ...COAL_RATE_STATUS].includes(String(values.status ?? ''))) {
    report('status', String(values.status), `empty or one of ${COAL_RATE_STATUS.join(', ')}`, `留空或 ${COAL_RATE_STATUS.join('、')} 之一`);
    return false;
  }
  if (kind === 'targets') {
    const share = values.indicator === 'non_fossil_share';
    const need = share ? 'share_pct' : 'reduction_pct';
    const other = share ? 'reduction_pct' : 'share_pct';
    if (values[need] === undefined) {
      report(need, '', `a percentage (${String(values.indicator)} targets give ${need})`, `百分数（${String(values.indicator)} 目标填写 ${need}）`);
      return false;
    }
    if (values[other] !== undefined) {
      report(other, String(values[other]), `empty (${String(values.indicator)} targets give ${need} only)`, `留空（${String(values.indicator)} 目标只填写 ${need}）`);
      return false;
    }
    if (!['', 'about', 'at_least'].includes(String(values.qualifier ?? ''))) {
      report('qualifier', String(values.qualifier), 'empty, about (左右) or at_least (以上)', '留空、about（左右）或 at_least（以上）');
      return false;
    }
  }
  if (kind === 'standard-coal' && fuel) {
    const allowed = FUEL_COAL_UNIT[fuel.dimension] ?? [];
    if (!allowed.includes(String(values.unit))) {
      report('unit', String(values.unit), `${allowed.join(' or ')} (${fuel.id} is counted by ${fuel.dimension})`, `${allowed.join(' 或 ')}（${fuel.zh}）`);
      return false;
    }
  }
  return true;
}
