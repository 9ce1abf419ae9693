import { describe, expect, it } from 'vitest';
import { AnalysisInputError, detectFields } from '../../../functions/core/analysis';

const many = <T>(make: (i: number) => T, n = 20) => Array.from({ length: n }, (_, i) => make(i));

describe('field detection', () => {
  it('concatenates instruction, input and output (Alpaca)', () => {
    const fields = detectFields(
      many((i) => ({ instruction: `Do task ${i}`, input: '', output: `Answer ${i}` })),
    );
    expect(fields.text).toEqual(['instruction', 'input', 'output']);
  });

  it('reaches into nested instances (self-instruct)', () => {
    const fields = detectFields(
      many((i) => ({
        id: `t${i}`,
        instruction: `Task ${i}`,
        instances: [{ input: 'in', output: `out ${i}` }],
      })),
    );
    expect(fields.text).toEqual(['instruction', 'instances[0].input', 'instances[0].output']);
  });

  it('prefers the model response over the reference target (model predictions)', () => {
    const fields = detectFields(
      many((i) => ({
        prompt: 'p',
        instruction: `Task ${i}`,
        input: 'x',
        response: `r${i}`,
        target: `t${i}`,
      })),
    );
    expect(fields.text).toEqual(['instruction', 'input', 'response']);
  });

  it('pairs a question with its ground truth (GSM8K)', () => {
    const fields = detectFields(
      many((i) => ({
        question: `Q${i}?`,
        ground_truth: `A: ${i}`,
        '6b': { is_correct: true, solution: 's' },
      })),
    );
    expect(fields.text).toEqual(['question', 'ground_truth']);
  });

  it('finds text, label, confidence and spreadsheet dates in tweet-like CSV rows', () => {
    const fields = detectFields(
      many((i) => ({
        tweet_id: '5.70306E+17',
        airline_sentiment: ['negative', 'neutral', 'positive'][i % 3],
        airline_sentiment_confidence: String(0.5 + (i % 5) / 10),
        negativereason_confidence: '',
        airline_sentiment_gold: '',
        text: `@airline flight ${i} was late`,
        tweet_created: `24-02-2015 ${i % 24}.35`,
        user_timezone: 'Eastern Time (US & Canada)',
      })),
    );
    expect(fields).toEqual({
      text: 'text',
      label: 'airline_sentiment',
      confidence: 'airline_sentiment_confidence',
      createdAt: 'tweet_created',
      id: 'tweet_id',
    });
  });

  it('detects provenance fields and a chat transcript', () => {
    const fields = detectFields(
      many((i) => ({
        messages: [
          { role: 'user', content: `hi ${i}` },
          { role: 'assistant', content: 'hello' },
        ],
        source: 'forum',
        license: 'CC-BY-4.0',
        is_synthetic: i % 2 === 0,
        generator: 'model-x',
        created_at: '2024-05-01T10:00:00Z',
      })),
    );
    expect(fields).toMatchObject({
      text: 'messages[*].content',
      source: 'source',
      license: 'license',
      synthetic: 'is_synthetic',
      generator: 'generator',
      createdAt: 'created_at',
    });
  });

  it('maps a creation_method field to the generator, and keeps a synthetic flag beside it', () => {
    const fields = detectFields(
      many((i) => ({
        text: `record ${i} with some words`,
        synthetic: i % 3 === 0,
        creation_method: i % 3 === 0 ? 'llm:model-x' : 'human-written',
      })),
    );
    expect(fields).toMatchObject({ synthetic: 'synthetic', generator: 'creation_method' });
  });

  it('lets overrides win and falls back to the longest string field', () => {
    const records = many((i) => ({
      title: 'short',
      body_html: `a much longer body text number ${i}`,
    }));
    expect(detectFields(records).text).toBe('body_html');
    expect(detectFields(records, { text: 'title', label: 'title' })).toMatchObject({
      text: 'title',
      label: 'title',
    });
  });

  it('fails with the fields it saw when no text field exists', () => {
    expect(() => detectFields(many((i) => ({ n: i, ok: true })))).toThrow(AnalysisInputError);
    expect(() => detectFields(many((i) => ({ n: i })))).toThrow(
      /fields seen: n\); name one with --text/,
    );
  });
});
