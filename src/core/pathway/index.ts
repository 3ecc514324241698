/**
 * Peak and pathway projection (`jinchang-carbon pathway`): scenarios of GDP growth, energy-intensity decline,
 * non-fossil share and CO2 per tce of fossil energy, projected year by year with exact decimals; peak year and
 * value, plateau, cumulative CO2, the 2060 gap, checks against the bundled targets, C40's peaking test on the
 * observed history, a one-at-a-time tornado and a seeded Monte Carlo. Pure; see docs/PATHWAY.md.
 */
export { parseScenarios } from './scenarios.js';
export type { ParsedScenarios, ScenarioInput, Cell, Cells, Place } from './scenarios.js';
export { scenarioAliases, variables, rateVariables, levelVariables, baseVariables } from './columns.js';
export type { Variable, RateVariable, LevelVariable, BaseVariable } from './columns.js';
export { resolveInheritance } from './inherit.js';
export type { ResolvedScenario } from './inherit.js';
export { fillScenario, interp, step, seriesVariables } from './series.js';
export type { Drivers, DriverRanges, BaseLevels, SeriesVariable } from './series.js';
export { project } from './project.js';
export type { PathwayYear } from './project.js';
export { peakOf, cumulative } from './peak.js';
export type { PeakSummary } from './peak.js';
export { peakingTest, observedHistory } from './history.js';
export type { PeakingTest, PeakingStatus, History, ObservedYear } from './history.js';
export { checkPathway, carbonIntensity2005, standardChecks } from './checks.js';
export type { PathwayCheck, PathwayTarget, PathwayIndicator, CheckStatus } from './checks.js';
export { evaluate } from './evaluate.js';
export type { Evaluation, EvaluationContext } from './evaluate.js';
export { sensitivity, shifted } from './sensitivity.js';
export type { SensitivityRow, SensitivityOutcome, SensitivityVariable } from './sensitivity.js';
export { monteCarlo, mulberry32, triangular, uniform } from './montecarlo.js';
export type { MonteCarloResult, Percentiles } from './montecarlo.js';
export { computePathway } from './compute.js';
export type { PathwayOptions, PathwayResult, ScenarioResult } from './compute.js';
export { renderPathway, pathwayJson, pathwayMachineTabular, pathwayNotes, summaryTabular, checksTabular, yearsTabular, PATHWAY_LABELS, INDICATOR_LABELS, PEAKING_STATUS, variableLabel, checkPeriod, checkStatusText } from './format.js';
export type { PathwayRenderOptions } from './format.js';
export { pathwayTargets } from './targets.js';
