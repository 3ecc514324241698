export { logMean, cellEffects, additive, multiplicative, type CellValues, type CellEffects, type AdditiveSplit, type MultiplicativeSplit } from './lmdi.js';
export { decompose, decomposeMethods, type DecomposeMethod, type DecomposeResult, type FactorInfo, type IdentityData, type StepSplit, type EffectValue, type GroupSplit } from './series.js';
export { decoupling, tapioState, tapioStates, type Decoupling, type TapioState } from './tapio.js';
export { parseFactorTable, type ParsedFactorTable } from './factor-table.js';
export { renderDecompose, decomposeJson, decomposeMachineTabular, decomposeNotes, TAPIO_LABELS, DECOMPOSE_LABELS, type DecomposeRenderOptions } from './format.js';
export { kayaIdentity, kayaBasisNotes, industryOf, KAYA_FACTORS, type KayaView, type KayaYear, type KayaBuild } from './kaya.js';
