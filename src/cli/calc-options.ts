/**
 * calc's options as the command line gives them, turned into a calculation request: shared by
 * every command that calculates (calc, validate, report, intensity, compare, …), so that none of
 * them imports another command.
 */
import type { CalcRequest } from '../core/calc/run.js';
import type { OutputFormat } from '../core/format/calc.js';
import { MAX_DECIMALS, type Decimals } from '../core/format/number.js';
import { Decimal } from '../core/decimal.js';
import { UsageError } from '../core/usage-error.js';
import type { CliContext } from './context.js';

export interface CalcCliOptions {
  by?: string;
  factors?: string[];
  grid?: string;
  gridYear?: string;
  electricityMethod?: string;
  importNonFossilShare?: string;
  gwp?: string;
  encoding?: string;
  format?: string;
  output?: string;
  bom?: boolean;
  decimals?: string;
  totals?: boolean;
  /** with several years, add their sum (labelled) to the totals */
  sumYears?: boolean;
  strict?: boolean;
  /** --compare-factors: tables to put in place of the ones of their kind, to show what changes */
  compareFactors?: string[];
}

export function parseCalcRequest(options: CalcCliOptions): CalcRequest {
  const request: CalcRequest = {};
  if (options.by !== undefined) {
    request.by = options.by.split(',').map((d) => d.trim()).filter(Boolean);
    if (request.by.length === 0) throw new UsageError('--by needs at least one dimension', '--by 至少需要一个分组维度');
  }
  if (options.grid !== undefined) request.grid = options.grid;
  if (options.gridYear !== undefined) {
    if (!/^\d{4}$/.test(options.gridYear)) {
      throw new UsageError(`--grid-year "${options.gridYear}" is not a four-digit year`, `--grid-year “${options.gridYear}”不是四位年份`);
    }
    request.gridYear = Number(options.gridYear);
  }
  if (options.electricityMethod !== undefined) {
    if (options.electricityMethod !== 'equivalent' && options.electricityMethod !== 'coal') {
      throw new UsageError(
        `--electricity-method must be equivalent or coal, not "${options.electricityMethod}"`,
        `--electricity-method 只能是 equivalent（当量值）或 coal（等价值/发电煤耗法），不是“${options.electricityMethod}”`,
      );
    }
    request.electricityMethod = options.electricityMethod;
  }
  if (options.importNonFossilShare !== undefined) {
    const v = options.importNonFossilShare.trim().replace(/%$/, '');
    if (!/^\d+(\.\d+)?$/.test(v) || new Decimal(v).greaterThan(100)) {
      throw new UsageError(
        `--import-non-fossil-share must be a percentage from 0 to 100, not "${options.importNonFossilShare}"`,
        `--import-non-fossil-share 应为 0 到 100 之间的百分数，不是“${options.importNonFossilShare}”`,
      );
    }
    request.importNonFossilSharePct = new Decimal(v);
  }
  if (options.gwp !== undefined) request.gwp = options.gwp;
  if (options.encoding !== undefined) {
    const e = options.encoding.toLowerCase().replace(/[-_]/g, '');
    const encoding = e === 'utf8' ? 'utf8' : ['gbk', 'gb18030', 'gb2312', 'cp936'].includes(e) ? 'gbk' : undefined;
    if (!encoding) throw new UsageError(`--encoding must be utf8 or gbk, not "${options.encoding}"`, `--encoding 只能是 utf8 或 gbk，不是“${options.encoding}”`);
    request.encoding = encoding;
  }
  if (options.strict) request.strict = true;
  return request;
}

export function parseDecimalsOption(value: string | undefined): Decimals | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().toLowerCase();
  if (text === 'full') return 'full';
  // what the message says is what is taken: a whole number from 0 to 20, or full
  if (!/^\d{1,2}$/.test(text) || Number(text) > MAX_DECIMALS) {
    throw new UsageError(`--decimals must be a whole number from 0 to ${MAX_DECIMALS}, or full, not "${value}"`, `--decimals 应为 0 到 ${MAX_DECIMALS} 的整数或 full，不是“${value}”`);
  }
  return Number(text);
}

const STDOUT_FORMATS = ['table', 'csv', 'tsv', 'json', 'md'] as const;

export function stdoutFormat(value: string | undefined, ctx: CliContext): OutputFormat {
  if (value === undefined) return ctx.stdout.isTTY ? 'table' : 'csv';
  if (!(STDOUT_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${STDOUT_FORMATS.join(', ')}, not "${value}"`, `--format 只能是 ${STDOUT_FORMATS.join('、')}，不是“${value}”`);
  }
  return value as OutputFormat;
}
