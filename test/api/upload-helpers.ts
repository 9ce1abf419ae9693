import { expect } from 'vitest';
import { completeAnswers } from './answers';
import { json, type TestPortal } from './harness';

/** A presigned upload target as the API returns it. */
export interface UploadTarget {
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
}

/** PUTs `body` to a presigned target and waits until the analysis (and re-scoring) is done. */
export async function putAndSettle(t: TestPortal, target: UploadTarget, body: string) {
  const res = await fetch(new URL(target.uploadUrl, t.portal.url), {
    method: 'PUT',
    headers: target.uploadHeaders,
    body,
  });
  expect(res.status).toBe(200);
  await t.portal.idle();
}

/** Registers `body` as the vendor's training sample (JSON Lines), uploads it and waits for the analysis. */
async function uploadTrainingJsonl(t: TestPortal, token: string, body: string) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'sample.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
    },
  });
  expect(res.status).toBe(201);
  await putAndSettle(t, await json<UploadTarget>(res), body);
}

/** The vendor answers everything, uploads `body` as the training sample and submits. */
export async function deliverTrainingJsonl(t: TestPortal, token: string, body: string) {
  await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
  await uploadTrainingJsonl(t, token, body);
  expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
  await t.drain();
}

const words = ['harbor', 'ledger', 'quiet', 'orbit', 'pencil', 'signal', 'meadow', 'copper'];

/** `n` JSON Lines records of varied text (no two alike), each with `extra` fields. */
export function textRecords(n: number, extra: Record<string, unknown> = {}, seed = 0): string[] {
  return Array.from({ length: n }, (_, i) => {
    const text = Array.from(
      { length: 24 },
      (_, j) => words[(i * 5 + j * 3 + seed + ((i * j) % 7)) % words.length],
    ).join(' ');
    return JSON.stringify({ text: `Record ${i + seed}: ${text}.`, ...extra });
  });
}
