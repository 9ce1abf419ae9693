import { describe, expect, it } from 'vitest';
import {
  type DueClaim,
  reassessmentPolicySchema,
  reassessmentSchedule,
  scheduleOn,
} from '../../../functions/core/assessment/reassessment';
import type { Assessment } from '../../../functions/core/assessment/types';
import { defaultPolicy, policySchema } from '../../../functions/core/scoring';

const day = 86_400_000;
const t0 = Date.parse('2026-01-10T15:00:00.000Z');

function assessment(id: string, over: Partial<Assessment> = {}): Assessment {
  return {
    id,
    organizationId: 'demo',
    status: 'approved',
    vendor: { name: 'V', contactEmail: 'v@v.test' },
    dataset: { name: 'D', intendedUse: 'x' },
    templateId: 'ai-training-data',
    templateVersion: 1,
    dueAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2025-12-01T00:00:00.000Z',
    createdBy: 'pat@demo.test',
    updatedAt: '2026-01-10T15:00:00.000Z',
    version: 5,
    answers: {},
    previousAssessmentId: null,
    invitation: null,
    submittedAt: '2026-01-05T00:00:00.000Z',
    decision: { decision: 'approve', by: 'gail', at: new Date(t0).toISOString(), comments: [] },
    report: {
      version: 1,
      score: 60,
      tier: 'high',
      maturity: 2,
      reportKey: 'k',
      sha256: 's',
      generatedAt: '2026-01-05T00:00:00.000Z',
    },
    ...over,
  };
}

const policy = reassessmentPolicySchema.parse({ cadenceDays: { high: 30, low: 365 } });
const at = (days: number) => new Date(t0 + days * day);
const claim = (over: Partial<DueClaim>): DueClaim => ({
  organizationId: 'demo',
  assessmentId: 'a',
  dueOn: '2026-02-09',
  state: 'proposed',
  mode: 'propose',
  tier: 'high',
  cadenceDays: 30,
  reassessmentId: null,
  createdAt: '',
  updatedAt: '',
  version: 1,
  ...over,
});

describe('the re-assessment schedule', () => {
  it('is off by default and in the default policy', () => {
    expect(scheduleOn(defaultPolicy.reassessment)).toBe(false);
    expect(defaultPolicy.reassessment).toEqual({
      cadenceDays: { low: null, moderate: null, high: null, critical: null },
      mode: 'propose',
    });
    expect(scheduleOn(policy)).toBe(true);
  });

  it('rejects cadences that are not whole days from 1 to 1095', () => {
    for (const bad of [0, -1, 1.5, 1096, '30']) {
      const r = policySchema.safeParse({ reassessment: { cadenceDays: { high: bad } } });
      expect(r.success, String(bad)).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['reassessment', 'cadenceDays', 'high']);
    }
    expect(policySchema.safeParse({ reassessment: { cadenceDays: { high: 1095 } } }).success).toBe(
      true,
    );
    expect(policySchema.safeParse({ reassessment: { mode: 'always' } }).success).toBe(false);
  });

  it('dates the due day from the decision day plus the cadence of the report tier', () => {
    const [e] = reassessmentSchedule({
      assessments: [assessment('a')],
      claims: [],
      policy,
      now: at(31),
    });
    expect(e?.dueOn).toBe('2026-02-09');
    expect(e?.overdueDays).toBe(1);
    expect(e?.cadenceDays).toBe(30);
    const [early] = reassessmentSchedule({
      assessments: [assessment('a')],
      claims: [],
      policy,
      now: at(29),
    });
    expect(early?.overdueDays).toBe(-1);
  });

  it('leaves out rejected, archived, unscheduled-tier and superseded assessments', () => {
    const list = [
      assessment('rej', { status: 'rejected' }),
      assessment('arch', { archivedAt: '2026-01-11T00:00:00.000Z' }),
      assessment('mod', {
        report: {
          ...(assessment('x').report as NonNullable<Assessment['report']>),
          tier: 'moderate',
        },
      }),
      assessment('old'),
      assessment('new', { previousAssessmentId: 'old' }),
    ];
    const ids = reassessmentSchedule({ assessments: list, claims: [], policy, now: at(400) }).map(
      (e) => e.assessment.id,
    );
    expect(ids).toEqual(['new']);
  });

  it('names a running re-assessment, and a dismissed due date moves one cadence on', () => {
    const running = assessment('b', {
      status: 'in_progress',
      previousAssessmentId: 'a',
      decision: null,
    });
    const [e] = reassessmentSchedule({
      assessments: [assessment('a'), running],
      claims: [],
      policy,
      now: at(31),
    });
    expect(e?.running?.id).toBe('b');
    const [moved] = reassessmentSchedule({
      assessments: [assessment('a')],
      claims: [claim({ state: 'dismissed' })],
      policy,
      now: at(31),
    });
    expect(moved?.dueOn).toBe('2026-03-11');
    expect(moved?.claim).toBeNull();
  });

  it('keeps the due date of a standing record even when the cadence changes', () => {
    const longer = reassessmentPolicySchema.parse({ cadenceDays: { high: 300 } });
    const [e] = reassessmentSchedule({
      assessments: [assessment('a')],
      claims: [claim({ state: 'created', reassessmentId: 'b' })],
      policy: longer,
      now: at(40),
    });
    expect(e?.dueOn).toBe('2026-02-09');
    expect(e?.claim?.state).toBe('created');
  });
});
