import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import {
  invitedAssessment,
  json,
  newAssessmentBody,
  startWithStaff,
  type TestPortal,
} from './harness';

let t: TestPortal;
let proc: string;
let admin: string;
let gov: string;
beforeAll(async () => {
  ({ t, proc, admin, gov } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

async function submitted(answers = completeAnswers()) {
  const { id, token } = await invitedAssessment(t, proc);
  await t.call('PUT', '/api/vendor/answers', { token, body: { answers } });
  expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
  await t.drain();
  return id;
}

interface Report {
  sha256: string;
  version: number;
  policyVersion: number;
  risk: { score: number; tier: string; factors: { id: string; source: string }[] };
}

describe('reports', () => {
  it('scores on submission and keeps a summary on the assessment', async () => {
    const id = await submitted();
    const report = await json<Report>(
      t.call('GET', `/api/assessments/${id}/report`, { token: gov }),
    );
    expect(report.version).toBe(1);
    expect(report.risk.factors.some((f) => f.id === 'no_sample' && f.source === 'missing')).toBe(
      true,
    );
    const a = await json<{ report: { score: number; sha256: string; version: number } }>(
      t.call('GET', `/api/assessments/${id}`, { token: gov }),
    );
    expect(a.report).toMatchObject({ score: report.risk.score, sha256: report.sha256, version: 1 });
  });

  it('returns 404 with an explanation before any report exists', async () => {
    const a = await json<{ id: string }>(
      t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() }),
    );
    const res = await t.call('GET', `/api/assessments/${a.id}/report`, { token: gov });
    expect(res.status).toBe(404);
    expect((await json<{ detail: string }>(res)).detail).toMatch(/submits/);
  });

  it('refuses a stored report whose hash no longer matches, and keeps the others readable', async () => {
    const id = await submitted();
    const { deps } = t.portal;
    const record = (await deps.repos.reports.list('demo', id))[0];
    if (!record) throw new Error('no report');
    const stored = JSON.parse(await deps.blobs.getText(deps.config.REPORTS_BUCKET, record.key));
    stored.risk.score = 0;
    // Tamper behind the app's back (Object Lock prevents this in AWS; s3rver does not).
    await deps.blobs.put(deps.config.REPORTS_BUCKET, record.key, JSON.stringify(stored), {
      contentType: 'application/json',
    });
    const res = await t.call('GET', `/api/assessments/${id}/report`, { token: gov });
    expect(res.status).toBe(500);
    const problem = await json<{ detail: string; type: string }>(res);
    expect(problem.type).toMatch(/integrity$/);
    expect(problem.detail).toMatch(/integrity check/);
  });

  it('never overwrites a report version', async () => {
    const id = await submitted();
    const { deps } = t.portal;
    const record = (await deps.repos.reports.list('demo', id))[0];
    if (!record) throw new Error('no report');
    await expect(
      deps.blobs.putNew(deps.config.REPORTS_BUCKET, record.key, '{}', {
        contentType: 'application/json',
      }),
    ).rejects.toThrow(/immutable/);
  });

  it('scores an evasive vendor higher than an honest one', async () => {
    const honest = await submitted();
    const evasive = await submitted(
      Object.fromEntries(Object.entries(completeAnswers()).map(([k]) => [k, 'unknown'])),
    );
    const h = await json<Report>(
      t.call('GET', `/api/assessments/${honest}/report`, { token: gov }),
    );
    const e = await json<Report>(
      t.call('GET', `/api/assessments/${evasive}/report`, { token: gov }),
    );
    expect(e.risk.score).toBeGreaterThan(h.risk.score);
  });
});

describe('policy', () => {
  it('is readable by staff and writable by admins only, with versions', async () => {
    const current = await json<{ version: number; policy: { weights: Record<string, number> } }>(
      t.call('GET', '/api/policy', { token: gov }),
    );
    expect(current.version).toBe(0);
    const denied = await t.call('PUT', '/api/policy', {
      token: gov,
      body: { policy: {}, version: 0, reason: 'Test change.' },
    });
    expect(denied.status).toBe(403);
    const saved = await t.call('PUT', '/api/policy', {
      token: admin,
      body: { policy: { weights: { synthetic_share: 25 } }, version: 0, reason: 'Test change.' },
    });
    expect(saved.status).toBe(200);
    expect((await json<{ version: number }>(saved)).version).toBe(1);
    const stale = await t.call('PUT', '/api/policy', {
      token: admin,
      body: { policy: {}, version: 0, reason: 'Test change.' },
    });
    expect(stale.status).toBe(409);
  });

  it('validates policies and names the bad field', async () => {
    const res = await t.call('PUT', '/api/policy', {
      token: admin,
      body: {
        policy: { tiers: { moderate: 80, high: 50, critical: 90 }, weights: { made_up: 3 } },
        version: 1,
        reason: 'Test change.',
      },
    });
    expect(res.status).toBe(400);
    const paths = (await json<{ errors: { path: string }[] }>(res)).errors.map((e) => e.path);
    expect(paths.some((p) => p.startsWith('policy.tiers'))).toBe(true);
    expect(paths.some((p) => p.startsWith('policy.weights'))).toBe(true);
  });

  it('records the policy version each report used', async () => {
    const id = await submitted();
    const report = await json<Report>(
      t.call('GET', `/api/assessments/${id}/report`, { token: gov }),
    );
    expect(report.policyVersion).toBe(1);
  });
});
