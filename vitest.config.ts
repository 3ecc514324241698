import { defineConfig } from 'vitest/config';

// VITEST_JSON=path also writes a JSON report (CI prints a one-line summary from it).
const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
