import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * A fresh `npm ci` / `npm install` is quiet: no peer dependency outside its range (esbuild 0.25.12
 * against vite's `^0.27.0 || ^0.28.0` printed some 20 lines of ERESOLVE warnings), and every
 * package with an install script is reviewed in package.json's allowScripts (else npm prints an
 * install-scripts notice).
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; hasInstallScript?: boolean; dev?: boolean }>;
};

describe('a fresh install', () => {
  it('every installed package is within its dependants\' ranges, peer ranges included (npm ls finds nothing invalid)', () => {
    let out: string;
    try {
      out = execFileSync('npm', ['ls', '--all', '--offline'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`npm ls failed (node_modules older than package-lock.json? run npm ci):\n${err.stderr ?? ''}\n${(err.stdout ?? '').split('\n').filter((l) => /invalid|missing|extraneous/.test(l)).join('\n')}`);
    }
    // UNMET OPTIONAL DEPENDENCY lines are other platforms' binaries, never installed here
    expect(out).not.toMatch(/invalid|UNMET PEER|UNMET DEPENDENCY/);
  });

  it('every package with an install script is approved or denied in allowScripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts?.[name], name).toBeTypeOf('boolean');
  });

  it('package-lock.json records the version package.json asks for', () => {
    const root = lock.packages[''] as { devDependencies?: Record<string, string> };
    expect(root.devDependencies?.esbuild).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.esbuild);
    expect(lock.packages['node_modules/esbuild']?.version).toBe(root.devDependencies?.esbuild);
  });
});
