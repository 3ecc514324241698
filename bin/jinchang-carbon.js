#!/usr/bin/env node
// Shim: run the compiled CLI. Kept tiny so start-up is only what the command needs.
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 3;
  },
);
