import { describe, expect, it } from 'vitest';
import { findMarker, hasMarkerAnchor } from '../../../functions/core/analysis/metrics/markers';
import '../../../functions/core/analysis/partial/fold';
import { scanWords } from '../../../functions/core/analysis/text/scan';
import { WordBuffer } from '../../../functions/core/analysis/text/word-buffer';

function anchored(text: string): boolean {
  const wb = new WordBuffer();
  scanWords(text, wb);
  return hasMarkerAnchor(wb.hashes, 0, wb.n);
}

const MARKED: [string, string][] = [
  ['self-reference', 'As an AI language model, I cannot have opinions.'],
  ['self-reference', 'Well, I’m an AI assistant, so I do not travel.'],
  ['self-reference', 'I was trained by OpenAI to answer questions.'],
  ['self-reference', "I don't have personal opinions on this."],
  ['self-reference', 'As a large language model I can summarize it.'],
  ['refusal', "I'm sorry, but I can't assist with that."],
  ['refusal', 'I cannot fulfill this request.'],
  ['chat-closing', 'That is all. I hope this helps!'],
  ['chat-closing', 'Is there anything else I can help you with?'],
  ['chat-closing', 'Feel free to ask if you have any other questions.'],
  ['knowledge-cutoff', 'As of my last update in 2021, the law was different.'],
  ['knowledge-cutoff', 'My knowledge cutoff is September 2021.'],
  ['knowledge-cutoff', "I don't have real-time information about flights."],
];

describe('machine-text markers', () => {
  it.each(MARKED)('finds %s in "%s"', (kind, text) => {
    expect(findMarker(text)?.kind).toBe(kind);
    expect(anchored(text)).toBe(true);
  });

  it.each([
    'In conclusion, the results support the hypothesis.',
    'It is important to note that the river floods every spring.',
    'Hope this helps someone with the same problem.',
    'The AI model was trained on images of cats.',
    'Sorry, we are closed on Sundays.',
    'Let me know if you have any questions about the invoice.',
  ])('ignores broad or human phrasing: "%s"', (text) => {
    expect(findMarker(text)).toBeNull();
  });
});
