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
let gov: string;
beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

const invited = () => invitedAssessment(t, proc);

describe('strict request schemas', () => {
  it('refuses status, risk or organization smuggled into a create body', async () => {
    for (const extra of [
      { status: 'approved' },
      { organizationId: 'other' },
      { report: { score: 0 } },
    ]) {
      const res = await t.call('POST', '/api/assessments', {
        token: proc,
        body: { ...newAssessmentBody(), ...extra },
      });
      expect(res.status).toBe(400);
      const errors = (await json<{ errors: { path: string }[] }>(res)).errors;
      expect(errors.map((e) => e.path)).toEqual(Object.keys(extra));
    }
  });

  it('refuses unknown fields in nested objects and in decisions', async () => {
    const nested = newAssessmentBody();
    const res = await t.call('POST', '/api/assessments', {
      token: proc,
      body: { ...nested, vendor: { ...nested.vendor, verified: true } },
    });
    expect(res.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(res)).errors[0]?.path).toBe(
      'vendor.verified',
    );
  });

  it('validates each answer against its question and names it', async () => {
    const { token } = await invited();
    const res = await t.call('PUT', '/api/vendor/answers', {
      token,
      body: {
        answers: { synthetic_share_percent: 140, label_audit: 'sometimes', made_up_question: 1 },
      },
    });
    expect(res.status).toBe(400);
    const paths = (await json<{ errors: { path: string }[] }>(res)).errors
      .map((e) => e.path)
      .sort();
    expect(paths).toEqual([
      'answers.label_audit',
      'answers.made_up_question',
      'answers.synthetic_share_percent',
    ]);
  });

  it('accepts "unknown" for every question and stores vendor text as plain data', async () => {
    const { token } = await invited();
    const xss = '<img src=x onerror=alert(1)>';
    const res = await t.call('PUT', '/api/vendor/answers', {
      token,
      body: { answers: { synthetic_share_percent: 'unknown', dataset_name: xss } },
    });
    expect(res.status).toBe(200);
    const view = await t.call('GET', '/api/vendor/assessment', { token });
    expect(view.headers.get('content-type')).toContain('application/json');
    expect((await json<{ answers: Record<string, unknown> }>(view)).answers.dataset_name).toBe(xss);
  });
});

describe('pagination', () => {
  it('pages through every assessment exactly once with a clamped limit', async () => {
    for (let i = 0; i < 5; i++)
      await t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { items: { id: string }[]; nextCursor: string | null } = await json(
        t.call('GET', `/api/assessments?limit=2${q}`, { token: proc }),
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await json<{ items: unknown[] }>(
      t.call('GET', '/api/assessments?limit=100000', { token: proc }),
    );
    expect(all.items.length).toBe(seen.length);
    expect(all.items.length).toBeLessThanOrEqual(100);
  });

  it('filters by status', async () => {
    const { id } = await invited();
    const page = await json<{ items: { id: string; status: string }[] }>(
      t.call('GET', '/api/assessments?status=invited&limit=100', { token: proc }),
    );
    expect(page.items.every((a) => a.status === 'invited')).toBe(true);
    expect(page.items.map((a) => a.id)).toContain(id);
  });

  it('returns 400 for a forged cursor and for a cursor of another organization', async () => {
    const forged = await t.call('GET', '/api/assessments?cursor=not-a-cursor', { token: proc });
    expect(forged.status).toBe(400);
    const foreign = Buffer.from(JSON.stringify({ PK: 'ORG#other', SK: 'ASMT#zzz' })).toString(
      'base64url',
    );
    const res = await t.call('GET', `/api/assessments?cursor=${foreign}`, { token: proc });
    expect(res.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(res)).errors[0]?.path).toBe('cursor');
  });

  it('returns 400 for a limit below 1 or an unknown query parameter', async () => {
    expect((await t.call('GET', '/api/assessments?limit=0', { token: proc })).status).toBe(400);
    expect(
      (await t.call('GET', '/api/assessments?organizationId=other', { token: proc })).status,
    ).toBe(400);
  });
});

describe('concurrency', () => {
  it('lets exactly one of two saves from the same version win', async () => {
    const { token } = await invited();
    const { version } = await json<{ version: number }>(
      t.call('GET', '/api/vendor/assessment', { token }),
    );
    const results = await Promise.all(
      [10, 20].map((v) =>
        t.call('PUT', '/api/vendor/answers', {
          token,
          body: { answers: { synthetic_share_percent: v }, version },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const { id, token } = await invited();
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    await t.call('POST', '/api/vendor/submit', { token });
    await t.drain();
    const results = await Promise.all(
      (['approve', 'reject'] as const).map((decision) =>
        t.call('POST', `/api/assessments/${id}/decision`, {
          token: gov,
          body: { decision, comment: 'x' },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await json<{ items: { type: string }[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: proc }),
    );
    expect(events.items.filter((e) => e.type === 'approve' || e.type === 'reject').length).toBe(1);
  });
});
