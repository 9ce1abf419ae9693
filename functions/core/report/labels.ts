import { questionsOf } from '../questionnaire/registry';
import type { QuestionnaireTemplate } from '../questionnaire/types';
import { maturityRubric } from '../scoring';

const humanize = (id: string) => {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Words for an id a person reads in an export: a factor's name (its id written as words, as the
 * web app shows it), a question's prompt or a maturity dimension's title.
 */
export function labeler(template: QuestionnaireTemplate | undefined): Labels {
  const names = new Map<string, string>();
  for (const q of template ? questionsOf(template) : []) names.set(q.id, q.prompt);
  for (const d of maturityRubric) names.set(d.id, d.title);
  return { factor: humanize, other: (id) => names.get(id) ?? humanize(id) };
}

/** Labels by kind: factor ids and question ids can coincide ("personal_data"). */
export interface Labels {
  factor: (id: string) => string;
  other: (id: string) => string;
}
