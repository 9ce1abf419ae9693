import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../functions/core/assessment/types';
import { requestRescore } from '../../functions/rescore/enqueue';
import { createRescoreWorker, type Rescorer } from '../../functions/rescore/handler';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';

let t: TestPortal;
let proc: string;
let gov: string;
beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

type View = Assessment & { reportUpdating: boolean };
const view = (id: string) => json<View>(t.call('GET', `/api/assessments/${id}`, { token: gov }));
const versions = async (id: string) =>
  json<{ items: { version: number; trigger: string }[]; reportUpdating: boolean }>(
    t.call('GET', `/api/assessments/${id}/reports`, { token: gov }),
  );

/** An invited assessment with every answer saved (not submitted). */
async function answered() {
  const a = await invitedAssessment(t, proc);
  await t.call('PUT', '/api/vendor/answers', {
    token: a.token,
    body: { answers: completeAnswers() },
  });
  return a;
}

/** Submits while the re-score queue is held; returns the release. */
async function submitHeld(token: string) {
  const release = t.portal.rescores.hold();
  const res = await t.call('POST', '/api/vendor/submit', { token });
  return { res, release };
}

describe('re-scoring off the request', () => {
  it('answers a submission at once and the report appears once the queue drains', async () => {
    const { id, token } = await answered();
    const { res, release } = await submitHeld(token);
    expect(res.status).toBeLessThan(300);
    const before = await view(id);
    expect(before).toMatchObject({ status: 'submitted', report: null, reportUpdating: true });
    const missing = await t.call('GET', `/api/assessments/${id}/report`, { token: gov });
    expect(missing.status).toBe(404);
    expect((await json<{ detail: string }>(missing)).detail).toMatch(/being scored/);
    expect(await versions(id)).toEqual({ items: [], reportUpdating: true });

    release();
    await t.drain();
    const after = await view(id);
    expect(after.reportUpdating).toBe(false);
    expect(after.report?.version).toBe(1);
    // The re-score wrote the summary without touching the compare-and-set counter.
    expect(after.version).toBe(before.version);
    expect((await versions(id)).items.map((v) => v.trigger)).toEqual(['submission']);
    const events = await json<{ items: { type: string }[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: gov }),
    );
    expect(events.items.filter((e) => e.type === 'scored')).toHaveLength(1);
  });

  it('refuses to approve or reject while the report is updating, and decides once it is ready', async () => {
    const { id, token } = await answered();
    const { release } = await submitHeld(token);
    for (const decision of ['approve', 'reject'] as const) {
      const refused = await t.call('POST', `/api/assessments/${id}/decision`, {
        token: gov,
        body: { decision, comment: 'Checked.' },
      });
      expect(refused.status).toBe(409);
      expect((await json<{ detail: string }>(refused)).detail).toMatch(/report is being updated/);
    }
    release();
    await t.drain();
    const approved = await t.call('POST', `/api/assessments/${id}/decision`, {
      token: gov,
      body: { decision: 'approve', comment: 'Checked.' },
    });
    expect(approved.status).toBe(200);
    expect((await view(id)).report?.version).toBe(1);
  });

  it('coalesces requests that wait in the queue into one run', async () => {
    const { id, token } = await answered();
    const { release } = await submitHeld(token);
    const a = (await t.portal.deps.repos.assessments.get('demo', id)) as Assessment;
    expect(await requestRescore(t.portal.deps, a, 'reference')).toBe(true);
    expect(await requestRescore(t.portal.deps, a, 'reference')).toBe(true);
    release();
    await t.drain();
    const { items, reportUpdating } = await versions(id);
    expect(reportUpdating).toBe(false);
    expect(items.map((v) => v.trigger)).toEqual(['reference, submission']);
  });

  it('lets a reviewer decide on the version read before the re-score, keeping the report', async () => {
    const { id, token } = await answered();
    const { release } = await submitHeld(token);
    const read = await view(id);
    expect(read.report).toBeNull();
    release();
    await t.drain();
    const decided = await t.call('POST', `/api/assessments/${id}/decision`, {
      token: gov,
      body: { decision: 'reject', comment: 'Too synthetic.', version: read.version },
    });
    expect(decided.status, await decided.clone().text()).toBe(200);
    const after = await view(id);
    expect(after).toMatchObject({ status: 'rejected', report: { version: 1 } });
  });

  it('keeps a newer report summary when a change saved from an older read lands after it', async () => {
    const { id, token } = await answered();
    const { release } = await submitHeld(token);
    const stale = (await t.portal.deps.repos.assessments.get('demo', id)) as Assessment;
    release();
    await t.drain();
    const next = { ...stale, version: stale.version + 1, archivedAt: null };
    await t.portal.deps.repos.assessments.save(next, {
      id: t.portal.deps.newId(),
      organizationId: 'demo',
      assessmentId: id,
      at: new Date().toISOString(),
      actor: 'test',
      role: 'system',
      type: 'test_change',
      detail: {},
    });
    const after = await view(id);
    expect(after.version).toBe(stale.version + 1);
    expect(after.report?.version).toBe(1);
    const events = await json<{ items: { type: string }[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: gov }),
    );
    expect(events.items.map((e) => e.type)).toEqual(
      expect.arrayContaining(['scored', 'test_change']),
    );
  });

  it('runs once when SQS delivers the same message twice, even at the same time', async () => {
    const { id, token } = await answered();
    await t.call('POST', '/api/vendor/submit', { token });
    await t.drain();
    await t.portal.deps.repos.rescores.request('demo', id, 'analysis', new Date().toISOString());
    const worker = createRescoreWorker(t.portal.deps);
    const message = { organizationId: 'demo', assessmentId: id };
    const runs = await Promise.all([worker(message), worker(message)]);
    expect(runs.sort()).toEqual([0, 1]);
    expect(await worker(message)).toBe(0);
    expect((await versions(id)).items.map((v) => v.trigger)).toEqual(['submission', 'analysis']);
  });

  it('runs exactly once more for requests that arrive while a run is going on', async () => {
    const { id, token } = await answered();
    await t.call('POST', '/api/vendor/submit', { token });
    await t.drain();
    const { rescores } = t.portal.deps.repos;
    await rescores.request('demo', id, 'analysis', new Date().toISOString());
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const seen: string[] = [];
    const run: Rescorer = async (_deps, _a, trigger) => {
      seen.push(trigger);
      started();
      await gate;
      return undefined;
    };
    const worker = createRescoreWorker(t.portal.deps, run);
    const message = { organizationId: 'demo', assessmentId: id };
    const first = worker(message);
    await running;
    await rescores.request('demo', id, 'reference', new Date().toISOString());
    await rescores.request('demo', id, 'sample deleted', new Date().toISOString());
    expect(await worker(message)).toBe(0); // the lease is held: this delivery leaves it to the run
    open();
    expect(await first).toBe(2);
    expect(seen).toEqual(['analysis', 'reference, sample deleted']);
    const record = await rescores.get('demo', id);
    expect(record?.done).toBe(record?.requested);
  });

  it('finishes a request a crashed process left pending on the next sweep', async () => {
    const { id, token } = await answered();
    await t.call('POST', '/api/vendor/submit', { token });
    await t.drain();
    // Counted on the record, but its message died with the process that sent it.
    const release = t.portal.rescores.hold();
    await t.portal.deps.repos.rescores.request('demo', id, 'analysis', new Date().toISOString());
    expect((await view(id)).reportUpdating).toBe(true);
    await t.portal.sweep();
    release();
    await t.drain();
    expect((await view(id)).reportUpdating).toBe(false);
    expect((await versions(id)).items.map((v) => v.trigger)).toEqual(['submission', 'analysis']);
  });

  it('asks nothing for a decided assessment, whose report stays as it was', async () => {
    const { id, token } = await answered();
    await t.call('POST', '/api/vendor/submit', { token });
    await t.drain();
    await t.call('POST', `/api/assessments/${id}/decision`, {
      token: gov,
      body: { decision: 'reject', comment: 'No.' },
    });
    const a = (await t.portal.deps.repos.assessments.get('demo', id)) as Assessment;
    expect(await requestRescore(t.portal.deps, a, 'reference')).toBe(false);
    expect((await view(id)).reportUpdating).toBe(false);
  });
});
