import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../functions/core/assessment/types';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { runReassessments } from '../../functions/notify/reassessments';
import { reassessmentJobRepositories } from '../../functions/store/reassessment-job';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { captureMail, type SentMail } from './mail-capture';

let t: TestPortal;
const tok = {} as Record<'proc' | 'gov' | 'admin' | 'proc2' | 'gov2' | 'admin2', string>;
let sent: SentMail[] = [];

/** One run of the due job, as the notify function and the portal timer run it. */
function job() {
  const { doc } = createAwsClients(t.portal.deps.config);
  const repos = reassessmentJobRepositories({ doc, name: t.portal.deps.config.TABLE_NAME });
  return runReassessments({ ...t.portal.deps, repos });
}

async function setSchedule(admin: string, reassessment: unknown) {
  const current = await json<{ version: number }>(t.call('GET', '/api/policy', { token: admin }));
  return t.call('PUT', '/api/policy', {
    token: admin,
    body: { policy: { reassessment }, version: current.version, reason: 'Re-assess on schedule.' },
  });
}

/** A submitted assessment decided by `gov`: its id. */
async function decided(proc: string, gov: string, vendor: string, decision: 'approve' | 'reject') {
  const a = await invitedAssessment(t, proc, {
    vendor: { name: vendor, contactEmail: `${vendor.toLowerCase()}@vendor.test` },
  });
  await t.call('PUT', '/api/vendor/answers', {
    token: a.token,
    body: { answers: completeAnswers() },
  });
  expect((await t.call('POST', '/api/vendor/submit', { token: a.token })).status).toBe(200);
  await t.drain();
  const res = await t.call('POST', `/api/assessments/${a.id}/decision`, {
    token: gov,
    body: { decision, comment: 'Decided for the schedule test.' },
  });
  expect(res.status).toBe(200);
  return a.id;
}

async function successors(org: string, id: string): Promise<Assessment[]> {
  const page = await t.portal.deps.repos.assessments.list(org, { limit: 100 });
  return page.items.filter((a) => a.previousAssessmentId === id);
}

type DueList = {
  items: {
    assessmentId: string;
    state: string;
    overdueDays: number;
    tier: string;
    cadenceDays: number;
    reassessment: { id: string; status: string } | null;
  }[];
};
const due = (token: string) => json<DueList>(t.call('GET', '/api/portfolio/due', { token }));
const mailsTo = (vendor: string) =>
  sent.filter((m) => m.to === `${vendor.toLowerCase()}@vendor.test`);
const setClock = (offsetDays: number) =>
  t.call('PUT', '/api/dev/clock', { token: tok.admin, body: { offsetDays } });

let approved = '';
let rejected = '';
let proposedA = '';
let proposedB = '';

beforeAll(async () => {
  const s = await startWithStaff();
  t = s.t;
  Object.assign(tok, { proc: s.proc, gov: s.gov, admin: s.admin });
  tok.proc2 = await t.staff('procurement', 'other', 'olga@other.test');
  tok.gov2 = await t.staff('governance', 'other', 'gus@other.test');
  tok.admin2 = await t.staff('admin', 'other', 'al@other.test');
  sent = captureMail(t);
  approved = await decided(tok.proc, tok.gov, 'Sched', 'approve');
  rejected = await decided(tok.proc, tok.gov, 'Nope', 'reject');
  proposedA = await decided(tok.proc2, tok.gov2, 'Prop', 'approve');
  proposedB = await decided(tok.proc2, tok.gov2, 'Dism', 'approve');
}, 120_000);
afterAll(async () => {
  await setClock(0);
  await t.stop();
});

describe('the re-assessment schedule', () => {
  it('is off by default: nothing is due and the job makes nothing', async () => {
    await setClock(400);
    expect(await job()).toEqual({ created: 0, proposed: 0, covered: 0 });
    expect((await due(tok.proc)).items).toEqual([]);
    expect(await successors('demo', approved)).toEqual([]);
    await setClock(0);
  });

  it('refuses a bad schedule, saying where and how to fix it', async () => {
    const res = await setSchedule(tok.admin, {
      cadenceDays: { low: 0, moderate: 1.5, high: 2000 },
      mode: 'sometimes',
    });
    expect(res.status).toBe(400);
    const body = await json<{ errors: { path: string; message: string }[] }>(res);
    const paths = body.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'policy.reassessment.cadenceDays.low',
        'policy.reassessment.cadenceDays.moderate',
        'policy.reassessment.cadenceDays.high',
        'policy.reassessment.mode',
      ]),
    );
    expect(body.errors.find((e) => e.path.endsWith('.high'))?.message).toMatch(/1095/);
  });

  it('creates nothing before the due date', async () => {
    const every30 = { low: 30, moderate: 30, high: 30, critical: 30 };
    expect((await setSchedule(tok.admin, { cadenceDays: every30, mode: 'create' })).status).toBe(
      200,
    );
    expect((await setSchedule(tok.admin2, { cadenceDays: every30, mode: 'propose' })).status).toBe(
      200,
    );
    const versions = await json<{ items: { changes: unknown[]; scheduleChanged: boolean }[] }>(
      t.call('GET', '/api/policy/versions', { token: tok.gov }),
    );
    expect(versions.items[0]).toMatchObject({ changes: [], scheduleChanged: true });
    await setClock(29);
    expect(await job()).toEqual({ created: 0, proposed: 0, covered: 0 });
    expect((await due(tok.proc)).items).toEqual([]);
  });

  it('creates one prefilled re-assessment and one invitation per due date, however often the job runs', async () => {
    await setClock(31);
    const before = mailsTo('Sched').length;
    const runs = [await job(), ...(await Promise.all([job(), job(), job()])), await job()];
    expect(runs.reduce((n, r) => n + r.created, 0)).toBeLessThanOrEqual(1);
    const made = await successors('demo', approved);
    expect(made).toHaveLength(1);
    const [next] = made as [Assessment];
    expect(next.status).toBe('invited');
    const previous = await t.portal.deps.repos.assessments.get('demo', approved);
    expect(next.answers).toEqual(previous?.answers);
    const invitations = mailsTo('Sched').slice(before);
    expect(invitations).toHaveLength(1);
    expect(invitations[0]?.subject).toMatch(/^Due-diligence questionnaire/);
    const events = await t.portal.deps.repos.assessments.events('demo', approved);
    expect(events.filter((e) => e.type === 'reassessment.due')).toHaveLength(1);
  });

  it('shows the due re-assessment in the portfolio, and never one for a rejected assessment', async () => {
    const list = await due(tok.gov);
    expect(list.items).toHaveLength(1);
    const [item] = list.items;
    const [next] = await successors('demo', approved);
    expect(item).toMatchObject({
      assessmentId: approved,
      state: 'created',
      overdueDays: 1,
      cadenceDays: 30,
      reassessment: { id: next?.id, status: 'invited' },
    });
    expect(await successors('demo', rejected)).toEqual([]);
    // Another organization's schedule is not listed here.
    expect(list.items.map((i) => i.assessmentId)).not.toContain(proposedA);
  });

  it('in propose mode, sends the vendor nothing until procurement accepts', async () => {
    const made = await successors('other', proposedA);
    expect(made).toEqual([]);
    expect(mailsTo('Prop').filter((m) => /^Due-diligence/.test(m.subject))).toHaveLength(1);
    const list = await due(tok.proc2);
    expect(list.items.map((i) => [i.assessmentId, i.state, i.reassessment]).sort()).toEqual(
      [
        [proposedA, 'proposed', null],
        [proposedB, 'proposed', null],
      ].sort(),
    );
    // The governance role reads the list but cannot start one.
    const denied = await t.call('POST', `/api/portfolio/due/${proposedA}/accept`, {
      token: tok.gov2,
    });
    expect(denied.status).toBe(403);
    const res = await t.call('POST', `/api/portfolio/due/${proposedA}/accept`, {
      token: tok.proc2,
    });
    expect(res.status).toBe(201);
    const accepted = await json<{ state: string; reassessment: { id: string; status: string } }>(
      res,
    );
    expect(accepted.state).toBe('accepted');
    expect(accepted.reassessment.status).toBe('invited');
    expect(await successors('other', proposedA)).toHaveLength(1);
    expect(mailsTo('Prop').filter((m) => /^Due-diligence/.test(m.subject))).toHaveLength(2);
    const again = await t.call('POST', `/api/portfolio/due/${proposedA}/accept`, {
      token: tok.proc2,
    });
    expect(again.status).toBe(409);
    await job();
    expect(await successors('other', proposedA)).toHaveLength(1);
  });

  it('a dismissed proposal creates nothing and leaves the list until a cadence later', async () => {
    const res = await t.call('POST', `/api/portfolio/due/${proposedB}/dismiss`, {
      token: tok.proc2,
    });
    expect(res.status).toBe(204);
    await job();
    expect(await successors('other', proposedB)).toEqual([]);
    const ids = (await due(tok.proc2)).items.map((i) => i.assessmentId);
    expect(ids).not.toContain(proposedB);
    await setClock(62);
    await job();
    const later = (await due(tok.proc2)).items.find((i) => i.assessmentId === proposedB);
    expect(later?.state).toBe('proposed');
    expect(await successors('other', proposedB)).toEqual([]);
  });

  it('answers 404 for an assessment of another organization', async () => {
    const res = await t.call('POST', `/api/portfolio/due/${approved}/dismiss`, {
      token: tok.proc2,
    });
    expect(res.status).toBe(404);
  });
});

describe('a run that died after its record', () => {
  it('is finished by a later run, with the id the record named, once', async () => {
    const now = t.portal.deps.clock();
    const id = t.portal.deps.newId(now);
    const stale = new Date(now.getTime() - 60 * 60_000).toISOString();
    const record = {
      organizationId: 'demo',
      assessmentId: approved,
      dueOn: '2099-01-01',
      state: 'claimed' as const,
      mode: 'create' as const,
      tier: 'high' as const,
      cadenceDays: 30,
      reassessmentId: id,
      createdAt: stale,
      updatedAt: stale,
      decidedBy: null,
      version: 1,
    };
    expect(await t.portal.deps.repos.reassessments.claim(record)).toBe(true);
    expect(await t.portal.deps.repos.reassessments.claim(record)).toBe(false);
    await Promise.all([job(), job()]);
    const made = await t.portal.deps.repos.assessments.get('demo', id);
    expect(made?.previousAssessmentId).toBe(approved);
    expect(made?.status).toBe('invited');
    const records = await t.portal.deps.repos.reassessments.list('demo');
    expect(records.find((r) => r.dueOn === '2099-01-01')?.state).toBe('created');
  });
});
