import { describe, expect, it } from 'vitest';
import { titleFor } from '../../../web/src/components/page-main';
import {
  keyAction,
  knownFlags,
  progressText,
  resultWords,
  resumeOrder,
  sizeProblem,
  step,
  tagLabel,
  toggleFlag,
} from '../../../web/src/pages/spot-check/spot-check-model';
import { matchRoute } from '../../../web/src/router';

describe('keyAction', () => {
  it('maps m, h and u to the three tags, in either case', () => {
    expect(keyAction({ key: 'm' })).toEqual({ kind: 'tag', tag: 'machine' });
    expect(keyAction({ key: 'H' })).toEqual({ kind: 'tag', tag: 'human' });
    expect(keyAction({ key: 'u' })).toEqual({ kind: 'tag', tag: 'unsure' });
  });

  it('maps l, p and o to the flags and the arrows to moves', () => {
    expect(keyAction({ key: 'l' })).toEqual({ kind: 'flag', flag: 'label_wrong' });
    expect(keyAction({ key: 'p' })).toEqual({ kind: 'flag', flag: 'personal_data' });
    expect(keyAction({ key: 'o' })).toEqual({ kind: 'flag', flag: 'off_domain' });
    expect(keyAction({ key: 'ArrowLeft' })).toEqual({ kind: 'move', by: -1 });
    expect(keyAction({ key: 'ArrowRight' })).toEqual({ kind: 'move', by: 1 });
  });

  it('leaves other keys, modified keys and typing in fields to the browser', () => {
    expect(keyAction({ key: 'x' })).toBeNull();
    expect(keyAction({ key: 'Enter' })).toBeNull();
    expect(keyAction({ key: 'm', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'h', metaKey: true })).toBeNull();
    expect(keyAction({ key: 'm', targetTag: 'INPUT', targetType: 'text' })).toBeNull();
    expect(keyAction({ key: 'ArrowLeft', targetTag: 'TEXTAREA' })).toBeNull();
    expect(keyAction({ key: 'm', targetTag: 'SELECT' })).toBeNull();
  });

  it('still acts when focus is on a button or a checkbox', () => {
    expect(keyAction({ key: 'm', targetTag: 'BUTTON' })).toEqual({ kind: 'tag', tag: 'machine' });
    expect(keyAction({ key: 'p', targetTag: 'INPUT', targetType: 'checkbox' })).toEqual({
      kind: 'flag',
      flag: 'personal_data',
    });
  });
});

describe('progress and moves', () => {
  it('counts from one for people', () => {
    expect(progressText(22, 100)).toBe('23 of 100');
    expect(progressText(0, 1200)).toBe('1 of 1,200');
  });

  it('keeps moves inside the draw', () => {
    expect(step(0, -1, 10)).toBe(0);
    expect(step(9, 1, 10)).toBe(9);
    expect(step(4, 1, 10)).toBe(5);
    expect(step(4, -1, 10)).toBe(3);
  });

  it('tries the first untagged record first, then the rest, each once', () => {
    expect(resumeOrder(3, 5)).toEqual([3, 4, 0, 1, 2]);
    expect(resumeOrder(0, 3)).toEqual([0, 1, 2]);
    expect(resumeOrder(7, 5)).toEqual([4, 0, 1, 2, 3]);
    expect(resumeOrder(0, 0)).toEqual([]);
  });
});

describe('flags and tags', () => {
  it('toggles a flag on and off in a stable order', () => {
    expect(toggleFlag([], 'off_domain')).toEqual(['off_domain']);
    expect(toggleFlag(['off_domain'], 'label_wrong')).toEqual(['label_wrong', 'off_domain']);
    expect(toggleFlag(['label_wrong', 'off_domain'], 'label_wrong')).toEqual(['off_domain']);
  });

  it('drops flags the page does not know', () => {
    expect(knownFlags(['personal_data', 'something_else'])).toEqual(['personal_data']);
  });

  it('names tags, and an untagged record', () => {
    expect(tagLabel('unsure')).toBe("Can't tell");
    expect(tagLabel(null)).toBe('Not tagged yet');
  });
});

describe('sizeProblem', () => {
  it('accepts whole numbers of one or more', () => {
    expect(sizeProblem('100')).toBeUndefined();
    expect(sizeProblem(' 10 ')).toBeUndefined();
  });

  it('says what is wrong with empty, fractional and non-positive sizes', () => {
    expect(sizeProblem('')).toMatch(/Enter how many records/);
    expect(sizeProblem('2.5')).toMatch(/not a whole number/);
    expect(sizeProblem('abc')).toMatch(/not a whole number/);
    expect(sizeProblem('0')).toMatch(/at least one/);
  });
});

describe('resultWords', () => {
  it('puts the share, its range and the can’t-tell count in words', () => {
    const words = resultWords({
      share: 0.34,
      interval: [0.25, 0.44],
      reviewed: 100,
      unsure: 7,
      method: 'stratified Wilson',
    });
    expect(words.share).toBe(
      "About 34 % of the sample's records are machine-made, as people read them.",
    );
    expect(words.range).toBe('With 95 % confidence the share lies between 25 % and 44 %.');
    expect(words.counts).toMatch(/^100 records were read; 7 were tagged "can't tell"/);
  });

  it('says when nothing was tagged can’t tell', () => {
    const words = resultWords({
      share: 0,
      interval: [0, 0.03],
      reviewed: 10,
      unsure: 0,
      method: '',
    });
    expect(words.counts).toBe('10 records were read; none was tagged "can\'t tell".');
  });
});

describe('the spot-check route', () => {
  it('matches the page address and names it in the title', () => {
    expect(
      matchRoute('/assessments/:id/spot-checks/:spotCheckId', '/assessments/a1/spot-checks/s%201'),
    ).toEqual({
      id: 'a1',
      spotCheckId: 's 1',
    });
    expect(titleFor('/assessments/a1/spot-checks/s1')).toBe('Spot-check · Diligence');
    expect(titleFor('/assessments/a1')).toBe('Assessment · Diligence');
  });
});
