import { questionsOf } from '../questionnaire/registry';
import type { Question, QuestionnaireTemplate } from '../questionnaire/types';
import { maturityRubric } from '../scoring';
import { factorNames } from '../scoring/labels';

const humanize = (id: string) => {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** One answer value in words: the option's label, "Yes"/"No", a number with its unit. */
function valueWords(q: Question | undefined, v: unknown): string {
  if (v === null || v === undefined || v === '') return '-';
  if (v === 'unknown') return 'Unknown / prefer not to say';
  if (q && (q.type === 'single_choice' || q.type === 'multi_choice') && typeof v === 'string')
    return q.options.find((o) => o.value === v)?.label ?? humanize(v);
  if (q?.type === 'yes_no') return v === 'yes' ? 'Yes' : v === 'no' ? 'No' : String(v);
  if (q?.type === 'percent' && typeof v === 'number') return `${v} %`;
  if (q?.type === 'number' && typeof v === 'number' && q.unit) return `${v} ${q.unit}`;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * Words for an id a person reads in an export: a factor's name (its id written as words, as the
 * web app shows it), a question's prompt or a maturity dimension's title, an answer's option
 * labels and units, and any option value quoted in a stored sentence replaced by its label.
 */
export function labeler(template: QuestionnaireTemplate | undefined): Labels {
  const names = new Map<string, string>();
  const questions = new Map<string, Question>();
  const options = new Map<string, string>();
  const anyOption = new Map<string, string>();
  for (const q of template ? questionsOf(template) : []) {
    names.set(q.id, q.prompt);
    questions.set(q.id, q);
    if (q.type === 'single_choice' || q.type === 'multi_choice')
      for (const o of q.options) {
        if (/_/.test(o.value)) options.set(o.value, o.label);
        if (!anyOption.has(o.value)) anyOption.set(o.value, o.label);
      }
  }
  for (const d of maturityRubric) names.set(d.id, d.title);
  const ids = [...options.keys()].sort((a, b) => b.length - a.length);
  const pattern = ids.length
    ? new RegExp(
        `\\b(${ids.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`,
        'g',
      )
    : undefined;
  const qidList = [...questions.keys()].filter((id) => id.includes('_'));
  const qids = qidList.length ? new RegExp(`\\b(${qidList.join('|')})\\b`, 'g') : undefined;
  return {
    factor: (id) => factorNames[id] ?? humanize(id),
    other: (id) => names.get(id) ?? humanize(id),
    answer: (id, value) => {
      const q = questions.get(id);
      return Array.isArray(value)
        ? value.map((v) => valueWords(q, v)).join(', ')
        : valueWords(q, value);
    },
    plain: (text) => {
      // `dedup_method = "exact"` first: the question's prompt and the option's label.
      let out = text.replace(/\b([a-z][a-z0-9_]*) = "([^"]*)"/g, (all, id: string, v: string) =>
        questions.has(id)
          ? `"${names.get(id)}" answered "${valueWords(questions.get(id), v)}"`
          : all,
      );
      out = out.replace(/claimed \(([a-z_]+)\)/g, (all, v: string) =>
        anyOption.has(v) ? `claimed ("${anyOption.get(v)?.toLowerCase()}")` : all,
      );
      if (pattern) out = out.replace(pattern, (v) => `"${(options.get(v) ?? v).toLowerCase()}"`);
      return qids ? out.replace(qids, (id) => `"${names.get(id) ?? id}"`) : out;
    },
  };
}

/** Labels by kind: factor ids and question ids can coincide ("personal_data"). */
export interface Labels {
  factor: (id: string) => string;
  other: (id: string) => string;
  /** An answer to question `id` in words (option labels, units), never the raw option value. */
  answer: (id: string, value: unknown) => string;
  /** A stored sentence with option values ("exact_only") replaced by their labels. */
  plain: (text: string) => string;
}
