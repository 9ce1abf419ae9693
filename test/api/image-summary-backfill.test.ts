import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../functions/core/analysis/types';
import { type ImageFacts, imageFacts } from '../../functions/core/report/image-words';
import type { Sample } from '../../functions/store/samples';
import { scene, textChunk, withChunks, zip } from '../unit/images/fixtures';
import { json, startTestPortal, type TestPortal, uploadedSample } from './harness';

let t: TestPortal;
let proc: string;
let gov: string;

beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  gov = await t.staff('governance', 'demo', 'gail@demo.test');
});
afterAll(async () => {
  await t.stop();
});

/** Three images: one declaring AI origin, one a pixel copy of another. */
async function archive(): Promise<Buffer> {
  const png = await scene(7, 64, 48).png().toBuffer();
  return zip([
    { name: 'ai.png', data: withChunks(png, [textChunk('parameters', 'x\nSteps: 9, Seed: 3')]) },
    { name: 'photo.png', data: await scene(8, 64, 48).png().toBuffer() },
    { name: 'photo-copy.png', data: await scene(8, 64, 48).png().toBuffer() },
  ]);
}

const repo = () => t.portal.deps.repos.samples;
const stored = async (id: string, sampleId: string) =>
  (await repo().get('demo', id, sampleId)) as Sample;

/**
 * An analyzed image sample put back in the shape stored before `summary.images` existed, named
 * `fileName` (an archive found by its first bytes has no archive name).
 */
async function oldShapeSample(fileName = 'pictures.zip') {
  const up = await uploadedSample(t, proc, fileName, await archive(), 'application/zip');
  const { images: _dropped, ...summary } = up.sample.summary ?? ({} as never);
  expect(up.sample.summary?.images).toBeDefined();
  const old: Sample = { ...up.sample, summary, version: up.sample.version + 1 };
  await repo().save(old);
  const analysis = JSON.parse(
    await t.portal.deps.blobs.getText(
      t.portal.deps.config.SAMPLES_BUCKET,
      up.sample.analysisKey as string,
    ),
  ) as Analysis;
  return { ...up, old, expected: imageFacts(analysis.images as NonNullable<Analysis['images']>) };
}

interface View {
  sampleId: string;
  summary: { records: number; images?: ImageFacts } | null;
}

describe('summary.images for image samples analyzed before it existed', () => {
  it('derives the image measures on the staff list and writes them back once, version unchanged', async () => {
    const { id, old, expected } = await oldShapeSample();
    expect((await stored(id, old.sampleId)).summary?.images).toBeUndefined();
    expect(expected).toMatchObject({ decoded: 3, undecodable: 0, evidenced: 1 });
    const res = await t.call('GET', `/api/assessments/${id}/samples`, { token: gov });
    expect(res.status).toBe(200);
    const { items } = await json<{ items: View[] }>(res);
    expect(items.find((s) => s.sampleId === old.sampleId)?.summary?.images).toEqual(expected);
    const after = await stored(id, old.sampleId);
    expect(after.summary?.images).toEqual(expected);
    // nothing else changed: the rest of the summary, the version, the time of the last change
    expect({ ...after.summary, images: undefined }).toEqual({ ...old.summary, images: undefined });
    expect(after.version).toBe(old.version);
    expect(after.updatedAt).toBe(old.updatedAt);
  });

  it("shows them in the vendor's upload list and sample status", async () => {
    const { token, old, expected } = await oldShapeSample();
    const view = await json<{ samples: View[] }>(
      t.call('GET', '/api/vendor/assessment', { token }),
    );
    expect(view.samples.find((s) => s.sampleId === old.sampleId)?.summary?.images).toEqual(
      expected,
    );
    const one = await json<View>(t.call('GET', `/api/vendor/samples/${old.sampleId}`, { token }));
    expect(one.summary?.images).toEqual(expected);
  });

  it('finds an archive by its analysis when it was uploaded under a text name', async () => {
    const { id, old, expected } = await oldShapeSample('delivery.txt');
    expect(old.summary?.fields).toEqual({ text: [] });
    const { items } = await json<{ items: View[] }>(
      t.call('GET', `/api/assessments/${id}/samples`, { token: gov }),
    );
    expect(items[0]?.summary?.images).toEqual(expected);
  });

  it('never overwrites a sample that changed meanwhile, nor measures already there', async () => {
    const { id, old, expected } = await oldShapeSample();
    // a re-analysis (or any save) bumped the version after this reader's read
    const moved: Sample = { ...old, version: old.version + 1, updatedAt: new Date().toISOString() };
    await repo().save(moved);
    expect(await repo().saveImageSummary(old, expected)).toBe(false);
    expect((await stored(id, old.sampleId)).summary?.images).toBeUndefined();
    // on the current version it writes once; a second writer finds the measures there
    expect(await repo().saveImageSummary(moved, expected)).toBe(true);
    const other = { ...expected, decoded: 99 };
    expect(await repo().saveImageSummary(moved, other)).toBe(false);
    expect((await stored(id, old.sampleId)).summary?.images).toEqual(expected);
  });

  it('leaves a text sample as stored', async () => {
    const lines = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ text: `Sentence ${i} about a harbour.` }),
    ).join('\n');
    const { id, sample } = await uploadedSample(
      t,
      proc,
      'text.jsonl',
      Buffer.from(lines),
      'application/x-ndjson',
    );
    const { items } = await json<{ items: View[] }>(
      t.call('GET', `/api/assessments/${id}/samples`, { token: gov }),
    );
    expect(items[0]?.summary).toEqual(sample.summary);
    expect(items[0]?.summary?.images).toBeUndefined();
    expect(await stored(id, sample.sampleId)).toEqual(sample);
  });
});
