import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, newAssessmentBody, startWithStaff, type TestPortal } from './harness';
import { captureMail, linksIn, type SentMail, tokenOf } from './mail-capture';

const day = 86_400_000;
let t: TestPortal;
let proc = '';
let admin = '';
let sent: SentMail[] = [];

beforeAll(async () => {
  ({ t, proc, admin } = await startWithStaff());
  sent = captureMail(t);
});
afterAll(async () => {
  await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays: 0 } });
  await t.stop();
});

const shiftClock = async (offsetDays: number) =>
  expect(
    (await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays } })).status,
  ).toBe(200);

async function invite(dueInDays: number) {
  const a = await json<{ id: string; version: number }>(
    t.call('POST', '/api/assessments', {
      token: proc,
      body: newAssessmentBody(new Date(), {
        vendor: { name: `Due ${dueInDays}`, contactEmail: `due${dueInDays}@vendor.test` },
        dueAt: new Date(Date.now() + dueInDays * day).toISOString(),
      }),
    }),
  );
  const inv = await json<{ token: string; expiresAt: string }>(
    t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc }),
  );
  return { id: a.id, ...inv };
}

const vendorStatus = async (token: string) =>
  (await t.call('GET', '/api/vendor/assessment', { token })).status;

describe('vendor links live until the due date plus 14 days', () => {
  it('keeps a link due in 50 days working after 30 days, and until 14 days past the due date', async () => {
    const { token, expiresAt } = await invite(50);
    const dueAt = Date.now() + 50 * day;
    expect(Math.abs(Date.parse(expiresAt) - (dueAt + 14 * day))).toBeLessThan(60_000);
    try {
      await shiftClock(35);
      expect(await vendorStatus(token)).toBe(200);
      await shiftClock(63);
      expect(await vendorStatus(token)).toBe(200);
      await shiftClock(65);
      expect(await vendorStatus(token)).toBe(401);
    } finally {
      await shiftClock(0);
    }
  });

  it('follows a moved due date: later extends the live link, earlier shortens it', async () => {
    const { id, token } = await invite(40);
    const later = new Date(Date.now() + 80 * day).toISOString();
    const moved = await t.call('PATCH', `/api/assessments/${id}`, {
      token: proc,
      body: { dueAt: later },
    });
    expect(moved.status).toBe(200);
    const body = await json<{ invitation: { expiresAt: string } }>(moved);
    expect(Date.parse(body.invitation.expiresAt)).toBe(Date.parse(later) + 14 * day);
    try {
      await shiftClock(70);
      expect(await vendorStatus(token)).toBe(200);
    } finally {
      await shiftClock(0);
    }
    const sooner = new Date(Date.now() + 10 * day).toISOString();
    const back = await json<{ invitation: { expiresAt: string } }>(
      t.call('PATCH', `/api/assessments/${id}`, { token: proc, body: { dueAt: sooner } }),
    );
    // Never shorter than 30 days from issue.
    expect(Date.parse(back.invitation.expiresAt)).toBeLessThan(Date.parse(later));
    expect(Date.parse(back.invitation.expiresAt)).toBeGreaterThan(Date.now() + 29 * day);
    try {
      await shiftClock(45);
      expect(await vendorStatus(token)).toBe(401);
    } finally {
      await shiftClock(0);
    }
  });

  it('announces a moved due date to the vendor with one working link', async () => {
    const { id } = await invite(40);
    const later = new Date(Date.now() + 60 * day).toISOString();
    const before = sent.length;
    await t.call('PATCH', `/api/assessments/${id}`, { token: proc, body: { dueAt: later } });
    const mail = sent.slice(before).find((m) => m.to === 'due40@vendor.test');
    expect(mail?.subject).toContain(`New due date ${later.slice(0, 10)}`);
    const links = linksIn(mail?.body ?? '');
    expect(links).toHaveLength(1);
    expect(await vendorStatus(tokenOf(links[0] as string))).toBe(200);
    const outbox = await json<{ items: { kind: string; body: string }[] }>(
      t.call('GET', '/api/dev/outbox', { token: proc }),
    );
    const stored = outbox.items.find((m) => m.kind === 'due-date-changed');
    expect(stored?.body).not.toContain(tokenOf(links[0] as string));
  });

  it('sends an overdue reminder whose link works, after 30 days and past the due date', async () => {
    const { token } = await invite(33);
    try {
      await shiftClock(34);
      const before = sent.length;
      await t.call('POST', '/api/dev/reminders', { token: admin });
      const overdue = sent.slice(before).find((m) => m.to === 'due33@vendor.test');
      expect(overdue?.subject).toMatch(/^Overdue/);
      const links = linksIn(overdue?.body ?? '');
      expect(links).toHaveLength(1);
      expect(await vendorStatus(tokenOf(links[0] as string))).toBe(200);
      expect(await vendorStatus(token)).toBe(200);
    } finally {
      await shiftClock(0);
    }
  });

  it('revokes the e-mailed links too when a new link is issued', async () => {
    const { id } = await invite(20);
    const before = sent.length;
    await t.call('POST', `/api/assessments/${id}/reminders`, { token: proc });
    const reminder = sent.slice(before).find((m) => m.to === 'due20@vendor.test');
    const mailed = tokenOf(linksIn(reminder?.body ?? '')[0] as string);
    expect(await vendorStatus(mailed)).toBe(200);
    const fresh = await json<{ token: string }>(
      t.call('POST', `/api/assessments/${id}/invitations`, { token: proc }),
    );
    const old = await t.call('GET', '/api/vendor/assessment', { token: mailed });
    expect(old.status).toBe(401);
    expect((await json<{ type: string }>(old)).type).toMatch(/invitation-revoked$/);
    expect(await vendorStatus(fresh.token)).toBe(200);
  });
});
