import type { DimensionSpec } from './criteria';
import { dataDimensions } from './data-dimensions';
import { practiceDimensions } from './practice-dimensions';

export type { Criterion, CriterionCtx, DimensionSpec } from './criteria';

/** The eight maturity dimensions, each with a written rubric per level (0–4). */
export const dimensionSpecs: readonly DimensionSpec[] = [...dataDimensions, ...practiceDimensions];

/** The rubric as data for docs/scoring.md and the UI: each dimension's levels with their requirements. */
export const maturityRubric = dimensionSpecs.map((d) => ({
  id: d.id,
  title: d.title,
  critical: d.critical,
  ...(d.criticalReason ? { criticalReason: d.criticalReason } : {}),
  levels: d.levels.map((l) => ({
    level: l.level,
    summary: l.summary,
    requirements: l.criteria.map((x) => x.requirement),
  })),
}));
