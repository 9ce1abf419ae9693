import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../functions/core/analysis/types';
import type { SampleMatch } from '../../../functions/core/scoring/matches';
import { loadAnswers, run } from './inputs';
import { makeAnalysis } from './make-analysis';

const claim = (c: number) => ({ ...loadAnswers('honest-vendor'), synthetic_share_percent: c });
const match = (m: Partial<SampleMatch>): SampleMatch => ({
  pack: 'Public chat corpus',
  kind: 'synthetic',
  records: 0,
  exactShare: 0,
  nearShare: 0,
  matchedShare: 0,
  examples: [3, 17, 40],
  ...m,
});
/** A sample with no machine-text signal of its own, only the pack matches. */
const withMatches = (matches: SampleMatch[]) =>
  ({
    ...makeAnalysis({
      synthetic: { declaredShare: null, markerRate: 0, estimatedShare: 0, interval: [0, 0.02] },
    }),
    matches,
  }) as Analysis;
const shareCheck = (r: ReturnType<typeof run>) =>
  r.claimChecks.find((c) => c.questionId === 'synthetic_share_percent');

describe('fingerprint matches in scoring', () => {
  it('contradicts a claim below the matched share minus tolerance, as measured evidence with examples', () => {
    const r = run(claim(5), { training: withMatches([match({ matchedShare: 0.3 })]) });
    expect(shareCheck(r)).toMatchObject({ status: 'contradicted', evidence: 'measured' });
    expect(shareCheck(r)?.message).toMatch(
      /30 % of records match "Public chat corpus".*records 3, 17, 40/,
    );
  });

  it('keeps a claim within tolerance of the matched share consistent', () => {
    const r = run(claim(25), { training: withMatches([match({ matchedShare: 0.3 })]) });
    expect(shareCheck(r)?.status).toBe('consistent');
  });

  it('gives echo matches their own factor and wording', () => {
    const r = run(claim(50), {
      training: withMatches([match({ kind: 'echo', pack: 'Our model', matchedShare: 0.1 })]),
    });
    const f = r.risk.factors.find((x) => x.id === 'echo_outputs_sold');
    expect(f?.reason).toMatch(/sold you your own model's outputs/);
    expect(f?.points).toBeGreaterThan(0);
  });

  it('names an eval pack and its count whatever the vendor claimed, without touching the synthetic share', () => {
    const r = run(claim(0), {
      training: withMatches([match({ kind: 'eval', pack: 'Holdout Q3', matchedShare: 0.02 })]),
    });
    const f = r.risk.factors.find((x) => x.id === 'eval_contamination');
    expect(f?.reason).toMatch(/of your evaluation set "Holdout Q3"/);
    expect(shareCheck(r)?.status).toBe('consistent');
  });

  it('adds nothing without matches', () => {
    const r = run(claim(0), { training: withMatches([]) });
    expect(r.risk.factors.map((f) => f.id)).not.toContain('eval_contamination');
    expect(r.risk.factors.map((f) => f.id)).not.toContain('echo_outputs_sold');
  });
});
