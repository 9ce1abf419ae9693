import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { putAndSettle, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;

beforeAll(async () => {
  ({ t, proc } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
});
afterAll(async () => {
  await t.stop();
});

interface SampleView {
  sampleId: string;
  status: string;
  error: string | null;
  sha256: string | null;
  summary: { records: number; fields: Record<string, unknown> } | null;
}
interface Fields {
  fields: { path: string; textLike: boolean; examples: string[] }[];
  chosen: Record<string, unknown>;
  overrides: Record<string, string>;
}

const words = ['harbor', 'ledger', 'quiet', 'orbit', 'pencil', 'signal', 'meadow', 'copper'];
const phrase = (i: number, k: number) =>
  Array.from({ length: 18 }, (_, j) => words[(i * 3 + j * k + ((i * j) % 5)) % words.length]).join(
    ' ',
  );
/** Records with two text-like fields (a prompt and the answer) and a label. */
const twoFields = Array.from({ length: 50 }, (_, i) =>
  JSON.stringify({
    prompt: `Question ${i}: ${phrase(i, 3)}?`,
    answer: `Answer ${i}: ${phrase(i, 5)}.`,
    topic: i % 2 ? 'a' : 'b',
  }),
).join('\n');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function uploadSample(token: string, body: string, extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'pairs.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
      ...extra,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const target = await json<UploadTarget & { sampleId: string }>(res);
  await putAndSettle(t, target, body);
  return target.sampleId;
}

const sampleOf = (token: string, id: string) =>
  json<SampleView>(t.call('GET', `/api/vendor/samples/${id}`, { token }));

describe('vendor field mapping', () => {
  it('lists the detected fields of the stored file, with examples and the chosen text field', async () => {
    const { token } = await invitedAssessment(t, proc);
    const id = await uploadSample(token, twoFields, { fields: { text: 'prompt' } });
    const res = await t.call('GET', `/api/vendor/samples/${id}/fields`, { token });
    expect(res.status).toBe(200);
    const body = await json<Fields>(res);
    expect(body.fields.map((f) => f.path)).toEqual(['prompt', 'answer', 'topic']);
    expect(body.fields.filter((f) => f.textLike).map((f) => f.path)).toEqual(['prompt', 'answer']);
    expect(body.fields[0]?.examples[0]).toMatch(/^Question 0: /);
    expect(body.chosen.text).toBe('prompt');
    expect(body.overrides).toEqual({ text: 'prompt' });
  });

  it('re-analyzes the stored file with a new mapping, without a new upload, and records it', async () => {
    const { id: assessmentId, token } = await invitedAssessment(t, proc);
    const id = await uploadSample(token, twoFields, { fields: { text: 'prompt' } });
    const before = await sampleOf(token, id);
    expect(before.summary?.fields.text).toBe('prompt');
    const res = await t.call('PUT', `/api/vendor/samples/${id}/fields`, {
      token,
      body: { fields: { text: 'answer' } },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    expect((await json<SampleView>(res)).status).toBe('analyzing');
    await t.drain();
    const after = await sampleOf(token, id);
    expect(after.status).toBe('analyzed');
    expect(after.summary?.fields.text).toBe('answer');
    expect(after.sha256).toBe(before.sha256);
    const events = await json<{ items: { type: string; detail: Record<string, unknown> }[] }>(
      t.call('GET', `/api/assessments/${assessmentId}/events`, { token: proc }),
    );
    const changed = events.items.find((e) => e.type === 'sample_fields_changed');
    expect(changed?.detail).toMatchObject({
      fields: { text: 'answer' },
      fieldsBefore: { text: 'prompt' },
    });
  });

  it('refuses a field the stored file lacks, naming the fields found', async () => {
    const { token } = await invitedAssessment(t, proc);
    const id = await uploadSample(token, twoFields, { fields: { text: 'prompt' } });
    const res = await t.call('PUT', `/api/vendor/samples/${id}/fields`, {
      token,
      body: { fields: { text: 'reply' } },
    });
    expect(res.status).toBe(400);
    const problem = await json<{ errors: { path: string; message: string }[] }>(res);
    expect(problem.errors[0]?.path).toBe('fields.text');
    expect(problem.errors[0]?.message).toContain('prompt, answer, topic');
    expect((await sampleOf(token, id)).status).toBe('analyzed');
  });

  it('refuses a mapping change once the assessment is submitted', async () => {
    const { token } = await invitedAssessment(t, proc);
    const id = await uploadSample(token, twoFields, { fields: { text: 'prompt' } });
    const { completeAnswers } = await import('./answers');
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    const res = await t.call('PUT', `/api/vendor/samples/${id}/fields`, {
      token,
      body: { fields: { text: 'answer' } },
    });
    expect(res.status).toBe(409);
    expect((await json<{ detail: string }>(res)).detail).toContain('open for your edits');
  });

  it('refuses a re-upload that claims to be the same file but is not, and keeps the old one', async () => {
    const { token } = await invitedAssessment(t, proc);
    const first = await uploadSample(token, twoFields, { fields: { text: 'answer' } });
    const declared = sha(twoFields);
    expect((await sampleOf(token, first)).sha256).toBe(declared);
    const wrongSize = await t.call('POST', '/api/vendor/samples', {
      token,
      body: {
        fileName: 'pairs.jsonl',
        role: 'training',
        sizeBytes: Buffer.byteLength(twoFields) + 1,
        contentType: 'application/jsonl',
        sha256: declared,
        replaces: first,
      },
    });
    expect(wrongSize.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(wrongSize)).errors[0]?.path).toBe(
      'sizeBytes',
    );
    const other = twoFields.replace('Question 0', 'Question X');
    const second = await uploadSample(token, other, { sha256: declared, replaces: first });
    const refused = await sampleOf(token, second);
    expect(refused.status).toBe('failed');
    expect(refused.error).toContain('is not the file it was declared to be');
    expect(refused.error).toContain(sha(other));
    expect((await sampleOf(token, first)).status).toBe('analyzed');
  });

  it('accepts a re-upload of the same file with its declared SHA-256', async () => {
    const { token } = await invitedAssessment(t, proc);
    const first = await uploadSample(token, twoFields, { fields: { text: 'answer' } });
    const second = await uploadSample(token, twoFields, {
      sha256: sha(twoFields),
      replaces: first,
      fields: { text: 'prompt' },
    });
    expect((await sampleOf(token, second)).status).toBe('analyzed');
    expect((await t.call('GET', `/api/vendor/samples/${first}`, { token })).status).toBe(404);
  });
});

interface Reference {
  referenceId: string;
  status: string;
  error: string | null;
  readField: string | null;
}

async function uploadReference(body: string, fields?: Record<string, string>) {
  const res = await t.call('POST', '/api/references', {
    token: proc,
    body: {
      name: 'Answers written by our agents',
      fileName: 'pairs.jsonl',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/x-ndjson',
      ...(fields ? { fields } : {}),
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const target = await json<UploadTarget & { referenceId: string }>(res);
  await putAndSettle(t, target, body);
  return target.referenceId;
}
const referenceOf = (id: string) =>
  json<Reference>(t.call('GET', `/api/references/${id}`, { token: proc }));

describe('reference field choice', () => {
  it('refuses a reference with several text-like fields and no field named, naming them', async () => {
    const id = await uploadReference(twoFields);
    const ref = await referenceOf(id);
    expect(ref.status).toBe('failed');
    expect(ref.error).toContain('several fields that could hold the text (prompt, answer)');
    expect(ref.readField).toBeNull();
  });

  it('shows the field a reference was read from, and re-reads the stored file on a new choice', async () => {
    const id = await uploadReference(twoFields);
    const res = await t.call('PUT', `/api/references/${id}/fields`, {
      token: proc,
      body: { fields: { text: 'answer' } },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    await t.drain();
    const ref = await referenceOf(id);
    expect(ref.status).toBe('analyzed');
    expect(ref.readField).toBe('answer');
    const fields = await json<Fields>(
      t.call('GET', `/api/references/${id}/fields`, { token: proc }),
    );
    expect(fields.chosen.text).toBe('answer');
  });

  it('reads a reference whose field was named at registration', async () => {
    const id = await uploadReference(twoFields, { text: 'answer' });
    expect((await referenceOf(id)).readField).toBe('answer');
  });
});
