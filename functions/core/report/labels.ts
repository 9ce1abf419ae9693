import { questionsOf } from '../questionnaire/registry';
import type { QuestionnaireTemplate } from '../questionnaire/types';
import { maturityRubric } from '../scoring';

const humanize = (id: string) => {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Words for an id a person reads in an export: a question's prompt, a maturity dimension's title,
 * otherwise the id written as words (factor ids are named that way in the web app too).
 */
export function labeler(template: QuestionnaireTemplate | undefined): (id: string) => string {
  const names = new Map<string, string>();
  for (const q of template ? questionsOf(template) : []) names.set(q.id, q.prompt);
  for (const d of maturityRubric) names.set(d.id, d.title);
  return (id) => names.get(id) ?? humanize(id);
}
