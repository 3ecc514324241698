import { loadBundled } from '../../bundled.js';
import { productTemplateLines } from '../../core/process/template.js';
import type { CliContext } from '../context.js';

/**
 * An empty process (IPPU) file: # help lines (ignored when read back), then the header row.
 * `jinchang-carbon template --process > process.csv` gives a file calc accepts beside activity files.
 */
export async function processTemplateCommand(ctx: CliContext): Promise<void> {
  const { registry } = loadBundled();
  ctx.stdout.write(productTemplateLines(registry.defaultFor('process'), ctx.lang).join('\n') + '\n');
}
