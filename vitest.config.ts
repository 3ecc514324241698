import { defineConfig } from 'vitest/config';

// VITEST_JSON=path also writes a JSON report (CI prints a one-line summary from it).
const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // a temporary folder for the whole run, removed at its end (test/temp-folder.ts)
    globalSetup: ['test/temp-folder.ts'],
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
