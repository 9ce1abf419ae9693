/** Pure helpers for the vendor questionnaire: progress, input coercion, multi-choice rules. */
import type { AnswerValue, Question, Section } from '../../api/domain';
import type { Answers } from '../../api/types';

/** The recorded value for "unknown / prefer not to say". */
export const UNKNOWN = 'unknown';

/** True when the question has any answer, "unknown" included. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Answered and total counts for a section, plus the required questions still open. */
export function sectionProgress(section: Section, answers: Answers) {
  const open = section.questions.filter((q) => q.required && !isAnswered(answers[q.id]));
  return {
    answered: section.questions.filter((q) => isAnswered(answers[q.id])).length,
    total: section.questions.length,
    requiredOpen: open,
  };
}

/** Progress over every section. */
export function overallProgress(sections: readonly Section[], answers: Answers) {
  const all = sections.flatMap((s) => s.questions);
  const required = all.filter((q) => q.required);
  return {
    answered: all.filter((q) => isAnswered(answers[q.id])).length,
    total: all.length,
    requiredAnswered: required.filter((q) => isAnswered(answers[q.id])).length,
    requiredTotal: required.length,
  };
}

/** Turns what an input holds into the answer to save; undefined clears the answer. */
export function fromInput(question: Question, raw: string): AnswerValue | undefined {
  if (question.type === 'percent' || question.type === 'number') {
    const trimmed = raw.trim();
    if (!trimmed) return undefined;
    const value = Number(trimmed);
    // Keep unparseable text so the API's validation message explains what is wrong.
    return Number.isFinite(value) ? value : trimmed;
  }
  return raw === '' ? undefined : raw;
}

/** Toggles one option of a multi-choice answer, honouring exclusive options such as "none". */
export function toggleChoice(
  current: unknown,
  value: string,
  checked: boolean,
  exclusive: readonly string[] = [],
): string[] | undefined {
  const list = Array.isArray(current)
    ? current.filter((v): v is string => typeof v === 'string')
    : [];
  let next: string[];
  if (!checked) next = list.filter((v) => v !== value);
  else if (exclusive.includes(value)) next = [value];
  else next = [...list.filter((v) => !exclusive.includes(v) && v !== value), value];
  return next.length ? next : undefined;
}

/** Returns answers with `id` set to `value`, or removed when `value` is undefined. */
export function withAnswer(answers: Answers, id: string, value: AnswerValue | undefined): Answers {
  const next = { ...answers };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}

/** The section holding a question, if any. */
export function sectionOf(sections: readonly Section[], questionId: string): Section | undefined {
  return sections.find((s) => s.questions.some((q) => q.id === questionId));
}

/** An answer as a person reads it: option labels, units, "Unknown", or "Not answered". */
export function answerText(question: Question, value: unknown): string {
  if (!isAnswered(value)) return 'Not answered';
  if (value === UNKNOWN) return 'Unknown / prefer not to say';
  const options =
    question.type === 'single_choice' || question.type === 'multi_choice'
      ? question.options
      : question.type === 'yes_no'
        ? [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]
        : [];
  const label = (v: unknown) => options.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.map(label).join('; ');
  if (question.type === 'percent') return `${value} %`;
  if (question.type === 'number' && question.unit) return `${value} ${question.unit}`;
  return label(value);
}
