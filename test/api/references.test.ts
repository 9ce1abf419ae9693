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
  description: string;
  role: string;
  status: string;
  error: string | null;
  summary: { records: number } | null;
  attachedTo: { assessmentId: string }[];
}

interface Report {
  version: number;
  reference: { name: string; status: string; calibrated: boolean } | null;
  samples: {
    synthetic: { reference?: { selfTest: { usable: boolean }; records: number } };
  }[];
}

const humanFile = textRecords(60).join('\n');

async function createReference(token: string, body: string, extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/references', {
    token,
    body: {
      name: 'Support tickets 2024 (human)',
      description: 'Our own tickets, written before any AI tooling.',
      fileName: 'tickets.jsonl',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/x-ndjson',
      ...extra,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<UploadTarget & { referenceId: string }>(res);
}

async function uploadedReference(token = proc) {
  const target = await createReference(token, humanFile);
  await putAndSettle(t, target, humanFile);
  return target.referenceId;
}

/** An assessment whose vendor submitted answers and one analyzed training sample. */
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

const report = (id: string) =>
  json<Report>(t.call('GET', `/api/assessments/${id}/report`, { token: gov }));

describe('reference library', () => {
  it('uploads a named, described reference that is analyzed like a vendor sample', async () => {
    const id = await uploadedReference();
    const ref = await json<Reference>(t.call('GET', `/api/references/${id}`, { token: gov }));
    expect(ref).toMatchObject({
      name: 'Support tickets 2024 (human)',
      description: 'Our own tickets, written before any AI tooling.',
      role: 'reference',
      status: 'analyzed',
      error: null,
      attachedTo: [],
    });
    expect(ref.summary?.records).toBe(60);
    const list = await json<{ items: Reference[] }>(
      t.call('GET', '/api/references', { token: proc }),
    );
    expect(list.items.map((r) => r.referenceId)).toContain(id);
  });

  it('refuses a reference without a name, with the field named', async () => {
    const res = await t.call('POST', '/api/references', {
      token: proc,
      body: { fileName: 'a.jsonl', sizeBytes: 10, contentType: 'application/x-ndjson' },
    });
    expect(res.status).toBe(400);
    const problem = await json<{ errors: { path: string }[] }>(res);
    expect(problem.errors.map((e) => e.path)).toContain('name');
  });

  it('refuses a file over the sample limit with 413', async () => {
    const res = await t.call('POST', '/api/references', {
      token: proc,
      body: {
        name: 'big',
        fileName: 'big.jsonl',
        sizeBytes: 2_000_000,
        contentType: 'application/x-ndjson',
      },
    });
    expect(res.status).toBe(413);
    expect((await json<{ detail: string }>(res)).detail).toMatch(/limit is 1000000 bytes/);
  });

  it('keeps references inside the organization and away from admins', async () => {
    const id = await uploadedReference();
    expect((await t.call('GET', `/api/references/${id}`, { token: otherProc })).status).toBe(404);
    const theirs = await json<{ items: Reference[] }>(
      t.call('GET', '/api/references', { token: otherProc }),
    );
    expect(theirs.items.map((r) => r.referenceId)).not.toContain(id);
    expect((await t.call('GET', '/api/references', { token: admin })).status).toBe(403);
  });

  it('attaches to an assessment, re-scores with the calibrated section, and detaches', async () => {
    const a = await reportedAssessment();
    const before = await report(a);
    expect(before.reference).toBeNull();
    const ref = await uploadedReference();
    const res = await t.call('PUT', `/api/assessments/${a}/reference`, {
      token: gov,
      body: { referenceId: ref },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await t.drain();
    const attached = await report(a);
    expect(attached.version).toBe(before.version + 1);
    expect(attached.reference).toMatchObject({
      name: 'Support tickets 2024 (human)',
      status: 'analyzed',
    });
    expect(attached.samples[0]?.synthetic.reference?.records).toBe(60);
    expect(typeof attached.samples[0]?.synthetic.reference?.selfTest.usable).toBe('boolean');
    const events = await json<{ items: { type: string; detail: Record<string, unknown> }[] }>(
      t.call('GET', `/api/assessments/${a}/events`, { token: gov }),
    );
    expect(events.items.find((e) => e.type === 'reference_attached')?.detail).toEqual({
      reference: 'Support tickets 2024 (human)',
    });

    const refused = await t.call('DELETE', `/api/references/${ref}`, { token: proc });
    expect(refused.status).toBe(409);
    expect((await json<{ detail: string }>(refused)).detail).toMatch(
      /Acme Instructions v3.*detach/,
    );

    expect(
      (await t.call('DELETE', `/api/assessments/${a}/reference`, { token: proc })).status,
    ).toBe(204);
    await t.drain();
    const detached = await report(a);
    expect(detached.version).toBe(attached.version + 1);
    expect(detached.reference).toBeNull();
    expect(detached.samples[0]?.synthetic.reference).toBeUndefined();
    expect(
      (await t.call('DELETE', `/api/assessments/${a}/reference`, { token: proc })).status,
    ).toBe(404);

    expect((await t.call('DELETE', `/api/references/${ref}`, { token: proc })).status).toBe(204);
    expect((await t.call('GET', `/api/references/${ref}`, { token: proc })).status).toBe(404);
  });

  it('re-scores an assessment when its attached reference finishes analysis', async () => {
    const a = await reportedAssessment();
    const target = await createReference(proc, humanFile);
    const attach = await t.call('PUT', `/api/assessments/${a}/reference`, {
      token: proc,
      body: { referenceId: target.referenceId },
    });
    expect(attach.status).toBe(200);
    await t.drain();
    const waiting = await report(a);
    expect(waiting.reference?.status).toBe('awaiting_upload');
    expect(waiting.samples[0]?.synthetic.reference).toBeUndefined();
    await putAndSettle(t, target, humanFile);
    const done = await report(a);
    expect(done.version).toBe(waiting.version + 1);
    expect(done.reference?.status).toBe('analyzed');
    expect(done.samples[0]?.synthetic.reference?.records).toBe(60);
  });

  it('replaces the attached reference when another is attached', async () => {
    const a = await reportedAssessment();
    const first = await uploadedReference();
    const second = await uploadedReference();
    for (const referenceId of [first, second]) {
      const res = await t.call('PUT', `/api/assessments/${a}/reference`, {
        token: proc,
        body: { referenceId },
      });
      expect(res.status).toBe(200);
    }
    const one = await json<Reference>(t.call('GET', `/api/references/${first}`, { token: proc }));
    const two = await json<Reference>(t.call('GET', `/api/references/${second}`, { token: proc }));
    expect(one.attachedTo).toEqual([]);
    expect(two.attachedTo.map((x) => x.assessmentId)).toEqual([a]);
  });

  it('refuses to attach a reference of another organization or an unknown one (404)', async () => {
    const a = await reportedAssessment();
    const theirs = await createReference(otherProc, humanFile);
    const res = await t.call('PUT', `/api/assessments/${a}/reference`, {
      token: proc,
      body: { referenceId: theirs.referenceId },
    });
    expect(res.status).toBe(404);
    expect((await json<{ detail: string }>(res)).detail).toMatch(/library/);
  });

  it('refuses a reference whose text mapping names a missing field, naming it and the fields found', async () => {
    const target = await createReference(proc, humanFile, { fields: { text: 'body' } });
    await putAndSettle(t, target, humanFile);
    const ref = await json<Reference>(
      t.call('GET', `/api/references/${target.referenceId}`, { token: proc }),
    );
    expect(ref.status).toBe('failed');
    expect(ref.error).toMatch(
      /text field "body" is not in the file "tickets.jsonl"; fields found: text/,
    );
  });
});

describe('references above one PUT', () => {
  it('are refused at 5 GiB even where samples may be larger (one presigned PUT cannot carry more)', async () => {
    const big = await startTestPortal({ MAX_SAMPLE_BYTES: String(500 * 1024 ** 3) });
    try {
      const token = await big.staff('procurement', 'demo', 'pat@demo.test');
      const res = await big.call('POST', '/api/references', {
        token,
        body: {
          name: 'big',
          fileName: 'big.jsonl',
          sizeBytes: 6 * 1024 ** 3,
          contentType: 'application/x-ndjson',
        },
      });
      expect(res.status).toBe(413);
      expect((await json<{ detail: string }>(res)).detail).toMatch(/limit is 5368709120 bytes/);
    } finally {
      await big.stop();
    }
  });
});
