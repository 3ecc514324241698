import { factorTablesProvenance } from '../factors/provenance.js';
import type { ResultRenderOptions } from './result-options.js';

/**
 * The first keys of a result's JSON meta (decompose, pathway, intensity): the tool and its version, the files read
 * and the factor tables used. Each result adds its own `options` after them.
 */
export function resultMetaHead(options: ResultRenderOptions) {
  return {
    tool: options.tool.name,
    version: options.tool.version,
    inputs: options.inputs ?? [],
    factors: factorTablesProvenance(options.factors ?? []),
  };
}
