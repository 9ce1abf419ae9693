import { describe, expect, it } from 'vitest';
import type { DetectedFields } from '../../../web/src/api/field-mapping';
import {
  currentField,
  DETECT,
  fieldOptions,
  fieldWords,
  mappingBody,
  mappingChanged,
} from '../../../web/src/components/field-mapping-model';

const detected: DetectedFields = {
  recordsRead: 50,
  fields: [
    { path: 'id', present: 1, textLike: false, examples: ['t-1'] },
    { path: 'prompt', present: 1, textLike: true, examples: ['Summarize the complaint'] },
    { path: 'answer', present: 0.5, textLike: true, examples: ['<b>not html</b>'] },
    { path: 'topic', present: 1, textLike: false, examples: [] },
  ],
  chosen: { text: 'prompt', label: 'topic' },
  overrides: {},
};

describe('field mapping model', () => {
  it('offers "detect" first, then text-like fields first for the text slot', () => {
    const options = fieldOptions(detected, 'text');
    expect(options.map((o) => o.value)).toEqual([DETECT, 'prompt', 'answer', 'id', 'topic']);
    expect(options[2]?.label).toBe('answer, in 50 % of records — e.g. “<b>not html</b>”');
  });

  it('keeps the file order for the label slot', () => {
    expect(fieldOptions(detected, 'label').map((o) => o.value)).toEqual([
      DETECT,
      'id',
      'prompt',
      'answer',
      'topic',
    ]);
  });

  it('starts from the named field, else the detected one, else detect', () => {
    expect(currentField(detected, 'text')).toBe('prompt');
    expect(currentField({ ...detected, overrides: { text: 'answer' } }, 'text')).toBe('answer');
    expect(currentField({ ...detected, chosen: { text: ['prompt', 'answer'] } }, 'text')).toBe(
      DETECT,
    );
  });

  it('sends only the slots a field was chosen for, and sees when nothing changed', () => {
    expect(mappingBody({ text: 'answer', label: DETECT })).toEqual({ fields: { text: 'answer' } });
    expect(mappingChanged(detected, { text: DETECT, label: DETECT })).toBe(false);
    expect(mappingChanged(detected, { text: 'answer' })).toBe(true);
    const named = { ...detected, overrides: { text: 'answer' } };
    expect(mappingChanged(named, { text: 'answer' })).toBe(false);
    expect(mappingChanged(named, { text: DETECT })).toBe(true);
  });

  it('words several fields read together', () => {
    expect(fieldWords(['prompt', 'answer'])).toBe('prompt + answer');
    expect(fieldWords(undefined)).toBe('—');
  });
});
