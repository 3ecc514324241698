import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFactorsDir, loadBundled } from '../../src/bundled.js';
import { tableRef } from '../../src/core/factors/table.js';

const script = join(bundledFactorsDir, '..', 'scripts', 'lock-factors.mjs');
const FIX = 'A published factor table never changes. Restore the file as published and put the correction in a new version file beside it (factors/<id>/<new version>.csv), then run `node scripts/lock-factors.mjs` to lock the new version.';

interface LockEntry {
  id: string;
  version: string;
  sha256: string;
}

function readLock(dir: string): LockEntry[] {
  return readFileSync(join(dir, 'lock.csv'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && l !== 'id,version,sha256')
    .map((l) => {
      const [id, version, sha256] = l.split(',');
      return { id: id!, version: version!, sha256: sha256! };
    });
}

function tableFiles(dir: string): { ref: string; path: string; sha256: string }[] {
  const out = [];
  for (const id of readdirSync(dir).sort()) {
    if (id === 'dictionary' || !statSync(join(dir, id)).isDirectory()) continue;
    for (const name of readdirSync(join(dir, id)).sort()) {
      if (!name.endsWith('.csv')) continue;
      const bytes = readFileSync(join(dir, id, name));
      out.push({ ref: `${id}@${name.slice(0, -4)}`, path: `factors/${id}/${name}`, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  }
  return out;
}

describe('factors/lock.csv: a published version never changes', () => {
  const lock = readLock(bundledFactorsDir);
  const files = tableFiles(bundledFactorsDir);
  const locked = new Map(lock.map((e) => [`${e.id}@${e.version}`, e.sha256]));

  it('locks every bundled table file', () => {
    const unlocked = files.filter((f) => !locked.has(f.ref)).map((f) => f.path);
    expect(unlocked, `not in factors/lock.csv: ${unlocked.join(', ')}; run \`node scripts/lock-factors.mjs\` to lock new versions`).toEqual([]);
  });

  it('every bundled file has the sha256 it was published with', () => {
    const changed = files
      .filter((f) => locked.has(f.ref) && locked.get(f.ref) !== f.sha256)
      .map((f) => `${f.path} (locked ${locked.get(f.ref)}, now ${f.sha256})`);
    expect(changed, `changed after publication: ${changed.join('; ')}. ${FIX}`).toEqual([]);
  });

  it('no locked version has disappeared', () => {
    const present = new Set(files.map((f) => f.ref));
    const gone = lock.filter((e) => !present.has(`${e.id}@${e.version}`)).map((e) => `factors/${e.id}/${e.version}.csv`);
    expect(gone, `locked but missing: ${gone.join(', ')}. A published version must stay available so old results can be reproduced; restore it.`).toEqual([]);
  });

  it('locks each version once', () => {
    const refs = lock.map((e) => `${e.id}@${e.version}`);
    expect(refs.length).toBe(new Set(refs).size);
  });

  it('the hash a result records for each table is the locked one', () => {
    const { registry } = loadBundled();
    for (const table of registry.tables) expect(table.sha256, tableRef(table)).toBe(locked.get(tableRef(table)));
    expect(registry.tables.length).toBe(files.length);
  });
});

describe('scripts/lock-factors.mjs', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'jc-lock-'));
    temps.push(dir);
    cpSync(bundledFactorsDir, dir, { recursive: true });
    return dir;
  };
  const run = (dir: string, ...args: string[]) => spawnSync(process.execPath, [script, '--dir', dir, ...args], { encoding: 'utf8' });

  it('finds nothing to add in the repository', () => {
    const r = run(bundledFactorsDir, '--check');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('ok, 23 tables match the lock');
  });

  it('appends a new version and leaves every existing line as it was', () => {
    const dir = copy();
    const before = readFileSync(join(dir, 'lock.csv'), 'utf8');
    const table = readFileSync(join(dir, 'mee-grid-2023', '2025-12.csv'), 'utf8').replace('# version: 2025-12', '# version: 2026-06');
    writeFileSync(join(dir, 'mee-grid-2023', '2026-06.csv'), table);
    const r = run(dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('locked mee-grid-2023@2026-06');
    const after = readFileSync(join(dir, 'lock.csv'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const sha = createHash('sha256').update(table).digest('hex');
    expect(after.slice(before.length)).toBe(`mee-grid-2023,2026-06,${sha}\n`);
    // running again adds nothing
    expect(run(dir).stderr).toContain('nothing to add');
    expect(readFileSync(join(dir, 'lock.csv'), 'utf8')).toBe(after);
  });

  it('refuses, naming the file, when a locked table changed, and writes nothing', () => {
    const dir = copy();
    const path = join(dir, 'mee-grid-2022', '2024-12.csv');
    appendFileSync(path, 'lanzhou,0.5000,not in the published table\n');
    writeFileSync(join(dir, 'gwp-ar5', '2099.csv'), readFileSync(join(dir, 'gwp-ar5', '2013.csv'), 'utf8').replace('# version: 2013', '# version: 2099'));
    const before = readFileSync(join(dir, 'lock.csv'), 'utf8');
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('factors/mee-grid-2022/2024-12.csv changed after it was published');
    expect(r.stderr).toContain('put the correction in a new version file');
    expect(readFileSync(join(dir, 'lock.csv'), 'utf8')).toBe(before);
  });

  it('refuses when a locked version is gone', () => {
    const dir = copy();
    rmSync(join(dir, 'ndrc-grid-2012', '2014.csv'));
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ndrc-grid-2012@2014) is locked but its file is gone');
  });

  it('creates the lock with its header when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jc-lock-new-'));
    temps.push(dir);
    mkdirSync(join(dir, 'gwp-ar5'));
    cpSync(join(bundledFactorsDir, 'gwp-ar5', '2013.csv'), join(dir, 'gwp-ar5', '2013.csv'));
    expect(run(dir).status).toBe(0);
    const text = readFileSync(join(dir, 'lock.csv'), 'utf8');
    expect(text).toMatch(/^# sha256 of every published factor table/);
    expect(text).toContain('id,version,sha256\ngwp-ar5,2013,d5562428eb35fb15904e9d9a2fa29f474ef67565db4a37d2676f7fadf9691123\n');
  });
});
