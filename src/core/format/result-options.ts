import type { FactorTable } from '../factors/table.js';
import type { Lang } from '../i18n/lang.js';
import type { Decimals } from './number.js';
import type { Style } from './text-table.js';

/**
 * What renders a result (decompose, pathway, intensity) in any format: the language, the digits, the look, and what
 * the JSON's meta records (tool, files read, factor tables, the run's options). Each result adds its own.
 */
export interface ResultRenderOptions<Role extends string = string> {
  lang: Lang;
  /** decimals printed; default 6 for csv/tsv/json; for people, what each result says */
  decimals?: Decimals | undefined;
  bom?: boolean | undefined;
  style?: Style | undefined;
  tool: { name: string; version: string };
  /** the files read, each with the role it played */
  inputs?: { path: string; sha256: string; rows: number; encoding?: string; role: Role }[] | undefined;
  factors?: readonly FactorTable[] | undefined;
  /** the options of the run, recorded in meta */
  options?: Record<string, unknown> | undefined;
}
