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
import { asFunction } from './aws-call-recorder';

/** What the flows need: the test's own clients (not recorded), names, and staff tokens. */
export interface FlowEnv {
  s3: S3Client;
  doc: DynamoDBDocumentClient;
  table: string;
  samplesBucket: string;
  originSecret: string;
  staff: { procurement: string; governance: string };
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

/** An SQS batch of one S3 ObjectCreated notification. */
function s3Event(bucket: string, key: string, size: number): SQSEvent {
  const body = JSON.stringify({
    Records: [
      { eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucket }, object: { key, size } } },
    ],
  });
  return { Records: [{ messageId: `m-${key}`, body }] } as unknown as SQSEvent;
}

/** Runs every flow; resolves when all calls are recorded. */
export async function runFlows(env: FlowEnv): Promise<void> {
  const api = apiClient(env, (await load('../../functions/api/lambda')).handler as Handler);
  const analyze = (await load('../../functions/analyze/lambda')).handler;
  const deadLetters = (await load('../../functions/analyze/dead-letters/lambda')).handler;
  const notify = (await load('../../functions/notify/lambda')).handler;
  const purge = (await load('../../functions/retention/lambda')).handler;
  const { procurement, governance } = env.staff;

  // Staff create an assessment due in five days (so a reminder is due) and invite the vendor.
  const newAssessment = async () => {
    const created = await api<{ id: string }>('POST', '/api/assessments', {
      token: procurement,
      body: {
        vendor: { name: 'Acme', contactEmail: 'data@acme.test' },
        dataset: { name: 'Acme v3', intendedUse: 'fine-tuning' },
        templateId: 'ai-training-data',
        dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      },
    });
    const inv = await api<{ token: string }>(
      'POST',
      `/api/assessments/${created.body.id}/invitations`,
      {
        token: procurement,
      },
    );
    return { id: created.body.id, vendor: inv.body.token };
  };
  const { id, vendor } = await newAssessment();
  await api('GET', '/api/vendor/assessment', { token: vendor });
  await api('PUT', '/api/vendor/answers', {
    token: vendor,
    body: { answers: completeAnswers(), version: 2 },
  });
  await api('GET', '/api/vendor/assessment', {
    token: 'demo.01kb2x7q9m3n4p5r6s7t8v9w0x.wrongsecretwrongsecret',
  });

  // Samples: presigned single PUTs (the test plays S3), each analyzed by the analyzer Lambda.
  const uploadAs = async (
    token: string,
    role: 'training' | 'holdout',
    text: string,
    extra: object = {},
  ) => {
    const reg = await api<{
      sampleId: string;
      uploadUrl: string;
      uploadHeaders: Record<string, string>;
    }>('POST', '/api/vendor/samples', {
      token,
      body: {
        fileName: `${role}.jsonl`,
        role,
        sizeBytes: Buffer.byteLength(text),
        contentType: 'application/jsonl',
        ...extra,
      },
    });
    const key =
      decodeURIComponent(new URL(reg.body.uploadUrl).pathname).split(`/${env.samplesBucket}/`)[1] ??
      '';
    await env.s3.send(
      new PutObjectCommand({
        Bucket: env.samplesBucket,
        Key: key,
        Body: text,
        ContentType: 'application/jsonl',
      }),
    );
    await asFunction('analyze', () =>
      analyze(s3Event(env.samplesBucket, key, Buffer.byteLength(text)), context),
    );
    return { sampleId: reg.body.sampleId, key };
  };
  const upload = (role: 'training' | 'holdout', text: string, extra: object = {}) =>
    uploadAs(vendor, role, text, extra);
  const training = await upload('training', demoSampleJsonl(60));
  await upload('holdout', demoSampleJsonl(30));
  // A corrected field mapping is checked against the uploaded file's first records.
  await api('POST', '/api/vendor/samples', {
    token: vendor,
    body: {
      fileName: 'training.jsonl',
      role: 'training',
      sizeBytes: 10,
      contentType: 'application/jsonl',
      fields: { text: 'text' },
      replaces: training.sampleId,
    },
  });
  await api('GET', `/api/assessments/${id}/report`, { token: governance });
  await api('GET', `/api/assessments/${id}/samples/${training.sampleId}/analysis`, {
    token: governance,
  });

  // A big sample: multipart upload calls (the engine lacks some; the calls are recorded all the same).
  const big = await api<{ sampleId: string }>('POST', '/api/vendor/samples', {
    token: vendor,
    body: {
      fileName: 'big.jsonl',
      role: 'training',
      sizeBytes: 6 * 1024 ** 2,
      contentType: 'application/jsonl',
    },
  });
  const parts = `/api/vendor/samples/${big.body.sampleId}`;
  await api('POST', `${parts}/parts`, { token: vendor, body: { partNumbers: [1] } });
  await api('GET', `${parts}/parts`, { token: vendor });
  await api('POST', `${parts}/complete`, {
    token: vendor,
    body: { parts: [{ partNumber: 1, etag: '"x"' }] },
  });
  await api('DELETE', `${parts}/upload`, { token: vendor });

  // A sample beyond one machine: the analyzer starts the workflow; the test runs its steps.
  const distributed = await upload('training', demoSampleJsonl(400));
  await runWorkflow(env, distributed.key);

  // The vendor deletes the holdout-less training sample; then submits; governance decides.
  await api('DELETE', `/api/vendor/samples/${training.sampleId}`, { token: vendor });
  await api('POST', '/api/vendor/submit', { token: vendor });
  await api('POST', `/api/assessments/${id}/decision`, {
    token: governance,
    body: {
      decision: 'approve',
      comment: 'ok',
      version: (
        await api<{ version: number }>('GET', `/api/assessments/${id}`, { token: governance })
      ).body.version,
    },
  });

  // A dead-lettered analysis of another assessment's sample.
  const other = await newAssessment();
  const stuck = await api<{ uploadUrl: string }>('POST', '/api/vendor/samples', {
    token: other.vendor,
    body: {
      fileName: 'stuck.jsonl',
      role: 'training',
      sizeBytes: 100,
      contentType: 'application/jsonl',
    },
  });
  const stuckKey =
    decodeURIComponent(new URL(stuck.body.uploadUrl).pathname).split(`/${env.samplesBucket}/`)[1] ??
    '';
  await asFunction('deadLetters', () =>
    deadLetters(s3Event(env.samplesBucket, stuckKey, 100), context),
  );

  const timedOut = await uploadAs(other.vendor, 'training', demoSampleJsonl(400));
  await failWorkflow(timedOut.key);

  // Scheduled jobs: reminders, then the retention sweep of the decided assessment (closed long ago).
  await asFunction('notify', () => notify());
  await env.doc.send(
    new UpdateCommand({
      TableName: env.table,
      Key: { PK: `ORG#demo`, SK: `ASMT#${id}` },
      UpdateExpression: 'SET GSI2SK = :sk',
      ExpressionAttributeValues: { ':sk': `2020-01-01T00:00:00.000Z#demo#${id}` },
    }),
  );
  await asFunction('purge', () => purge());
}

/** The input the analyzer started the workflow with for `key` (Step Functions' StartExecution). */
async function startedRun(key: string) {
  const { recordedCalls } = await import('./aws-call-recorder');
  const start = recordedCalls().findLast((c) => c.action === 'states:StartExecution');
  const run = start && JSON.parse(String(start.input.input));
  if (run?.key !== key) throw new Error(`the analyzer did not start the workflow for ${key}`);
  return { run, name: String(start?.input.name) };
}

/** Plays Step Functions: plan, every fold, the Map's result files, then merge. */
async function runWorkflow(env: FlowEnv, key: string): Promise<void> {
  const { run, name } = await startedRun(key);
  const plan = (await load('../../functions/analyze/distributed/lambda-plan')).handler;
  const fold = (await load('../../functions/analyze/distributed/lambda-fold')).handler;
  const merge = (await load('../../functions/analyze/distributed/lambda-merge')).handler;
  const planned = (await asFunction('distributedPlan', () => plan(run))) as {
    manifest: { bucket: string; key: string };
  };
  const { readManifest } = await import('../../functions/analyze/distributed/results');
  const { createBlobStore } = await import('../../functions/store/blob-store');
  const items = await readManifest(createBlobStore(env.s3), planned.manifest as never);
  const outputs = [];
  for (const item of items) outputs.push(await asFunction('distributedFold', () => fold(item)));
  // The Map's ResultWriter (the state machine's role, not a function) writes the children's outputs.
  const prefix = `distributed/map-results/${name}`;
  const results = outputs.map((o) => ({ Status: 'SUCCEEDED', Output: JSON.stringify(o) }));
  const put = (k: string, body: unknown) =>
    env.s3.send(
      new PutObjectCommand({ Bucket: env.samplesBucket, Key: k, Body: JSON.stringify(body) }),
    );
  await put(`${prefix}/SUCCEEDED_0.json`, results);
  const manifest = {
    DestinationBucket: env.samplesBucket,
    ResultFiles: { FAILED: [], PENDING: [], SUCCEEDED: [{ Key: `${prefix}/SUCCEEDED_0.json` }] },
  };
  await put(`${prefix}/manifest.json`, manifest);
  const details = { Bucket: env.samplesBucket, Key: `${prefix}/manifest.json` };
  await asFunction('distributedMerge', () =>
    merge({ ...planned, map: { ResultWriterDetails: details } }),
  );
}

/** Plays a workflow whose step timed out: the catch step marks the sample failed. */
async function failWorkflow(key: string): Promise<void> {
  const { run } = await startedRun(key);
  const fail = (await load('../../functions/analyze/distributed/lambda-fail')).handler;
  await asFunction('distributedFail', () =>
    fail({ run, error: { Error: 'States.Timeout', Cause: '{}' } }),
  );
}
