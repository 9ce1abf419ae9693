import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';

interface Scored {
  score: number;
  tier: string;
}
interface Preview {
  currentVersion: number;
  items: { assessmentId: string; current: Scored; proposed: Scored }[];
  truncated: boolean;
}

let t: TestPortal;
let proc = '';
let admin = '';
let id = '';
beforeAll(async () => {
  ({ t, proc, admin } = await startWithStaff());
  const invited = await invitedAssessment(t, proc);
  id = invited.id;
  await t.call('PUT', '/api/vendor/answers', {
    token: invited.token,
    body: { answers: completeAnswers() },
  });
  await t.call('POST', '/api/vendor/submit', { token: invited.token });
  await t.drain();
});
afterAll(async () => {
  await t.stop();
});

describe('policy preview', () => {
  it('scores current assessments under the proposed policy without saving it', async () => {
    const report = await json<{
      risk: { score: number; factors: { id: string; points: number }[] };
    }>(t.call('GET', `/api/assessments/${id}/report`, { token: admin }));
    const noSample = report.risk.factors.find((f) => f.id === 'no_sample')?.points ?? 0;
    expect(noSample).toBeGreaterThan(0);
    const res = await t.call('POST', '/api/policy/preview', {
      token: admin,
      body: { policy: { weights: { no_sample: 0 }, tiers: { moderate: 1, high: 2, critical: 3 } } },
    });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as Preview;
    expect(preview.truncated).toBe(false);
    const row = preview.items.find((i) => i.assessmentId === id);
    expect(row?.current.score).toBe(report.risk.score);
    expect(row?.proposed.score).toBeCloseTo(report.risk.score - noSample, 6);
    expect(row?.proposed.tier).toBe('critical');
    const policy = await json<{ version: number }>(t.call('GET', '/api/policy', { token: admin }));
    expect(policy.version).toBe(0);
  });

  it('validates the proposed policy as saving does, naming each bad field', async () => {
    const res = await t.call('POST', '/api/policy/preview', {
      token: admin,
      body: { policy: { thresholds: { holdoutFreshMonths: 30 }, weights: { no_sample: -1 } } },
    });
    expect(res.status).toBe(400);
    const paths = (await json<{ errors: { path: string }[] }>(res)).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['policy.weights.no_sample', 'policy.thresholds.holdoutFreshMonths']),
    );
  });
});

describe('policy versions', () => {
  it('refuses to save without a reason, naming the field', async () => {
    for (const reason of [undefined, '   ']) {
      const res = await t.call('PUT', '/api/policy', {
        token: admin,
        body: { policy: { weights: { no_sample: 25 } }, version: 0, reason },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const body = await json<{ errors: { path: string; message: string }[] }>(res);
      expect(body.errors).toEqual([{ path: 'reason', message: expect.stringMatching(/^Say why/) }]);
    }
    const policy = await json<{ version: number }>(t.call('GET', '/api/policy', { token: admin }));
    expect(policy.version).toBe(0);
  });

  it('lists who changed which settings and why, newest first', async () => {
    const first = await t.call('PUT', '/api/policy', {
      token: admin,
      body: { policy: { weights: { no_sample: 25 } }, version: 0, reason: '  Samples matter.  ' },
    });
    expect(first.status).toBe(200);
    expect((await json<{ reason: string }>(first)).reason).toBe('Samples matter.');
    await t.call('PUT', '/api/policy', {
      token: admin,
      body: {
        policy: { weights: { no_sample: 25 }, tiers: { high: 45 } },
        version: 1,
        reason: 'High risk starts earlier.',
      },
    });
    const view = await json<{ reason: string }>(t.call('GET', '/api/policy', { token: proc }));
    expect(view.reason).toBe('High risk starts earlier.');
    const versions = await json<{
      items: { version: number; updatedBy: string; changes: unknown[] }[];
    }>(t.call('GET', '/api/policy/versions', { token: proc }));
    expect(versions.items).toEqual([
      {
        version: 2,
        updatedAt: expect.any(String),
        updatedBy: 'ada@demo.test',
        reason: 'High risk starts earlier.',
        changes: [{ group: 'tiers', key: 'high', from: 50, to: 45 }],
        scheduleChanged: false,
        passportChanged: false,
      },
      {
        version: 1,
        updatedAt: expect.any(String),
        updatedBy: 'ada@demo.test',
        reason: 'Samples matter.',
        changes: [{ group: 'weights', key: 'no_sample', from: 20, to: 25 }],
        scheduleChanged: false,
        passportChanged: false,
      },
    ]);
  });
});
