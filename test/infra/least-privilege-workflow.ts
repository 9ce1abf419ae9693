/**
 * Step Functions played by the test for the distributed-analysis functions: the run the analyzer
 * started (its recorded StartExecution), then the plan, fold, merge and catch handlers.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { asFunction, recordedCalls } from './aws-call-recorder';

const load = async (path: string) =>
  (await import(path)) as { handler: (...args: unknown[]) => Promise<unknown> };

/** The input the analyzer started the workflow with for `key` (Step Functions' StartExecution). */
async function startedRun(key: string) {
  const start = recordedCalls().findLast((c) => c.action === 'states:StartExecution');
  const run = start && JSON.parse(String(start.input.input));
  if (run?.key !== key) throw new Error(`the analyzer did not start the workflow for ${key}`);
  return { run, name: String(start?.input.name) };
}

/** Plays Step Functions: plan, every fold, the Map's result files, every group merge, then merge. */
export async function runWorkflow(
  env: { s3: S3Client; samplesBucket: string },
  key: string,
): Promise<void> {
  const { run, name } = await startedRun(key);
  const plan = (await load('../../functions/analyze/distributed/lambda-plan')).handler;
  const fold = (await load('../../functions/analyze/distributed/lambda-fold')).handler;
  const group = (await load('../../functions/analyze/distributed/lambda-group')).handler;
  const merge = (await load('../../functions/analyze/distributed/lambda-merge')).handler;
  const planned = (await asFunction('distributedPlan', () => plan(run))) as {
    manifest: { bucket: string; key: string };
    groups: unknown[];
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
  const map = {
    ResultWriterDetails: { Bucket: env.samplesBucket, Key: `${prefix}/manifest.json` },
  };
  // The second Map: one group merge per planned group, with the item its ItemSelector builds.
  const merged: unknown[] = [];
  for (const g of planned.groups) {
    const item = { run: run, manifest: planned.manifest, map, group: g };
    merged.push(await asFunction('distributedGroup', () => group(item)));
  }
  if (merged.length === 0) throw new Error('the plan planned no group merges');
  await asFunction('distributedMerge', () => merge({ ...planned, map, merged }));
}

/** Plays a workflow whose step timed out: the catch step marks the sample failed. */
export async function failWorkflow(key: string): Promise<void> {
  const { run } = await startedRun(key);
  const fail = (await load('../../functions/analyze/distributed/lambda-fail')).handler;
  await asFunction('distributedFail', () =>
    fail({ run, error: { Error: 'States.Timeout', Cause: '{}' } }),
  );
}
