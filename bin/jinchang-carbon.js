#!/usr/bin/env node
// Shim: run the CLI from its bundle with V8's code cache (bin/load-bundle.js), or from the tsc
// output when there is no bundle or tsc ran after it. Kept tiny so start-up is only what the command needs.
'use strict';
const { loadBundle } = require('./load-bundle.js');

function run({ main }) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`internal error: ${error?.stack ?? error}\n`);
      process.exitCode = 3;
    },
  );
}

const bundle = loadBundle();
// JINCHANG_DEBUG_STARTUP=1: one line on stderr saying how the CLI was loaded (tests check the cache is taken)
if (process.env.JINCHANG_DEBUG_STARTUP) process.stderr.write(`startup: ${bundle.skipped ? `tsc output (${bundle.skipped})` : `bundle, code cache ${bundle.cache}`}\n`);
if (bundle.skipped) import('../dist/cli/main.js').then(run);
else run(bundle.exports);
