import { deserializePartial, serializePartial } from '../../functions/core/analysis';
import type { TestPortal } from './harness';

/** Fails unless the analyzer kept a real spot-check pool and strata for the counting training sample. */
export async function expectSpotPool(t: TestPortal, org: string, assessmentId: string) {
  const { blobs, config } = t.portal.deps;
  const s = await countingTraining(t, org, assessmentId);
  const partial = deserializePartial(await chunks(t, s.partialKey));
  if (!partial.spotPool) throw new Error('the analyzer kept no spot-check pool for the sample');
  const analysis = JSON.parse(await blobs.getText(config.SAMPLES_BUCKET, s.analysisKey));
  if (!analysis.spotCheck?.strata?.length) throw new Error('the analysis has no spot-check strata');
}

/** Makes the counting training sample look analyzed before spot-checks: no pool, no strata. */
export async function dropSpotPool(t: TestPortal, org: string, assessmentId: string) {
  const { blobs, config } = t.portal.deps;
  const bucket = config.SAMPLES_BUCKET;
  const s = await countingTraining(t, org, assessmentId);
  const partial = deserializePartial(await chunks(t, s.partialKey));
  delete (partial as { spotPool?: unknown }).spotPool;
  await blobs.put(bucket, s.partialKey, serializePartial(partial), {
    contentType: 'application/octet-stream',
  });
  const { spotCheck: _, ...analysis } = JSON.parse(await blobs.getText(bucket, s.analysisKey));
  await blobs.put(bucket, s.analysisKey, JSON.stringify(analysis), {
    contentType: 'application/json',
  });
}

async function countingTraining(t: TestPortal, org: string, assessmentId: string) {
  const samples = await t.portal.deps.repos.samples.list(org, assessmentId);
  const s = samples
    .filter((x) => x.role === 'training' && x.status === 'analyzed')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!s?.partialKey || !s.analysisKey) throw new Error('no analyzed training sample');
  return { ...s, partialKey: s.partialKey, analysisKey: s.analysisKey };
}

async function chunks(t: TestPortal, key: string) {
  const out: Uint8Array[] = [];
  for await (const c of await t.portal.deps.blobs.stream(t.portal.deps.config.SAMPLES_BUCKET, key))
    out.push(c);
  return out;
}
