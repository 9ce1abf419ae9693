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
let admin: string;
beforeAll(async () => {
  ({ t, proc, gov, admin } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

const events = async (id: string) =>
  (
    await json<{ items: unknown[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: proc }),
    )
  ).items.length;

const vendorVersion = async (token: string) =>
  (await json<{ version: number }>(t.call('GET', '/api/vendor/assessment', { token }))).version;

function lines(n: number): string {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({ text: `record ${i} about rivers, stones and quiet harbors number ${i * 7}` }),
  ).join('\n');
}

async function register(token: string, body: string) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'train.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
    },
  });
  expect(res.status).toBe(201);
  return json<{ sampleId: string; uploadUrl: string; uploadHeaders: Record<string, string> }>(res);
}

async function put(
  upload: { uploadUrl: string; uploadHeaders: Record<string, string> },
  body: string,
) {
  expect(upload.uploadUrl).toMatch(/^http:\/\/[^/]+\/_s3\//);
  const res = await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.uploadHeaders, body });
  expect(res.status).toBe(200);
  await t.portal.idle();
}

async function submitAndApprove(id: string, token: string) {
  expect(
    (await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } }))
      .status,
  ).toBe(200);
  expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
  await t.drain();
  const approved = await t.call('POST', `/api/assessments/${id}/decision`, {
    token: gov,
    body: { decision: 'approve', comment: 'Reviewed.' },
  });
  expect(approved.status, await approved.clone().text()).toBe(200);
}

const staffView = (id: string) =>
  json<{ status: string; version: number; report: { version: number; sha256: string } | null }>(
    t.call('GET', `/api/assessments/${id}`, { token: proc }),
  );

describe('samples are frozen once the assessment leaves the vendor (#10.6)', () => {
  it('ignores a replacement upload after approval: same sample, same report, no event', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const body = lines(30);
    const upload = await register(token, body);
    await put(upload, body);
    await submitAndApprove(id, token);
    const sampleBefore = await t.portal.deps.repos.samples.get('demo', id, upload.sampleId);
    const before = await staffView(id);
    const eventsBefore = await events(id);
    expect(before.status).toBe('approved');
    expect(before.report?.version).toBeGreaterThan(0);

    // The guard refuses the re-PUT (the URL signs If-None-Match: *); should bytes still land
    // behind its back, the analyzer ignores them.
    const again = await fetch(upload.uploadUrl, {
      method: 'PUT',
      headers: upload.uploadHeaders,
      body: body.toUpperCase(), // same length, different bytes
    });
    expect(again.status).toBe(403);
    const key = `samples/demo/${id}/${upload.sampleId}`;
    await t.portal.deps.blobs.put(t.portal.deps.config.SAMPLES_BUCKET, key, body.toUpperCase(), {
      contentType: 'application/jsonl',
    });
    await t.portal.idle();
    const sampleAfter = await t.portal.deps.repos.samples.get('demo', id, upload.sampleId);
    expect(sampleAfter?.sha256).toBe(sampleBefore?.sha256);
    expect(sampleAfter?.version).toBe(sampleBefore?.version);
    expect(await staffView(id)).toEqual(before);
    expect(await events(id)).toBe(eventsBefore);
  });

  it('analyzes a first upload that lands after the decision without changing the decided report', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const body = lines(25);
    const upload = await register(token, body);
    await submitAndApprove(id, token);
    const before = await staffView(id);
    await put(upload, body);
    const sample = await t.portal.deps.repos.samples.get('demo', id, upload.sampleId);
    expect(sample?.status).toBe('analyzed');
    expect(await staffView(id)).toEqual(before);
    const reports = await t.portal.deps.repos.reports.list('demo', id);
    expect(reports.at(-1)?.version).toBe(before.report?.version);
  });
});

describe('a refused revoke changes nothing (#10.7)', () => {
  it('answers 409 after submission and leaves the link working, with no event', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    expect(
      (await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } }))
        .status,
    ).toBe(200);
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const count = await events(id);
    const res = await t.call('DELETE', `/api/assessments/${id}/invitations`, { token: proc });
    expect(res.status).toBe(409);
    expect((await json<Problem>(res)).detail).toMatch(/submitted/);
    expect((await t.call('GET', '/api/vendor/assessment', { token })).status).toBe(200);
    expect(await events(id)).toBe(count);
  });
});

describe('the creator may not approve, whatever the case of the e-mail (#10.8)', () => {
  it('refuses approval by PAT@demo.test of an assessment pat@demo.test created', async () => {
    const creator = await t.staff('procurement', 'demo', 'Pat.Case@demo.test');
    const sameGov = await t.staff('governance', 'demo', 'PAT.CASE@DEMO.TEST');
    const { id, token } = await invitedAssessment(t, creator);
    expect(
      (await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } }))
        .status,
    ).toBe(200);
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const res = await t.call('POST', `/api/assessments/${id}/decision`, {
      token: sameGov,
      body: { decision: 'approve', comment: 'Reviewed.' },
    });
    expect(res.status).toBe(403);
    expect((await json<Problem>(res)).detail).toMatch(/someone else must approve/);
  });
});

describe('the 20-sample cap holds under concurrency (#10.9)', () => {
  it('takes exactly 20 of 40 concurrent slots with one conditional counter', async () => {
    const { id } = await invitedAssessment(t, proc);
    const samples = t.portal.deps.repos.samples;
    const taken = await Promise.all(
      Array.from({ length: 40 }, () => samples.reserveSlot('demo', id, 0, 20)),
    );
    expect(taken.filter(Boolean).length).toBe(20);
  });

  it('never holds more than 20 samples under 40 concurrent registrations', async () => {
    // A registration replaces the earlier sample of its role and gives its slot back, so more
    // than 20 may succeed over time; what must hold is the cap on samples kept at once.
    const { id, token } = await invitedAssessment(t, proc);
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        t.call('POST', '/api/vendor/samples', {
          token,
          body: {
            fileName: 'a.jsonl',
            role: 'training',
            sizeBytes: 10,
            contentType: 'application/jsonl',
          },
        }),
      ),
    );
    for (const r of results) expect([201, 409]).toContain(r.status);
    const kept = await t.portal.deps.repos.samples.list('demo', id);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(20);
  });
});

describe('cursors are checked for shape (#10.10)', () => {
  const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const forged = [
    ['missing sort key', { PK: 'ORG#demo' }],
    ['foreign sort key', { PK: 'ORG#demo', SK: 'ZZZ#1' }],
    ['extra attribute', { PK: 'ORG#demo', SK: 'ASMT#01jaaaaaaaaaaaaaaaaaaaaaaa', X: 'y' }],
    ['number value', { PK: 'ORG#demo', SK: 7 }],
    ['array', ['ORG#demo']],
    ['oversized value', { PK: 'ORG#demo', SK: `ASMT#${'a'.repeat(1500)}` }],
  ] as const;
  for (const [name, key] of forged) {
    it(`refuses a forged cursor inside one's own organization (${name}) with 400`, async () => {
      const res = await t.call('GET', `/api/assessments?cursor=${cursor(key)}`, { token: proc });
      expect(res.status).toBe(400);
      expect((await json<Problem>(res)).errors?.[0]?.path).toBe('cursor');
    });
  }

  it('refuses a table cursor on the by-status list and a status cursor of another status', async () => {
    const table = { PK: 'ORG#demo', SK: 'ASMT#01jaaaaaaaaaaaaaaaaaaaaaaa' };
    const other = {
      ...table,
      GSI1PK: 'ORG#demo#STATUS#approved',
      GSI1SK: '01jaaaaaaaaaaaaaaaaaaaaaaa',
    };
    for (const key of [table, other]) {
      const res = await t.call('GET', `/api/assessments?status=draft&cursor=${cursor(key)}`, {
        token: proc,
      });
      expect(res.status).toBe(400);
    }
  });

  it('still pages through real cursors, with and without a status', async () => {
    for (let i = 0; i < 3; i++)
      await t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() });
    for (const filter of ['', '&status=draft']) {
      const first = await json<{ items: { id: string }[]; nextCursor: string }>(
        t.call('GET', `/api/assessments?limit=1${filter}`, { token: proc }),
      );
      const next = await t.call(
        'GET',
        `/api/assessments?limit=1${filter}&cursor=${first.nextCursor}`,
        {
          token: proc,
        },
      );
      expect(next.status).toBe(200);
      const second = await json<{ items: { id: string }[] }>(next);
      expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    }
  });
});

describe('hostile answer bodies (#10.11, #10.13)', () => {
  it('refuses an answer nested 5,000 deep with 400 and keeps the version', async () => {
    const { token } = await invitedAssessment(t, proc);
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const res = await t.call('PUT', '/api/vendor/answers', {
      token,
      body: `{"answers":{"dataset_name":${deep}}}`,
    });
    expect(res.status).toBe(400);
    const problem = await json<Problem>(res);
    expect(problem.errors?.[0]?.path).toMatch(/^answers\.dataset_name/);
    expect(problem.errors?.[0]?.message).toMatch(/nested deeper than 20 levels/);
    expect(await vendorVersion(token)).toBe(2); // 1 at creation, 2 after the invitation
  });

  it('refuses NUL and lone surrogates in text answers, naming the answer', async () => {
    const { token } = await invitedAssessment(t, proc);
    for (const bad of ['"Acme\\u0000Corpus"', '"Acme \\ud800 Corpus"', '"\\udc00"']) {
      const res = await t.call('PUT', '/api/vendor/answers', {
        token,
        body: `{"answers":{"dataset_name":${bad}}}`,
      });
      expect(res.status, bad).toBe(400);
      const problem = await json<Problem>(res);
      expect(problem.errors?.[0]?.path).toBe('answers.dataset_name');
      expect(problem.errors?.[0]?.message).toMatch(/NUL|lone surrogate/);
    }
    const ok = await t.call('PUT', '/api/vendor/answers', {
      token,
      body: '{"answers":{"dataset_name":"Acme 😀 Corpus"}}',
    });
    expect(ok.status).toBe(200);
  });

  it('refuses answers.__proto__ without a version bump or an event', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const count = await events(id);
    for (const key of ['__proto__', 'constructor']) {
      const res = await t.call('PUT', '/api/vendor/answers', {
        token,
        body: `{"answers":{"${key}":{"dataset_name":"x"}}}`,
      });
      expect(res.status).toBe(400);
      expect((await json<Problem>(res)).errors?.[0]?.path).toBe(`answers.${key}`);
    }
    expect(await vendorVersion(token)).toBe(2); // 1 at creation, 2 after the invitation
    expect(await events(id)).toBe(count);
  });
});

describe('due dates are real calendar dates (#10.13)', () => {
  const create = (dueAt: string) =>
    t.call('POST', '/api/assessments', {
      token: proc,
      body: newAssessmentBody(new Date(), { dueAt }),
    });
  it.each([
    '2027-02-31',
    '2027-02-29',
    '2027-04-31',
    '2027-13-01',
    '2027-06-01T25:00:00Z',
    '2027-06-01T10:00:00+24:00',
  ])('refuses %s with 400 on dueAt', async (dueAt) => {
    const res = await create(dueAt);
    expect(res.status).toBe(400);
    expect((await json<Problem>(res)).errors?.[0]?.path).toBe('dueAt');
  });
  it.each(['2027-02-28', '2028-02-29', '2027-06-01T10:00Z', '2027-06-01T10:00:00.250+02:00'])(
    'accepts %s',
    async (dueAt) => {
      expect((await create(dueAt)).status).toBe(201);
    },
  );
});

describe('dev clock and reminders are for admins of the organization (#10.12)', () => {
  it('refuses procurement and governance with 403', async () => {
    for (const token of [proc, gov]) {
      expect(
        (await t.call('PUT', '/api/dev/clock', { token, body: { offsetDays: 0 } })).status,
      ).toBe(403);
      expect((await t.call('POST', '/api/dev/reminders', { token })).status).toBe(403);
    }
  });

  it("runs reminders only for the caller's organization", async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const a = await json<{ id: string }>(
      t.call('POST', '/api/assessments', {
        token: proc,
        body: newAssessmentBody(new Date(), { dueAt: soon }),
      }),
    );
    await t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc });
    const otherAdmin = await t.staff('admin', 'other-org', 'root@other.test');
    const foreign = await json<{ sent: number }>(
      t.call('POST', '/api/dev/reminders', { token: otherAdmin }),
    );
    expect(foreign.sent).toBe(0);
    const own = await json<{ sent: number }>(
      t.call('POST', '/api/dev/reminders', { token: admin }),
    );
    expect(own.sent).toBeGreaterThanOrEqual(1);
  });
});
