import { describe, expect, it } from 'vitest';
import {
  type AnalysisPartial,
  deserializePartial,
  finalize,
  mergePartials,
  serializePartial,
} from '../../../functions/core/analysis';
import { analyze, jsonl, NOW, words } from './helpers';

function corpus(n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const text =
      i % 10 === 3
        ? words(3, 40)
        : i % 10 === 7
          ? `${words(7, 40)} variant ${i}`
          : i % 25 === 0
            ? `As an AI language model I cannot say. Write to person${i}@example.com`
            : words(i, 30 + (i % 20));
    lines.push(
      JSON.stringify({
        text,
        label: ['a', 'b', 'c'][i % 3],
        created_at: `2024-0${1 + (i % 9)}-1${i % 10}`,
      }),
    );
    if (i % 40 === 39) lines.push('{not json');
  }
  return lines;
}

async function shards(lines: string[], cuts: number[], limits = {}) {
  const bounds = [0, ...cuts, lines.length];
  const parts: AnalysisPartial[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const text = `${lines.slice(bounds[i], bounds[i + 1]).join('\n')}\n`;
    parts.push(
      (
        await analyze(text, {
          limits,
          fields: { text: 'text', label: 'label', createdAt: 'created_at' },
        })
      ).partial,
    );
  }
  return parts;
}

describe('mergeable partials', () => {
  const lines = corpus(300);

  it('gives exactly the analysis of the whole file when shards merge', async () => {
    const whole = await analyze(`${lines.join('\n')}\n`);
    const [a, b, c] = await shards(lines, [77, 190]);
    const merged = mergePartials(
      mergePartials(a as AnalysisPartial, b as AnalysisPartial),
      c as AnalysisPartial,
    );
    expect(finalize(merged, { now: NOW })).toEqual(whole.analysis);
    expect(serializePartial(merged)).toEqual(serializePartial(whole.partial));
    expect(whole.analysis.input.malformed).toBe(7);
    expect(merged.malformedExamples[0]?.line).toBe(41);
  });

  it('merges associatively', async () => {
    const [a, b, c] = (await shards(lines, [50, 51])) as [
      AnalysisPartial,
      AnalysisPartial,
      AnalysisPartial,
    ];
    const left = mergePartials(mergePartials(a, b), c);
    const right = mergePartials(a, mergePartials(b, c));
    expect(serializePartial(left)).toEqual(serializePartial(right));
  });

  it('round-trips through serialization', async () => {
    const { analysis, partial } = await analyze(`${lines.join('\n')}\n`);
    const text = serializePartial(partial);
    expect(finalize(deserializePartial(text), { now: NOW })).toEqual(analysis);
    expect(serializePartial(deserializePartial(text))).toEqual(text);
  });

  it('computes contamination from two stored partials', async () => {
    const training = await analyze(`${lines.join('\n')}\n`);
    const holdout = await analyze(`${lines.slice(0, 40).join('\n')}\n`);
    const stored = [serializePartial(training.partial), serializePartial(holdout.partial)] as const;
    const a = finalize(deserializePartial(stored[0]), {
      now: NOW,
      holdout: deserializePartial(stored[1]),
    });
    expect(a.contamination).toMatchObject({ holdoutRecords: 40, overlapRate: 1, exactRate: 1 });
  });

  it('samples the index by a stated hash method above the record cap, identically when sharded', async () => {
    const limits = { maxIndexedRecords: 60, maxGramHashes: 500 };
    const whole = await analyze(`${lines.join('\n')}\n`, {
      limits,
      fields: { text: 'text', label: 'label', createdAt: 'created_at' },
    });
    const parts = await shards(lines, [100, 200], limits);
    const merged = parts.reduce((x, y) => mergePartials(x, y));
    expect(whole.partial.index.n).toBeLessThanOrEqual(60);
    expect(whole.partial.index.gramCount).toBeLessThanOrEqual(500);
    expect(whole.analysis.findings.find((f) => f.id === 'input.sampled')?.message).toMatch(
      /hash sample \(rate 1\/\d+\)/,
    );
    expect(finalize(merged, { now: NOW })).toEqual(whole.analysis);
  });

  it('refuses to merge partials built with different parameters', async () => {
    const { partial } = await analyze(jsonl([{ text: 'x' }]));
    expect(() => mergePartials(partial, { ...partial, params: '{}' })).toThrow(
      /different analysis parameters/,
    );
    expect(() => deserializePartial(serializePartial({ ...partial, params: 'old' }))).toThrow(
      /different analysis parameters/,
    );
  });
});
