import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { captureMail, linksIn, type SentMail, tokenOf } from './mail-capture';

let t: TestPortal;
let proc = '';
let gov = '';
let sent: SentMail[] = [];

beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff());
  await t.portal.deps.repos.organizations.create({
    id: 'demo',
    name: 'Demo Buyer',
    createdAt: new Date().toISOString(),
    governanceEmail: 'review-board@demo.test',
  });
  sent = captureMail(t);
});
afterAll(async () => {
  await t.stop();
});

/** An invited assessment the vendor answered and submitted: its id and the vendor's token. */
async function submitted(vendor: string) {
  const a = await invitedAssessment(t, proc, {
    vendor: { name: vendor, contactEmail: `${vendor.toLowerCase()}@vendor.test` },
  });
  await t.call('PUT', '/api/vendor/answers', {
    token: a.token,
    body: { answers: completeAnswers() },
  });
  expect((await t.call('POST', '/api/vendor/submit', { token: a.token })).status).toBe(200);
  await t.drain();
  return a;
}

const mailTo = (to: string, from: number) => sent.slice(from).filter((m) => m.to === to);

describe('the decision loop', () => {
  it('e-mails the submission to the creator and the governance mailbox, one link each', async () => {
    const before = sent.length;
    const a = await submitted('Sub');
    for (const to of ['pat@demo.test', 'review-board@demo.test']) {
      const [mail] = mailTo(to, before);
      expect(mail?.subject).toMatch(/^Submitted for review/);
      expect(linksIn(mail?.body ?? '')).toEqual([expect.stringContaining(`/assessments/${a.id}`)]);
    }
  });

  it('gives the vendor the rejection comment (not the reviewer) on the page and in the e-mail', async () => {
    const a = await submitted('Rej');
    const before = sent.length;
    const comment = 'The synthetic share is not declared per record.';
    const res = await t.call('POST', `/api/assessments/${a.id}/decision`, {
      token: gov,
      body: { decision: 'reject', comment },
    });
    expect(res.status).toBe(200);
    const view = await json<{ assessment: { status: string }; comments: { comment: string }[] }>(
      t.call('GET', '/api/vendor/assessment', { token: a.token }),
    );
    expect(view.assessment.status).toBe('rejected');
    expect(view.comments.map((c) => c.comment)).toEqual([comment]);
    expect(JSON.stringify(view)).not.toContain('gail@demo.test');
    const [vendorMail] = mailTo('rej@vendor.test', before);
    expect(vendorMail?.body).toContain(comment);
    expect(vendorMail?.body).not.toContain('gail@demo.test');
    const links = linksIn(vendorMail?.body ?? '');
    expect(links).toHaveLength(1);
    const opened = await t.call('GET', '/api/vendor/assessment', {
      token: tokenOf(links[0] as string),
    });
    expect(opened.status).toBe(200);
  });

  it('tells procurement (the creator) of every decision, with the comment and one link', async () => {
    const decisions = [
      ['approve', 'Fine for fine-tuning.'],
      ['request_changes', 'Say how the holdout is refreshed.'],
      ['reject', 'Too much recycled text.'],
    ] as const;
    for (const [decision, comment] of decisions) {
      const a = await submitted(`Dec${decision.length}`);
      const before = sent.length;
      const res = await t.call('POST', `/api/assessments/${a.id}/decision`, {
        token: gov,
        body: { decision, comment },
      });
      expect(res.status).toBe(200);
      const [mail] = mailTo('pat@demo.test', before);
      expect(mail?.subject).toMatch(/^Decision:/);
      expect(mail?.body).toContain(comment);
      expect(linksIn(mail?.body ?? '')).toEqual([expect.stringContaining(`/assessments/${a.id}`)]);
    }
  });

  it('puts exactly one link in every e-mail it sent', async () => {
    expect(sent.length).toBeGreaterThan(10);
    for (const mail of sent) expect(linksIn(mail.body), mail.subject).toHaveLength(1);
  });
});
