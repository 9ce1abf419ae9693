import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../functions/core/analysis/types';
import { aiTrainingDataV1, questionsOf } from '../../../functions/core/questionnaire';
import {
  defaultPolicy,
  scoredQuestionIds,
  tierOf,
  withHash,
} from '../../../functions/core/scoring';
import { analysesArb, analysisArb, answersArb, percentArb, shareArb } from './arbitraries';
import { run } from './inputs';

// A fixed seed keeps the suite deterministic; change it locally to explore further.
fc.configureGlobal({ seed: 20250601 });

const questionIds = questionsOf(aiTrainingDataV1).map((q) => q.id);
const risk = (...args: Parameters<typeof run>) => run(...args).risk.score;
const up = (x: number, by: number) => Math.min(1, x + by);

function moreSynthetic(a: Analysis, by: [number, number, number]): Analysis {
  const s = a.synthetic;
  const estimatedShare = up(s.estimatedShare, by[0]);
  return {
    ...a,
    synthetic: {
      ...s,
      estimatedShare,
      markerRate: up(s.markerRate, by[1]),
      interval: [
        Math.min(estimatedShare, up(s.interval[0], by[2])),
        Math.max(estimatedShare, s.interval[1]),
      ],
    },
  };
}

/** Moves one checked measurement toward more trouble. */
const worsenings: ((a: Analysis, by: number) => Analysis)[] = [
  (a, by) => ({ ...a, duplicates: { ...a.duplicates, nearRate: up(a.duplicates.nearRate, by) } }),
  (a, by) => ({ ...a, duplicates: { ...a.duplicates, exactRate: up(a.duplicates.exactRate, by) } }),
  (a, by) => ({ ...a, pii: { ...a.pii, recordShare: up(a.pii.recordShare, by) } }),
  (a, by) => ({
    ...a,
    provenance: {
      ...a.provenance,
      completeness: Math.max(0, a.provenance.completeness - by),
      perField: Object.fromEntries(
        Object.entries(a.provenance.perField).map(([k, v]) => [k, Math.max(0, v - by)]),
      ),
    },
  }),
  (a, by) => moreSynthetic(a, [by, by, by]),
];

// Small steps probe thresholds (such as a tolerance being crossed); large ones the whole range.
const raise = fc.oneof(
  fc.integer({ min: 0, max: 50 }).map((x) => x / 10),
  percentArb,
);
const clampPct = (x: number) => Math.round(Math.min(100, Math.max(0, x)) * 10) / 10;
const measuredLow = (a: Analysis) =>
  100 * Math.max(a.synthetic.interval[0], a.synthetic.markerRate, a.synthetic.declaredShare ?? 0) -
  defaultPolicy.tolerances.syntheticSharePoints;

describe('scoring properties', () => {
  it('keeps risk a whole number within 0–100 in the tier its cut-offs give', () => {
    fc.assert(
      fc.property(answersArb, analysesArb, (answers, analyses) => {
        const report = run(answers, analyses);
        expect(Number.isInteger(report.risk.score)).toBe(true);
        expect(report.risk.score).toBeGreaterThanOrEqual(0);
        expect(report.risk.score).toBeLessThanOrEqual(100);
        expect(report.risk.tier).toBe(tierOf(report.risk.score, defaultPolicy));
      }),
    );
  });

  it('never lowers risk when the claimed synthetic share rises', () => {
    // Claims near the sample's measurement probe the tolerance edge where a discrepancy vanishes.
    const offset = fc.integer({ min: -150, max: 50 }).map((x) => x / 10);
    fc.assert(
      fc.property(
        answersArb,
        analysesArb,
        fc.boolean(),
        percentArb,
        offset,
        raise,
        (answers, analyses, anchored, free, off, by) => {
          const low =
            anchored && analyses.training ? clampPct(measuredLow(analyses.training) + off) : free;
          const before = risk({ ...answers, synthetic_share_percent: low }, analyses);
          const after = risk({ ...answers, synthetic_share_percent: clampPct(low + by) }, analyses);
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never lowers risk when the measured synthetic share rises, in training or holdout', () => {
    const by = fc.tuple(shareArb, shareArb, shareArb);

    fc.assert(
      fc.property(
        answersArb,
        analysisArb,
        analysisArb,
        by,
        by,
        (answers, training, holdout, t, h) => {
          const before = risk(answers, { training, holdout });
          const after = risk(answers, {
            training: moreSynthetic(training, t),
            holdout: moreSynthetic(holdout, h),
          });
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('never lowers risk when real data is replaced instead of accumulated', () => {
    fc.assert(
      fc.property(answersArb, analysesArb, (answers, analyses) => {
        const accumulate = risk({ ...answers, real_data_policy: 'accumulate' }, analyses);
        expect(risk({ ...answers, real_data_policy: 'replace' }, analyses)).toBeGreaterThanOrEqual(
          accumulate,
        );
      }),
    );
  });

  it.each(scoredQuestionIds)(
    'never lowers risk when %s becomes "unknown" or is withdrawn',
    (id) => {
      fc.assert(
        fc.property(answersArb, analysesArb, (answers, analyses) => {
          const before = risk(answers, analyses);
          const { [id]: _removed, ...withdrawn } = answers;
          expect(risk({ ...answers, [id]: 'unknown' }, analyses)).toBeGreaterThanOrEqual(before);
          expect(risk(withdrawn, analyses)).toBeGreaterThanOrEqual(before);
        }),
      );
    },
  );

  it('never lowers risk when any other answer becomes "unknown"', () => {
    fc.assert(
      fc.property(
        answersArb,
        analysesArb,
        fc.constantFrom(...questionIds),
        (answers, analyses, id) => {
          expect(risk({ ...answers, [id]: 'unknown' }, analyses)).toBeGreaterThanOrEqual(
            risk(answers, analyses),
          );
        },
      ),
    );
  });

  it('never lowers risk when a checked measurement worsens, and only ever adds discrepancies', () => {
    const which = fc.integer({ min: 0, max: worsenings.length - 1 });
    fc.assert(
      fc.property(
        answersArb,
        analysisArb,
        analysisArb,
        which,
        shareArb,
        (answers, training, holdout, i, by) => {
          const worsen = worsenings[i];
          if (!worsen) throw new Error('no such worsening');
          const before = run(answers, { training, holdout });
          const after = run(answers, {
            training: worsen(training, by),
            holdout: worsen(holdout, by),
          });
          expect(after.risk.score).toBeGreaterThanOrEqual(before.risk.score);
          expect(after.discrepancies.length).toBeGreaterThanOrEqual(before.discrepancies.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives identical reports, and hashes, for identical inputs', () => {
    fc.assert(
      fc.property(answersArb, analysesArb, (answers, analyses) => {
        const first = withHash(run(answers, analyses));
        const second = withHash(run(structuredClone(answers), structuredClone(analyses)));
        expect(second).toEqual(first);
      }),
    );
  });
});
