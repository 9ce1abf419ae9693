import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import {
  invitedAssessment,
  json,
  newAssessmentBody,
  startWithStaff,
  type TestPortal,
} from './harness';

interface A {
  id: string;
  status: string;
  version: number;
  dueAt: string;
  vendor: { contactEmail: string };
  dataset: { name: string; description?: string };
  invitation: { revokedAt: string | null; lastReminderAt?: string | null; sentTo?: string } | null;
  cancellation?: { reason: string } | null;
  archivedAt?: string | null;
}
interface Problem {
  status: number;
  type?: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

let t: TestPortal;
let proc = '';
let gov = '';

const events = async (id: string) =>
  (
    await json<{ items: { type: string; detail: Record<string, unknown> }[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: proc }),
    )
  ).items;
const get = (id: string) => json<A>(t.call('GET', `/api/assessments/${id}`, { token: proc }));

async function submitted() {
  const { id, token } = await invitedAssessment(t, proc);
  await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
  const res = await t.call('POST', '/api/vendor/submit', { token });
  await t.drain();
  expect(res.status).toBe(200);
  return { id, token };
}

beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

describe('editing an assessment', () => {
  it('changes only the fields sent and records each old and new value', async () => {
    const { id } = await invitedAssessment(t, proc);
    const before = await get(id);
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const res = await t.call('PATCH', `/api/assessments/${id}`, {
      token: proc,
      body: {
        vendor: { contactEmail: 'new@acme.test' },
        dataset: { description: 'Chats, 2024' },
        dueAt: due,
        version: before.version,
      },
    });
    expect(res.status).toBe(200);
    const after = (await res.json()) as A;
    expect(after.vendor.contactEmail).toBe('new@acme.test');
    expect(after.dataset.description).toBe('Chats, 2024');
    expect(after.dataset.name).toBe(before.dataset.name);
    expect(after.dueAt.slice(0, 10)).toBe(due);
    const edit = (await events(id)).find((e) => e.type === 'edit');
    expect(edit?.detail.changes).toEqual([
      { field: 'vendor.contactEmail', from: 'data@acme.test', to: 'new@acme.test' },
      { field: 'dataset.description', from: null, to: 'Chats, 2024' },
      { field: 'dueAt', from: before.dueAt, to: after.dueAt },
    ]);
  });

  it('refuses a past due date, an edit that changes nothing, and a stale version', async () => {
    const { id } = await invitedAssessment(t, proc);
    const past = await json<Problem>(
      t.call('PATCH', `/api/assessments/${id}`, { token: proc, body: { dueAt: '2020-01-01' } }),
    );
    expect(past.status).toBe(400);
    expect(past.errors?.[0]?.path).toBe('dueAt');
    const same = await json<Problem>(
      t.call('PATCH', `/api/assessments/${id}`, {
        token: proc,
        body: { vendor: { contactEmail: 'data@acme.test' } },
      }),
    );
    expect(same.status).toBe(400);
    expect(same.detail).toMatch(/Nothing to change/);
    const stale = await t.call('PATCH', `/api/assessments/${id}`, {
      token: proc,
      body: { dataset: { name: 'Renamed' }, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await get(id)).dataset.name).toBe(newAssessmentBody().dataset.name);
  });

  it('refuses edits once the vendor submitted, saying why', async () => {
    const { id } = await submitted();
    const res = await json<Problem>(
      t.call('PATCH', `/api/assessments/${id}`, {
        token: proc,
        body: { dataset: { name: 'Renamed' } },
      }),
    );
    expect(res.status).toBe(409);
    expect(res.detail).toMatch(/submitted.*re-assessment/);
  });
});

describe('cancelling and archiving', () => {
  it('cancels with a reason, stops the vendor link and tells the vendor', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const missing = await json<Problem>(
      t.call('POST', `/api/assessments/${id}/cancel`, { token: proc, body: {} }),
    );
    expect(missing.status).toBe(400);
    expect(missing.errors?.[0]?.path).toBe('reason');
    const res = await t.call('POST', `/api/assessments/${id}/cancel`, {
      token: proc,
      body: { reason: 'Project stopped' },
    });
    expect(res.status).toBe(200);
    const a = (await res.json()) as A;
    expect(a.status).toBe('cancelled');
    expect(a.cancellation?.reason).toBe('Project stopped');
    expect(a.invitation?.revokedAt).not.toBeNull();
    const vendor = await t.call('GET', '/api/vendor/assessment', { token });
    expect(vendor.status).toBe(401);
    // the vendor is told the questionnaire was cancelled, not that a newer link replaced theirs
    const told = (await vendor.json()) as Problem;
    expect(told.type).toMatch(/assessment-cancelled$/);
    expect(told.detail).toMatch(/cancelled/);
    const outbox = await t.portal.deps.repos.outbox.list('demo');
    expect(outbox.some((m) => m.assessmentId === id && m.kind === 'cancellation')).toBe(true);
    const again = await json<Problem>(
      t.call('POST', `/api/assessments/${id}/cancel`, { token: proc, body: { reason: 'x' } }),
    );
    expect(again.status).toBe(409);
  });

  it('archives only decided or cancelled assessments, once', async () => {
    const open = await invitedAssessment(t, proc);
    const refused = await json<Problem>(
      t.call('POST', `/api/assessments/${open.id}/archive`, { token: proc }),
    );
    expect(refused.status).toBe(409);
    expect(refused.detail).toMatch(/only approved, rejected or cancelled/);
    const { id } = await submitted();
    const rejected = await t.call('POST', `/api/assessments/${id}/decision`, {
      token: gov,
      body: { decision: 'reject', comment: 'Too much synthetic data' },
    });
    expect(rejected.status).toBe(200);
    const res = await t.call('POST', `/api/assessments/${id}/archive`, { token: proc });
    expect(res.status).toBe(200);
    expect(((await res.json()) as A).archivedAt).toBeTruthy();
    expect((await t.call('POST', `/api/assessments/${id}/archive`, { token: proc })).status).toBe(
      409,
    );
    expect((await events(id)).map((e) => e.type)).toContain('archive');
  });
});

describe('reminders and invitations', () => {
  it('sends a reminder to a live link once an hour and records it', async () => {
    const { id } = await invitedAssessment(t, proc);
    const res = await t.call('POST', `/api/assessments/${id}/reminders`, { token: proc });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { sentTo: string }).sentTo).toBe('data@acme.test');
    expect((await get(id)).invitation?.lastReminderAt).toBeTruthy();
    const outbox = await t.portal.deps.repos.outbox.list('demo');
    expect(
      outbox.filter((m) => m.assessmentId === id && m.kind === 'reminder:manual'),
    ).toHaveLength(1);
    const soon = await json<Problem>(
      t.call('POST', `/api/assessments/${id}/reminders`, { token: proc }),
    );
    expect(soon.status).toBe(409);
    expect(soon.detail).toMatch(/wait an hour/);
  });

  it('refuses a reminder without a live link, saying what to do', async () => {
    const a = await json<A>(
      t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() }),
    );
    const draft = await json<Problem>(
      t.call('POST', `/api/assessments/${a.id}/reminders`, { token: proc }),
    );
    expect(draft.status).toBe(409);
    expect(draft.detail).toMatch(/issue an invitation link first/);
    const { id } = await invitedAssessment(t, proc);
    await t.call('DELETE', `/api/assessments/${id}/invitations`, { token: proc });
    const revoked = await json<Problem>(
      t.call('POST', `/api/assessments/${id}/reminders`, { token: proc }),
    );
    expect(revoked.status).toBe(409);
    expect(revoked.detail).toMatch(/issue a new link/);
  });

  it('records where the invitation e-mail went', async () => {
    const { id } = await invitedAssessment(t, proc);
    expect((await get(id)).invitation?.sentTo).toBe('data@acme.test');
  });
});

describe('decisions', () => {
  it('refuses a rejection without a comment with a clear message', async () => {
    const { id } = await submitted();
    const res = await json<Problem>(
      t.call('POST', `/api/assessments/${id}/decision`, {
        token: gov,
        body: { decision: 'reject', comment: '  ' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      { path: 'comment', message: expect.stringMatching(/rejection needs a comment/) },
    ]);
    expect((await get(id)).status).toBe('submitted');
  });
});
