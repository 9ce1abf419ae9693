/**
 * API shortcuts for the delivery-contract browser test: a delivered assessment (one analyzed
 * training sample, answers submitted, report ready) and a re-delivery through the re-assessment flow.
 */
import { call, put, until } from './spot-check-setup';
import { answerAndSubmit, invite, reportReady, staffToken } from './vendor-setup';

/** A POST without a body (re-assess, invite), as the web app sends them. */
async function post<T>(base: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Uploads `text` (JSON lines) as the vendor's training sample and waits for its analysis. */
async function deliver(base: string, vendor: string, text: string, fileName: string) {
  const file = Buffer.from(text);
  const target = await call<{
    sampleId: string;
    uploadUrl: string;
    uploadHeaders: Record<string, string>;
  }>(base, 'POST', '/api/vendor/samples', vendor, {
    fileName,
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
}

/** A submitted assessment whose report is ready; its id and the staff tokens. */
export async function deliveredAssessment(base: string, text: string) {
  const proc = await staffToken(base, 'pat@demo.test', 'procurement');
  const gov = await staffToken(base, 'gail@demo.test', 'governance');
  const admin = await staffToken(base, 'ada@demo.test', 'admin');
  const { id, token } = await invite(base, proc, 'Harbour logs, delivery 1');
  await deliver(base, token, text, 'delivery-1.jsonl');
  await reportReady(base, gov, id);
  return { id, proc, gov, admin };
}

/** The next delivery of an approved assessment: a re-assessment, its link, the sample, submitted. */
export async function redeliver(base: string, proc: string, id: string, text: string) {
  const next = await post<{ id: string }>(base, `/api/assessments/${id}/reassess`, proc);
  const inv = await post<{ token: string; inviteUrl: string }>(
    base,
    `/api/assessments/${next.id}/invitations`,
    proc,
  );
  await deliver(base, inv.token, text, 'delivery-2.jsonl');
  await reportReady(base, proc, next.id);
  return { id: next.id, vendor: inv.token, link: inv.inviteUrl };
}
