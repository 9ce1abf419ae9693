import { deserializePartial, serializePartial } from '../../functions/core/analysis';
import type { TestPortal } from './harness';

/**
 * Until the spot-check core merges (CONTRACT-22.md), the analyzer keeps no pool: this gives the
 * counting training sample's stored partial a pool in the placeholder's shape, and its analysis the
 * strata, from the uploaded JSON Lines texts. A no-op once the analyzer folds a real pool.
 */
export async function ensureSpotPool(t: TestPortal, org: string, assessmentId: string) {
  const { blobs, config } = t.portal.deps;
  const bucket = config.SAMPLES_BUCKET;
  const s = await countingTraining(t, org, assessmentId);
  const partial = deserializePartial(await chunks(t, s.partialKey));
  if ((partial as { spotPool?: unknown }).spotPool) return;
  const texts = (await blobs.getText(bucket, s.key))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => String((JSON.parse(l) as { text: string }).text));
  const entries = texts.map((text, index) => ({
    index,
    stratum: index % 2,
    text,
    truncated: false,
    key: (index * 2654435761) % 4294967296,
  }));
  Object.assign(partial, { spotPool: { entries } });
  await blobs.put(bucket, s.partialKey, serializePartial(partial), {
    contentType: 'application/octet-stream',
  });
  const analysis = JSON.parse(await blobs.getText(bucket, s.analysisKey)) as object;
  const strata = [0, 1].map((id) => ({
    id,
    label: id === 0 ? 'lower scores' : 'higher scores',
    records: entries.filter((e) => e.stratum === id).length,
  }));
  await blobs.put(bucket, s.analysisKey, JSON.stringify({ ...analysis, spotCheck: { strata } }), {
    contentType: 'application/json',
  });
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
