import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analysisKeys,
  analysisLeaseMs,
  createAnalyzeHandler,
} from '../../functions/analyze/handler';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal({ MAX_SAMPLE_BYTES: '1000000' });
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(async () => {
  await t.stop();
});

const invited = () => invitedAssessment(t, proc);

function jsonl(n: number, seed = 0): string {
  const words = [
    'data',
    'model',
    'river',
    'stone',
    'quiet',
    'market',
    'signal',
    'harbor',
    'pencil',
    'orbit',
  ];
  return Array.from({ length: n }, (_, i) => {
    const text = Array.from(
      { length: 30 },
      (_, j) => words[(i * 7 + j * 3 + seed + ((i * j) % 5)) % words.length],
    ).join(' ');
    return JSON.stringify({ text: `${i} ${text}`, label: i % 3 === 0 ? 'a' : 'b' });
  }).join('\n');
}

interface Upload {
  sampleId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  expiresAt: string;
}

async function register(token: string, body: string, extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'sample <b>1</b>.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
      ...extra,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Upload>(res);
}

async function put(upload: Upload, body: string) {
  const res = await fetch(new URL(upload.uploadUrl, t.portal.url), {
    method: 'PUT',
    headers: upload.uploadHeaders,
    body,
  });
  expect(res.status).toBe(200);
  await t.portal.idle();
}

describe('sample upload and analysis', () => {
  it('presigns a PUT that binds length and type, expires within 15 minutes, and uses a server-built key', async () => {
    const { id, token } = await invited();
    const body = jsonl(20);
    const upload = await register(token, body);
    const url = new URL(upload.uploadUrl, 'http://x');
    expect(url.pathname).toBe(
      `/_s3/${t.portal.deps.config.SAMPLES_BUCKET}/samples/demo/${id}/${upload.sampleId}`,
    );
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(900);
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    );
    expect(decodeURIComponent(url.pathname)).not.toContain('<b>');
    expect(upload.uploadHeaders['x-amz-meta-original-name']).toBe(
      encodeURIComponent('sample <b>1</b>.jsonl'),
    );
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  it('analyzes an uploaded sample from the S3 event and lets staff read the analysis', async () => {
    const { id, token } = await invited();
    const body = `${jsonl(50)}\n${jsonl(10)}`;
    const upload = await register(token, body);
    await put(upload, body);
    const status = await json<{
      status: string;
      sha256: string;
      summary: { records: number; exactRate: number };
    }>(t.call('GET', `/api/vendor/samples/${upload.sampleId}`, { token }));
    expect(status.status).toBe('analyzed');
    expect(status.summary.records).toBe(60);
    expect(status.summary.exactRate).toBeCloseTo(10 / 60, 5);
    const { createHash } = await import('node:crypto');
    expect(status.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    const analysis = await json<{
      input: { records: number };
      duplicates: { clusters: { size: number; texts?: string[] }[] };
    }>(
      t.call('GET', `/api/assessments/${id}/samples/${upload.sampleId}/analysis`, { token: proc }),
    );
    expect(analysis.input.records).toBe(60);
    const shown = analysis.duplicates.clusters.find((c) => c.texts?.length);
    expect(shown?.texts?.[0]).toMatch(/^\d+ /);
  });

  it('ignores a duplicate event: no second analysis, nothing changes', async () => {
    const { token } = await invited();
    const body = jsonl(10);
    const upload = await register(token, body);
    await put(upload, body);
    const view = await json<{ assessment: { id: string } }>(
      t.call('GET', '/api/vendor/assessment', { token }),
    );
    const sample = await t.portal.deps.repos.samples.get(
      'demo',
      view.assessment.id,
      upload.sampleId,
    );
    if (!sample) throw new Error('sample missing');
    const before = JSON.stringify(sample);
    const analyze = createAnalyzeHandler(t.portal.deps);
    await analyze([
      { bucket: t.portal.deps.config.SAMPLES_BUCKET, key: sample.key, size: sample.sizeBytes },
    ]);
    const after = await t.portal.deps.repos.samples.get(
      'demo',
      sample.assessmentId,
      sample.sampleId,
    );
    expect(JSON.stringify(after)).toBe(before);
    expect(analysisKeys(sample).analysis).toBe(sample.analysisKey);
  });

  it('completes on retry after a crash left the sample analyzing, but not while the lease is fresh', async () => {
    const { id, token } = await invited();
    const body = jsonl(12);
    const upload = await register(token, body);
    const { deps } = t.portal;
    const key = `samples/demo/${id}/${upload.sampleId}`;
    const registered = await deps.repos.samples.get('demo', id, upload.sampleId);
    if (!registered) throw new Error('sample missing');
    // A crashed run: the object is stored but the sample was left 'analyzing' (no event replayed yet).
    const crashedAt = new Date(Date.now() - analysisLeaseMs - 1000).toISOString();
    await deps.repos.samples.save({
      ...registered,
      status: 'analyzing',
      updatedAt: crashedAt,
      version: 2,
    });
    await deps.blobs.put(deps.config.SAMPLES_BUCKET, `${key}`, body, {
      contentType: 'application/jsonl',
    });
    await t.portal.idle();
    const done = await deps.repos.samples.get('demo', id, upload.sampleId);
    expect(done?.status).toBe('analyzed');

    const fresh = await deps.repos.samples.get('demo', id, upload.sampleId);
    if (!fresh) throw new Error('sample missing');
    await deps.repos.samples.save({
      ...fresh,
      status: 'analyzing',
      objectETag: null,
      updatedAt: new Date().toISOString(),
      version: fresh.version + 1,
    });
    await createAnalyzeHandler(deps)([
      { bucket: deps.config.SAMPLES_BUCKET, key, size: body.length },
    ]);
    expect((await deps.repos.samples.get('demo', id, upload.sampleId))?.status).toBe('analyzing');
  });

  it('refuses an upload whose length differs from the signed one, and fails a stored file of the wrong size', async () => {
    const { id, token } = await invited();
    const body = jsonl(10);
    const upload = await register(token, body, { sizeBytes: Buffer.byteLength(body) + 5 });
    // the guard in front of the embedded S3 checks the signed length, as S3 does
    const res = await fetch(new URL(upload.uploadUrl, t.portal.url), {
      method: 'PUT',
      headers: upload.uploadHeaders,
      body,
    });
    expect(res.status).toBe(403);
    // should a wrong-sized object still land (behind the guard's back), the analyzer refuses it
    const { deps } = t.portal;
    await deps.blobs.put(
      deps.config.SAMPLES_BUCKET,
      `samples/demo/${id}/${upload.sampleId}`,
      body,
      {
        contentType: 'application/jsonl',
      },
    );
    await t.portal.idle();
    const status = await json<{ status: string; error: string }>(
      t.call('GET', `/api/vendor/samples/${upload.sampleId}`, { token }),
    );
    expect(status.status).toBe('failed');
    expect(status.error).toMatch(/bytes but .* were declared/);
  });

  it('marks a file with too many unreadable rows unusable, with a message naming the line', async () => {
    const { token } = await invited();
    const lines = jsonl(40).split('\n');
    const body = [
      ...lines.slice(0, 5),
      '{"text": broken',
      ...Array.from({ length: 30 }, () => '{nope'),
      ...lines.slice(5),
    ].join('\n');
    const upload = await register(token, body);
    await put(upload, body);
    const status = await json<{ status: string; error: string }>(
      t.call('GET', `/api/vendor/samples/${upload.sampleId}`, { token }),
    );
    expect(status.status).toBe('unusable');
    expect(status.error).toMatch(/line 6/);
  });

  it('refuses a file over the size limit with 413 and a bad file type with 400', async () => {
    const { token } = await invited();
    const big = await t.call('POST', '/api/vendor/samples', {
      token,
      body: { fileName: 'a.csv', role: 'training', sizeBytes: 2_000_000, contentType: 'text/csv' },
    });
    expect(big.status).toBe(413);
    const exe = await t.call('POST', '/api/vendor/samples', {
      token,
      body: { fileName: 'a.exe', role: 'training', sizeBytes: 10, contentType: 'text/csv' },
    });
    expect(exe.status).toBe(400);
  });

  it('re-scores the assessment when an analysis completes and stores an immutable report', async () => {
    const { id, token } = await invited();
    const body = await readFile(new URL('../fixtures/tiny.jsonl', import.meta.url), 'utf8').catch(
      () => jsonl(30),
    );
    const upload = await register(token, body);
    await put(upload, body);
    const reports = await json<{ items: { version: number; trigger: string }[] }>(
      t.call('GET', `/api/assessments/${id}/reports`, { token: proc }),
    );
    expect(reports.items.at(-1)?.trigger).toBe('analysis');
    const report = await json<{
      sha256: string;
      samples: unknown[];
      risk: { factors: { id: string }[] };
    }>(t.call('GET', `/api/assessments/${id}/report`, { token: proc }));
    expect(report.samples.length).toBe(1);
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
