import { describe, expect, it } from 'vitest';
import type { Question, Section } from '../../../web/src/api/domain';
import {
  fromInput,
  isAnswered,
  overallProgress,
  sectionProgress,
  toggleChoice,
  withAnswer,
} from '../../../web/src/pages/vendor/answer-model';

const percentQ: Question = { id: 'p', prompt: 'P', required: true, sources: [], type: 'percent' };
const textQ: Question = {
  id: 't',
  prompt: 'T',
  required: false,
  sources: [],
  type: 'short_text',
  maxLength: 500,
};
const section: Section = { id: 's', title: 'S', description: '', questions: [percentQ, textQ] };

describe('vendor answers', () => {
  it('counts "unknown" as an answer but not empty strings or empty lists', () => {
    expect(isAnswered('unknown')).toBe(true);
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered('')).toBe(false);
    expect(isAnswered([])).toBe(false);
  });

  it('reports progress and the required questions still open', () => {
    expect(sectionProgress(section, { t: 'x' })).toMatchObject({ answered: 1, total: 2 });
    expect(sectionProgress(section, { t: 'x' }).requiredOpen.map((q) => q.id)).toEqual(['p']);
    expect(overallProgress([section], { p: 'unknown' })).toEqual({
      answered: 1,
      total: 2,
      requiredAnswered: 1,
      requiredTotal: 1,
    });
  });

  it('turns numeric input into numbers and keeps unparseable text for the API to explain', () => {
    expect(fromInput(percentQ, ' 12.5 ')).toBe(12.5);
    expect(fromInput(percentQ, '')).toBeUndefined();
    expect(fromInput(percentQ, 'twelve')).toBe('twelve');
    expect(fromInput(textQ, '<b>x</b>')).toBe('<b>x</b>');
  });

  it('makes exclusive options such as "none" replace the other choices, and the reverse', () => {
    expect(toggleChoice(['a'], 'b', true, ['none'])).toEqual(['a', 'b']);
    expect(toggleChoice(['a', 'b'], 'none', true, ['none'])).toEqual(['none']);
    expect(toggleChoice(['none'], 'a', true, ['none'])).toEqual(['a']);
    expect(toggleChoice(['a'], 'a', false)).toBeUndefined();
  });

  it('removes an answer when it is cleared', () => {
    expect(withAnswer({ a: 1, b: 2 }, 'a', undefined)).toEqual({ b: 2 });
    expect(withAnswer({}, 'a', 'unknown')).toEqual({ a: 'unknown' });
  });
});
