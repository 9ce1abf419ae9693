import { describe, expect, it } from 'vitest';
import type { PolicyPreview, PolicyView } from '../../../web/src/api/staff-types';
import {
  changeText,
  rowDetails,
  settingChanges,
  tierMoves,
} from '../../../web/src/pages/policy/preview-model';

type Row = PolicyPreview['items'][number];
const row = (id: string, over: Partial<Row> = {}): Row => ({
  assessmentId: id,
  vendorName: 'Acme',
  datasetName: 'Chats',
  status: 'submitted',
  submittedAt: '2026-11-20T10:00:00Z',
  previousAssessmentId: null,
  current: { score: 40, tier: 'moderate', maturity: 2 },
  proposed: { score: 40, tier: 'moderate', maturity: 2 },
  ...over,
});

describe('policy preview rows', () => {
  it('leaves unique names alone and tells same-name rows apart by date and delivery', () => {
    const details = rowDetails([
      row('01first000000000000aaaaaa'),
      row('01second00000000000bbbbbb', {
        submittedAt: '2026-11-27T10:00:00Z',
        previousAssessmentId: '01first000000000000aaaaaa',
      }),
      row('01other000000000000cccccc', { vendorName: 'Zeta' }),
    ]);
    expect(details.get('01first000000000000aaaaaa')).toBe('submitted 2026-11-20');
    expect(details.get('01second00000000000bbbbbb')).toBe('submitted 2026-11-27, re-assessment');
    expect(details.get('01other000000000000cccccc')).toBe('');
  });

  it('adds the end of the id when date and delivery still collide', () => {
    const details = rowDetails([
      row('01aaaaaaaaaaaaaaaaaa111111'),
      row('01bbbbbbbbbbbbbbbbbb222222'),
    ]);
    expect(details.get('01aaaaaaaaaaaaaaaaaa111111')).toBe('submitted 2026-11-20, ref. …111111');
    expect(details.get('01bbbbbbbbbbbbbbbbbb222222')).toBe('submitted 2026-11-20, ref. …222222');
  });

  it('counts the assessments that change tier', () => {
    const preview: PolicyPreview = {
      currentVersion: 0,
      truncated: false,
      items: [
        row('a'),
        row('b', { proposed: { score: 55, tier: 'high', maturity: 2 } }),
        row('c', { proposed: { score: 45, tier: 'moderate', maturity: 2 } }),
      ],
    };
    expect(tierMoves(preview)).toBe(1);
  });
});

describe('policy changes before saving', () => {
  const view = {
    version: 3,
    policy: {
      name: 'default',
      version: 3,
      weights: { no_sample: 20, delivery_degradation: 12 },
      thresholds: { holdoutFreshMonths: 12 },
      tolerances: {},
      tiers: { high: 50 },
    },
    updatedAt: null,
    updatedBy: null,
    reason: null,
  } as PolicyView;

  it('lists only the settings whose value differs, in the page order, in words', () => {
    const changes = settingChanges(
      {
        weights: { no_sample: 20, delivery_degradation: 0 },
        thresholds: { holdoutFreshMonths: 12 },
        tiers: { high: 45 },
      },
      view,
    );
    expect(changes).toEqual([
      { group: 'weights', key: 'delivery_degradation', from: 12, to: 0 },
      { group: 'tiers', key: 'high', from: 50, to: 45 },
    ]);
    const labels = new Map([['delivery_degradation', 'Degradation since the last delivery']]);
    expect(changes.map((c) => changeText(c, labels))).toEqual([
      '“Degradation since the last delivery” from 12 to 0',
      '“A setting” from 50 to 45',
    ]);
  });
});
