// Build step after tsc and the snapshot: the CLI as one CommonJS file directly in dist/ (so paths
// relative to import.meta.url still lead one level up to the package root), and V8's code cache
// for it, made after running the commands people run so that it holds the functions V8 compiles
// lazily too. bin/load-bundle.js runs it; without these files the CLI runs from the tsc output.
import { createHash } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundlePath, cachePath, ID_LENGTH, loadBundle } from '../bin/load-bundle.js';
import { codeHash } from '../dist/bundled.js';
import { snapshotCodeFiles } from './snapshot-code.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

// commander requires node:child_process when loaded, for executable subcommands, which this CLI
// has none of; loading it costs a small run ~2.5 ms, so in the bundle it is required on first use.
// (commander is CommonJS and reads childProcess.spawn when it runs, so a proxy will do.)
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// esbuild escapes non-ASCII characters in strings but leaves them in regular expressions and
// comments; there a \u escape means the same (a pair of them, one astral character, with or
// without the u flag), unless the character was itself escaped with a backslash
function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => {
    if (slashes.length % 2 === 1) throw new Error(`cli bundle: cannot make ASCII: \\${c}`);
    return `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function writeAtomic(path, content) {
  writeFileSync(`${path}.${process.pid}.tmp`, content);
  renameSync(`${path}.${process.pid}.tmp`, path);
}

rmSync(cachePath, { force: true });
const { outputFiles } = await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  write: false,
  outfile: bundlePath,
  // loaded with require only when a workbook is asked for (src/cli/xlsx.ts)
  external: ['exceljs'],
  define: {
    'import.meta.url': '__importMetaUrl',
    // the parsed tables' snapshot is keyed on the code that parsed them (src/bundled.ts)
    JINCHANG_BUNDLED_CODE_HASH: JSON.stringify(codeHash(await snapshotCodeFiles())),
  },
  plugins: [lazyChildProcess],
  // a smaller source reads and deserialises faster (~1.5 ms); names are kept for stack traces
  minifyWhitespace: true,
  minifySyntax: true,
  // strict as the ES modules it is made of (esbuild's own "use strict" comes after the banner)
  banner: { js: "'use strict';const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'error',
});
// ASCII, so that bin/load-bundle.js can read it as latin1 (twice as fast as utf8)
const code = asciiOnly(outputFiles[0].text);
// a vm.Script has no import(): every lazy import must have been inlined, and exceljs is required
if (/\bimport\(/.test(code)) throw new Error('cli bundle: a dynamic import() is left, which fails in a vm.Script');
// the last line is the build id; the cache starts with it, so a stale cache is never used
const id = createHash('sha256').update(code).digest('hex');
if (id.length !== ID_LENGTH) throw new Error('cli bundle: bad id');
writeAtomic(bundlePath, `${code}// ${id}\n`);

// the commands people run, for the functions they compile; each must succeed
const sink = (isTTY) => ({ isTTY, columns: 100, write: () => true });
const env = { LANG: 'C', NO_COLOR: '1' };
const runs = [
  ['--version'],
  ['--help'],
  ['calc', '--help'],
  ['calc', 'examples/jinchang-2021.csv'],
  ['calc', 'examples/jinchang-2021.csv', '--totals', '-f', 'json'],
  ['calc', 'examples/jinchang-2021.csv', '-f', 'json'],
  ['calc', 'examples/jinchang-2021.csv', '-f', 'csv', '--totals'],
  ['calc', 'examples/jinchang-2021.csv', '-f', 'table', '--by', 'sector,scope'],
  ['validate', 'examples/jinchang-2021.csv'],
  ['template'],
  ['factors', 'list'],
];
const bundle = loadBundle({ useCache: false });
if (bundle.skipped) throw new Error(`cli bundle: ${bundle.skipped}`);
const cwd = process.cwd();
process.chdir(root);
try {
  for (const args of runs) {
    for (const lang of ['en', 'zh']) {
      const code = await bundle.exports.main(['node', 'jinchang-carbon', ...args], { stdout: sink(args.includes('table')), stderr: sink(false), env, lang });
      if (code !== 0) throw new Error(`cli bundle: \`${args.join(' ')}\` exited ${code}`);
    }
  }
} finally {
  process.chdir(cwd);
}
writeAtomic(cachePath, Buffer.concat([Buffer.from(id, 'latin1'), bundle.script.createCachedData()]));
