#!/usr/bin/env node
// Records the sha256 of every published factor table in factors/lock.csv.
//
//   node scripts/lock-factors.mjs            append entries for table files not yet locked
//   node scripts/lock-factors.mjs --check    only verify; write nothing
//   node scripts/lock-factors.mjs --dir <factors folder>
//
// The lock is append-only. An existing line is never rewritten: when a locked file's bytes
// changed, or a locked version's file is gone, the script names it, writes nothing and exits 1.
// A published version never changes; a correction is a new <id>/<version>.csv beside it.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADER = [
  '# sha256 of every published factor table version (factors/<id>/<version>.csv, the file bytes).',
  '# Append-only: scripts/lock-factors.mjs adds new versions and never rewrites a line.',
  '# A published version never changes; a correction is a new version file. test/unit/factors-lock.test.ts enforces this.',
  'id,version,sha256',
].join('\n');

function parseArgs(argv) {
  const args = { dir: fileURLToPath(new URL('../factors/', import.meta.url)), check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') args.check = true;
    else if (a === '--dir') args.dir = resolve(argv[++i] ?? '');
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node scripts/lock-factors.mjs [--check] [--dir <factors folder>]\n');
      process.exit(0);
    } else {
      process.stderr.write(`lock-factors: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  return args;
}

/** Every table file: factors/<id>/<version>.csv, the dictionary folder excluded. */
export function tableFiles(dir) {
  const out = [];
  for (const id of readdirSync(dir).sort()) {
    if (id === 'dictionary' || !statSync(join(dir, id)).isDirectory()) continue;
    for (const name of readdirSync(join(dir, id)).sort()) {
      if (!name.endsWith('.csv')) continue;
      const bytes = readFileSync(join(dir, id, name));
      out.push({ id, version: name.slice(0, -4), sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  }
  return out;
}

/** Entries of lock.csv in file order; `#` lines and the header are skipped. */
export function readLock(path) {
  if (!existsSync(path)) return [];
  const entries = [];
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  lines.forEach((text, i) => {
    const line = text.trim();
    if (line === '' || line.startsWith('#') || line === 'id,version,sha256') return;
    const [id, version, sha256, ...rest] = line.split(',');
    if (!id || !version || !/^[0-9a-f]{64}$/.test(sha256 ?? '') || rest.length > 0) {
      throw new Error(`${path}:${i + 1}: not an id,version,sha256 line: ${line}`);
    }
    entries.push({ id, version, sha256, line: i + 1 });
  });
  return entries;
}

function main() {
  const { dir, check } = parseArgs(process.argv.slice(2));
  const lockPath = join(dir, 'lock.csv');
  const locked = readLock(lockPath);
  const files = tableFiles(dir);
  const byRef = new Map(locked.map((e) => [`${e.id}@${e.version}`, e]));
  const present = new Set(files.map((f) => `${f.id}@${f.version}`));
  const problems = [];
  const seen = new Set();
  for (const e of locked) {
    const ref = `${e.id}@${e.version}`;
    if (seen.has(ref)) problems.push(`factors/lock.csv:${e.line}: ${ref} is locked twice`);
    seen.add(ref);
    if (!present.has(ref)) {
      problems.push(`factors/${e.id}/${e.version}.csv (${ref}) is locked but its file is gone: a published version must stay available; restore it`);
    }
  }
  const added = [];
  for (const f of files) {
    const entry = byRef.get(`${f.id}@${f.version}`);
    if (!entry) added.push(f);
    else if (entry.sha256 !== f.sha256) {
      problems.push(
        `factors/${f.id}/${f.version}.csv changed after it was published (locked sha256 ${entry.sha256}, now ${f.sha256}): ` +
          'restore the published file and put the correction in a new version file beside it',
      );
    }
  }
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`lock-factors: error: ${p}\n`);
    process.stderr.write(`lock-factors: ${problems.length} problem${problems.length === 1 ? '' : 's'}; factors/lock.csv was not changed\n`);
    process.exit(1);
  }
  if (check) {
    if (added.length > 0) {
      for (const f of added) process.stderr.write(`lock-factors: not locked yet: factors/${f.id}/${f.version}.csv\n`);
      process.exit(1);
    }
    process.stderr.write(`lock-factors: ok, ${files.length} tables match the lock\n`);
    return;
  }
  if (added.length === 0) {
    process.stderr.write(`lock-factors: ok, ${files.length} tables already locked; nothing to add\n`);
    return;
  }
  const lines = added.map((f) => `${f.id},${f.version},${f.sha256}`).join('\n') + '\n';
  if (!existsSync(lockPath)) writeFileSync(lockPath, `${HEADER}\n${lines}`);
  else {
    const current = readFileSync(lockPath, 'utf8');
    appendFileSync(lockPath, (current === '' || current.endsWith('\n') ? '' : '\n') + lines);
  }
  for (const f of added) process.stderr.write(`lock-factors: locked ${f.id}@${f.version} ${f.sha256}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
