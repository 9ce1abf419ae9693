import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';
import {
  bigJsonl,
  complete,
  MiB,
  multipartEnv,
  partUrls,
  putParts,
  registerBig,
} from './multipart-helpers';

let t: TestPortal;
let proc: string;
// 3 parts of 5 MiB, 5 MiB and the rest.
const file = bigJsonl(11);
beforeAll(async () => {
  t = await startTestPortal(multipartEnv);
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
}, 60_000);
afterAll(async () => {
  await t.stop();
});

interface Parts {
  partSize: number;
  partCount: number;
  parts: { partNumber: number; etag: string; sizeBytes: number }[];
  missing: number[];
  uploadedBytes: number;
}
const problem = (res: Response) =>
  json<{ status: number; detail: string; errors?: { path: string; message: string }[] }>(res);

describe('multipart uploads of big samples', () => {
  it('registers, presigns parts, lists what arrived, resumes, completes and analyzes', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const reg = await registerBig(t, token, file);
    expect(reg.upload).toMatchObject({ mode: 'multipart', partSize: 5 * MiB, partCount: 3 });
    expect(reg.uploadUrl).toBeUndefined();
    const first = await putParts(t, token, reg, file, [1]);
    // An interrupted client lists the parts S3 holds and sends only the rest.
    const listed = await json<Parts>(
      t.call('GET', `/api/vendor/samples/${reg.sampleId}/parts`, { token }),
    );
    expect(listed.parts.map((p) => [p.partNumber, p.sizeBytes])).toEqual([[1, 5 * MiB]]);
    expect(listed.parts[0]?.etag).toBe(first.get(1)?.replace(/"/g, ''));
    expect(listed.missing).toEqual([2, 3]);
    expect(listed.uploadedBytes).toBe(5 * MiB);
    const rest = await putParts(t, token, reg, file, listed.missing);
    const parts = [
      { partNumber: 1, etag: listed.parts[0]?.etag ?? '' },
      ...[...rest].map(([partNumber, etag]) => ({ partNumber, etag })),
    ];
    const done = await complete(t, token, reg.sampleId, parts);
    expect(done.status, await done.clone().text()).toBe(200);
    await t.portal.idle();
    const sample = await json<{ status: string; sizeBytes: number; sha256: string; upload: null }>(
      t.call('GET', `/api/vendor/samples/${reg.sampleId}`, { token }),
    );
    expect(sample.status).toBe('analyzed');
    expect(sample.upload).toBeNull();
    const { createHash } = await import('node:crypto');
    expect(sample.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    const report = await json<{ samples: { input: { bytes: number } }[] }>(
      t.call('GET', `/api/assessments/${id}/report`, { token: proc }),
    );
    expect(report.samples[0]?.input.bytes).toBe(file.length);
    // Once complete, the upload is gone: listing or completing again is a conflict.
    const again = await t.call('GET', `/api/vendor/samples/${reg.sampleId}/parts`, { token });
    expect(again.status).toBe(409);
  }, 120_000);

  it('refuses a wrong ETag, a missing part and a part number out of range, naming each', async () => {
    const { token } = await invitedAssessment(t, proc);
    const reg = await registerBig(t, token, file);
    const etags = await putParts(t, token, reg, file, [1, 2]);
    const wrong = await complete(t, token, reg.sampleId, [
      { partNumber: 1, etag: etags.get(1) ?? '' },
      { partNumber: 2, etag: '"0123456789abcdef0123456789abcdef"' },
      { partNumber: 3, etag: '"0123456789abcdef0123456789abcdef"' },
    ]);
    expect(wrong.status).toBe(400);
    const body = await problem(wrong);
    expect(body.errors?.map((e) => e.path)).toEqual(['parts.1.etag', 'parts.2.partNumber']);
    expect(body.errors?.[1]?.message).toContain('part 3 has not been uploaded');
    const short = await complete(t, token, reg.sampleId, [
      { partNumber: 1, etag: etags.get(1) ?? '' },
    ]);
    expect((await problem(short)).errors?.at(-1)).toEqual({
      path: 'parts',
      message: 'list all 3 parts; missing: 2, 3',
    });
    const range = await t.call('POST', `/api/vendor/samples/${reg.sampleId}/parts`, {
      token,
      body: { partNumbers: [1, 4] },
    });
    expect(range.status).toBe(400);
    expect((await problem(range)).errors?.[0]?.path).toBe('partNumbers.1');
    const malformed = await complete(t, token, reg.sampleId, [{ partNumber: 1, etag: 'nope' }]);
    expect(malformed.status).toBe(400);
    expect((await problem(malformed)).errors?.[0]?.path).toBe('parts.0.etag');
    const zero = await t.call('POST', `/api/vendor/samples/${reg.sampleId}/parts`, {
      token,
      body: { partNumbers: [0] },
    });
    expect((await problem(zero)).errors?.[0]?.path).toBe('partNumbers.0');
    // Nothing was completed: the sample still waits for its file.
    const sample = await json<{ status: string }>(
      t.call('GET', `/api/vendor/samples/${reg.sampleId}`, { token }),
    );
    expect(sample.status).toBe('awaiting_upload');
  }, 60_000);

  it('aborts: the parts are discarded and the sample and its slot released', async () => {
    const { token } = await invitedAssessment(t, proc);
    const reg = await registerBig(t, token, file);
    await putParts(t, token, reg, file, [1]);
    const res = await t.call('DELETE', `/api/vendor/samples/${reg.sampleId}/upload`, { token });
    expect(res.status).toBe(204);
    expect((await t.call('GET', `/api/vendor/samples/${reg.sampleId}`, { token })).status).toBe(
      404,
    );
    // 20 more registrations fit: the aborted one gave its slot back.
    const view = await json<{ samples: unknown[] }>(
      t.call('GET', '/api/vendor/assessment', { token }),
    );
    expect(view.samples).toEqual([]);
    for (let i = 0; i < 20; i++) {
      const r = await t.call('POST', '/api/vendor/samples', {
        token,
        body: {
          fileName: 'a.jsonl',
          role: 'holdout',
          sizeBytes: 10,
          contentType: 'application/jsonl',
        },
      });
      expect(r.status, `registration ${i + 1}`).toBe(201);
    }
  }, 60_000);

  it('keeps other assessments out, and says the size limit', async () => {
    const a = await invitedAssessment(t, proc);
    const b = await invitedAssessment(t, proc);
    const reg = await registerBig(t, a.token, file);
    for (const [method, path, body] of [
      ['GET', 'parts', undefined],
      ['POST', 'parts', { partNumbers: [1] }],
      [
        'POST',
        'complete',
        { parts: [{ partNumber: 1, etag: '0123456789abcdef0123456789abcdef' }] },
      ],
      ['DELETE', 'upload', undefined],
    ] as const) {
      const res = await t.call(method, `/api/vendor/samples/${reg.sampleId}/${path}`, {
        token: b.token,
        body,
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // The sample is untouched by those attempts.
    await partUrls(t, a.token, reg.sampleId, [1]);
    const big = await t.call('POST', '/api/vendor/samples', {
      token: a.token,
      body: {
        fileName: 'huge.jsonl',
        role: 'training',
        sizeBytes: 6 * 1024 ** 3,
        contentType: 'application/jsonl',
      },
    });
    expect(big.status).toBe(413);
    expect((await problem(big)).detail).toContain('the limit is 5 GiB');
  }, 60_000);
});
