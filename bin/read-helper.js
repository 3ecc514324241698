// A reading helper process for calc (src/cli/read-helper.ts): `read-helper.js <folder> <number> <CLI's pid>`.
// Loaded like the CLI, from its bundle with V8's code cache, so that it starts in a few ms past Node.
'use strict';
const { loadBundle } = require('./load-bundle.js');

const [dir, me, parent] = process.argv.slice(2);
const bundle = loadBundle();
if (bundle.skipped) import('../dist/cli/read-helper.js').then((m) => m.readHelper(dir, me, Number(parent)));
else bundle.exports.runReadHelper(dir, me, Number(parent));
