import { holdoutRule } from './holdout';
import { imageProvenanceRule } from './images';
import { dedupMethodRule, modelLabelsRule, nearDuplicateRule } from './labels-dedup';
import { languagesRule } from './languages';
import { freshnessRule, personalDataRule, provenanceFieldsRule } from './provenance-freshness';
import type { ClaimRule } from './rule';
import { generationDepthRule, realDataRule, syntheticShareRule, taggingRule } from './synthetic';

/** Every rule that scores claim questions, in report order. */
export const claimRules: readonly ClaimRule[] = [
  syntheticShareRule,
  realDataRule,
  generationDepthRule,
  taggingRule,
  modelLabelsRule,
  dedupMethodRule,
  nearDuplicateRule,
  holdoutRule,
  provenanceFieldsRule,
  freshnessRule,
  personalDataRule,
];

/**
 * Rules that check an answer against the sample without making it a scored claim question: an
 * unanswered question stays an ordinary unanswered one (not an undisclosed claim).
 */
export const answerChecks: readonly ClaimRule[] = [languagesRule, imageProvenanceRule];

/** The ids of every question scoring checks (the DESIGN.md claim questions and a few more). */
export const scoredQuestionIds: readonly string[] = claimRules.flatMap((r) => r.questionIds);
