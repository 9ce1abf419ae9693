/**
 * The policy preview scores with the code that stores reports: for a re-assessment whose
 * delivery degraded, the preview of the current policy equals the stored report's score, and a
 * change to the degradation weight moves it. Same-name rows carry what tells them apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crateRows } from '../fixtures/crate-rows';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { deliverTrainingJsonl } from './upload-helpers';

interface Scored {
  score: number;
  tier: string;
}
interface Row {
  assessmentId: string;
  vendorName: string;
  datasetName: string;
  submittedAt: string | null;
  previousAssessmentId: string | null;
  current: Scored;
  proposed: Scored;
}
interface Report {
  risk: { score: number; tier: string; factors: { id: string; points: number }[] };
}

let t: TestPortal;
let proc = '';
let admin = '';
let first = '';
let second = '';

beforeAll(async () => {
  ({ t, proc, admin } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
  const a = await invitedAssessment(t, proc);
  first = a.id;
  await deliverTrainingJsonl(t, a.token, `${crateRows(0, 120)}\n`);
  const b = await json<{ id: string }>(
    t.call('POST', `/api/assessments/${first}/reassess`, { token: proc }),
  );
  second = b.id;
  const { token } = await json<{ token: string }>(
    t.call('POST', `/api/assessments/${second}/invitations`, { token: proc }),
  );
  // The second delivery repeats 90 of the first one's records: degraded since the last delivery.
  await deliverTrainingJsonl(t, token, `${crateRows(0, 90)}\n${crateRows(500, 530)}\n`);
}, 120_000);
afterAll(async () => {
  await t.stop();
});

const preview = async (policy: Record<string, unknown>) => {
  const res = await t.call('POST', '/api/policy/preview', { token: admin, body: { policy } });
  expect(res.status).toBe(200);
  return (await json<{ items: Row[] }>(res)).items;
};

describe('policy preview against the stored report', () => {
  it('scores the current policy exactly as the report, degradation since the last delivery included', async () => {
    const report = await json<Report>(
      t.call('GET', `/api/assessments/${second}/report`, { token: admin }),
    );
    const degradation = report.risk.factors.find((f) => f.id === 'delivery_degradation');
    expect(degradation?.points ?? 0).toBeGreaterThan(0);
    const rows = await preview({});
    const row = rows.find((r) => r.assessmentId === second);
    expect(row?.current.score).toBe(report.risk.score);
    expect(row?.current.tier).toBe(report.risk.tier);
    expect(row?.proposed.score).toBe(report.risk.score);
  });

  it('moves the proposed score when the degradation weight changes', async () => {
    const report = await json<Report>(
      t.call('GET', `/api/assessments/${second}/report`, { token: admin }),
    );
    const points = report.risk.factors.find((f) => f.id === 'delivery_degradation')?.points ?? 0;
    const rows = await preview({ weights: { delivery_degradation: 0 } });
    const row = rows.find((r) => r.assessmentId === second);
    expect(row?.current.score).toBe(report.risk.score);
    expect(row?.proposed.score).toBeLessThan(report.risk.score);
    expect(report.risk.score - (row?.proposed.score ?? 0)).toBeLessThanOrEqual(points + 1e-9);
  });

  it('tells two deliveries of the same dataset apart by submission and re-assessment', async () => {
    const rows = (await preview({})).filter((r) => [first, second].includes(r.assessmentId));
    expect(rows).toHaveLength(2);
    const [a, b] = rows;
    expect(a?.vendorName).toBe(b?.vendorName);
    expect(a?.datasetName).toBe(b?.datasetName);
    const byId = new Map(rows.map((r) => [r.assessmentId, r]));
    expect(byId.get(second)?.previousAssessmentId).toBe(first);
    expect(byId.get(first)?.previousAssessmentId).toBeNull();
    expect(byId.get(first)?.submittedAt).toEqual(expect.any(String));
    expect(byId.get(second)?.submittedAt).toEqual(expect.any(String));
  });
});
