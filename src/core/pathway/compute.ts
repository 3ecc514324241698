import type { Decimal } from '../decimal.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { IndicatorYear } from '../intensity/indicators.js';
import { evaluate, type Evaluation, type EvaluationContext } from './evaluate.js';
import { observedHistory, type History } from './history.js';
import { resolveInheritance } from './inherit.js';
import { monteCarlo, type MonteCarloResult } from './montecarlo.js';
import type { PathwayTarget } from './checks.js';
import type { ScenarioInput } from './scenarios.js';
import { sensitivity, type SensitivityRow } from './sensitivity.js';
import { fillScenario, type BaseLevels, type Drivers, type DriverRanges } from './series.js';

export interface PathwayOptions {
  /** last year to project (default: each scenario's last given year) */
  end?: number | undefined;
  /** observed years (`--indicators`, with `--data` merged): base-year levels where the file gives none, and history */
  indicators?: readonly IndicatorYear[] | undefined;
  /** the year the C40 test measures "old" from */
  asOf: number;
  targets: readonly PathwayTarget[];
  /** a published "CO2 per GDP in `year` was `reduction_pct` % below 2005" */
  ci2005?: { year: number; reduction_pct: Decimal } | undefined;
  plateauPct?: Decimal | undefined;
  sensitivity?: boolean | undefined;
  monteCarlo?: { runs: number; seed: number } | undefined;
}

export interface ScenarioResult extends Evaluation {
  name: string;
  based_on: string | null;
  chain: string[];
  base_year: number;
  end_year: number;
  drivers: Drivers;
  ranges: DriverRanges;
  sensitivity: SensitivityRow[] | null;
  monte_carlo: MonteCarloResult | null;
}

export interface PathwayResult {
  scenarios: ScenarioResult[];
  history: History | null;
  targets: readonly PathwayTarget[];
  diagnostics: Diagnostic[];
}

/** Base-year levels from the observed years, where they give them. */
function baseLevelsAt(indicators: readonly IndicatorYear[] | undefined, year: number): BaseLevels | undefined {
  const y = indicators?.find((i) => i.year === year);
  if (!y) return undefined;
  return {
    gdp: y.gdp,
    energy_tce: y.energy_tce,
    co2_t: y.co2_t,
    source: { gdp: 'indicators', energy_tce: y.sources.energy_tce === 'data' ? 'data' : 'indicators', co2_t: y.sources.co2_t === 'data' ? 'data' : 'indicators' },
  };
}

/**
 * The whole `pathway` computation, pure: scenarios as read → inheritance → filled drivers → projection, peak,
 * totals and checks per scenario (+ tornado, Monte Carlo), and the observed history with C40's peaking test.
 */
export function computePathway(input: readonly ScenarioInput[], options: PathwayOptions): PathwayResult {
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveInheritance(input);
  diagnostics.push(...resolved.diagnostics);
  const filled = resolved.scenarios.map((s) => {
    const base = [...s.rows.keys()][0]!;
    const f = fillScenario(s, { end: options.end, base: baseLevelsAt(options.indicators, base) });
    diagnostics.push(...f.diagnostics);
    return { scenario: s, ...f };
  });
  const result: PathwayResult = { scenarios: [], history: null, targets: options.targets, diagnostics };
  if (diagnostics.some((d) => d.severity === 'error')) return result;

  const baseYears = [...new Set(filled.map((f) => f.drivers!.base_year))];
  if (baseYears.length > 1) diagnostics.push(warning('PATHWAY_BASE_YEARS_DIFFER', { years: baseYears.join(', ') }));
  if (options.indicators && options.indicators.length > 0) {
    result.history = observedHistory(options.indicators, baseYears[0]!, options.asOf);
    diagnostics.push(...result.history.diagnostics);
    if (result.history.price_year === null && options.indicators.some((y) => y.gdp_index !== undefined)) {
      diagnostics.push(warning('PATHWAY_HISTORY_NOT_CHAINED', { year: baseYears[0]! }));
    }
  }
  if (options.ci2005 && options.ci2005.year < baseYears[0]! && !result.history?.years.some((y) => y.year === options.ci2005!.year && y.carbon_intensity !== null)) {
    diagnostics.push(error('PATHWAY_CI2005_YEAR_UNKNOWN', { year: options.ci2005.year }));
    return result;
  }
  const ctx: EvaluationContext = {
    history: result.history?.years ?? [],
    targets: options.targets,
    ci2005: options.ci2005,
    plateauPct: options.plateauPct,
  };
  for (const f of filled) {
    const d = f.drivers!;
    const e = evaluate(d, ctx);
    if (e.peak.status === 'not_peaked') diagnostics.push(warning('PATHWAY_NOT_PEAKED', { scenario: d.scenario, end: d.end_year }));
    const hasRanges = !!(f.ranges!.gdp || f.ranges!.energy_tce || Object.keys(f.ranges!.series).length > 0);
    if (options.monteCarlo && !hasRanges) diagnostics.push(warning('PATHWAY_NO_RANGES', { scenario: d.scenario }));
    result.scenarios.push({
      ...e,
      name: d.scenario,
      based_on: f.scenario.based_on ?? null,
      chain: f.scenario.chain,
      base_year: d.base_year,
      end_year: d.end_year,
      drivers: d,
      ranges: f.ranges!,
      sensitivity: options.sensitivity ? sensitivity(d, ctx) : null,
      monte_carlo: options.monteCarlo && hasRanges ? monteCarlo(d, f.ranges!, ctx, options.monteCarlo.runs, options.monteCarlo.seed) : null,
    });
  }
  return result;
}
