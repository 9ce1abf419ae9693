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
  ({ t, proc, gov, admin } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

describe('assessment workflow', () => {
  it('runs create → invite → draft → submit → request changes → resubmit → approve, on the record', async () => {
    const a = await json<{ id: string; status: string }>(
      await t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() }),
    );
    expect(a.status).toBe('draft');

    const invite = await t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc });
    expect(invite.status).toBe(201);
    const { token, inviteUrl } = await json<{ token: string; inviteUrl: string }>(invite);
    expect(inviteUrl).toContain(`/vendor#token=${token}`);

    const view = await json<{ version: number; assessment: { status: string } }>(
      await t.call('GET', '/api/vendor/assessment', { token }),
    );
    expect(view.assessment.status).toBe('invited');

    const answers = completeAnswers();
    const draft = await t.call('PUT', '/api/vendor/answers', {
      token,
      body: { answers: { synthetic_share_percent: 10 }, version: view.version },
    });
    expect(draft.status).toBe(200);
    const early = await t.call('POST', '/api/vendor/submit', { token });
    await t.drain();
    expect(early.status).toBe(409);
    const missing = (await json<{ missing: { questionId: string }[] }>(early)).missing.map(
      (m) => m.questionId,
    );
    expect(missing).toContain('real_data_policy');
    expect(missing).not.toContain('synthetic_share_percent');

    const full = await t.call('PUT', '/api/vendor/answers', { token, body: { answers } });
    expect(full.status).toBe(200);
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const locked = await t.call('PUT', '/api/vendor/answers', {
      token,
      body: { answers: { label_audit: 'none' } },
    });
    expect(locked.status).toBe(409);

    const changes = await t.call('POST', `/api/assessments/${a.id}/decision`, {
      token: gov,
      body: {
        decision: 'request_changes',
        comment: 'Please be precise.',
        comments: [
          { questionId: 'synthetic_share_percent', comment: 'Is this per record or per token?' },
        ],
      },
    });
    expect(changes.status).toBe(200);
    const reopened = await json<{
      assessment: { status: string };
      comments: { questionId: string | null }[];
    }>(await t.call('GET', '/api/vendor/assessment', { token }));
    expect(reopened.assessment.status).toBe('changes_requested');
    expect(reopened.comments.map((c) => c.questionId)).toContain('synthetic_share_percent');

    const fix = await t.call('PUT', '/api/vendor/answers', {
      token,
      body: { answers: { synthetic_share_percent: 12 } },
    });
    expect(fix.status).toBe(200);
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const approved = await t.call('POST', `/api/assessments/${a.id}/decision`, {
      token: gov,
      body: { decision: 'approve', comment: 'Thanks.' },
    });
    expect(approved.status).toBe(200);
    expect((await json<{ status: string }>(approved)).status).toBe('approved');

    const events = await json<{ items: { type: string; role: string }[] }>(
      await t.call('GET', `/api/assessments/${a.id}/events`, { token: proc }),
    );
    const scored = events.items.filter((e) => e.type === 'scored');
    expect(scored.length).toBe(2);
    expect(scored.every((e) => e.role === 'system')).toBe(true);
    expect(events.items.filter((e) => e.type !== 'scored').map((e) => e.type)).toEqual([
      'create',
      'invite',
      'save_answers',
      'save_answers',
      'submit',
      'request_changes',
      'save_answers',
      'submit',
      'approve',
    ]);
    expect(events.items.find((e) => e.type === 'submit')?.role).toBe('vendor');

    const outbox = await json<{ items: { kind: string; to: string; body: string }[] }>(
      await t.call('GET', '/api/dev/outbox', { token: proc }),
    );
    const kinds = outbox.items.map((m) => m.kind);
    // Each decision goes to the vendor and to procurement (the creator).
    expect(kinds).toEqual([
      'invitation',
      'submission',
      'decision',
      'decision:procurement',
      'submission',
      'decision',
      'decision:procurement',
    ]);
    expect(outbox.items.some((m) => m.body.includes(token))).toBe(false);
  });

  it('forbids the creator from approving their own assessment', async () => {
    const selfish = await t.staff('governance', 'demo', 'pat@demo.test');
    const a = await json<{ id: string }>(
      await t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() }),
    );
    const { token } = await json<{ token: string }>(
      await t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc }),
    );
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    await t.call('POST', '/api/vendor/submit', { token });
    await t.drain();
    const res = await t.call('POST', `/api/assessments/${a.id}/decision`, {
      token: selfish,
      body: { decision: 'approve', comment: '' },
    });
    expect(res.status).toBe(403);
  });

  it('reassesses: a new linked draft prefilled with the previous answers', async () => {
    const a = await json<{ id: string }>(
      await t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() }),
    );
    const { token } = await json<{ token: string }>(
      await t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc }),
    );
    await t.call('PUT', '/api/vendor/answers', {
      token,
      body: { answers: { synthetic_share_percent: 33 } },
    });
    const res = await t.call('POST', `/api/assessments/${a.id}/reassess`, { token: proc });
    expect(res.status).toBe(201);
    const b = await json<{
      id: string;
      previousAssessmentId: string;
      answers: Record<string, unknown>;
      status: string;
    }>(res);
    expect(b.previousAssessmentId).toBe(a.id);
    expect(b.answers.synthetic_share_percent).toBe(33);
    expect(b.status).toBe('draft');
    expect(b.id).not.toBe(a.id);
  });

  it('revokes an invitation, and a new invitation revokes the old token', async () => {
    const a = await json<{ id: string }>(
      await t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() }),
    );
    const first = await json<{ token: string }>(
      await t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc }),
    );
    const second = await json<{ token: string }>(
      await t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc }),
    );
    expect((await t.call('GET', '/api/vendor/assessment', { token: first.token })).status).toBe(
      401,
    );
    expect((await t.call('GET', '/api/vendor/assessment', { token: second.token })).status).toBe(
      200,
    );
    expect(
      (await t.call('DELETE', `/api/assessments/${a.id}/invitations`, { token: proc })).status,
    ).toBe(204);
    const revoked = await t.call('GET', '/api/vendor/assessment', { token: second.token });
    expect(revoked.status).toBe(401);
    expect((await json<{ type: string }>(revoked)).type).toMatch(/invitation-revoked$/);
  });

  it('expires invitation links: the vendor gets a 401 that says so', async () => {
    // Due in 30 days, so the link lives until 14 days past it (44 days).
    const { token } = await invitedAssessment(t, proc);
    const shift = await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays: 45 } });
    expect(shift.status).toBe(200);
    try {
      const res = await t.call('GET', '/api/vendor/assessment', { token });
      expect(res.status).toBe(401);
      expect((await json<{ type: string; detail: string }>(res)).detail).toMatch(/expired/);
    } finally {
      await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays: 0 } });
    }
    expect((await t.call('GET', '/api/vendor/assessment', { token })).status).toBe(200);
  });

  it('sends each due-date reminder once even when the job runs twice', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const a = await json<{ id: string }>(
      await t.call('POST', '/api/assessments', {
        token: proc,
        body: newAssessmentBody(new Date(), { dueAt: soon }),
      }),
    );
    await t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc });
    const first = await json<{ sent: number }>(
      await t.call('POST', '/api/dev/reminders', { token: admin }),
    );
    const second = await json<{ sent: number }>(
      await t.call('POST', '/api/dev/reminders', { token: admin }),
    );
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(second.sent).toBe(0);
    const outbox = await json<{ items: { kind: string; subject: string }[] }>(
      await t.call('GET', '/api/dev/outbox', { token: proc }),
    );
    expect(outbox.items.filter((m) => m.kind === 'reminder:due-3').length).toBe(1);
  });
});
