import { describe, expect, it } from 'vitest';
import { aiTrainingDataV1, mergeValidAnswers } from '../../../functions/core/questionnaire';

describe('mergeValidAnswers', () => {
  it('keeps every valid change and refuses only the invalid one, with its message', () => {
    const result = mergeValidAnswers(
      aiTrainingDataV1,
      { dataset_name: 'Old' },
      { dataset_name: 'New', synthetic_share_percent: 150, label_audit: 'sampled' },
    );
    expect(result.answers).toEqual({ dataset_name: 'New', label_audit: 'sampled' });
    expect(result.saved.sort()).toEqual(['dataset_name', 'label_audit']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('synthetic_share_percent');
    expect(result.errors[0]?.message).toMatch(/from 0 to 100/);
  });

  it('refuses the changed answer that breaks a cross-question rule, even when the error lands on a stored one', () => {
    const result = mergeValidAnswers(
      aiTrainingDataV1,
      { synthetic_share_percent: 40 },
      { origin_human_percent: 70, label_audit: 'full' },
    );
    expect(result.answers).toEqual({ synthetic_share_percent: 40, label_audit: 'full' });
    expect(result.errors.map((e) => e.path)).toEqual(['origin_human_percent']);
    expect(result.errors[0]?.message).toContain('add up to 110 %');
  });

  it('clears answers sent as null and refuses ids the template does not ask', () => {
    const result = mergeValidAnswers(
      aiTrainingDataV1,
      { dataset_name: 'Old', label_audit: 'full' },
      { label_audit: null, not_a_question: 'x' },
    );
    expect(result.answers).toEqual({ dataset_name: 'Old' });
    expect(result.saved).toEqual(['label_audit']);
    expect(result.errors.map((e) => e.path)).toEqual(['not_a_question']);
  });

  it('ignores problems the stored answers already had', () => {
    const result = mergeValidAnswers(
      aiTrainingDataV1,
      { collection_oldest_date: '2024-05-01', collection_newest_date: '2023-01-01' },
      { dataset_name: 'Kept' },
    );
    expect(result.saved).toEqual(['dataset_name']);
    expect(result.errors).toEqual([]);
  });
});
