import type { QuestionnaireTemplate, TemplateRule, ValidationError } from './types';
import { validateAnswers } from './validate';

/** The outcome of merging a draft: what is stored now, which ids were kept, which were refused. */
export interface MergeResult {
  answers: Record<string, unknown>;
  saved: string[];
  errors: ValidationError[];
}

const ruleIds = (rule: TemplateRule): readonly string[] =>
  rule.kind === 'sum_at_most' ? rule.questionIds : [rule.earlier, rule.later];

const key = (e: ValidationError) => `${e.path}\u0000${e.message}`;

/**
 * Merges changed answers (`null` clears one) into the stored ones, keeping every change that is
 * valid and refusing the rest with their messages, so one bad answer never costs the good ones.
 * A cross-question rule a change breaks refuses the changed answers that rule involves.
 */
export function mergeValidAnswers(
  template: QuestionnaireTemplate,
  current: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
): MergeResult {
  const before = new Set(validateAnswers(template, current, { partial: true }).errors.map(key));
  const pending = new Set(Object.keys(changes));
  const refused = new Map<string, string>();
  const build = () => {
    const next: Record<string, unknown> = { ...current };
    for (const id of pending) {
      if (changes[id] === null) delete next[id];
      else next[id] = changes[id];
    }
    return next;
  };
  // Each round refuses at least one pending change, so this ends within |changes| + 1 rounds.
  for (;;) {
    const candidate = build();
    const fresh = validateAnswers(template, candidate, { partial: true }).errors.filter(
      (e) => !before.has(key(e)),
    );
    const culprits = new Map<string, string>();
    for (const error of fresh) {
      const involved = pending.has(error.path)
        ? [error.path]
        : template.rules
            .filter((r) => ruleIds(r).includes(error.path))
            .flatMap(ruleIds)
            .filter((id) => pending.has(id));
      for (const id of involved) if (!culprits.has(id)) culprits.set(id, error.message);
    }
    if (culprits.size === 0) {
      return {
        answers: candidate,
        saved: [...pending],
        errors: [...refused].map(([path, message]) => ({ path, message })),
      };
    }
    for (const [id, message] of culprits) {
      pending.delete(id);
      refused.set(id, message);
    }
  }
}
