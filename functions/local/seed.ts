import type { createApp } from '../api/app';
import type { AppDeps } from '../api/env';
import type { DemoUser } from '../api/routes/dev/dev-tools';
import { completeAnswers, demoSampleJsonl } from './demo-answers';
import { demoImageTar } from './demo-images';

/** The demo buyer organization seeded on first boot. */
export const demoOrganization = {
  id: 'demo',
  name: 'Demo Buyer Ltd',
  governanceEmail: 'gail@demo.test',
};

/** Demo staff users offered by the local sign-in page, plus one user of a second organization. */
export const demoUsers: DemoUser[] = [
  { email: 'pat@demo.test', name: 'Pat Purchaser', role: 'procurement', organizationId: 'demo' },
  { email: 'gail@demo.test', name: 'Gail Governor', role: 'governance', organizationId: 'demo' },
  { email: 'ada@demo.test', name: 'Ada Admin', role: 'admin', organizationId: 'demo' },
  { email: 'olga@other.test', name: 'Olga Other', role: 'procurement', organizationId: 'other' },
];

type App = ReturnType<typeof createApp>;

async function call<T>(
  app: App,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<T> {
  const res = await app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`seed: ${method} ${path} → ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const days = (now: Date, n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

/**
 * Seeds the demo organization once, through the API itself (the same code path as users):
 * assessments in several states, one with an analyzed text sample and one with an archive of
 * images. A second boot changes nothing.
 * Returns the demo vendor link of the first assessment, or undefined when already seeded.
 * `rescored` waits until queued re-scores are done.
 */
export async function seedDemo(
  deps: AppDeps,
  app: App,
  rescored: () => Promise<void>,
): Promise<string | undefined> {
  if (await deps.repos.organizations.get(demoOrganization.id)) return undefined;
  const dev = deps.dev;
  if (!dev) return undefined;
  const now = deps.clock();
  const pat = await dev.signToken({
    email: 'pat@demo.test',
    role: 'procurement',
    organizationId: 'demo',
  });
  const gail = await dev.signToken({
    email: 'gail@demo.test',
    role: 'governance',
    organizationId: 'demo',
  });
  const create = (vendor: string, email: string, dataset: string, use: string, due: number) =>
    call<{ id: string }>(app, 'POST', '/api/assessments', pat, {
      vendor: { name: vendor, contactEmail: email },
      dataset: { name: dataset, intendedUse: use },
      templateId: 'ai-training-data',
      dueAt: days(now, due),
    });
  const invite = async (id: string) =>
    call<{ token: string; inviteUrl: string }>(
      app,
      'POST',
      `/api/assessments/${id}/invitations`,
      pat,
    );

  await deps.repos.organizations.create({ ...demoOrganization, createdAt: now.toISOString() });
  const acme = await create(
    'Acme Data Co.',
    'data@acme.test',
    'Acme Instruct v3',
    'fine-tuning',
    12,
  );
  const acmeLink = await invite(acme.id);

  const northwind = await create(
    'Northwind Labs',
    'ml@northwind.test',
    'Support Dialogues 2025',
    'fine-tuning',
    20,
  );
  const nw = await invite(northwind.id);
  await call(app, 'PUT', '/api/vendor/answers', nw.token, { answers: completeAnswers() });
  const sample = demoSampleJsonl();
  const upload = await call<{ sampleId: string }>(app, 'POST', '/api/vendor/samples', nw.token, {
    fileName: 'support-dialogues-sample.jsonl',
    role: 'training',
    sizeBytes: Buffer.byteLength(sample),
    contentType: 'application/jsonl',
  });
  const key = `samples/demo/${northwind.id}/${upload.sampleId}`;
  await deps.blobs.put(deps.config.SAMPLES_BUCKET, key, sample, {
    contentType: 'application/jsonl',
  });
  await call(app, 'POST', '/api/vendor/submit', nw.token);

  // An archive of images whose vendor claims no synthetic data: two files declare AI origin.
  const lumen = await create(
    'Lumen Imaging',
    'data@lumen.test',
    'Street Scenes 2026',
    'fine-tuning',
    25,
  );
  const lm = await invite(lumen.id);
  await call(app, 'PUT', '/api/vendor/answers', lm.token, {
    answers: completeAnswers({ synthetic_share_percent: 0 }),
  });
  const images = await demoImageTar();
  const imageUpload = await call<{ sampleId: string }>(
    app,
    'POST',
    '/api/vendor/samples',
    lm.token,
    {
      fileName: 'street-scenes-sample.tar',
      role: 'training',
      sizeBytes: images.length,
      contentType: 'application/x-tar',
    },
  );
  await deps.blobs.put(
    deps.config.SAMPLES_BUCKET,
    `samples/demo/${lumen.id}/${imageUpload.sampleId}`,
    images,
    { contentType: 'application/x-tar' },
  );
  await call(app, 'POST', '/api/vendor/submit', lm.token);

  const globex = await create(
    'Globex Synthetic',
    'hello@globex.test',
    'MathSynth 1M',
    'pre-training',
    3,
  );
  const gx = await invite(globex.id);
  await call(app, 'PUT', '/api/vendor/answers', gx.token, {
    answers: {
      synthetic_share_percent: 85,
      real_data_policy: 'replace',
      label_audit: 'unknown',
      dedup_method: 'exact',
    },
  });

  const initech = await create('Initech', 'data@initech.test', 'Legal Clauses', 'evaluation', 30);
  const it = await invite(initech.id);
  await call(app, 'PUT', '/api/vendor/answers', it.token, {
    answers: completeAnswers({ synthetic_share_percent: 0 }),
  });
  await call(app, 'POST', '/api/vendor/submit', it.token);
  // Governance decides on the finished report (scoring runs off the request, on the queue).
  await rescored();
  await call(app, 'POST', `/api/assessments/${initech.id}/decision`, gail, {
    decision: 'approve',
    comment: 'Clean.',
  });
  await call(app, 'POST', `/api/assessments/${initech.id}/reassess`, pat);

  deps.logger.info('seeded demo organization', { organizationId: demoOrganization.id });
  return acmeLink.inviteUrl;
}
