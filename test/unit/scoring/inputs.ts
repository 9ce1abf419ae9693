import { readFileSync } from 'node:fs';
import type { Analysis } from '../../../functions/core/analysis/types';
import { type Answers, aiTrainingDataV1 } from '../../../functions/core/questionnaire';
import {
  defaultPolicy,
  type Policy,
  type ScoredReport,
  score,
} from '../../../functions/core/scoring';

/** Reads an answers fixture from test/fixtures/answers. */
export const loadAnswers = (name: string): Record<string, Answers[string]> =>
  JSON.parse(readFileSync(`test/fixtures/answers/${name}.json`, 'utf8'));

/** The fixed clock of the scoring unit tests. */
export const NOW = new Date('2025-06-01T00:00:00Z');

/** Scores with the built-in template, default policy and fixed clock unless told otherwise. */
export function run(
  answers: Answers,
  analyses: { training?: Analysis; holdout?: Analysis } = {},
  policy: Policy = defaultPolicy,
): ScoredReport {
  return score({
    assessmentId: 'asm-1',
    answers,
    template: aiTrainingDataV1,
    analyses,
    policy,
    now: NOW,
  });
}

/** The ids of a report's risk factors. */
export const factorIds = (report: ScoredReport): string[] => report.risk.factors.map((f) => f.id);
