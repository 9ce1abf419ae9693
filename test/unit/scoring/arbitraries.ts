import fc from 'fast-check';
import type { Analysis } from '../../../functions/core/analysis/types';
import type { Answers } from '../../../functions/core/questionnaire';
import { scoredQuestionIds } from '../../../functions/core/scoring';
import { loadAnswers } from './inputs';
import { makeAnalysis } from './make-analysis';

const FIELDS = [
  'source',
  'creation_method',
  'license',
  'collection_date',
  'transformation_history',
];

// Mostly disclosed answers and mostly modest measurements, so scores spread below the cap of 100
// where a violated property would show.
const orUnknown = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: arb, weight: 9 }, { arbitrary: fc.constant('unknown'), weight: 1 });
const choice = (...values: string[]) => orUnknown(fc.constantFrom(...values));

/** A percentage with one decimal, often small. */
export const percentArb = fc
  .oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 1000 }))
  .map((x) => x / 10);

/** A share in [0, 1] with three decimals, mostly small. */
export const shareArb = fc
  .oneof(
    { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: 1000 }), weight: 1 },
  )
  .map((x) => x / 1000);

/** An ISO date between 2000 and 2026. */
export const dateArb = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2026, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const honest = loadAnswers('honest-vendor');
const base = Object.fromEntries(
  Object.entries(honest).filter(([id]) => !scoredQuestionIds.includes(id)),
);

/** Keeps the honest fixture's answer two times in three, else draws from `arb`. */
const claim = <T>(id: string, arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(honest[id] as T), weight: 2 }, { arbitrary: arb, weight: 1 });

/** Answers: the honest fixture's other answers plus random claims; up to two claims unanswered. */
export const answersArb: fc.Arbitrary<Answers> = fc
  .record({
    synthetic_share_percent: claim('synthetic_share_percent', orUnknown(percentArb)),
    real_data_policy: claim('real_data_policy', choice('accumulate', 'replace')),
    synthetic_generation_depth: claim(
      'synthetic_generation_depth',
      choice('no_synthetic', 'human_trained', 'synthetic_trained'),
    ),
    synthetic_records_tagged: claim('synthetic_records_tagged', choice('all', 'partial', 'none')),
    model_labeled_share_percent: claim('model_labeled_share_percent', orUnknown(percentArb)),
    label_audit: claim('label_audit', choice('none', 'sampled', 'full')),
    dedup_method: claim('dedup_method', choice('none', 'exact', 'near')),
    near_duplicate_rate_percent: claim('near_duplicate_rate_percent', orUnknown(percentArb)),
    holdout_exists: claim('holdout_exists', orUnknown(fc.constantFrom('yes', 'yes', 'yes', 'no'))),
    holdout_refresh_months: claim(
      'holdout_refresh_months',
      orUnknown(fc.integer({ min: 0, max: 60 })),
    ),
    holdout_synthetic_free: claim('holdout_synthetic_free', choice('yes', 'no')),
    provenance_fields: claim(
      'provenance_fields',
      orUnknown(fc.oneof(fc.constant(['none']), fc.subarray(FIELDS, { minLength: 1 }))),
    ),
    collection_oldest_date: claim('collection_oldest_date', orUnknown(dateArb)),
    collection_newest_date: claim('collection_newest_date', orUnknown(dateArb)),
    personal_data: claim('personal_data', choice('yes', 'no')),
  })
  .chain((claims) =>
    fc
      .oneof(fc.constant([]), fc.subarray(Object.keys(claims), { maxLength: 2 }))
      .map((omitted) => ({
        ...base,
        ...claims,
        ...Object.fromEntries(omitted.map((id) => [id, undefined])),
      })),
  )
  .map((answers) => JSON.parse(JSON.stringify(answers)) as Answers);

/** A random analysis with every measurement scoring reads. */
export const analysisArb: fc.Arbitrary<Analysis> = fc
  .record({
    estimated: shareArb,
    low: shareArb,
    marker: shareArb,
    declared: fc.option(shareArb, { nil: null }),
    near: shareArb,
    exactPart: shareArb,
    compression: fc
      .oneof(fc.integer({ min: 20, max: 40 }), fc.integer({ min: 10, max: 120 }))
      .map((x) => x / 10),
    mattr: fc
      .oneof(fc.integer({ min: 60, max: 85 }), fc.integer({ min: 20, max: 90 }))
      .map((x) => x / 100),
    completeness: shareArb,
    perField: fc.tuple(shareArb, shareArb, shareArb, shareArb),
    freshness: fc.option(fc.tuple(dateArb, dateArb), { nil: null }),
    pii: shareArb,
    conflict: fc.option(shareArb, { nil: null }),
    overlap: fc.option(shareArb, { nil: null }),
  })
  .map((r) =>
    makeAnalysis({
      synthetic: {
        estimatedShare: r.estimated,
        interval: [Math.min(r.low, r.estimated), r.estimated],
        markerRate: r.marker,
        declaredShare: r.declared,
      },
      duplicates: { nearRate: r.near, exactRate: r.near * r.exactPart, clusters: [] },
      diversity: { compressionRatio: r.compression, mattr: r.mattr },
      provenance: {
        completeness: r.completeness,
        perField: {
          source: r.perField[0],
          created_at: r.perField[1],
          synthetic: r.perField[2],
          license: r.perField[3],
        },
      },
      freshness: r.freshness
        ? { oldest: [...r.freshness].sort()[0] ?? '', newest: [...r.freshness].sort()[1] ?? '' }
        : null,
      pii: { recordShare: r.pii, kinds: {} },
      labels:
        r.conflict === null
          ? null
          : {
              classes: { a: 10, b: 2 },
              normalizedEntropy: 0.6,
              imbalanceRatio: 5,
              rareClasses: [],
              conflictRate: r.conflict,
              lowAgreementShare: null,
              missingInTraining: [],
            },
      contamination:
        r.overlap === null
          ? null
          : {
              holdoutRecords: 100,
              overlapRate: r.overlap,
              exactRate: r.overlap,
              meanCoverage: r.overlap,
            },
    }),
  );

/** Optional training and holdout analyses. */
export const analysesArb = fc.record(
  { training: analysisArb, holdout: analysisArb },
  { requiredKeys: [] },
);
