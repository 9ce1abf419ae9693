import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../web/src/api/types';
import {
  buildChains,
  byRiskDescending,
  trendText,
} from '../../../web/src/pages/staff/portfolio-model';

function assessment(
  id: string,
  createdAt: string,
  score: number | null,
  previous: string | null = null,
): Assessment {
  return {
    id,
    organizationId: 'demo',
    status: 'approved',
    vendor: { name: `Vendor ${id.slice(0, 1)}`, contactEmail: 'v@x.test' },
    dataset: { name: 'Set', intendedUse: 'fine-tuning' },
    templateId: 't',
    templateVersion: 1,
    dueAt: '2026-01-01T00:00:00Z',
    createdAt,
    createdBy: 'p@x.test',
    updatedAt: createdAt,
    version: 1,
    answers: {},
    previousAssessmentId: previous,
    invitation: null,
    submittedAt: createdAt,
    decision: null,
    report:
      score === null
        ? null
        : {
            version: 1,
            score,
            tier: score > 50 ? 'high' : 'low',
            maturity: 2,
            reportKey: 'k',
            sha256: 's',
            generatedAt: createdAt,
          },
  };
}

describe('portfolio chains', () => {
  it('links re-assessments into one chain per dataset and keeps delivery order', () => {
    const items = [
      assessment('a2', '2026-03-01', 30, 'a1'),
      assessment('b1', '2026-01-05', 70),
      assessment('a1', '2026-01-01', 60),
      assessment('a3', '2026-05-01', null, 'a2'),
    ];
    const chains = buildChains(items);
    expect(chains.map((c) => c.assessments.map((a) => a.id))).toEqual([['b1'], ['a1', 'a2', 'a3']]);
    const a = chains[1];
    expect(a?.latest.id).toBe('a3');
    expect(a?.score).toBe(30);
    expect(a?.trend).toEqual([60, 30, null]);
  });

  it('pairs the score with the status of the assessment it came from, not a newer draft', () => {
    const draft = { ...assessment('d2', '2026-02-01', null, 'd1'), status: 'draft' as const };
    const [chain] = buildChains([assessment('d1', '2026-01-01', 55), draft]);
    expect(chain?.latest.id).toBe('d2');
    expect(chain?.score).toBe(55);
    expect(chain?.scored?.id).toBe('d1');
    expect(chain?.scored?.status).toBe('approved');
    expect(chain?.pending?.id).toBe('d2');
    const [alone] = buildChains([assessment('e1', '2026-01-01', 20)]);
    expect(alone?.pending).toBeNull();
  });

  it('keeps a chain together when its first assessment is not in the list', () => {
    const chains = buildChains([
      assessment('c2', '2026-02-01', 40, 'gone'),
      assessment('c3', '2026-03-01', 45, 'c2'),
    ]);
    expect(chains).toHaveLength(1);
  });

  it('describes the trend in words', () => {
    expect(trendText([60, 30, null])).toBe('60 → 30 (risk down 30)');
    expect(trendText([20, 35])).toBe('20 → 35 (risk up 15)');
    expect(trendText([null])).toBe('Not scored yet');
    expect(trendText([42])).toBe('First assessment');
  });

  it('orders the review queue by risk, unscored last', () => {
    const items = [
      assessment('x', '2026-01-01', null),
      assessment('y', '2026-01-02', 20),
      assessment('z', '2026-01-03', 80),
    ];
    expect(items.sort(byRiskDescending).map((a) => a.id)).toEqual(['z', 'y', 'x']);
  });
});
