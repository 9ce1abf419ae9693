import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';
import { putAndSettle, textRecords, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let admin: string;
let otherProc: string;

beforeAll(async () => {
  t = await startTestPortal({ MAX_SAMPLE_BYTES: '1000000' });
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  gov = await t.staff('governance', 'demo', 'gail@demo.test');
  admin = await t.staff('admin', 'demo', 'ada@demo.test');
  otherProc = await t.staff('procurement', 'other', 'olga@other.test');
});
afterAll(async () => {
  await t.stop();
});

interface Reference {
  referenceId: string;
  name: string;
  kind: 'human' | 'machine';
  generator: string | null;
  attachedTo: { assessmentId: string }[];
}

interface MachineLine {
  referenceId: string;
  name: string;
  generator: string | null;
  status: string;
  records: number | null;
  usable: boolean;
  message: string;
}

interface Report {
  version: number;
  reference: {
    referenceId: string | null;
    calibrated: boolean;
    mode: 'human' | 'two-sided';
    machine: MachineLine[];
  } | null;
}

const file = (seed: number) => textRecords(60, {}, seed).join('\n');

async function register(token: string, extra: Record<string, unknown>, body = file(0)) {
  return t.call('POST', '/api/references', {
    token,
    body: {
      name: 'Ticket replies by gpt-4o',
      fileName: 'replies.jsonl',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/x-ndjson',
      ...extra,
    },
  });
}

async function uploaded(extra: Record<string, unknown>, seed = 0, token = proc) {
  const body = file(seed);
  const res = await register(token, extra, body);
  expect(res.status, await res.clone().text()).toBe(201);
  const target = await json<UploadTarget & { referenceId: string }>(res);
  await putAndSettle(t, target, body);
  return target.referenceId;
}

async function reportedAssessment() {
  const { id, token } = await invitedAssessment(t, proc);
  await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
  const body = textRecords(40, {}, 7).join('\n');
  const target = await json<UploadTarget>(
    t.call('POST', '/api/vendor/samples', {
      token,
      body: {
        fileName: 'train.jsonl',
        role: 'training',
        sizeBytes: Buffer.byteLength(body),
        contentType: 'application/x-ndjson',
      },
    }),
  );
  await putAndSettle(t, target, body);
  expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
  await t.drain();
  return id;
}

const machinePath = (a: string, r: string) => `/api/assessments/${a}/machine-references/${r}`;
const report = (id: string) =>
  json<Report>(t.call('GET', `/api/assessments/${id}/report`, { token: gov }));

describe('machine references in the library', () => {
  it('registers a machine reference with its generator; human is the default kind', async () => {
    const machine = await uploaded({ kind: 'machine', generator: 'gpt-4o' });
    const human = await uploaded({ name: 'Tickets (human)' }, 1);
    const m = await json<Reference>(t.call('GET', `/api/references/${machine}`, { token: proc }));
    const h = await json<Reference>(t.call('GET', `/api/references/${human}`, { token: proc }));
    expect(m).toMatchObject({ kind: 'machine', generator: 'gpt-4o' });
    expect(h).toMatchObject({ kind: 'human', generator: null });
  });

  it('requires a generator for a machine reference and refuses one for a human reference', async () => {
    for (const body of [
      { kind: 'machine' },
      { kind: 'human', generator: 'gpt-4o' },
      { generator: 'x' },
    ]) {
      const res = await register(proc, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await json<{ errors: { path: string; message: string }[] }>(res);
      expect(problem.errors.map((e) => e.path)).toContain('generator');
    }
    expect((await register(proc, { kind: 'robot', generator: 'x' })).status).toBe(400);
  });

  it('counts machine references toward the library cap of 50', async () => {
    const token = await t.staff('procurement', 'capped', 'cap@capped.test');
    for (let i = 0; i < 49; i++)
      expect((await register(token, { name: `human ${i}` })).status).toBe(201);
    expect((await register(token, { kind: 'machine', generator: 'llama-3' })).status).toBe(201);
    const full = await register(token, { kind: 'machine', generator: 'gpt-4' });
    expect(full.status).toBe(409);
    expect((await json<{ detail: string }>(full)).detail).toMatch(/at most 50/);
  });
});

describe('attaching machine references', () => {
  it('attaches several beside the human reference, idempotently, and reports each with its check', async () => {
    const a = await reportedAssessment();
    const human = await uploaded({ name: 'Tickets (human)' }, 1);
    const gpt = await uploaded({ kind: 'machine', generator: 'gpt-4o' }, 2);
    const llama = await uploaded({ kind: 'machine', name: 'by llama', generator: 'llama-3' }, 3);
    expect(
      (
        await t.call('PUT', `/api/assessments/${a}/reference`, {
          token: gov,
          body: { referenceId: human },
        })
      ).status,
    ).toBe(200);
    for (const r of [gpt, gpt, llama]) {
      const res = await t.call('PUT', machinePath(a, r), { token: gov });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const last = await json<{ machineReferences: Reference[] }>(
      t.call('PUT', machinePath(a, llama), { token: proc }),
    );
    expect(last.machineReferences.map((r) => r.referenceId)).toEqual([gpt, llama]);
    const events = await json<{ items: { type: string; detail: Record<string, unknown> }[] }>(
      t.call('GET', `/api/assessments/${a}/events`, { token: gov }),
    );
    const attached = events.items.filter((e) => e.type === 'machine_reference_attached');
    expect(attached.map((e) => e.detail.generator)).toEqual(['gpt-4o', 'llama-3']);

    // replacing the human reference leaves the machine ones attached
    const human2 = await uploaded({ name: 'Tickets 2 (human)' }, 4);
    await t.call('PUT', `/api/assessments/${a}/reference`, {
      token: gov,
      body: { referenceId: human2 },
    });
    const g = await json<Reference>(t.call('GET', `/api/references/${gpt}`, { token: proc }));
    expect(g.attachedTo.map((x) => x.assessmentId)).toEqual([a]);

    await t.drain();
    const r = await report(a);
    expect(r.reference?.referenceId).toBe(human2);
    expect(['human', 'two-sided']).toContain(r.reference?.mode);
    expect(r.reference?.machine.map((m) => [m.referenceId, m.generator, m.status])).toEqual([
      [gpt, 'gpt-4o', 'analyzed'],
      [llama, 'llama-3', 'analyzed'],
    ]);
    for (const m of r.reference?.machine ?? []) {
      expect(m.records).toBe(60);
      expect(typeof m.usable).toBe('boolean');
      expect(m.message.length).toBeGreaterThan(0);
    }
    // a machine reference that fails its check does not make the estimate two-sided
    if (r.reference?.machine.every((m) => !m.usable)) expect(r.reference.mode).toBe('human');

    const refused = await t.call('DELETE', `/api/references/${gpt}`, { token: proc });
    expect(refused.status).toBe(409);
    expect((await t.call('DELETE', machinePath(a, gpt), { token: proc })).status).toBe(204);
    expect((await t.call('DELETE', machinePath(a, gpt), { token: proc })).status).toBe(404);
    await t.drain();
    const after = await report(a);
    expect(after.version).toBeGreaterThan(r.version);
    expect(after.reference?.machine.map((m) => m.referenceId)).toEqual([llama]);
  });

  it('keeps the two routes apart: a machine reference on the human route and back are 400s', async () => {
    const a = await reportedAssessment();
    const machine = await uploaded({ kind: 'machine', generator: 'gpt-4o' }, 5);
    const human = await uploaded({ name: 'Tickets (human)' }, 6);
    const wrong = await t.call('PUT', `/api/assessments/${a}/reference`, {
      token: proc,
      body: { referenceId: machine },
    });
    expect(wrong.status).toBe(400);
    const problem = await json<{ detail: string; errors: { path: string }[] }>(wrong);
    expect(problem.detail).toMatch(/machine reference.*machine-references/);
    expect(problem.errors[0]?.path).toBe('referenceId');
    const back = await t.call('PUT', machinePath(a, human), { token: proc });
    expect(back.status).toBe(400);
    expect((await json<{ detail: string }>(back)).detail).toMatch(/human reference.*\/reference/);
  });

  it('shows machine references attached without a human one, and asks for one', async () => {
    const a = await reportedAssessment();
    const machine = await uploaded({ kind: 'machine', generator: 'gpt-4o' }, 8);
    expect((await t.call('PUT', machinePath(a, machine), { token: gov })).status).toBe(200);
    await t.drain();
    const r = await report(a);
    expect(r.reference).toMatchObject({ referenceId: null, calibrated: false, mode: 'human' });
    expect(r.reference?.machine.map((m) => m.referenceId)).toEqual([machine]);
  });

  it('is for procurement and governance of the organization only', async () => {
    const a = await reportedAssessment();
    const machine = await uploaded({ kind: 'machine', generator: 'gpt-4o' }, 9);
    expect((await t.call('PUT', machinePath(a, machine), { token: admin })).status).toBe(403);
    expect((await t.call('PUT', machinePath(a, machine), { token: otherProc })).status).toBe(404);
    const theirs = await uploaded({ kind: 'machine', generator: 'gpt-4o' }, 10, otherProc);
    expect((await t.call('PUT', machinePath(a, theirs), { token: proc })).status).toBe(404);
    expect((await t.call('PUT', machinePath(a, 'nope'), { token: proc })).status).toBe(400);
  });
});
