import type { AnswerValue } from '../../questionnaire/types';
import { type Ctx, isUndisclosed, type Outcome, type RawFactor } from '../context';
import type { EvidenceStrength } from '../types';

/** A value tried for an undisclosed answer, with how to name it in the reason. */
export interface Candidate {
  value: AnswerValue;
  label?: string;
}

/**
 * Scores a group of claim questions. An undisclosed question is scored as the worst of its
 * candidates, so "unknown" never scores lower than any answer the question allows.
 */
export interface ClaimRule {
  questionIds: readonly string[];
  candidates: (questionId: string, ctx: Ctx) => readonly Candidate[];
  evaluate: (ctx: Ctx) => Outcome;
  /** Questions that other answers make irrelevant (not charged when undisclosed). */
  notApplicable?: (questionId: string, ctx: Ctx) => boolean;
  /** The trouble (0–1) the sample shows on an undisclosed question, and what was measured. */
  evasion?: (questionId: string, ctx: Ctx) => { severity: number; measured: string } | undefined;
}

/** Builds a raw factor. */
export const factor = (
  id: string,
  raw: number,
  reason: string,
  source: RawFactor['source'],
  questionIds: string[],
): RawFactor => ({ id, raw, reason, source, questionIds });

/** A measured share above the claimed one: its points, and the two ways to report it. */
export interface Excess {
  questionId: string;
  points: number;
  claimed: number;
  measured: number;
  tolerance: number;
  /** True when the gap is beyond tolerance: a discrepancy, otherwise a plain sample factor. */
  contradicted: boolean;
  discrepancy: { id: string; message: string };
  withinTolerance: { id: string; message: string };
  /** The strength of the measurement (default `measured`). */
  evidence?: EvidenceStrength;
}

/** Charges the part of a percentage the sample adds above the claim, as discrepancy or sample factor. */
export function chargeExcess(out: Outcome, e: Excess): void {
  if (!e.contradicted) {
    out.factors.push(
      factor(e.withinTolerance.id, e.points, e.withinTolerance.message, 'sample', [e.questionId]),
    );
    return;
  }
  const { message } = e.discrepancy;
  out.factors.push(factor(e.discrepancy.id, e.points, message, 'discrepancy', [e.questionId]));
  out.discrepancies.push({
    questionId: e.questionId,
    claimed: e.claimed,
    measured: Math.round(e.measured * 10) / 10,
    tolerance: e.tolerance,
    unit: 'percentage points',
    message,
    evidence: e.evidence ?? 'measured',
  });
}

const total = (o: Outcome): number => o.factors.reduce((sum, f) => sum + f.raw, 0);

/** The rule's questions that are undisclosed and applicable. */
export const undisclosedOf = (rule: ClaimRule, ctx: Ctx): string[] =>
  rule.questionIds.filter(
    (id) => isUndisclosed(ctx.answers, id) && !(rule.notApplicable?.(id, ctx) ?? false),
  );

function combinations(ids: string[], rule: ClaimRule, ctx: Ctx): [string, Candidate][][] {
  return ids.reduce<[string, Candidate][][]>(
    (combos, id) =>
      combos.flatMap((combo) =>
        rule.candidates(id, ctx).map((c) => [...combo, [id, c] as [string, Candidate]]),
      ),
    [[]],
  );
}

const describe = (combo: [string, Candidate][]): string =>
  combo.map(([id, c]) => `${id} = ${c.label ?? JSON.stringify(c.value)}`).join(', ');

/** Evaluates a rule, charging undisclosed questions as their worst candidate answers. */
export function runRule(rule: ClaimRule, ctx: Ctx): Outcome {
  const hidden = undisclosedOf(rule, ctx);
  if (hidden.length === 0) return rule.evaluate(ctx);
  let worst: { outcome: Outcome; combo: [string, Candidate][] } | undefined;
  for (const combo of combinations(hidden, rule, ctx)) {
    const substituted = Object.fromEntries(combo.map(([id, c]) => [id, c.value]));
    const outcome = rule.evaluate({ ...ctx, answers: { ...ctx.answers, ...substituted } });
    if (!worst || total(outcome) > total(worst.outcome)) worst = { outcome, combo };
  }
  if (!worst) return rule.evaluate(ctx);
  const { outcome, combo } = worst;
  const touchesHidden = (ids: string[]) => ids.some((id) => hidden.includes(id));
  return {
    factors: outcome.factors.map((f) =>
      touchesHidden(f.questionIds)
        ? {
            ...f,
            source: 'missing',
            reason: `Not disclosed, so scored as the worst answer (${describe(combo)}): ${f.reason}`,
          }
        : f,
    ),
    discrepancies: outcome.discrepancies.filter((d) => !hidden.includes(d.questionId)),
    checks: (outcome.checks ?? []).filter((c) => !hidden.includes(c.questionId)),
  };
}
