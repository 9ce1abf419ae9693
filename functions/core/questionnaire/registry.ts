import { aiTrainingDataV1 } from './templates/ai-training-data';
import type { Question, QuestionnaireTemplate } from './types';

/** Every published template version, oldest first. */
export const templates: readonly QuestionnaireTemplate[] = Object.freeze([aiTrainingDataV1]);

/** The template with this id at `version`, or its latest version when omitted; undefined if none. */
export function getTemplate(id: string, version?: number): QuestionnaireTemplate | undefined {
  const matching = templates.filter(
    (t) => t.id === id && (version === undefined || t.version === version),
  );
  return matching.reduce<QuestionnaireTemplate | undefined>(
    (latest, t) => (latest === undefined || t.version > latest.version ? t : latest),
    undefined,
  );
}

/** All questions of a template in section order. */
export function questionsOf(template: QuestionnaireTemplate): Question[] {
  return template.sections.flatMap((s) => s.questions);
}

/** The question with this id, or undefined. */
export function findQuestion(template: QuestionnaireTemplate, id: string): Question | undefined {
  return questionsOf(template).find((q) => q.id === id);
}
