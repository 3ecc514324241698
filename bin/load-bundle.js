// Loads the CLI bundle (dist/cli.bundle.cjs, made by scripts/build-cli-bundle.mjs) the way Node
// loads a CommonJS module, but through vm.Script, so that V8 can take the code the build compiled
// (dist/cli.bundle.cache) instead of compiling ~60 modules on every run: Node 20 has no compile cache.
// CommonJS (bin/package.json), like the shim: an ES module entry costs Node ~5 ms more to start.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundlePath = join(dist, 'cli.bundle.cjs');
const cachePath = join(dist, 'cli.bundle.cache');
const tscMainPath = join(dist, 'cli', 'main.js');

/** Length of the build id: the bundle's sha256, on its last line and at the start of the cache. */
const ID_LENGTH = 64;

/** The bundle as compiled: wrapped as Node wraps a CommonJS module, on its first line so line numbers hold. */
function wrapBundle(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/**
 * Runs the bundle and returns its exports, the compiled script (the build makes the cache from it)
 * and what became of the cache: 'accepted', 'rejected' (another Node or V8: compiled as usual) or
 * 'none'. Without a usable bundle, returns why not: then the tsc output is to run.
 */
function loadBundle({ useCache = true } = {}) {
  let source;
  try {
    // a bare tsc after the build (src changed since) writes newer code than the bundle's: run that
    if (statSync(bundlePath).mtimeMs < (statSync(tscMainPath, { throwIfNoEntry: false })?.mtimeMs ?? 0)) return { skipped: 'bundle older than the tsc output' };
    // the build makes it ASCII only, and latin1 decodes twice as fast as utf8
    source = readFileSync(bundlePath, 'latin1');
  } catch {
    return { skipped: 'no bundle' };
  }
  let cachedData;
  if (useCache) {
    try {
      const data = readFileSync(cachePath);
      // V8 checks only the source's length, so a cache of another build of the bundle is never offered
      if (data.toString('latin1', 0, ID_LENGTH) === source.slice(-ID_LENGTH - 1, -1)) cachedData = data.subarray(ID_LENGTH);
    } catch {
      // no cache: compiled as usual
    }
  }
  const script = new Script(wrapBundle(source), { filename: bundlePath, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dist);
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { exports: module.exports, script, cache };
}

module.exports = { bundlePath, cachePath, ID_LENGTH, loadBundle };
