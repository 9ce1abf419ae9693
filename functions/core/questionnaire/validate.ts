import { expectation, knownAnswerSchema } from './answer-schema';
import { questionsOf } from './registry';
import {
  type Question,
  type QuestionnaireTemplate,
  type TemplateRule,
  UNKNOWN,
  type ValidationError,
  type ValidationResult,
} from './types';

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const result = (errors: ValidationError[]): ValidationResult => ({
  ok: errors.length === 0,
  errors,
});

/** Checks one answer against its question; "unknown" is always accepted. */
export function validateAnswer(question: Question, value: unknown): ValidationResult {
  if (value === UNKNOWN) return result([]);
  const parsed = knownAnswerSchema(question).safeParse(value);
  if (parsed.success) return result([]);
  const expected = expectation(question);
  const first = parsed.error.issues[0]?.message ?? expected;
  const message = first === expected ? `${expected} (got ${show(value)})` : first;
  return result([{ path: question.id, message }]);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function ruleErrors(
  rule: TemplateRule,
  answers: Record<string, unknown>,
  title: (id: string) => string,
): ValidationError[] {
  if (rule.kind === 'sum_at_most') {
    const present = rule.questionIds.filter((id) => typeof answers[id] === 'number');
    const sum = present.reduce((total, id) => total + (answers[id] as number), 0);
    const last = present.at(-1);
    if (last === undefined || sum <= rule.max) return [];
    return [
      {
        path: last,
        message: `${present.map((id) => `${title(id)} (${answers[id]} %)`).join(' and ')} add up to ${sum} %, more than ${rule.max} %; count each record under one origin`,
      },
    ];
  }
  const earlier = answers[rule.earlier];
  const later = answers[rule.later];
  const isDate = (v: unknown): v is string => typeof v === 'string' && v !== UNKNOWN;
  if (!isDate(earlier) || !isDate(later) || earlier <= later) return [];
  return [
    {
      path: rule.later,
      message: `${later} is before the answer to ${title(rule.earlier)} (${earlier}); swap the dates or correct one of them`,
    },
  ];
}

/**
 * Checks every answer against its question, rejects ids the template does not ask, applies the
 * template's cross-question rules and, unless `partial`, requires every required question.
 */
export function validateAnswers(
  template: QuestionnaireTemplate,
  answers: unknown,
  options: { partial: boolean },
): ValidationResult {
  if (!isPlainObject(answers)) {
    return result([
      { path: '', message: 'answers must be an object mapping question ids to values' },
    ]);
  }
  const questions = new Map(questionsOf(template).map((q) => [q.id, q]));
  const errors: ValidationError[] = [];
  const valid: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const question = questions.get(id);
    if (!question) {
      errors.push({
        path: id,
        message: `is not a question of template "${template.id}" version ${template.version}; remove it or check the spelling`,
      });
      continue;
    }
    const checked = validateAnswer(question, value);
    if (checked.ok) valid[id] = value;
    else errors.push(...checked.errors);
  }
  // Messages name questions by their prompt, never by id: people read them beside the question.
  const title = (id: string) => `“${questions.get(id)?.prompt ?? id}”`;
  for (const rule of template.rules) errors.push(...ruleErrors(rule, valid, title));
  if (!options.partial) {
    for (const missing of missingRequired(template, answers)) {
      errors.push({ path: missing.questionId, message: 'is required; answer it or say "unknown"' });
    }
  }
  return result(errors);
}

/** The required questions without an answer ("unknown" counts as an answer), in template order. */
export function missingRequired(
  template: QuestionnaireTemplate,
  answers: Readonly<Record<string, unknown>>,
): { questionId: string; prompt: string }[] {
  return questionsOf(template)
    .filter((q) => q.required && (!Object.hasOwn(answers, q.id) || answers[q.id] === undefined))
    .map((q) => ({ questionId: q.id, prompt: q.prompt }));
}
