import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffRole } from '../../functions/core/assessment/types';
import { loadConfig } from '../../functions/lib/config';
import { createLogger } from '../../functions/lib/logger';
import { type Portal, startPortal } from '../../functions/local/portal';
import type { Sample } from '../../functions/store/samples';

/** A portal on a free port with its own temporary data folder, plus request helpers. */
export interface TestPortal {
  portal: Portal;
  dataDir: string;
  staff(role: StaffRole, organizationId?: string, email?: string): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Waits until every queued analysis and re-score has finished (no timers: the queues' own promises). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a fresh portal; `env` overrides configuration (e.g. INVITE_TTL_DAYS). */
export async function startTestPortal(env: Record<string, string> = {}): Promise<TestPortal> {
  const dataDir = await mkdtemp(join(tmpdir(), 'diligence-test-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const portal = await startPortal(config, {
    logger: createLogger('silent'),
    host: '127.0.0.1',
    seed: false,
  });
  const call: TestPortal['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    // Real HTTP against the same server `npm start` runs.
    return fetch(`${portal.url.replace('localhost', '127.0.0.1')}${path}`, {
      method,
      headers,
      body,
    });
  };
  return {
    portal,
    dataDir,
    call,
    async staff(role, organizationId = 'demo', email) {
      const res = await call('POST', '/api/dev/session', {
        body: { email: email ?? `${role}@${organizationId}.test`, role, organizationId },
      });
      const json = (await res.json()) as { token: string };
      return json.token;
    },
    drain: () => portal.idle(),
    async stop() {
      await portal.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid assessment creation body, due in 30 days from `now`. */
export function newAssessmentBody(now = new Date(), overrides: Record<string, unknown> = {}) {
  return {
    vendor: { name: 'Acme Data', contactEmail: 'data@acme.test' },
    dataset: { name: 'Acme Instructions v3', intendedUse: 'fine-tuning' },
    templateId: 'ai-training-data',
    dueAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    ...overrides,
  };
}

/** Parses a JSON response body. */
export async function json<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

/** Creates an assessment as `proc` and issues its invitation: the id and the vendor token. */
export async function invitedAssessment(
  t: TestPortal,
  proc: string,
  overrides: Record<string, unknown> = {},
) {
  const a = await json<{ id: string }>(
    t.call('POST', '/api/assessments', {
      token: proc,
      body: newAssessmentBody(new Date(), overrides),
    }),
  );
  const { token } = await json<{ token: string }>(
    t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc }),
  );
  return { id: a.id, token };
}

/**
 * Invites a vendor on a new assessment, registers `body` as its training sample through the
 * vendor API, PUTs it to the presigned URL and waits until the portal has analyzed it.
 */
export async function uploadedSample(
  t: TestPortal,
  proc: string,
  fileName: string,
  body: Uint8Array,
  contentType: string,
) {
  const { id, token } = await invitedAssessment(t, proc);
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: { fileName, role: 'training', sizeBytes: body.length, contentType },
  });
  if (res.status !== 201) throw new Error(`sample registration: ${res.status} ${await res.text()}`);
  const up = await json<{
    sampleId: string;
    uploadUrl: string;
    uploadHeaders: Record<string, string>;
  }>(res);
  const put = await fetch(new URL(up.uploadUrl, t.portal.url), {
    method: 'PUT',
    headers: up.uploadHeaders,
    body: Buffer.from(body),
  });
  if (put.status !== 200) throw new Error(`sample upload: ${put.status} ${await put.text()}`);
  await t.portal.idle();
  const sample = (await t.portal.deps.repos.samples.get('demo', id, up.sampleId)) as Sample;
  return { id, token, sample };
}

/** A fresh portal plus tokens of the demo organization's three staff users. */
export async function startWithStaff(env: Record<string, string> = {}) {
  const t = await startTestPortal(env);
  return {
    t,
    proc: await t.staff('procurement', 'demo', 'pat@demo.test'),
    gov: await t.staff('governance', 'demo', 'gail@demo.test'),
    admin: await t.staff('admin', 'demo', 'ada@demo.test'),
  };
}
