import { UsageError } from '../core/usage-error.js';
import { co2Views, parseTargetOption, type Co2View, type Target } from '../core/intensity/index.js';
import type { AssessmentRule } from '../core/intensity/assessment.js';

/** `--region`, `--target` and `--co2-view`, shared by `intensity` and `report`; usage errors before any reading. */
export function parseTargetOptions(options: { region?: string; target?: string[]; co2View?: string }): {
  region: string;
  explicit: Target[];
  co2View: Co2View;
} {
  const region = (options.region ?? 'gansu').trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]*$/.test(region)) {
    throw new UsageError(`--region "${options.region}" is not a region id such as gansu or national`, `--region “${options.region}”不是地区编号，如 gansu、national`);
  }
  const explicit: Target[] = (options.target ?? []).map((text) => {
    const t = parseTargetOption(text);
    if ('error' in t) throw new UsageError(t.error, t.errorZh);
    return t;
  });
  const co2View = (options.co2View ?? 'consumption') as Co2View;
  if (!co2Views.includes(co2View)) {
    throw new UsageError(
      `--co2-view must be one of ${co2Views.join(', ')}, not "${options.co2View}"`,
      `--co2-view 只能是 ${co2Views.join('、')}，不是“${options.co2View}”`,
    );
  }
  return { region, explicit, co2View };
}

/** `--assessment-basis [2022|2024]`: no value = the rule in force for the periods assessed. */
export function parseAssessmentBasis(value: boolean | string | undefined): AssessmentRule | 'auto' | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === 'auto') return 'auto';
  const v = value.trim();
  if (v === '2022' || v === '2024') return v;
  throw new UsageError(
    `--assessment-basis must be 2022 (feedstock and new renewables deducted) or 2024 (feedstock and all non-fossil energy, 发改环资〔2024〕113号), not "${value}"`,
    `--assessment-basis 只能是 2022（扣除原料用能和新增可再生能源）或 2024（扣除原料用能和全部非化石能源，发改环资〔2024〕113号），不是“${value}”`,
  );
}
