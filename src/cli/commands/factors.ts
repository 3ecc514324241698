import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { bundledFactorsDir, loadBundled } from '../../bundled.js';
import { UsageError } from '../../core/usage-error.js';
import { parseCsvLines } from '../../core/csv-text.js';
import { Decimal } from '../../core/decimal.js';
import { diagnosticToJson, warning, type Diagnostic } from '../../core/diagnostics.js';
import type { FuelDictionary } from '../../core/dictionary/fuels.js';
import { diffTables, type DiffLine, type DiffStatus } from '../../core/factors/diff.js';
import { kindName } from '../../core/factors/kind-names.js';
import { factorKinds, kindColumns } from '../../core/factors/kinds.js';
import { compareVersions, type FactorRegistry } from '../../core/factors/registry.js';
import { parseFactorTable, tableRef, type FactorTable } from '../../core/factors/table.js';
import { fixed, grouped, type Decimals } from '../../core/format/number.js';
import { toDelimited, toMarkdown, type Column, type Tabular } from '../../core/format/tabular.js';
import { plainStyle, toTextTable, type Style, type TableFit } from '../../core/format/text-table.js';
import type { Lang } from '../../core/i18n/lang.js';
import { countEn, factorsCheckFailed, factorsCheckPassed, rowsText } from '../../core/i18n/summaries.js';
import { displayWidth } from '../../core/text.js';
import { stdinName } from '../../core/stdin-name.js';
import { ExitError, printDiagnostics, styleFor, type CliContext } from '../context.js';
import { formatFromPath, writeFileAtomic } from '../io.js';
import { duplicateTable, isBundledTable, resolveFactorArgs } from '../user-factors.js';
import { parseDecimalsOption, stdoutFormat } from '../calc-options.js';
import { oneTableFit } from '../terminal-width.js';

export interface FactorsCliOptions {
  format?: string;
  output?: string;
  bom?: boolean;
  decimals?: string;
  /** list: only tables of this kind */
  kind?: string;
  /** diff: also print the values that did not change */
  all?: boolean;
}

type Format = 'table' | 'csv' | 'tsv' | 'json' | 'md';

interface Out {
  format: Format;
  machine: boolean;
  decimals: Decimals | undefined;
  style: Style;
  lang: Lang;
  /** the terminal's width, for people's tables on stdout */
  fit?: TableFit | undefined;
}

function outputOf(options: FactorsCliOptions, ctx: CliContext): Out {
  const format = (options.output ? formatFromPath(options.output, ['csv', 'tsv', 'json', 'md']) : stdoutFormat(options.format, ctx)) as Format;
  return {
    format,
    machine: format === 'csv' || format === 'tsv' || format === 'json',
    decimals: parseDecimalsOption(options.decimals),
    style: options.output ? plainStyle : styleFor(ctx.stdout, ctx.env),
    lang: ctx.lang,
    fit: options.output ? undefined : oneTableFit(ctx),
  };
}

function emit(text: string, options: FactorsCliOptions, ctx: CliContext): void {
  if (options.output) writeFileAtomic(options.output, text);
  else ctx.stdout.write(text);
}

function renderTabular(table: Tabular, out: Out, bom: boolean | undefined): string {
  switch (out.format) {
    case 'csv':
      return toDelimited(table, ',', { bom });
    case 'tsv':
      return toDelimited(table, '\t', { bom });
    case 'md':
      return toMarkdown(table);
    default:
      return toTextTable(table, out.style, out.fit);
  }
}

const tr = (lang: Lang) => (en: string, zh: string) => (lang === 'zh' ? zh : en);

// ---------------------------------------------------------------------------------------------
// resolving a table argument: id, id@version, or a file

function looksLikePath(arg: string): boolean {
  return /[\\/]|\.csv$/i.test(arg) || isAbsolute(arg);
}

export function unknownTable(ref: string, registry: FactorRegistry): UsageError {
  const known = [...new Set(registry.tables.map((t) => t.meta.id))].sort().join(', ');
  const [id, version] = ref.split('@');
  if (version !== undefined && registry.tables.some((t) => t.meta.id === id)) {
    const versions = registry.tables.filter((t) => t.meta.id === id).map((t) => t.meta.version).join(', ');
    return new UsageError(
      `factor table ${id} has no version "${version}" (versions: ${versions})`,
      `因子表 ${id} 没有版本“${version}”（已有版本：${versions}）`,
    );
  }
  return new UsageError(
    `unknown factor table "${ref}" (known: ${known}); \`jinchang-carbon factors list\` shows them`,
    `未知的因子表“${ref}”（已有：${known}）；\`jinchang-carbon factors list\` 可列出全部`,
  );
}

/** A bundled table by id[@version], or the user's file validated like a bundled one (exit 2 when it is broken). */
function resolveTable(arg: string, registry: FactorRegistry, fuels: FuelDictionary, ctx: CliContext): FactorTable {
  if (looksLikePath(arg)) {
    if (!existsSync(arg)) throw new UsageError(`no such file: ${arg}`, `找不到文件：${arg}`);
    if (statSync(arg).isDirectory()) throw new UsageError(`${arg} is a folder; give a table file`, `${arg} 是文件夹；请给出因子表文件`);
    const { refs, diagnostics } = resolveFactorArgs([arg], registry, fuels);
    if (diagnostics.length > 0) {
      printDiagnostics(ctx, diagnostics);
      throw new ExitError(2);
    }
    return registry.resolve(refs[0]!)!;
  }
  const table = registry.resolve(arg);
  if (!table) throw unknownTable(arg, registry);
  return table;
}

// ---------------------------------------------------------------------------------------------
// factors list

/** `yes` for the kind's default table, `by-year` for grid tables chosen by the data's year. */
export function defaultMark(table: FactorTable, registry: FactorRegistry): 'yes' | 'by-year' | '' {
  if (table.meta.kind === 'grid') return table.meta.status === 'historical' ? '' : 'by-year';
  return registry.defaultFor(table.meta.kind) === table ? 'yes' : '';
}

function sortedTables(tables: readonly FactorTable[]): FactorTable[] {
  const kindRank = (t: FactorTable) => factorKinds.indexOf(t.meta.kind);
  return [...tables].sort((a, b) => kindRank(a) - kindRank(b) || a.meta.id.localeCompare(b.meta.id) || compareVersions(a, b));
}

export async function factorsList(options: FactorsCliOptions, ctx: CliContext): Promise<void> {
  const out = outputOf(options, ctx);
  const t = tr(ctx.lang);
  const { registry } = loadBundled();
  if (options.kind !== undefined && !(factorKinds as string[]).includes(options.kind)) {
    throw new UsageError(`--kind must be one of ${factorKinds.join(', ')}, not "${options.kind}"`, `--kind 只能是 ${factorKinds.join('、')}，不是“${options.kind}”`);
  }
  const tables = sortedTables(registry.tables.filter((x) => options.kind === undefined || x.meta.kind === options.kind));
  if (out.format === 'json') {
    const json = {
      tables: tables.map((x) => ({
        id: x.meta.id,
        version: x.meta.version,
        ref: tableRef(x),
        kind: x.meta.kind,
        applies_to: x.meta.applies_to,
        region: x.meta.region,
        title: x.meta.title,
        publisher: x.meta.publisher,
        published: x.meta.published,
        source: x.meta.source,
        status: x.meta.status ?? null,
        default: defaultMark(x, registry) || null,
        rows: x.rows.length,
        sha256: x.sha256,
        path: `factors/${x.path}`,
      })),
    };
    emit(JSON.stringify(json, null, 2) + '\n', options, ctx);
    return;
  }
  const mark = (x: FactorTable) => {
    const m = defaultMark(x, registry);
    if (out.machine || m === '') return m;
    return m === 'yes' ? t('yes', '是') : t('by year', '按年份');
  };
  const columns: Column[] = [
    { key: 'id', label: t('Id', '编号'), numeric: false },
    { key: 'version', label: t('Version', '版本'), numeric: false },
    { key: 'kind', label: t('Kind', '类型'), numeric: false },
    // a narrow terminal hides the region, then the years, then the default mark, keeping id, version and kind
    { key: 'applies_to', label: t('Applies to', '适用年份'), numeric: false, drop: 2 },
    { key: 'region', label: t('Region', '地区'), numeric: false, drop: 1 },
    { key: 'default', label: t('Default', '默认'), numeric: false, drop: 3 },
    ...(out.machine ? [{ key: 'status', label: 'status', numeric: false }, { key: 'sha256', label: 'sha256', numeric: false }] : []),
    // a narrow terminal cuts the title short, which `factors show` gives whole
    { key: 'title', label: t('Title', '名称'), numeric: false, shrink: true },
  ];
  // people reading Chinese get the kind by name and 不限/全球 for any/global; machines keep the keys
  const zhText = !out.machine && ctx.lang === 'zh';
  const rows = tables.map((x) => [
    x.meta.id,
    x.meta.version,
    zhText ? kindName(x.meta.kind, 'zh') : x.meta.kind,
    zhText && x.meta.applies_to === 'any' ? '不限' : x.meta.applies_to,
    zhText && x.meta.region === 'global' ? '全球' : x.meta.region,
    mark(x),
    ...(out.machine ? [x.meta.status ?? '', x.sha256] : []),
    x.meta.title,
  ]);
  let text = renderTabular({ columns, rows }, out, options.bom);
  if (out.format === 'table') {
    text += out.style.dim(
      t(
        `${tables.length} tables. \`factors show <id>\` prints one with its sources; grid tables are chosen by the data's year.\n`,
        `共 ${tables.length} 个因子表。\`factors show <编号>\` 显示数值与出处；电网因子表按数据年份选用。\n`,
      ),
    );
  }
  emit(text, options, ctx);
}

// ---------------------------------------------------------------------------------------------
// factors show

/** The cells of each data line as written in the file, so values print exactly as the source does (0.9000, not 0.9). */
function rawCells(table: FactorTable): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  const file = isBundled(table) ? join(bundledFactorsDir, table.path) : table.path;
  try {
    const [header, ...body] = parseCsvLines(readFileSync(file, 'utf8'));
    if (!header) return out;
    for (const { line, fields } of body) out.set(line, Object.fromEntries(header.fields.map((name, i) => [name, fields[i] ?? ''])));
  } catch {
    // fall back to the parsed values
  }
  return out;
}

const isBundled = isBundledTable;

function tableValues(table: FactorTable): { columns: string[]; rows: string[][] } {
  const raw = rawCells(table);
  const columns = kindColumns[table.meta.kind].map((c) => c.name);
  const rows = table.rows.map((r) =>
    columns.map((c) => {
      const written = raw.get(r.line)?.[c];
      if (written !== undefined && written !== '') return written;
      const v = r.values[c];
      return v === undefined ? '' : v instanceof Decimal ? v.toFixed() : String(v);
    }),
  );
  return { columns, rows };
}

export async function factorsShow(ref: string, options: FactorsCliOptions, ctx: CliContext): Promise<void> {
  const out = outputOf(options, ctx);
  const t = tr(ctx.lang);
  const { dict, registry } = loadBundled();
  const table = resolveTable(ref, registry, dict.fuels, ctx);
  const values = tableValues(table);
  const metaPairs = Object.entries(table.meta) as [string, string][];
  const where = isBundled(table) ? `factors/${table.path}` : table.path;
  let text: string;
  switch (out.format) {
    case 'json':
      text =
        JSON.stringify(
          {
            id: table.meta.id,
            version: table.meta.version,
            ref: tableRef(table),
            kind: table.meta.kind,
            sha256: table.sha256,
            path: where,
            default: defaultMark(table, registry) || null,
            meta: table.meta,
            columns: values.columns,
            rows: values.rows.map((r) => Object.fromEntries(values.columns.map((c, i) => [c, r[i] ?? '']))),
          },
          null,
          2,
        ) + '\n';
      break;
    case 'csv':
    case 'tsv': {
      // the table file's own format: provenance as `# key: value` lines, then the values; `factors check` reads it back
      const body = toDelimited(
        { columns: values.columns.map((c) => ({ key: c, label: c, numeric: false })), rows: values.rows },
        out.format === 'csv' ? ',' : '\t',
      );
      text = (options.bom ? '\uFEFF' : '') + metaPairs.map(([k, v]) => `# ${k}: ${v}`).join('\n') + '\n' + body;
      break;
    }
    case 'md': {
      const esc = (s: string) => s.replace(/\|/g, '\\|');
      text = [
        `## ${tableRef(table)} — ${table.meta.title}`,
        '',
        ...metaPairs.map(([k, v]) => `- **${k}**: ${v}`),
        `- **sha256**: \`${table.sha256}\``,
        `- **file**: \`${where}\``,
        '',
        toMarkdown({ columns: values.columns.map((c) => ({ key: c, label: esc(c), numeric: false })), rows: values.rows }),
      ].join('\n');
      break;
    }
    default: {
      const pairs: [string, string][] = [...metaPairs, ['sha256', table.sha256], [t('file', '文件'), where]];
      const width = Math.max(...pairs.map(([k]) => displayWidth(k)));
      const head = pairs.map(([k, v]) => `${out.style.header(k)}${' '.repeat(width - displayWidth(k))}  ${v}`).join('\n');
      const numeric = new Set(kindColumns[table.meta.kind].filter((c) => c.type === 'decimal' || c.type === 'optional-decimal').map((c) => c.name));
      const body = toTextTable(
        { columns: values.columns.map((c) => ({ key: c, label: c, numeric: numeric.has(c) })), rows: values.rows },
        out.style,
      );
      text = `${head}\n\n${body}`;
    }
  }
  emit(text, options, ctx);
}

// ---------------------------------------------------------------------------------------------
// factors diff

const STATUS: Record<DiffStatus, [string, string]> = {
  added: ['added', '新增'],
  removed: ['removed', '删除'],
  changed: ['changed', '变化'],
  same: ['same', '相同'],
};

export async function factorsDiff(a: string, b: string, options: FactorsCliOptions, ctx: CliContext): Promise<void> {
  const out = outputOf(options, ctx);
  const t = tr(ctx.lang);
  const { dict, registry } = loadBundled();
  const ta = resolveTable(a, registry, dict.fuels, ctx);
  const tb = resolveTable(b, registry, dict.fuels, ctx);
  if (ta.meta.kind !== tb.meta.kind) {
    throw new UsageError(
      `cannot compare ${tableRef(ta)} (${ta.meta.kind}) with ${tableRef(tb)} (${tb.meta.kind}): give two tables of the same kind`,
      `无法比较 ${tableRef(ta)}（${ta.meta.kind}）与 ${tableRef(tb)}（${tb.meta.kind}）：请给出同一类型的两个因子表`,
    );
  }
  const diff = diffTables(ta, tb, { all: options.all });
  const pctDecimals: Decimals = out.decimals ?? (out.machine ? 6 : 2);
  const derivedDecimals: Decimals = out.decimals ?? 6;
  const rawA = rawCells(ta);
  const rawB = rawCells(tb);
  const value = (l: DiffLine, which: 'old' | 'new'): string => {
    const v = which === 'old' ? l.oldValue : l.newValue;
    if (l.derived && v) return out.machine ? fixed(v, derivedDecimals) : grouped(fixed(v, derivedDecimals));
    const line = which === 'old' ? l.oldLine : l.newLine;
    const written = line === undefined ? undefined : (which === 'old' ? rawA : rawB).get(line)?.[l.column];
    return written || ((which === 'old' ? l.old : l.new) ?? '');
  };
  const change = (l: DiffLine): string => {
    if (!l.change) return '';
    const text = l.derived ? fixed(l.change, derivedDecimals) : exact(l.change);
    return out.machine ? text : grouped(text);
  };
  const pct = (l: DiffLine): string => {
    if (!l.changePct) return '';
    const text = fixed(l.changePct, pctDecimals);
    return out.machine ? text : `${text} %`;
  };
  const summaryText = t(
    `${tableRef(ta)} → ${tableRef(tb)} (${diff.kind}): ${countEn(diff.summary.changed, 'row')} changed, ${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.same} the same`,
    `${tableRef(ta)} → ${tableRef(tb)}（${kindName(diff.kind, 'zh')}）：${diff.summary.changed} 行变化，${diff.summary.added} 行新增，${diff.summary.removed} 行删除，${diff.summary.same} 行相同`,
  );

  if (out.format === 'json') {
    const ref = (x: FactorTable) => ({ id: x.meta.id, version: x.meta.version, sha256: x.sha256 });
    const json = {
      a: ref(ta),
      b: ref(tb),
      kind: diff.kind,
      summary: diff.summary,
      meta: diff.meta.map((m) => ({ key: m.key, old: m.old ?? null, new: m.new ?? null })),
      changes: diff.lines.map((l) => ({
        ...l.key,
        column: l.column,
        derived: l.derived,
        status: l.status,
        old: (l.old === undefined ? null : value(l, 'old')) || null,
        new: (l.new === undefined ? null : value(l, 'new')) || null,
        change: change(l) || null,
        change_pct: pct(l) || null,
      })),
    };
    emit(JSON.stringify(json, null, 2) + '\n', options, ctx);
    ctx.stderr.write(summaryText + '\n');
    return;
  }

  const columns: Column[] = [
    ...diff.keyColumns.map((k) => ({ key: k, label: k, numeric: false })),
    { key: 'column', label: t('Value', '数值项'), numeric: false },
    { key: 'status', label: t('Status', '状态'), numeric: false },
    { key: 'old', label: tableRef(ta), numeric: true },
    { key: 'new', label: tableRef(tb), numeric: true },
    { key: 'change', label: t('Change', '变化量'), numeric: true },
    { key: 'change_pct', label: t('Change %', '变化率'), numeric: true },
  ];
  if (out.machine) {
    columns.find((c) => c.key === 'old')!.label = 'old';
    columns.find((c) => c.key === 'new')!.label = 'new';
  }
  const derivedLabel = (l: DiffLine) =>
    l.derived && !out.machine ? t(`${l.column} (tCO2/t or /10^4m3)`, `${l.column}（tCO2/吨 或 /万立方米）`) : l.column;
  const rows = diff.lines.map((l) => [
    ...diff.keyColumns.map((k) => l.key[k] ?? ''),
    derivedLabel(l),
    out.machine ? l.status : t(...STATUS[l.status]),
    value(l, 'old'),
    value(l, 'new'),
    change(l),
    pct(l),
  ]);
  // text cells in the value columns (unit, ncv_unit) are not numbers
  const table: Tabular = { columns, rows };
  let text = renderTabular(table, out, options.bom);
  if (!out.machine) {
    const meta = diff.meta.map((m) => `  ${m.key}: ${short(m.old)} → ${short(m.new)}`);
    const head = [summaryText, ...(meta.length > 0 ? [t('Provenance that differs:', '出处信息的不同：'), ...meta] : [])];
    if (out.format === 'md') text = head.map((l) => (l.startsWith('  ') ? `- ${l.trim()}` : l)).join('\n') + '\n\n' + text;
    else text = out.style.dim(head.join('\n')) + '\n\n' + text;
  } else {
    ctx.stderr.write(summaryText + '\n');
  }
  emit(text, options, ctx);
}

/** A Decimal as its exact digits, never in exponent form. */
function exact(d: Decimal): string {
  return d.toFixed();
}

function short(text: string | undefined): string {
  if (text === undefined) return '—';
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

// ---------------------------------------------------------------------------------------------
// factors check

interface CheckedFile {
  path: string;
  table: FactorTable | undefined;
  diagnostics: Diagnostic[];
}

/** The table files named: files as given; a folder gives every .csv below it (not defaults.csv, lock.csv or dictionary/). */
function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'dictionary' && !name.startsWith('.') && name !== 'node_modules') walk(p);
      } else if (/\.csv$/i.test(name) && name !== 'defaults.csv' && name !== 'lock.csv') out.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    if (!existsSync(p)) throw new UsageError(`no such file: ${p}`, `找不到文件：${p}`);
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** Validates each file exactly as a bundled table is validated, plus the clash and grid-year checks calc would hit. */
export function checkFiles(paths: readonly string[], registry: FactorRegistry, fuels: FuelDictionary, lang: Lang): CheckedFile[] {
  const results: CheckedFile[] = [];
  for (const arg of paths) {
    const bytes = arg === '-' ? readFileSync(0) : readFileSync(arg);
    const path = arg === '-' ? stdinName(lang) : arg;
    const parsed = parseFactorTable(bytes, path, fuels);
    const diagnostics = [...parsed.diagnostics];
    const table = parsed.table;
    if (table) {
      const clash = registry.resolve(tableRef(table));
      if (clash && clash.sha256 !== table.sha256) {
        diagnostics.push(duplicateTable(table, clash, path));
      } else if (!clash) {
        registry.add(table);
      }
      if (table.meta.kind === 'grid' && table.year === undefined) {
        diagnostics.push(warning('TABLE_GRID_NO_YEAR', { value: table.meta.applies_to }, { file: path, line: metaLine(bytes, 'applies_to') }));
      }
    }
    results.push({ path, table: diagnostics.some((d) => d.severity === 'error') ? undefined : table, diagnostics });
  }
  return results;
}

function metaLine(bytes: Uint8Array, key: string): number | undefined {
  const lines = new TextDecoder().decode(bytes).split(/\r?\n/);
  const i = lines.findIndex((l) => new RegExp(`^\\s*#\\s*${key}\\s*:`).test(l));
  return i < 0 ? undefined : i + 1;
}

export async function factorsCheck(paths: string[], options: FactorsCliOptions, ctx: CliContext): Promise<void> {
  const explicit = options.format !== undefined || options.output !== undefined;
  const out = explicit ? outputOf(options, ctx) : undefined;
  const t = tr(ctx.lang);
  const files = expandPaths(paths);
  if (files.length === 0) throw new UsageError(`no .csv table files in ${paths.join(', ')}`, `${paths.join('、')} 中没有 .csv 因子表文件`);
  const { dict, registry } = loadBundled();
  const results = checkFiles(files, registry, dict.fuels, ctx.lang);
  const all = results.flatMap((r) => r.diagnostics);
  printDiagnostics(ctx, all);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const bad = results.filter((r) => !r.table);

  if (out) {
    if (out.format === 'json') {
      const json = {
        valid: errors === 0,
        errors,
        warnings,
        files: results.map((r) => ({
          path: r.path,
          valid: Boolean(r.table),
          id: r.table?.meta.id ?? null,
          version: r.table?.meta.version ?? null,
          kind: r.table?.meta.kind ?? null,
          rows: r.table?.rows.length ?? null,
          sha256: r.table?.sha256 ?? null,
          problems: r.diagnostics.map((d) => diagnosticToJson(d, ctx.lang)),
        })),
      };
      emit(JSON.stringify(json, null, 2) + '\n', options, ctx);
    } else {
      const columns: Column[] = [
        { key: 'path', label: t('File', '文件'), numeric: false },
        { key: 'valid', label: t('Valid', '通过'), numeric: false },
        { key: 'ref', label: t('Table', '因子表'), numeric: false },
        { key: 'kind', label: t('Kind', '类型'), numeric: false },
        { key: 'rows', label: t('Rows', '行数'), numeric: true },
        { key: 'errors', label: t('Errors', '错误'), numeric: true },
        { key: 'warnings', label: t('Warnings', '警告'), numeric: true },
        { key: 'sha256', label: 'sha256', numeric: false },
      ];
      const rows = results.map((r) => {
        const e = r.diagnostics.filter((d) => d.severity === 'error').length;
        return [
          r.path,
          r.table ? (out.machine ? 'yes' : t('yes', '是')) : out.machine ? 'no' : t('no', '否'),
          r.table ? tableRef(r.table) : '',
          r.table ? (!out.machine && ctx.lang === 'zh' ? kindName(r.table.meta.kind, 'zh') : r.table.meta.kind) : '',
          r.table ? String(r.table.rows.length) : '',
          String(e),
          String(r.diagnostics.length - e),
          r.table?.sha256 ?? '',
        ];
      });
      emit(renderTabular({ columns, rows }, out, options.bom), options, ctx);
    }
  }

  if (errors > 0) {
    ctx.stderr.write(`${factorsCheckFailed(ctx.lang, { errors, badFiles: bad.length, files: results.length })}\n`);
    throw new ExitError(1);
  }
  const list = results
    .map((r) => {
      const kind = r.table!.meta.kind;
      const rows = rowsText(ctx.lang, r.table!.rows.length);
      return ctx.lang === 'zh' ? `${tableRef(r.table!)}（${kindName(kind, 'zh')}，${rows}）` : `${tableRef(r.table!)} (${kind}, ${rows})`;
    })
    .join(ctx.lang === 'zh' ? '；' : '; ');
  ctx.stderr.write(`${factorsCheckPassed(ctx.lang, { files: results.length, warnings, list })}\n`);
}
