import { type CriterionCtx, dimensionSpecs } from './rubric';
import type { DimensionScore, MaturityEvidence } from './types';

/** The rule for the overall level, stated for docs/scoring.md and the UI. */
export const overallLevelRule =
  'The overall level is the average of the eight dimension levels, rounded down, and never higher than the lowest critical dimension (provenance, synthetic-data governance, evaluation hygiene, rights and privacy).';

/**
 * Maturity per dimension: the highest level whose requirements, and those of every level below,
 * are all met. A requirement on a question the sample contradicts is not met.
 */
export function assessMaturity(
  ctx: CriterionCtx,
  contradicted: ReadonlySet<string>,
): { level: number; dimensions: DimensionScore[] } {
  const dimensions = dimensionSpecs.map((spec): DimensionScore => {
    const evidence: MaturityEvidence[] = [];
    let level = 0;
    for (const step of spec.levels.filter((l) => l.level > 0)) {
      let allMet = true;
      for (const criterion of step.criteria) {
        const isContradicted = contradicted.has(criterion.questionId);
        const met = !isContradicted && criterion.test(ctx);
        allMet &&= met;
        evidence.push({
          questionId: criterion.questionId,
          answer: ctx.answers[criterion.questionId] ?? null,
          requirement: `Level ${step.level}: ${criterion.requirement}`,
          met,
          ...(isContradicted ? { note: 'contradicted by the sample' } : {}),
        });
      }
      if (!allMet) break;
      level = step.level;
    }
    return { id: spec.id, level, evidence };
  });
  const mean = dimensions.reduce((sum, d) => sum + d.level, 0) / dimensions.length;
  const critical = dimensions.filter((d) => dimensionSpecs.find((s) => s.id === d.id)?.critical);
  const level = Math.min(Math.floor(mean), ...critical.map((d) => d.level));
  return { level, dimensions };
}
