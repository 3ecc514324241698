import type { Writable } from 'node:stream';
import type { Decimals } from '../core/format/number.js';
import { styleFor, type CliContext } from './context.js';
import { writeFileAtomic, writeStreamAtomic } from './output-file.js';
import { toolName, toolVersion } from './version.js';

/**
 * What every result command (decompose, pathway, intensity) hands its renderer from the command line: the language,
 * the digits, the BOM, colour for a terminal only (a file written with -o stays plain) and the tool that made it.
 */
export function resultRenderBasics(ctx: CliContext, options: { output?: string | undefined; bom?: boolean | undefined }, decimals: Decimals | undefined) {
  return {
    lang: ctx.lang,
    decimals,
    bom: options.bom,
    style: options.output ? undefined : styleFor(ctx.stdout, ctx.env),
    tool: { name: toolName, version: toolVersion() },
  };
}

/** How a result is written: as a workbook (its module loaded only when asked for) or as text. */
export interface ResultWriters {
  workbook: () => Promise<(out: Writable) => Promise<void>>;
  text: () => string;
}

/** Writes a result where the command line asked: a workbook to -o, text to -o (whole or not at all) or to stdout. */
export async function writeResult(ctx: CliContext, output: string | undefined, format: string, writers: ResultWriters): Promise<void> {
  if (format === 'xlsx') {
    const workbook = await writers.workbook();
    await writeStreamAtomic(output!, workbook);
    return;
  }
  const text = writers.text();
  if (output) writeFileAtomic(output, text);
  else ctx.stdout.write(text);
}
