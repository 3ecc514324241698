/**
 * jinchang-carbon as a library. `calculate` runs the calc job on CSV text or bytes with the
 * bundled factor tables; the core functions are exported for finer control.
 */
import { loadBundled } from './bundled.js';
import { runCalculation, type CalcReport, type CalcRequest, type InputFile } from './core/calc/run.js';

export interface CalculateInput {
  /** the name used in messages */
  path?: string;
  /** CSV text, or the file's bytes (UTF-8, UTF-8 with BOM, or GBK) */
  content: string | Uint8Array;
}

/** Activity data in, rows and city totals out. Throws UsageError on a bad option; data problems are in `diagnostics`. */
export function calculate(input: CalculateInput | CalculateInput[], request: CalcRequest = {}): CalcReport {
  const files: InputFile[] = (Array.isArray(input) ? input : [input]).map((f, i) => ({
    path: f.path ?? `input-${i + 1}.csv`,
    bytes: typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content,
  }));
  const { dict, registry } = loadBundled();
  return runCalculation(files, dict, registry, request);
}

export { loadBundled, bundledFactorsDir } from './bundled.js';
export { runCalculation, readInputs, defaultBy } from './core/calc/run.js';
export type { CalcReport, CalcRequest, InputFile, InputSummary } from './core/calc/run.js';
export { calculateLines } from './core/calc/calculate.js';
export type { LineResult, Scope, ElectricityMethod } from './core/calc/calculate.js';
export { aggregate, totalsOf } from './core/calc/aggregate.js';
export type { OutputRow, Totals } from './core/calc/aggregate.js';
export { selectFactors } from './core/calc/select-factors.js';
export { UsageError } from './core/usage-error.js';
export { parseActivity } from './core/input/activity.js';
export { decodeText } from './core/input/decode.js';
export { parseFactorTable, tableRef } from './core/factors/table.js';
export type { FactorTable } from './core/factors/table.js';
export { FactorRegistry } from './core/factors/registry.js';
export { parseUnit } from './core/units.js';
export { Decimal } from './core/decimal.js';
export { formatDiagnostic } from './core/diagnostics.js';
export type { Diagnostic } from './core/diagnostics.js';
export { renderCalc, calcJson } from './core/format/calc.js';
export {
  parseIndicators,
  computeIntensity,
  mergeActivityTotals,
  activityTotals,
  targetsFromTables,
  allTargetsFromTables,
  shareTargetsFromTables,
  targetsFor,
  targetPct,
  mergeTargets,
  parseTargetOption,
  renderIntensity,
  intensityJson,
} from './core/intensity/index.js';
export type { IndicatorYear, IntensityOptions, IntensityResult, IntensityYear, IntensityPeriod, PeriodIndicator, Target, ShareTarget, AnyTarget, TargetIndicator, Co2View } from './core/intensity/index.js';
export { parseScenarios, computePathway, renderPathway, pathwayJson, pathwayTargets, interp, step, project, peakOf, peakingTest } from './core/pathway/index.js';
export type { PathwayResult, ScenarioResult, PathwayYear, PathwayCheck, PathwayTarget, PathwayOptions, PeakSummary, PeakingTest } from './core/pathway/index.js';
export {
  logMean,
  additive as lmdiAdditive,
  multiplicative as lmdiMultiplicative,
  decompose,
  decoupling,
  tapioState,
  parseFactorTable as parseDecomposeTable,
  renderDecompose,
  decomposeJson,
} from './core/decompose/index.js';
export type { DecomposeResult, DecomposeMethod, IdentityData, FactorInfo, StepSplit, Decoupling, TapioState } from './core/decompose/index.js';
export { kayaIdentity } from './core/decompose/index.js';
export { nonFossilEnergy } from './core/calc/non-fossil.js';
export { energyOnBothBases, type BothBases, type BasisFigures } from './core/calc/both-bases.js';
export type { NonFossilInput, NonFossilResult } from './core/calc/non-fossil.js';
