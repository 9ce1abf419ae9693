import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  aiTrainingDataV1,
  findQuestion,
  missingRequired,
  type Question,
  questionsOf,
  validateAnswer,
  validateAnswers,
} from '../../../functions/core/questionnaire';

const honest = JSON.parse(
  readFileSync('test/fixtures/answers/honest-vendor.json', 'utf8'),
) as Record<string, unknown>;
const question = (id: string): Question => {
  const found = findQuestion(aiTrainingDataV1, id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};
const messageFor = (id: string, value: unknown) =>
  validateAnswer(question(id), value).errors[0]?.message;

describe('validateAnswer', () => {
  it('accepts "unknown" for every question', () => {
    for (const q of questionsOf(aiTrainingDataV1))
      expect(validateAnswer(q, 'unknown').ok, q.id).toBe(true);
  });

  it.each([
    ['synthetic_share_percent', 0],
    ['synthetic_share_percent', 100],
    ['synthetic_share_percent', 42.5],
    ['record_count', 120000],
    ['holdout_refresh_months', 0],
    ['collection_newest_date', '2024-02-29'],
    ['real_data_policy', 'accumulate'],
    ['provenance_fields', ['source', 'license']],
    ['provenance_fields', ['none']],
    ['dataset_name', 'x'],
    ['lineage', 'y'.repeat(5000)],
    ['holdout_synthetic_free', 'no'],
  ])('accepts %s = %j', (id, value) => {
    expect(validateAnswer(question(id), value)).toEqual({ ok: true, errors: [] });
  });

  it('explains a percent out of range and what to send instead', () => {
    expect(messageFor('synthetic_share_percent', 101)).toBe(
      'must be a number from 0 to 100, or "unknown" (got 101)',
    );
    expect(messageFor('synthetic_share_percent', -1)).toContain('from 0 to 100');
    expect(messageFor('synthetic_share_percent', '50')).toBe(
      'must be a number from 0 to 100, or "unknown" (got "50")',
    );
    expect(messageFor('synthetic_share_percent', null)).toContain('(got null)');
    expect(messageFor('synthetic_share_percent', Number.NaN)).toContain('from 0 to 100');
  });

  it('requires whole numbers and bounds for numbers, naming the unit', () => {
    expect(messageFor('record_count', 3.5)).toBe(
      'must be a whole number of at least 0 (records), or "unknown" (got 3.5)',
    );
    expect(messageFor('holdout_refresh_months', -2)).toBe(
      'must be a number of at least 0 (months), or "unknown" (got -2)',
    );
    expect(messageFor('holdout_refresh_months', Number.POSITIVE_INFINITY)).toContain('at least 0');
  });

  it.each(['2023-02-29', '2024-1-5', '31/01/2024', '2024-13-01', '2024-01-01T00:00:00Z'])(
    'rejects the date %j with the expected format',
    (value) => {
      expect(messageFor('collection_oldest_date', value)).toBe(
        `must be a calendar date written YYYY-MM-DD (for example 2024-03-31), or "unknown" (got ${JSON.stringify(value)})`,
      );
    },
  );

  it('lists the options of a single-choice question', () => {
    expect(messageFor('real_data_policy', 'keep')).toBe(
      'must be one of "accumulate", "replace", or "unknown" (got "keep")',
    );
  });

  it('explains each way a multiple-choice answer can be wrong', () => {
    expect(messageFor('provenance_fields', [])).toContain(
      'must be a list of one or more of "source"',
    );
    expect(messageFor('provenance_fields', 'source')).toContain('(got "source")');
    expect(messageFor('provenance_fields', ['source', 'origin'])).toMatch(
      /^lists "origin", which is not an option; must be a list/,
    );
    expect(messageFor('provenance_fields', ['source', 'source'])).toBe(
      'lists "source" twice; list each option once',
    );
    expect(messageFor('provenance_fields', ['none', 'source'])).toBe(
      '"none" cannot be combined with other options; choose it alone',
    );
  });

  it('gives text length limits with the actual length', () => {
    expect(messageFor('dataset_name', 'a'.repeat(501))).toBe(
      'is 501 characters long; shorten it to at most 500 characters',
    );
    expect(messageFor('lineage', 'a'.repeat(5001))).toBe(
      'is 5001 characters long; shorten it to at most 5000 characters',
    );
    expect(messageFor('dataset_name', '   ')).toBe(
      'must not be empty; answer "unknown" if you prefer not to say',
    );
    expect(messageFor('dataset_name', 7)).toBe(
      'must be text of 1 to 500 characters, or "unknown" (got 7)',
    );
  });

  it('takes yes/no as the strings "yes" and "no", not booleans', () => {
    expect(messageFor('holdout_synthetic_free', true)).toBe(
      'must be "yes", "no" or "unknown" (got true)',
    );
  });

  it('reports the question id as the path', () => {
    expect(validateAnswer(question('label_audit'), 'some').errors[0]?.path).toBe('label_audit');
  });
});

describe('validateAnswers', () => {
  it('accepts the complete honest-vendor fixture', () => {
    expect(validateAnswers(aiTrainingDataV1, honest, { partial: false })).toEqual({
      ok: true,
      errors: [],
    });
  });

  it('rejects question ids the template does not ask', () => {
    const result = validateAnswers(aiTrainingDataV1, { synthetic_share: 10 }, { partial: true });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'synthetic_share',
        message:
          'is not a question of template "ai-training-data" version 1; remove it or check the spelling',
      },
    ]);
  });

  it('rejects anything but an object of answers', () => {
    for (const bad of [null, [], 'answers', 3]) {
      expect(validateAnswers(aiTrainingDataV1, bad, { partial: true }).errors[0]?.path).toBe('');
    }
  });

  it('allows missing required answers in a draft but not on submission', () => {
    const draft = { synthetic_share_percent: 'unknown', dedup_method: 'near' };
    expect(validateAnswers(aiTrainingDataV1, draft, { partial: true }).ok).toBe(true);
    const submitted = validateAnswers(aiTrainingDataV1, draft, { partial: false });
    expect(submitted.ok).toBe(false);
    expect(submitted.errors).toContainEqual({
      path: 'real_data_policy',
      message: 'is required; answer it or say "unknown"',
    });
    expect(submitted.errors.map((e) => e.path)).not.toContain('synthetic_share_percent');
  });

  it('reports every bad answer at once', () => {
    const result = validateAnswers(
      aiTrainingDataV1,
      { synthetic_share_percent: 120, label_audit: 'weekly' },
      { partial: true },
    );
    expect(result.errors.map((e) => e.path)).toEqual(['synthetic_share_percent', 'label_audit']);
  });

  it('rejects origin shares that add up to more than 100, naming the questions by their prompts', () => {
    const result = validateAnswers(
      aiTrainingDataV1,
      { origin_human_percent: 70, synthetic_share_percent: 40 },
      { partial: true },
    );
    expect(result.errors).toEqual([
      {
        path: 'synthetic_share_percent',
        message:
          '“Share of records you collected first-hand from people (primary human data)” (70 %) and “Share of records that are machine-generated” (40 %) add up to 110 %, more than 100 %; count each record under one origin',
      },
    ]);
  });

  it('rejects a newest date before the oldest date, naming the other question by its prompt', () => {
    const result = validateAnswers(
      aiTrainingDataV1,
      { collection_oldest_date: '2024-05-01', collection_newest_date: '2023-01-01' },
      { partial: true },
    );
    expect(result.errors[0]?.path).toBe('collection_newest_date');
    expect(result.errors[0]?.message).toBe(
      '2023-01-01 is before the answer to “Date of the oldest record” (2024-05-01); swap the dates or correct one of them',
    );
    expect(result.errors[0]?.message).not.toMatch(/[a-z]+_[a-z_]+/);
  });
});

describe('missingRequired', () => {
  it('lists required questions without an answer, with their prompts, in template order', () => {
    const missing = missingRequired(aiTrainingDataV1, {
      dataset_name: 'x',
      dataset_version: 'unknown',
    });
    expect(missing[0]).toEqual({
      questionId: 'intended_uses',
      prompt: 'Intended uses of the dataset',
    });
    expect(missing.map((m) => m.questionId)).not.toContain('dataset_version');
    expect(missing.map((m) => m.questionId)).not.toContain('dataset_size_gb');
  });

  it('is empty for a complete answer set', () => {
    expect(missingRequired(aiTrainingDataV1, honest)).toEqual([]);
  });
});
