import type { FastResult } from '../../src/core/input/fast-read.js';

/** A fast-path result as plain data, for deep comparison (Decimals as text, dictionary entries by id). */
export function plainResult(r: FastResult) {
  return {
    records: r.records.map((x) => ({ ...x, quantity: x.quantity.toString(), sector: x.sector?.code, fuel: x.fuel.id })),
    diagnostics: r.diagnostics,
    quality: r.quality,
    inputs: r.inputs,
    recordCount: r.recordCount,
    extraColumns: [...r.extraColumns],
  };
}
