import { questionsOf } from '../questionnaire/registry';
import type { QuestionnaireTemplate } from '../questionnaire/types';
import { type ClaimRule, factor, undisclosedOf } from './claims/rule';
import { type Ctx, isUndisclosed, type RawFactor } from './context';

/** Risk carried by what is missing: undisclosed answers, evasion the sample exposes, no sample. */
export function missingFactors(
  ctx: Ctx,
  template: QuestionnaireTemplate,
  rules: readonly ClaimRule[],
): RawFactor[] {
  const { weights } = ctx.policy;
  const out: RawFactor[] = [];
  const claimIds = new Set(rules.flatMap((r) => r.questionIds));
  const hidden = rules.flatMap((r) => undisclosedOf(r, ctx));
  if (hidden.length > 0) {
    const reason = `${hidden.length} scored question(s) answered "unknown" or left empty: ${hidden.join(', ')}.`;
    out.push(
      factor(
        'undisclosed_claim',
        weights.undisclosed_claim * hidden.length,
        reason,
        'missing',
        hidden,
      ),
    );
  }
  const unanswered = questionsOf(template)
    .filter((q) => q.required && !claimIds.has(q.id) && isUndisclosed(ctx.answers, q.id))
    .map((q) => q.id);
  if (unanswered.length > 0) {
    const reason = `${unanswered.length} other required question(s) answered "unknown" or left empty: ${unanswered.join(', ')}.`;
    out.push(
      factor(
        'unanswered_question',
        weights.unanswered_question * unanswered.length,
        reason,
        'missing',
        unanswered,
      ),
    );
  }
  // One charge per rule (its questions may share one measurement), at its worst severity.
  const evasions = rules.flatMap((rule) => {
    const found = undisclosedOf(rule, ctx).flatMap((id) => {
      const e = rule.evasion?.(id, ctx);
      return e ? [{ id, ...e, severity: Math.min(1, e.severity) }] : [];
    });
    const worst = found.reduce<(typeof found)[number] | undefined>(
      (w, e) => (!w || e.severity > w.severity ? e : w),
      undefined,
    );
    // Below a twentieth of a point the sample shows no trouble worth naming.
    if (!worst || weights.evasion_contradicted * worst.severity < 0.05) return [];
    return [{ ...worst, ids: found.map((e) => e.id) }];
  });
  if (evasions.length > 0) {
    const raw = evasions.reduce((sum, e) => sum + weights.evasion_contradicted * e.severity, 0);
    const reason = evasions
      .map((e) => `${e.ids.join(' and ')} undisclosed while the sample shows ${e.measured}.`)
      .join(' ');
    out.push(
      factor(
        'evasion_contradicted',
        raw,
        reason,
        'missing',
        evasions.flatMap((e) => e.ids),
      ),
    );
  }
  if (!ctx.training) {
    out.push(
      factor(
        'no_sample',
        weights.no_sample,
        'No training sample was analyzed, so no claim could be checked.',
        'missing',
        [],
      ),
    );
  }
  return out;
}
