import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const lockRefs = readFileSync(join(repoRoot, 'factors/lock.csv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#') && l !== 'id,version,sha256')
  .map((l) => l.split(','));
const temp = mkdtempSync(join(tmpdir(), 'jc-factors-e2e-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('factors list', () => {
  it('--format json lists every bundled table with id, version and the locked sha256', () => {
    const r = runCli(['factors', 'list', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const { tables } = JSON.parse(r.stdout);
    expect(tables.map((t: { id: string; version: string; sha256: string }) => [t.id, t.version, t.sha256]).sort()).toEqual([...lockRefs].sort());
    expect(tables.find((t: { id: string }) => t.id === 'cn-gbt2589')).toMatchObject({
      version: '2020',
      kind: 'standard-coal',
      applies_to: 'any',
      region: 'CN',
      default: 'yes',
      path: 'factors/cn-gbt2589/2020.csv',
    });
    expect(tables.find((t: { id: string }) => t.id === 'mee-grid-2023')).toMatchObject({ default: 'by-year', applies_to: '2023' });
    expect(tables.find((t: { id: string }) => t.id === 'ndrc-grid-2012')).toMatchObject({ default: null, status: 'historical' });
  });

  it('is CSV in a pipe, one line per table, and --kind filters', () => {
    const r = runCli(['factors', 'list', '--kind', 'grid']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,version,kind,applies_to,region,default,status,sha256,title');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['mee-grid-2021', 'mee-grid-2022', 'mee-grid-2023', 'ndrc-grid-2012']);
  });

  it('prints a readable table with -f table, in Chinese with --lang zh', () => {
    const r = runCli(['factors', 'list', '-f', 'table', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^编号\s+版本\s+类型\s+适用年份\s+地区\s+默认\s+名称/);
    expect(r.stdout).toMatch(/mee-grid-2022\s+2024-12\s+电网排放因子\s+2022\s+CN\s+按年份/);
    expect(r.stdout).toContain('共 23 个因子表');
  });

  it('refuses an unknown --kind (exit 2)', () => {
    const r = runCli(['factors', 'list', '--kind', 'water']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage error: --kind must be one of standard-coal, combustion, grid');
  });
});

describe('factors show', () => {
  it.each(lockRefs.map(([id, version]) => `${id}@${version}`))('%s prints its provenance and values', (ref) => {
    const r = runCli(['factors', 'show', ref, '-f', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ref).toBe(ref);
    for (const key of ['title', 'publisher', 'source', 'published', 'region', 'applies_to', 'units']) expect(json.meta[key]).toBeTruthy();
    expect(json.rows.length).toBeGreaterThan(0);
    expect(json.sha256).toBe(lockRefs.find(([id, version]) => `${id}@${version}` === ref)![2]);
  });

  it('prints values exactly as the source writes them (0.9000, not 0.9)', () => {
    const r = runCli(['factors', 'show', 'cn-gbt2589']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['# id: cn-gbt2589', '# version: 2020', '# kind: standard-coal']);
    expect(r.stdout).toContain('\nfuel,coefficient,unit,ncv,ncv_unit,note\n');
    expect(r.stdout).toContain('\ndiesel,1.4571,kgce/kg,42652,kJ/kg,柴油 10200 kcal/kg\n');
    expect(r.stdout).toContain('\ncleaned_coal,0.9000,kgce/kg,26344,kJ/kg,洗精煤 6300 kcal/kg\n');
    expect(r.stdout).toContain('\nelectricity,0.1229,kgce/kWh,,,');
  });

  it('the terminal table: provenance keys first, then the values', () => {
    const r = runCli(['factors', 'show', 'mee-grid-2022', '-f', 'table']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('id          mee-grid-2022');
    expect(lines.some((l) => /^source\s+生态环境部 国家统计局《关于发布2022年电力二氧化碳排放因子的公告》/.test(l))).toBe(true);
    expect(lines.some((l) => /^sha256\s+b6a66f093c13ac3473e25ea8c8297824b962b0ee965dbe1853ef56ada1106837$/.test(l))).toBe(true);
    expect(lines.findIndex((l) => /^region\s+factor\s+note$/.test(l))).toBeGreaterThan(lines.findIndex((l) => l.startsWith('sha256')));
    expect(r.stdout).toMatch(/\ngansu\s+0\.4772\s+甘肃; two public code transcriptions agree\n/);
  });

  it('its CSV is the table file itself, byte for byte; edited, it passes `factors check` only as a new version', () => {
    const r = runCli(['factors', 'show', 'mee-grid-2023']);
    expect(r.stdout).toBe(readFileSync(join(repoRoot, 'factors/mee-grid-2023/2025-12.csv'), 'utf8'));
    const path = join(temp, 'copy.csv');
    writeFileSync(path, r.stdout.replace('# version: 2025-12', '# version: 2026-corrected'));
    const check = runCli(['factors', 'check', path]);
    expect(check.code).toBe(0);
    expect(check.stderr).toBe(`ok: 1 table file valid: mee-grid-2023@2026-corrected (grid, 40 rows)\n`);
    // the same id@version with other bytes is refused: a published version never changes
    writeFileSync(path, r.stdout.replace('gansu,0.4471', 'gansu,0.4400'));
    const clash = runCli(['factors', 'check', path]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain(
      `${path}:1: error: table mee-grid-2023@2025-12 is already the bundled table factors/mee-grid-2023/2025-12.csv, with other values (fix: give your file another version (or id); to use the bundled table, name it: --factors mee-grid-2023@2025-12)`,
    );
  });

  it('shows a user table file too', () => {
    const r = runCli(['factors', 'show', 'test/fixtures/factors/good/gansu-grid-2024.csv', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ref: 'test-gansu-grid-2024@2026-01', path: 'test/fixtures/factors/good/gansu-grid-2024.csv', rows: [{ region: 'gansu', factor: '0.4300' }, {}, {}] });
  });

  it('an unknown table is a usage error (exit 2), in English and Chinese', () => {
    const en = runCli(['factors', 'show', 'mee-grid-2030']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toMatch(/^usage error: unknown factor table "mee-grid-2030" \(known: cn-gbt2589, .*\); `jinchang-carbon factors list` shows them\n$/);
    const zh = runCli(['factors', 'show', 'mee-grid-2022@2099', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('用法错误: 因子表 mee-grid-2022 没有版本“2099”（已有版本：2024-12）\n');
  });
});

describe('factors diff', () => {
  it('mee-grid-2022 → mee-grid-2023, row by row as CSV: gansu 0.4772 → 0.4471 (−0.0301, −6.31 %)', () => {
    const r = runCli(['factors', 'diff', 'mee-grid-2022', 'mee-grid-2023']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('region,column,status,old,new,change,change_pct');
    expect(lines).toContain('gansu,factor,changed,0.4772,0.4471,-0.0301,-6.307628');
    expect(lines).toContain('northwest,factor,changed,0.5857,0.5543,-0.0314,-5.361106');
    expect(lines).toContain('east,factor,changed,0.5617,0.5500,-0.0117,-2.082962');
    expect(lines).toHaveLength(41);
    expect(r.stderr).toBe('mee-grid-2022@2024-12 → mee-grid-2023@2025-12 (grid): 40 rows changed, 0 added, 0 removed, 0 the same\n');
  });

  it('as a table: 2 decimals and a % sign, and which provenance differs', () => {
    const r = runCli(['factors', 'diff', 'mee-grid-2022@2024-12', 'mee-grid-2023@2025-12', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\ngansu\s+factor\s+changed\s+0\.4772\s+0\.4471\s+-0\.0301\s+-6\.31 %\n/);
    expect(r.stdout).toContain('  applies_to: 2022 → 2023\n');
  });

  it('as JSON, with the refs and hashes of both tables', () => {
    const r = runCli(['factors', 'diff', 'mee-grid-2021', 'mee-grid-2022', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.a).toEqual({ id: 'mee-grid-2021', version: '2024-04', sha256: 'd92a6465f80025b5e097aac6d2b195ea2625fc7b3b0abccac93641afed1e331d' });
    expect(json.summary).toEqual({ added: 1, removed: 0, changed: 39, same: 0 });
    expect(json.changes).toContainEqual({ region: 'national-excl-market', column: 'factor', derived: false, status: 'added', old: null, new: '0.5856', change: null, change_pct: null });
    expect(json.changes).toContainEqual({ region: 'national', column: 'factor', derived: false, status: 'changed', old: '0.5568', new: '0.5366', change: '-0.0202', change_pct: '-3.627874' });
  });

  it('combustion tables compare each value and the tCO2 per unit they give', () => {
    const r = runCli(['factors', 'diff', 'cn-gbt32151', 'ipcc2006-combustion']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\ndiesel,ncv,changed,42.652,43.0,0.348,0.815905\n');
    expect(r.stdout).toContain('\ndiesel,co2_per_unit,changed,3.095910,3.184867,0.088957,2.873373\n');
    expect(r.stdout).toContain('\nraw_coal,ncv,removed,20.908,,,\n');
  });

  it('compares a user file against a bundled table', () => {
    const r = runCli(['factors', 'diff', 'cn-gbt32151', 'test/fixtures/factors/good/measured-coal.csv', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes).toContainEqual({ fuel: 'raw_coal', column: 'ncv', derived: false, status: 'changed', old: '20.908', new: '22.000', change: '1.092', change_pct: '5.222881' });
  });

  it('refuses tables of different kinds and unknown tables (exit 2)', () => {
    const r = runCli(['factors', 'diff', 'mee-grid-2022', 'gwp-ar5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('usage error: cannot compare mee-grid-2022@2024-12 (grid) with gwp-ar5@2013 (gwp): give two tables of the same kind\n');
    expect(runCli(['factors', 'diff', 'mee-grid-2022', 'nope']).code).toBe(2);
  });
});

describe('factors check', () => {
  it('a good file: exit 0, one OK line on stderr, nothing on stdout', () => {
    const r = runCli(['factors', 'check', 'test/fixtures/factors/good/gansu-grid-2024.csv', 'test/fixtures/factors/good/measured-coal.csv']);
    expect(r).toEqual({
      code: 0,
      stdout: '',
      stderr: 'ok: 2 table files valid: test-gansu-grid-2024@2026-01 (grid, 3 rows); test-measured-coal@2024.1 (combustion, 4 rows)\n',
    });
  });

  it('the bundled folder passes', () => {
    const r = runCli(['factors', 'check', 'factors']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ok: 23 table files valid: cn-gbt2589@2020 \(standard-coal, 20 rows\);/);
  });

  it('bad files: every problem as file:line:column: message (fix), exit 1', () => {
    const r = runCli(['factors', 'check', 'test/fixtures/factors/bad']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'test/fixtures/factors/bad/bad-kind.csv:3: error: unknown table kind "electricity" (fix: use one of standard-coal, combustion, grid, heat, non-co2, mobile-non-co2, gwp, power-coal-rate, targets, process)',
      'test/fixtures/factors/bad/duplicate-row.csv:15: error: "gansu" appears twice (first on line 12) (fix: keep one row per key)',
      'test/fixtures/factors/bad/missing-source.csv:1: error: factor table has no "# source:" line (fix: add "# source: …" to the header block (see factors/README.md))',
      'test/fixtures/factors/bad/ncv-unit.csv:14:3: error: ncv_unit "GJ/t" is not GJ/10^4m3 (natural_gas is counted by volume) (fix: write ncv_unit as GJ/10^4m3 (natural_gas is counted by volume))',
      'test/fixtures/factors/bad/non-numeric.csv:13:2: error: factor "0.54O0" is not a plain number such as 0.5366 (no sign, no thousands separator) (fix: write factor as a plain number such as 0.5366 (no sign, no thousands separator))',
      'test/fixtures/factors/bad/oxidation-percent.csv:13:5: error: oxidation_rate "98" is not a fraction between 0 and 1 (0.98, not 98) (fix: write oxidation_rate as a fraction between 0 and 1 (0.98, not 98))',
      'test/fixtures/factors/bad/unknown-fuel.csv:15:1: error: unknown fuel id "coke_breeze" (fix: use an id from factors/dictionary/fuels.csv, e.g. raw_coal, diesel, natural_gas)',
      'test/fixtures/factors/bad/wrong-columns.csv:11: error: a grid table needs the columns region,factor,note; found region,value,note (fix: make the header row: region,factor,note)',
      '8 errors in 8 of 8 table files; such a table is refused by calc',
    ]);
  });

  it('in Chinese', () => {
    const r = runCli(['factors', 'check', 'test/fixtures/factors/bad/missing-source.csv'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'test/fixtures/factors/bad/missing-source.csv:1: 错误: 因子表缺少“# source:”一行（改法：在表头说明中加入“# source: …”（见 factors/README.md））\n' +
        '因子表文件中有 1 个错误；calc 不会使用有错误的因子表\n',
    );
  });

  it('in Chinese, one bad file of several, and every table named by its kind when all pass', () => {
    const zh = { env: { LANG: 'zh_CN.UTF-8' } };
    const bad = runCli(['factors', 'check', 'test/fixtures/factors/bad/missing-source.csv', 'test/fixtures/factors/good'], zh);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n').filter(Boolean).at(-1)).toBe('3 个因子表文件中有 1 个有错误，共 1 个错误；calc 不会使用有错误的因子表');
    const good = runCli(['factors', 'check', 'test/fixtures/factors/good'], zh);
    expect(good.code).toBe(0);
    expect(good.stderr).toBe('通过：2 个因子表文件均有效：test-gansu-grid-2024@2026-01（电网排放因子，3 行）；test-measured-coal@2024.1（化石燃料燃烧参数，4 行）\n');
  });

  it('a grid table without a single year passes, warning that calc applies it to every year', () => {
    const r = runCli(['factors', 'check', 'test/fixtures/factors/warn/grid-range.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'grid-range.csv:9: warning: a grid table normally describes one data year, but applies_to is "2020-2024"; given with --factors, calc applies it to every data year',
    );
  });

  it('-f json puts the result on stdout', () => {
    const r = runCli(['factors', 'check', 'test/fixtures/factors/bad/oxidation-percent.csv', 'test/fixtures/factors/good/measured-coal.csv', '-f', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ valid: false, errors: 1, warnings: 0 });
    expect(json.files[0]).toMatchObject({ path: 'test/fixtures/factors/bad/oxidation-percent.csv', valid: false, id: null });
    expect(json.files[0].problems[0]).toMatchObject({ code: 'TABLE_BAD_VALUE', line: 13, column: 5 });
    expect(json.files[1]).toMatchObject({ valid: true, id: 'test-measured-coal', version: '2024.1', kind: 'combustion', rows: 4 });
  });

  it('a missing file is a usage error (exit 2)', () => {
    const r = runCli(['factors', 'check', 'no/such/table.csv']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'usage error: no such file: no/such/table.csv\n' });
  });
});

describe('calc with a user table', () => {
  it('a broken table given to --factors is refused before anything is calculated (exit 2)', () => {
    const r = runCli(['calc', 'test/fixtures/hand-check.csv', '--factors', 'test/fixtures/factors/bad/oxidation-percent.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('test/fixtures/factors/bad/oxidation-percent.csv:13:5: error: oxidation_rate "98" is not a fraction between 0 and 1 (0.98, not 98)');
  });

  it('a good one is used and recorded with its sha256', () => {
    const r = runCli(['calc', 'test/fixtures/hand-check.csv', '--factors', 'test/fixtures/factors/good/measured-coal.csv', '-f', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.meta.factors).toContainEqual(
      expect.objectContaining({ id: 'test-measured-coal', version: '2024.1', sha256: '0528e279bc0a58473484c8bb090bf152ff6ea3652ebb2f0ad0a477c9af2133c9' }),
    );
    expect(json.meta.factors.map((f: { id: string }) => f.id)).not.toContain('cn-gbt32151');
  });
});
