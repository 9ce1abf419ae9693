import { questionsOf } from '../questionnaire/registry';
import type { Answers } from '../questionnaire/types';
import { validateAnswer } from '../questionnaire/validate';
import type { Ctx } from './context';
import { assessMaturity } from './maturity';
import { assessRisk } from './risk';
import type { ScoredReport, ScoreInput } from './types';

/** Keeps only answers that are valid for a question of the template; the rest count as unanswered. */
function usableAnswers(input: ScoreInput): Answers {
  const questions = new Map(questionsOf(input.template).map((q) => [q.id, q]));
  return Object.fromEntries(
    Object.entries(input.answers).filter(([id, value]) => {
      const question = questions.get(id);
      return question !== undefined && validateAnswer(question, value).ok;
    }),
  );
}

/**
 * Scores an assessment: maturity per dimension, collapse risk with every factor explained, and the
 * claims the samples contradict. Pure: the same input always gives the same report (`sha256` is
 * left '' for `withHash`).
 */
export function score(input: ScoreInput): ScoredReport {
  const { training, holdout } = input.analyses;
  const ctx: Ctx = {
    answers: usableAnswers(input),
    policy: input.policy,
    now: input.now,
    ...(training ? { training } : {}),
    ...(holdout ? { holdout } : {}),
    ...(input.sinceLastDelivery ? { comparison: input.sinceLastDelivery } : {}),
  };
  const risk = assessRisk(ctx, input.template);
  const contradicted = new Set(risk.discrepancies.map((d) => d.questionId));
  return {
    assessmentId: input.assessmentId,
    generatedAt: input.now.toISOString(),
    sha256: '',
    templateId: input.template.id,
    templateVersion: input.template.version,
    policyVersion: input.policy.version,
    maturity: assessMaturity(ctx, contradicted),
    risk: {
      score: risk.score,
      tier: risk.tier,
      uncappedPoints: risk.uncappedPoints,
      factors: risk.factors,
    },
    discrepancies: risk.discrepancies,
    claimChecks: risk.claimChecks,
    samples: [
      ...(training ? [{ ...training, role: 'training' as const }] : []),
      ...(holdout ? [{ ...holdout, role: 'holdout' as const }] : []),
    ],
    ...(input.sinceLastDelivery ? { sinceLastDelivery: input.sinceLastDelivery } : {}),
  };
}
