/**
 * Representative flows through every Lambda entry point, each run as its function so the recorder
 * attributes its AWS calls. The handlers are the deployed entry modules (`lambda*.ts`), built from
 * the environment the test sets; the test itself plays API Gateway, SQS, S3 and Step Functions.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import { completeAnswers, demoSampleJsonl } from '../../functions/local/demo-answers';
import { httpApiEvent } from '../fixtures/http-api-event';
import { asFunction, takeMessages } from './aws-call-recorder';
import { VERSION } from './least-privilege-s3';
import { failWorkflow, runWorkflow } from './least-privilege-workflow';

/** What the flows need: the test's own clients (not recorded), names, and staff tokens. */
export interface FlowEnv {
  s3: S3Client;
  doc: DynamoDBDocumentClient;
  table: string;
  samplesBucket: string;
  /** The re-score queue's URL (RESCORE_QUEUE_URL): its messages are answered by the recorder. */
  rescoreQueueUrl: string;
  originSecret: string;
  staff: { procurement: string; governance: string; admin: string };
}

type Handler = (event: never, context: never) => Promise<unknown>;
const load = async (path: string) =>
  (await import(path)) as { handler: (...args: unknown[]) => Promise<unknown> };

const context = {
  functionName: 'least-privilege',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:least-privilege',
  getRemainingTimeInMillis: () => 600_000,
} as unknown as Context;

/** Calls the API Lambda as API Gateway would, with CloudFront's origin header. */
function apiClient(env: FlowEnv, handler: Handler) {
  return async <T = Record<string, unknown>>(
    method: string,
    target: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: T }> => {
    const [path = target, query = ''] = target.split('?');
    const headers: Record<string, string> = { 'x-diligence-origin': env.originSecret };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const event = httpApiEvent(
      method,
      path,
      headers,
      options.body === undefined ? undefined : JSON.stringify(options.body),
    );
    (event as { rawQueryString: string }).rawQueryString = query;
    const res = (await asFunction('api', () =>
      (handler as (e: unknown, c: Context) => Promise<unknown>)(event, context),
    )) as { statusCode: number; body: string };
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as T };
  };
}

/** An SQS batch of one S3 ObjectCreated notification (of the played bucket's one version). */
function s3Event(bucket: string, key: string, size: number): SQSEvent {
  const object = { key, size, versionId: VERSION };
  const body = JSON.stringify({
    Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucket }, object } }],
  });
  return { Records: [{ messageId: `m-${key}`, body }] } as unknown as SQSEvent;
}

/** The re-scores asked for since the last drain, as the SQS batch the queue delivers to the worker. */
function rescoreEvent(env: FlowEnv): SQSEvent | undefined {
  const messages = takeMessages(env.rescoreQueueUrl);
  if (messages.length === 0) return undefined;
  const Records = messages.map((m, i) => ({
    messageId: `rescore-${i}-${Date.now()}`,
    body: m.body,
    eventSource: 'aws:sqs',
    attributes: { ApproximateReceiveCount: '1' },
  }));
  return { Records } as unknown as SQSEvent;
}

/** The handlers and the helpers every flow shares. */
async function setUp(env: FlowEnv) {
  const api = apiClient(env, (await load('../../functions/api/lambda')).handler as Handler);
  const analyze = (await load('../../functions/analyze/lambda')).handler;
  const rescoreWorker = (await load('../../functions/rescore/lambda')).handler;
  /** SQS delivers the queued re-scores to the worker (the batch must succeed whole). */
  const rescore = async () => {
    const event = rescoreEvent(env);
    if (!event) return;
    const res = (await asFunction('rescore', () => rescoreWorker(event, context))) as {
      batchItemFailures: unknown[];
    };
    if (res.batchItemFailures.length > 0) throw new Error('a re-score failed');
  };
  const keyOf = (uploadUrl: string) =>
    decodeURIComponent(new URL(uploadUrl).pathname).split(`/${env.samplesBucket}/`)[1] ?? '';
  /** Staff create an assessment due in five days (so a reminder is due) and invite the vendor. */
  const newAssessment = async () => {
    const created = await api<{ id: string }>('POST', '/api/assessments', {
      token: env.staff.procurement,
      body: {
        vendor: { name: 'Acme', contactEmail: 'data@acme.test' },
        dataset: { name: 'Acme v3', intendedUse: 'fine-tuning' },
        templateId: 'ai-training-data',
        dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      },
    });
    const id = created.body.id;
    const inv = await api<{ token: string }>('POST', `/api/assessments/${id}/invitations`, {
      token: env.staff.procurement,
    });
    return { id, vendor: inv.body.token };
  };
  /** A presigned single PUT (the test plays S3), then the analyzer Lambda on its notification. */
  const upload = async (token: string, role: 'training' | 'holdout', text: string) => {
    const reg = await api<{ sampleId: string; uploadUrl: string }>('POST', '/api/vendor/samples', {
      token,
      body: { fileName: `${role}.jsonl`, role, sizeBytes: Buffer.byteLength(text), contentType },
    });
    const key = keyOf(reg.body.uploadUrl);
    await env.s3.send(
      new PutObjectCommand({
        Bucket: env.samplesBucket,
        Key: key,
        Body: text,
        ContentType: contentType,
      }),
    );
    const event = s3Event(env.samplesBucket, key, Buffer.byteLength(text));
    await asFunction('analyze', () => analyze(event, context));
    await rescore();
    return { sampleId: reg.body.sampleId, key };
  };
  return { api, keyOf, newAssessment, upload, rescore };
}
type Flows = Awaited<ReturnType<typeof setUp>>;
const contentType = 'application/jsonl';

/** The vendor answers, uploads training and holdout samples, corrects a mapping; staff read. */
async function vendorFlow(env: FlowEnv, { api, upload }: Flows, id: string, vendor: string) {
  const { governance } = env.staff;
  await api('GET', '/api/vendor/assessment', { token: vendor });
  await api('PUT', '/api/vendor/answers', {
    token: vendor,
    body: { answers: completeAnswers(), version: 2 },
  });
  // A wrong token is counted against the client address (the rate limit's table items).
  await api('GET', '/api/vendor/assessment', {
    token: 'demo.01kb2x7q9m3n4p5r6s7t8v9w0x.wrongsecretwrongsecret',
  });
  const training = await upload(vendor, 'training', demoSampleJsonl(60));
  await upload(vendor, 'holdout', demoSampleJsonl(30));
  // A corrected field mapping is checked against the uploaded file's first records.
  await api('POST', '/api/vendor/samples', {
    token: vendor,
    body: {
      fileName: 'training.jsonl',
      role: 'training',
      sizeBytes: 10,
      contentType,
      fields: { text: 'text' },
      replaces: training.sampleId,
    },
  });
  await api('GET', `/api/assessments/${id}/report`, { token: governance });
  await api('GET', `/api/assessments/${id}/samples/${training.sampleId}/analysis`, {
    token: governance,
  });
  return training.sampleId;
}

/**
 * Governance builds a fingerprint pack from a corpus (the analyzer reads the upload, writes the pack
 * under fingerprints/ and deletes every version of the corpus), attaches it (the worker matches it
 * from fingerprints/), detaches and deletes it (the API deletes the stored pack).
 */
async function fingerprintFlow(env: FlowEnv, flows: Flows, id: string) {
  const { api, keyOf } = flows;
  const token = env.staff.governance;
  const corpus = demoSampleJsonl(20);
  const reg = await api<{ packId: string; uploadUrl: string }>('POST', '/api/fingerprints', {
    token,
    body: {
      name: 'Corpus',
      kind: 'synthetic',
      source: 'corpus',
      fileName: 'corpus.jsonl',
      sizeBytes: Buffer.byteLength(corpus),
      contentType,
    },
  });
  if (reg.status !== 201)
    throw new Error(`pack registration: ${reg.status} ${JSON.stringify(reg.body)}`);
  const key = keyOf(reg.body.uploadUrl);
  await env.s3.send(
    new PutObjectCommand({
      Bucket: env.samplesBucket,
      Key: key,
      Body: corpus,
      ContentType: contentType,
    }),
  );
  const analyze = (await load('../../functions/analyze/lambda')).handler;
  const event = s3Event(env.samplesBucket, key, Buffer.byteLength(corpus));
  await asFunction('analyze', () => analyze(event, context));
  const path = `/api/assessments/${id}/fingerprints/${reg.body.packId}`;
  const attached = await api('PUT', path, { token });
  if (attached.status !== 200) throw new Error(`attach answered ${attached.status}`);
  await flows.rescore();
  await api('DELETE', path, { token });
  const deleted = await api('DELETE', `/api/fingerprints/${reg.body.packId}`, { token });
  if (deleted.status !== 204) throw new Error(`pack delete answered ${deleted.status}`);
}

/** A big sample's multipart calls (the engine lacks some; a refused call is recorded all the same). */
async function multipartFlow({ api }: Flows, vendor: string) {
  const big = await api<{ sampleId: string }>('POST', '/api/vendor/samples', {
    token: vendor,
    body: { fileName: 'big.jsonl', role: 'training', sizeBytes: 6 * 1024 ** 2, contentType },
  });
  const parts = `/api/vendor/samples/${big.body.sampleId}`;
  await api('POST', `${parts}/parts`, { token: vendor, body: { partNumbers: [1] } });
  await api('GET', `${parts}/parts`, { token: vendor });
  await api('POST', `${parts}/complete`, {
    token: vendor,
    body: { parts: [{ partNumber: 1, etag: '"x"' }] },
  });
  await api('DELETE', `${parts}/upload`, { token: vendor });
}

/** The vendor deletes a sample and submits; governance approves. */
async function decisionFlow(
  env: FlowEnv,
  flows: Flows,
  id: string,
  vendor: string,
  sampleId: string,
) {
  const { api } = flows;
  const { governance } = env.staff;
  await api('DELETE', `/api/vendor/samples/${sampleId}`, { token: vendor });
  await api('POST', '/api/vendor/submit', { token: vendor });
  // Governance decides on the finished report: the worker runs the queued re-score first.
  await flows.rescore();
  // A policy preview scores the submitted assessment again (unsubmitted ones are not ranked):
  // the analyses and the samples' partials.
  await api('POST', '/api/policy/preview', { token: env.staff.admin, body: { policy: {} } });
  const current = await api<{ version: number }>('GET', `/api/assessments/${id}`, {
    token: governance,
  });
  const approved = await api('POST', `/api/assessments/${id}/decision`, {
    token: governance,
    body: { decision: 'approve', comment: 'ok', version: current.body.version },
  });
  // The retention flow below needs this assessment closed: a refused decision must fail here.
  if (approved.status !== 200) throw new Error(`approval answered ${approved.status}`);
}

/** Another assessment: one sample dead-lettered, one whose distributed analysis timed out. */
async function failureFlows(env: FlowEnv, flows: Flows) {
  const deadLetters = (await load('../../functions/analyze/dead-letters/lambda')).handler;
  const other = await flows.newAssessment();
  const stuck = await flows.api<{ uploadUrl: string }>('POST', '/api/vendor/samples', {
    token: other.vendor,
    body: { fileName: 'stuck.jsonl', role: 'training', sizeBytes: 100, contentType },
  });
  const event = s3Event(env.samplesBucket, flows.keyOf(stuck.body.uploadUrl), 100);
  await asFunction('deadLetters', () => deadLetters(event, context));
  const timedOut = await flows.upload(other.vendor, 'training', demoSampleJsonl(400));
  await failWorkflow(timedOut.key);
}

/**
 * The scheduled jobs: reminders, the retention sweep of `closed` (closed long ago), then one
 * orphan sweep over the samples bucket.
 */
async function scheduledJobs(env: FlowEnv, closed: string) {
  const notify = (await load('../../functions/notify/lambda')).handler;
  const purge = (await load('../../functions/retention/lambda')).handler;
  await asFunction('notify', () => notify());
  await env.doc.send(
    new UpdateCommand({
      TableName: env.table,
      Key: { PK: 'ORG#demo', SK: `ASMT#${closed}` },
      UpdateExpression: 'SET GSI2SK = :sk',
      ExpressionAttributeValues: { ':sk': `2020-01-01T00:00:00.000Z#demo#${closed}` },
    }),
  );
  await asFunction('purge', () => purge());
  // Objects no record owns (a lost registration, a crashed analysis): the sweep removes them.
  for (const key of ['samples/stray.jsonl', 'analyses/stray.json', 'partials/stray.bin'])
    await env.s3.send(new PutObjectCommand({ Bucket: env.samplesBucket, Key: key, Body: 'x' }));
  const orphans = (await load('../../functions/retention/orphan-lambda')).handler;
  await asFunction('orphans', () => orphans());
}

/** Runs every flow through every entry point; resolves when all calls are recorded. */
export async function runFlows(env: FlowEnv): Promise<void> {
  const flows = await setUp(env);
  const { id, vendor } = await flows.newAssessment();
  const sampleId = await vendorFlow(env, flows, id, vendor);
  await fingerprintFlow(env, flows, id);
  await multipartFlow(flows, vendor);
  // A sample beyond one machine: the analyzer starts the workflow; the test runs its steps.
  const distributed = await flows.upload(vendor, 'training', demoSampleJsonl(400));
  await runWorkflow(env, distributed.key);
  await flows.rescore();
  await decisionFlow(env, flows, id, vendor, sampleId);
  await failureFlows(env, flows);
  await scheduledJobs(env, id);
  await flows.rescore();
}
