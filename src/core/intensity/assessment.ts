/**
 * The rules by which China assesses a region's energy intensity (能耗强度) against its target: what is taken out of
 * energy consumption first. Each rule names its documents; see docs/INTENSITY.md.
 */
export type AssessmentRule = '2022' | '2024';
export const assessmentRules: readonly AssessmentRule[] = ['2022', '2024'];

/** What each rule deducts from energy_tce, and where it is written. */
export const ASSESSMENT_RULES: Record<AssessmentRule, { deducts: ('feedstock_tce' | 'new_renewable_tce' | 'non_fossil_tce')[]; document: string; en: string; zh: string }> = {
  '2022': {
    deducts: ['feedstock_tce', 'new_renewable_tce'],
    document: '发改环资〔2022〕803号 (2022-10-27); NDRC/NBS/NEA notice on new renewable consumption (2022-11-16)',
    en: 'feedstock (原料用能) and renewable energy consumed above 2020 are deducted',
    zh: '扣除原料用能和新增可再生能源消费量（较2020年新增部分）',
  },
  '2024': {
    deducts: ['feedstock_tce', 'non_fossil_tce'],
    document: '发改环资〔2024〕113号 (2024-01-27)',
    en: 'feedstock (原料用能) and all non-fossil energy consumed (renewables and nuclear) are deducted',
    zh: '扣除原料用能和全部非化石能源消费量（可再生能源、核电等）',
  },
};

/** How the rule was chosen: given with `--assessment-basis 2022|2024`, or by the periods assessed. */
export interface AssessmentRuleChoice {
  rule: AssessmentRule;
  chosen: 'option' | 'period';
  document: string;
  deducts: readonly string[];
}

/**
 * The rule for a run: the one asked for, else the one in force when the latest period assessed is judged.
 * 113号 governs the 14th FYP assessment (periods ending after 2020) and what follows; before it, the 2022 rules.
 */
export function chooseAssessmentRule(asked: AssessmentRule | 'auto', periods: readonly { from: number; to: number }[]): AssessmentRuleChoice {
  const rule: AssessmentRule = asked !== 'auto' ? asked : periods.some((p) => p.to > 2020) ? '2024' : '2022';
  const r = ASSESSMENT_RULES[rule];
  return { rule, chosen: asked === 'auto' ? 'period' : 'option', document: r.document, deducts: r.deducts };
}
