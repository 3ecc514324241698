// The code that parses the bundled tables: dist/bundled.js and every module it imports, ours and
// our dependencies', as paths relative to the package root. The parsed snapshot is keyed on their
// contents (src/bundled.ts), so any change to them, by any build, leaves the snapshot unused.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export async function snapshotCodeFiles() {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ['dist/bundled.js'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  // a dependency as seen from the package (esbuild gives real paths, which a linked node_modules changes)
  const fromPackage = (p) => (p.includes('node_modules/') ? `node_modules/${p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length)}` : p);
  return Object.keys(metafile.inputs).map((p) => fromPackage(p.replace(/\\/g, '/'))).sort();
}
