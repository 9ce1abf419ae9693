import type { Analysis } from '../../analysis/types';
import type { Answers } from '../../questionnaire/types';
import { isUndisclosed, list, num, str } from '../context';
import type { Policy } from '../policy';

/** What a maturity criterion can look at. */
export interface CriterionCtx {
  answers: Answers;
  policy: Policy;
  training?: Analysis;
  holdout?: Analysis;
}

/** One requirement of a level, tied to the question it reads. */
export interface Criterion {
  questionId: string;
  requirement: string;
  test: (c: CriterionCtx) => boolean;
}

/** A dimension's rubric: level 0 is "none of level 1's requirements met". */
export interface DimensionSpec {
  id: string;
  title: string;
  critical: boolean;
  criticalReason?: string;
  levels: readonly { level: 0 | 1 | 2 | 3 | 4; summary: string; criteria: readonly Criterion[] }[];
}

/** A requirement with its own test. */
export const c = (questionId: string, requirement: string, test: Criterion['test']): Criterion => ({
  questionId,
  requirement,
  test,
});
/** The question is answered with something other than "unknown". */
export const answered = (id: string, requirement: string) =>
  c(id, requirement, (x) => !isUndisclosed(x.answers, id));
/** The answer is one of `values`. */
export const is = (id: string, values: string[], requirement: string) =>
  c(id, requirement, (x) => values.includes(str(x.answers, id) ?? ''));
/** The options picked in a multiple-choice answer (none when undisclosed). */
export const picks = (x: CriterionCtx, id: string) => list(x.answers, id) ?? [];
/** The vendor claims no synthetic records at all. */
export const noSynthetic = (x: CriterionCtx) => num(x.answers, 'synthetic_share_percent') === 0;
/** The vendor says the dataset has no labels. */
export const noLabels = (x: CriterionCtx) => str(x.answers, 'labelers') === 'no_labels';
/** The provenance-fields question id. */
export const PROV = 'provenance_fields';
/** The provenance fields claimed, without "none". */
export const realFields = (x: CriterionCtx) => picks(x, PROV).filter((f) => f !== 'none');

/** The eight maturity dimensions, each with a written rubric per level (0–4). */
