import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (where package.json, factors/ and dist/ are). This module sits
 * directly in src/ (dist/ once compiled), and any bundle of the CLI must sit directly in dist/
 * too, so one level up is the root either way.
 */
export const packageRoot = fileURLToPath(new URL('../', import.meta.url));
