import { describe, expect, it } from 'vitest';
import { aiTrainingDataV1, questionsOf } from '../../../functions/core/questionnaire';
import { dimensionSpecs, maturityRubric } from '../../../functions/core/scoring';
import { loadAnswers, run } from './inputs';
import { makeAnalysis } from './make-analysis';

const honest = loadAnswers('honest-vendor');
const clean = { training: makeAnalysis(), holdout: makeAnalysis() };
const level = (report: ReturnType<typeof run>, id: string) =>
  report.maturity.dimensions.find((d) => d.id === id)?.level;

describe('maturity rubric', () => {
  it('covers the eight dimensions of the issue, each with a written level 0 to 4', () => {
    expect(maturityRubric.map((d) => d.id)).toEqual([
      'provenance',
      'synthetic_governance',
      'labeling',
      'dedup_diversity',
      'evaluation',
      'documentation',
      'rights_privacy',
      'feedback_monitoring',
    ]);
    for (const d of maturityRubric) {
      expect(d.levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
      for (const l of d.levels) expect(l.summary.length, `${d.id} ${l.level}`).toBeGreaterThan(10);
      for (const l of d.levels.slice(1))
        expect(l.requirements.length, `${d.id} ${l.level}`).toBeGreaterThan(0);
    }
  });

  it('marks four dimensions critical and says why', () => {
    const critical = maturityRubric.filter((d) => d.critical);
    expect(critical.map((d) => d.id)).toEqual([
      'provenance',
      'synthetic_governance',
      'evaluation',
      'rights_privacy',
    ]);
    for (const d of critical) expect(d.criticalReason?.length).toBeGreaterThan(10);
  });

  it('reads only questions the template asks', () => {
    const ids = new Set(questionsOf(aiTrainingDataV1).map((q) => q.id));
    for (const d of dimensionSpecs) {
      for (const l of d.levels)
        for (const c of l.criteria)
          expect(ids.has(c.questionId), `${d.id}: ${c.questionId}`).toBe(true);
    }
  });
});

describe('maturity', () => {
  it('rates a well-documented vendor with a clean sample at level 3 or more everywhere', () => {
    const report = run(honest, clean);
    for (const d of report.maturity.dimensions) expect(d.level, d.id).toBeGreaterThanOrEqual(3);
    expect(report.maturity.level).toBe(3);
  });

  it('lists the answers that decided each level, including the first requirement not met', () => {
    const report = run(honest, clean);
    const feedback = report.maturity.dimensions.find((d) => d.id === 'feedback_monitoring');
    expect(feedback?.level).toBe(3);
    expect(feedback?.evidence.filter((e) => !e.met)).toEqual([
      {
        questionId: 'feedback_loop_review',
        answer: 'scheduled',
        requirement: 'Level 4: Continuous automated detection',
        met: false,
      },
    ]);
  });

  it('withholds maturity a claim would earn when the sample contradicts it', () => {
    const training = makeAnalysis({
      synthetic: {
        declaredShare: null,
        estimatedShare: 0.7,
        interval: [0.6, 0.8],
        markerRate: 0.3,
      },
    });
    const report = run(honest, { training });
    expect(level(report, 'synthetic_governance')).toBe(0);
    expect(
      report.maturity.dimensions.find((d) => d.id === 'synthetic_governance')?.evidence[0]?.note,
    ).toBe('contradicted by the sample');
    expect(report.maturity.level).toBe(0);
  });

  it('caps the overall level at the weakest critical dimension', () => {
    const report = run({ ...honest, license: 'unknown' }, clean);
    expect(level(report, 'rights_privacy')).toBe(0);
    expect(report.maturity.level).toBe(0);
  });

  it('lets a weak non-critical dimension lower the average but not cap it', () => {
    const report = run({ ...honest, feedback_loop_review: 'none', dedup_method: 'none' }, clean);
    expect(level(report, 'feedback_monitoring')).toBe(0);
    expect(level(report, 'dedup_diversity')).toBe(0);
    // Six dimensions at 4 and two at 0 average 3; no critical dimension is below that.
    expect(report.maturity.level).toBe(3);
  });

  it('gives level 0 everywhere when every answer is withheld', () => {
    const report = run(loadAnswers('evasive-vendor'), clean);
    expect(report.maturity.level).toBe(0);
    expect(level(report, 'synthetic_governance')).toBe(0);
  });
});
