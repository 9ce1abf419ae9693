export { scoredQuestionIds } from './claims';
export { claimEvidence, evidenceLabels } from './evidence-strength';
export { type FactorDoc, factorCatalog } from './factor-catalog';
export { canonicalJson, reportHash, verifyReportHash, withHash } from './hash';
export { assessMaturity, overallLevelRule } from './maturity';
export {
  defaultPolicy,
  defaultThresholds,
  defaultTiers,
  defaultTolerances,
  defaultWeights,
  type Policy,
  type PolicyInput,
  policySchema,
  type WeightId,
} from './policy';
export { policyDocs } from './policy-docs';
export { tierOf } from './risk';
export { dimensionSpecs, maturityRubric } from './rubric';
export { score } from './score';
export * from './types';
