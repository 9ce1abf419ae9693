/** API shortcuts for the vendor browser tests: staff sessions, invitations, answers, decisions. */
import { completeAnswers } from '../../functions/local/demo-answers';

async function api<T>(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A staff token of the demo organization. */
export async function staffToken(base: string, email: string, role: string): Promise<string> {
  const { token } = await api<{ token: string }>(base, 'POST', '/api/dev/session', undefined, {
    email,
    role,
  });
  return token;
}

/** A new assessment with an invitation: its id, the vendor link and the vendor token. */
export async function invite(base: string, proc: string, datasetName: string) {
  const a = await api<{ id: string }>(base, 'POST', '/api/assessments', proc, {
    vendor: { name: 'Northwind Data', contactEmail: 'data@northwind.test' },
    dataset: { name: datasetName, intendedUse: 'fine-tuning' },
    templateId: 'ai-training-data',
    dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
  });
  const inv = await api<{ inviteUrl: string; token: string }>(
    base,
    'POST',
    `/api/assessments/${a.id}/invitations`,
    proc,
  );
  return { id: a.id, link: inv.inviteUrl, token: inv.token };
}

/** Issues a new link for the assessment (the old one is then revoked). */
export const reissue = (base: string, proc: string, id: string) =>
  api<{ inviteUrl: string }>(base, 'POST', `/api/assessments/${id}/invitations`, proc);

/** Answers everything as the vendor and submits. */
export async function answerAndSubmit(base: string, token: string): Promise<void> {
  await api(base, 'PUT', '/api/vendor/answers', token, { answers: completeAnswers() });
  await api(base, 'POST', '/api/vendor/submit', token, {});
}

/**
 * Waits until the assessment's queued re-score has finished (re-scoring runs off the request,
 * and approving or rejecting is refused while it runs): polls the real state, 30 s at most.
 */
export async function reportReady(base: string, staff: string, id: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const a = await api<{ reportUpdating?: boolean }>(base, 'GET', `/api/assessments/${id}`, staff);
    if (!a.reportUpdating) return;
    if (Date.now() > deadline) throw new Error(`the report of ${id} is still updating after 30 s`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Records a governance decision once the report is ready. */
export async function decide(base: string, gov: string, id: string, decision: string) {
  await reportReady(base, gov, id);
  return api(base, 'POST', `/api/assessments/${id}/decision`, gov, {
    decision,
    comment: 'Decided in the vendor browser test.',
  });
}

/** The latest report of an assessment, as staff read it. */
export const report = <T>(base: string, staff: string, id: string) =>
  api<T>(base, 'GET', `/api/assessments/${id}/report`, staff);
