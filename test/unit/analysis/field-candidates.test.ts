import { describe, expect, it } from 'vitest';
import {
  AmbiguousTextFieldError,
  fieldChoices,
  requireTextChoice,
  textCandidates,
} from '../../../functions/core/analysis/fields/candidates';

const row = (i: number) => ({
  id: `user_oriented_task_${i}`,
  prompt: `Write a short note about topic number ${i} for the team`,
  human_text: `I went to the market on day ${i} and bought some apples and pears.`,
  lang: 'en',
});
const rows = Array.from({ length: 10 }, (_, i) => row(i));

describe('text field candidates', () => {
  it('lists every field with presence and examples, running text marked text-like', () => {
    const choices = fieldChoices(rows);
    expect(choices.map((c) => [c.path, c.textLike])).toEqual([
      ['id', false],
      ['prompt', true],
      ['human_text', true],
      ['lang', false],
    ]);
    expect(choices[3]).toMatchObject({ present: 1, examples: ['en'] });
  });

  it('treats a long one-token id as no text', () => {
    expect(textCandidates(rows.map(({ id, human_text }) => ({ id, human_text })))).toEqual([
      'human_text',
    ]);
  });

  it('refuses an unnamed choice among several text fields, naming them', () => {
    expect(() => requireTextChoice(rows, undefined, 'm4.jsonl')).toThrow(AmbiguousTextFieldError);
    expect(() => requireTextChoice(rows, undefined)).toThrow(/\(prompt, human_text\)/);
    expect(() => requireTextChoice(rows, 'human_text')).not.toThrow();
  });

  it('cuts long examples to 80 characters', () => {
    const [choice] = fieldChoices([{ body: 'x '.repeat(100) }]);
    expect(choice?.examples[0]).toHaveLength(80);
  });
});
