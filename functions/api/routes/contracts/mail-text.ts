import { type ContractCondition, conditionWords } from '../../../core/assessment/contract';

/** The approval's conditions for the decision e-mail, in plain words ('' without any). */
export function conditionsMailText(conditions: ContractCondition[] | undefined): string {
  if (!conditions?.length) return '';
  const lines = conditions.map(
    (c) => `- ${conditionWords(c)}${c.note ? ` (${c.note.replace(/\s+/g, ' ')})` : ''}`,
  );
  return `\n\nThe approval has conditions, checked on every new delivery:\n${lines.join('\n')}`;
}
