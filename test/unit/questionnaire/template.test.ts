import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  aiTrainingDataV1,
  getTemplate,
  LONG_TEXT_MAX,
  type Question,
  questionsOf,
  references,
  SHORT_TEXT_MAX,
  templates,
} from '../../../functions/core/questionnaire';
import { canonicalJson } from '../../../functions/core/scoring';

const questions = questionsOf(aiTrainingDataV1);
const byId = new Map(questions.map((q) => [q.id, q]));
const optionValues = (q: Question | undefined) =>
  q && (q.type === 'single_choice' || q.type === 'multi_choice')
    ? q.options.map((o) => o.value)
    : undefined;

describe('template registry', () => {
  it('returns the latest version when none is given, and a pinned version on request', () => {
    expect(getTemplate('ai-training-data')?.version).toBe(1);
    expect(getTemplate('ai-training-data', 1)).toBe(aiTrainingDataV1);
    expect(templates).toContain(aiTrainingDataV1);
  });

  it('returns undefined for an unknown id or version', () => {
    expect(getTemplate('no-such-template')).toBeUndefined();
    expect(getTemplate('ai-training-data', 99)).toBeUndefined();
  });
});

describe('ai-training-data v1', () => {
  it('is deeply frozen, so nobody can edit a published template at run time', () => {
    const section = aiTrainingDataV1.sections[0];
    const question = section?.questions[0];
    expect(Object.isFrozen(aiTrainingDataV1)).toBe(true);
    expect(Object.isFrozen(section)).toBe(true);
    expect(Object.isFrozen(question)).toBe(true);
    expect(Object.isFrozen(question?.sources)).toBe(true);
    expect(() => {
      (aiTrainingDataV1 as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(() => (aiTrainingDataV1.sections as unknown[]).push({})).toThrow(TypeError);
  });

  it('keeps its published content: edit by publishing version 2, never by changing version 1', () => {
    const digest = createHash('sha256').update(canonicalJson(aiTrainingDataV1)).digest('hex');
    expect(digest).toBe('5e5c9821e03b7914f95126620295e7d974d0402e8db13ae3f5b7a000be68699a');
  });

  it('has the nine sections of the issue in order', () => {
    expect(aiTrainingDataV1.sections.map((s) => s.id)).toEqual([
      'identity',
      'provenance',
      'synthetic',
      'collection',
      'labeling',
      'composition',
      'evaluation',
      'rights',
      'governance',
    ]);
  });

  it('gives every question a unique snake_case id', () => {
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('cites at least one listed source on every question', () => {
    const listed = new Set(references.map((r) => r.id));
    for (const q of questions) {
      expect(q.sources.length, q.id).toBeGreaterThan(0);
      for (const citation of q.sources)
        expect(listed.has(citation.source), `${q.id} cites ${citation.source}`).toBe(true);
    }
  });

  it('cites each standard the issue names somewhere', () => {
    const cited = new Set(questions.flatMap((q) => q.sources.map((s) => s.source)));
    for (const id of [
      'dta-provenance',
      'croissant-rai',
      'datasheets',
      'eu-ai-act',
      'nist-ai-rmf',
      'nist-ai-600-1',
      'iso-42001',
      'shumailov-2024',
      'gerstgrasser-2024',
    ] as const) {
      expect(cited.has(id), id).toBe(true);
    }
  });

  it('never uses "unknown" as an option value, since every question accepts it already', () => {
    for (const q of questions) expect(optionValues(q) ?? []).not.toContain('unknown');
  });

  it('limits short text to 500 and long text to 5000 characters', () => {
    expect(SHORT_TEXT_MAX).toBe(500);
    expect(LONG_TEXT_MAX).toBe(5000);
    for (const q of questions) {
      if (q.type === 'short_text') expect(q.maxLength).toBe(500);
      if (q.type === 'long_text') expect(q.maxLength).toBe(5000);
    }
  });

  it('asks the DESIGN.md claim questions with exactly the contract types and values', () => {
    const percents = [
      'synthetic_share_percent',
      'model_labeled_share_percent',
      'near_duplicate_rate_percent',
    ];
    for (const id of percents) expect(byId.get(id)?.type, id).toBe('percent');
    expect(byId.get('holdout_refresh_months')?.type).toBe('number');
    expect(byId.get('collection_oldest_date')?.type).toBe('date');
    expect(byId.get('collection_newest_date')?.type).toBe('date');
    expect(byId.get('holdout_synthetic_free')?.type).toBe('yes_no');
    expect(optionValues(byId.get('synthetic_records_tagged'))).toEqual(['all', 'partial', 'none']);
    expect(optionValues(byId.get('real_data_policy'))).toEqual(['accumulate', 'replace']);
    expect(optionValues(byId.get('label_audit'))).toEqual(['none', 'sampled', 'full']);
    expect(optionValues(byId.get('dedup_method'))).toEqual(['none', 'exact', 'near']);
    for (const id of [
      ...percents,
      'holdout_refresh_months',
      'synthetic_records_tagged',
      'real_data_policy',
    ]) {
      expect(byId.get(id)?.required, id).toBe(true);
    }
  });

  it('refers only to its own questions in cross-question rules', () => {
    for (const rule of aiTrainingDataV1.rules) {
      const ids = rule.kind === 'sum_at_most' ? rule.questionIds : [rule.earlier, rule.later];
      for (const id of ids) expect(byId.has(id), id).toBe(true);
    }
  });
});
