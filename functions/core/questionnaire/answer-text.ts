import type { AnswerValue, Question } from './types';

/** An answer in words: option labels for choice questions, "%" for percents, lists joined by "; ". */
export function answerText(q: Question, v: AnswerValue): string {
  if (v === 'unknown') return 'unknown';
  if ('options' in q) {
    const label = (x: string) => q.options.find((o) => o.value === x)?.label ?? x;
    return Array.isArray(v) ? v.map((x) => label(String(x))).join('; ') : label(String(v));
  }
  if (q.type === 'percent') return `${v} %`;
  return Array.isArray(v) ? v.join('; ') : String(v);
}
