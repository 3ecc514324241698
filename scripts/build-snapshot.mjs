// Build step after tsc: keep the bundled factor tables parsed in dist/.bundled-snapshot.json so a
// small run does not re-parse ~20 CSV files. Runs only at build time; the CLI never writes it.
import { writeBundledSnapshot } from '../dist/bundled.js';
import { snapshotCodeFiles } from './snapshot-code.mjs';

writeBundledSnapshot(await snapshotCodeFiles());
