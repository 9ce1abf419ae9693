import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';
import { putAndSettle, textRecords, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;

beforeAll(async () => {
  t = await startTestPortal({ MAX_SAMPLE_BYTES: '1000000' });
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  gov = await t.staff('governance', 'demo', 'gail@demo.test');
});
afterAll(async () => {
  await t.stop();
});

interface SampleView {
  sampleId: string;
  status: string;
  error: string | null;
  summary: {
    records: number;
    malformed?: number;
    malformedLines?: { line: number; message: string }[];
  } | null;
}

async function upload(token: string, body: string, extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'train.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/x-ndjson',
      ...extra,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const target = await json<UploadTarget & { sampleId: string }>(res);
  await putAndSettle(t, target, body);
  return json<SampleView>(t.call('GET', `/api/vendor/samples/${target.sampleId}`, { token }));
}

describe('samples that cannot be evidence', () => {
  it('counts a broken last line and shows it to the vendor, and still analyzes the rest', async () => {
    const { token } = await invitedAssessment(t, proc);
    const body = `${textRecords(50).join('\n')}\n{"text": "cut off in the mid`;
    const sample = await upload(token, body);
    expect(sample.status).toBe('analyzed');
    expect(sample.summary?.records).toBe(50);
    expect(sample.summary?.malformed).toBe(1);
    expect(sample.summary?.malformedLines?.[0]?.line).toBe(51);
    expect(sample.summary?.malformedLines?.[0]?.message).toMatch(/invalid JSON/);
  });

  it('ends a sample whose records mostly have no text as unusable, says why, and never scores it', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    const empty = Array.from({ length: 40 }, (_, i) => JSON.stringify({ text: '', id: i }));
    // The vendor maps the text to a field that is mostly blank (detection would refuse the file).
    const sample = await upload(token, [...textRecords(10), ...empty].join('\n'), {
      fields: { text: 'text' },
    });
    expect(sample.status).toBe('unusable');
    expect(sample.error).toMatch(/40 of 50 records \(80%\) have no text in the field "text"/);
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const report = await json<{
      samples: unknown[];
      unusableSamples: { fileName: string; role: string; reason: string }[];
      risk: { factors: { id: string }[] };
    }>(t.call('GET', `/api/assessments/${id}/report`, { token: gov }));
    expect(report.samples).toEqual([]);
    expect(report.risk.factors.map((f) => f.id)).toContain('no_sample');
    expect(report.unusableSamples).toEqual([
      expect.objectContaining({ fileName: 'train.jsonl', role: 'training', reason: sample.error }),
    ]);
  });

  it('ends a sample with too many malformed rows as unusable, naming the first bad line', async () => {
    const { token } = await invitedAssessment(t, proc);
    const broken = Array.from({ length: 15 }, (_, i) => `{"text": "broken ${i}"`);
    const sample = await upload(token, [...textRecords(30), ...broken].join('\n'));
    expect(sample.status).toBe('unusable');
    expect(sample.error).toMatch(
      /^line 31: invalid JSON.*15 of 45 rows could not be read.*Fix or remove/,
    );
  });

  it('fails an upload whose text mapping names a field the file lacks, listing the fields found', async () => {
    const { token } = await invitedAssessment(t, proc);
    const sample = await upload(token, textRecords(20, { label: 'a' }).join('\n'), {
      fields: { text: 'body' },
    });
    expect(sample.status).toBe('failed');
    expect(sample.error).toMatch(
      /text field "body" is not in the file "train.jsonl"; fields found: text, label/,
    );
  });

  it('refuses a corrected mapping naming a missing field with 400 when it is set, and accepts a real one', async () => {
    const { token } = await invitedAssessment(t, proc);
    const body = textRecords(20, { meta: { topic: 'x' } }).join('\n');
    const first = await upload(token, body);
    const register = (fields: Record<string, string>) =>
      t.call('POST', '/api/vendor/samples', {
        token,
        body: {
          fileName: 'train.jsonl',
          role: 'training',
          sizeBytes: Buffer.byteLength(body),
          contentType: 'application/x-ndjson',
          fields,
          replaces: first.sampleId,
        },
      });
    const refused = await register({ label: 'category' });
    expect(refused.status).toBe(400);
    const problem = await json<{ detail: string; errors: { path: string; message: string }[] }>(
      refused,
    );
    expect(problem.detail).toBe(
      'The label field "category" is not in the file "train.jsonl"; fields found: text, meta, meta.topic. Name one of these, or leave the label field empty to detect it.',
    );
    expect(problem.errors[0]?.path).toBe('fields.label');
    expect((await register({ label: 'meta.topic' })).status).toBe(201);
  });

  it('refuses a correction of a sample that does not exist in the assessment', async () => {
    const { token } = await invitedAssessment(t, proc);
    const res = await t.call('POST', '/api/vendor/samples', {
      token,
      body: {
        fileName: 'train.jsonl',
        role: 'training',
        sizeBytes: 10,
        contentType: 'application/x-ndjson',
        fields: { text: 'body' },
        replaces: '0'.repeat(26),
      },
    });
    expect(res.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(res)).errors[0]?.path).toBe('replaces');
  });
});
