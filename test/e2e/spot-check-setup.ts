/**
 * API shortcuts for the spot-check browser test: an assessment whose vendor uploaded an analyzed
 * machine-written sample, a known-human reference attached to it, and the machine reference file
 * the buyer would make (same domain, disjoint records, one `{ text }` object a line).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { answerAndSubmit, invite, reportReady, staffToken } from './vendor-setup';

/** Machine answers (text-davinci-003) and human answers to the same 252 Self-Instruct tasks. */
export const machinePath = resolve('../shared/data/selfinstruct_user_tasks_text-davinci-003.jsonl');
export const humanPath = resolve('../shared/data/selfinstruct_user_tasks_human.jsonl');

/** One API call with a bearer token; throws on any non-2xx answer. */
export async function call<T>(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** PUTs `file` to a presigned upload target with exactly its headers. */
export async function put(
  base: string,
  target: { uploadUrl: string; uploadHeaders: Record<string, string> },
  file: Buffer,
) {
  const res = await fetch(new URL(target.uploadUrl, base), {
    method: 'PUT',
    headers: target.uploadHeaders,
    body: new Uint8Array(file),
  });
  if (res.status !== 200) throw new Error(`upload → ${res.status} ${await res.text()}`);
}

/** Polls `read` (no sleeps: one event-loop turn between calls) until `done`, 90 s at most. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 90 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Splits the machine answers: the first half becomes the buyer's machine reference (written to
 * `dir`), the second half the vendor's sample, so no record is in both.
 */
export async function splitMachineFile(dir: string) {
  const lines = (await readFile(machinePath, 'utf8')).split('\n').filter(Boolean);
  const half = Math.floor(lines.length / 2);
  const reference = lines
    .slice(0, half)
    .map((line) => JSON.stringify({ text: (JSON.parse(line) as { response: string }).response }));
  const referencePath = join(dir, 'user-tasks-davinci-reference.jsonl');
  const samplePath = join(dir, 'user-tasks-delivery.jsonl');
  await writeFile(referencePath, `${reference.join('\n')}\n`);
  await writeFile(samplePath, `${lines.slice(half).join('\n')}\n`);
  return { referencePath, samplePath, referenceRecords: half, sampleRecords: lines.length - half };
}

/**
 * A submitted assessment with one analyzed training sample and a known-human reference attached;
 * returns its id, a governance token and the vendor's token.
 */
export async function assessmentWithSample(
  base: string,
  samplePath: string,
  datasetName = 'User tasks, delivery 1',
) {
  const proc = await staffToken(base, 'pat@demo.test', 'procurement');
  const gov = await staffToken(base, 'gail@demo.test', 'governance');
  const { id, token: vendor } = await invite(base, proc, datasetName);
  const file = await readFile(samplePath);
  const target = await call<{
    sampleId: string;
    uploadUrl: string;
    uploadHeaders: Record<string, string>;
  }>(base, 'POST', '/api/vendor/samples', vendor, {
    fileName: 'user-tasks.jsonl',
    role: 'training',
    sizeBytes: file.byteLength,
    contentType: 'application/x-ndjson',
  });
  await put(base, target, file);
  await until(
    () => call<{ status: string }>(base, 'GET', `/api/vendor/samples/${target.sampleId}`, vendor),
    (s) => s.status === 'analyzed',
    'the sample analysis',
  );
  await answerAndSubmit(base, vendor);

  const human = await readFile(humanPath);
  const ref = await call<{
    referenceId: string;
    uploadUrl: string;
    uploadHeaders: Record<string, string>;
  }>(base, 'POST', '/api/references', gov, {
    kind: 'human',
    name: 'User tasks written by people',
    description: 'Self-Instruct expert-written tasks.',
    fileName: 'user-tasks-human.jsonl',
    sizeBytes: human.byteLength,
    contentType: 'application/x-ndjson',
  });
  await put(base, ref, human);
  await until(
    () =>
      call<{ items: { referenceId: string; status: string }[] }>(
        base,
        'GET',
        '/api/references',
        gov,
      ),
    (list) => list.items.some((r) => r.referenceId === ref.referenceId && r.status === 'analyzed'),
    'the human reference analysis',
  );
  await call(base, 'PUT', `/api/assessments/${id}/reference`, gov, {
    referenceId: ref.referenceId,
  });
  await reportReady(base, gov, id);
  return { id, gov, vendor };
}
