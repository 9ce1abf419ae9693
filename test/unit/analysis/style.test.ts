import { describe, expect, it } from 'vitest';
import { scanWords } from '../../../functions/core/analysis/text/scan';
import { StyleState } from '../../../functions/core/analysis/text/style';
import { WordBuffer } from '../../../functions/core/analysis/text/word-buffer';

function cues(text: string) {
  const st = new StyleState();
  scanWords(text, new WordBuffer(), st);
  return st.cues();
}

describe('style cues', () => {
  it('finds no irregularity in tidy prose', () => {
    expect(
      cues('The cat sat on the mat. It was warm. Then it slept, e.g. for hours.').irregular,
    ).toBe(false);
  });

  it.each([
    ['a sentence starting in lower case', 'It rained. then it stopped.'],
    ['a space before punctuation', 'It rained , then it stopped.'],
    ['a double space between words', 'It rained  then it stopped.'],
    ['a missing space after a full stop', 'It rained.Then it stopped.'],
    ['a missing space after a comma', 'It rained,then it stopped.'],
    ['repeated exclamation marks', 'It rained!! Then it stopped.'],
    ['an ellipsis', 'It rained... Then it stopped.'],
  ])('flags %s as irregular', (_, text) => {
    expect(cues(text).irregular).toBe(true);
  });

  it('does not end sentences at abbreviations or decimals', () => {
    const st = new StyleState();
    scanWords(
      'Dr. Smith paid 3.5 dollars, i.e. little. Then he left. Then he came back.',
      new WordBuffer(),
      st,
    );
    expect(st.sentences).toBe(3);
  });

  it('recognizes numbered and bulleted lists without counting the numbers as words', () => {
    const st = new StyleState();
    scanWords('Steps:\n1. Open the lid.\n2. Pour the water.\n- Wait', new WordBuffer(), st);
    expect(st.list).toBe(true);
    expect(st.sum).toBe(1 + 3 + 3 + 1);
    expect(cues('Just prose here.').list).toBe(false);
  });

  it('notices typographic quotes and apostrophes', () => {
    expect(cues('It’s “quoted” text.').curly).toBe(true);
    expect(cues('It\'s "quoted" text.').curly).toBe(false);
  });

  it('separates uniform from varied sentence lengths', () => {
    expect(cues('One two three four. Five six seven eight. Nine ten eleven twelve.').rhythm).toBe(
      1,
    );
    expect(
      cues('One. Two three four five six seven eight nine ten eleven twelve. Thirteen fourteen.')
        .rhythm,
    ).toBe(2);
    expect(cues('Only one sentence here.').rhythm).toBe(0);
  });

  it('counts short and long sentences and their length variation', () => {
    const st = new StyleState();
    const long = Array.from({ length: 31 }, (_, i) => `w${i}`).join(' ');
    scanWords(`Short one here. ${long}. Four five six seven eight nine ten.`, new WordBuffer(), st);
    expect([st.sentences, st.short, st.long]).toEqual([3, 1, 1]);
    expect(st.lengthCv()).toBeGreaterThan(0.5);
  });
});
