// A reading thread for calc (src/cli/read-worker.ts), started by src/cli/worker-runner.ts.
// Loaded like the CLI, from its bundle with V8's code cache, so that it is up in a few ms.
'use strict';
const { loadBundle } = require('./load-bundle.js');

const bundle = loadBundle();
if (bundle.skipped) import('../dist/cli/read-worker.js').then((m) => m.readWorker());
else bundle.exports.runReadWorker();
