import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  analyzeSources,
  deserializePartial,
  finalize,
  foldSource,
  mergePartials,
  serializePartial,
} from '../../../functions/core/analysis';
import { makeSigner, signImage, tamperPixels } from './c2pa-fixture';
import { cameraJpeg, pngChunk, scene, source, textChunk, withChunks, xmp, zip } from './fixtures';

const A1111 = 'portrait\nSteps: 30, Sampler: DPM++ 2M, CFG scale: 6, Seed: 7, Size: 512x512';

/** A broken C2PA store in a PNG caBX chunk: a manifest that fails validation. */
function brokenC2pa(): Buffer {
  const jumd = Buffer.concat([
    Buffer.alloc(4),
    Buffer.from('jumd'),
    Buffer.from('6332706100110010800000aa00389b71', 'hex'),
    Buffer.from([3]),
    Buffer.from('c2pa\0'),
  ]);
  jumd.writeUInt32BE(jumd.length, 0);
  const jumb = Buffer.concat([Buffer.alloc(4), Buffer.from('jumb'), jumd]);
  jumb.writeUInt32BE(jumb.length, 0);
  return pngChunk('caBX', jumb);
}

/** The acceptance archive and its truth: which files declare AI origin, which are photographs. */
async function build() {
  const files: { name: string; data: Buffer }[] = [];
  const photos: string[] = [];
  const declared: string[] = [];
  for (let i = 0; i < 6; i++) {
    const name = `photos/p${i}.jpg`;
    files.push({ name, data: await cameraJpeg(100 + i) });
    photos.push(name);
  }
  const gen = async (seed: number) => scene(seed, 512, 512).png().toBuffer();
  for (let i = 0; i < 3; i++) {
    const name = `gen/a1111-${i}.png`;
    files.push({ name, data: withChunks(await gen(200 + i), [textChunk('parameters', A1111)]) });
    declared.push(name);
  }
  files.push({
    name: 'gen/comfy.png',
    data: withChunks(await gen(210), [
      textChunk('prompt', '{"1":{"class_type":"KSampler"}}'),
      textChunk('workflow', '{}'),
    ]),
  });
  declared.push('gen/comfy.png');
  files.push({
    name: 'gen/iptc.jpg',
    data: await scene(211, 512, 512).withXmp(xmp('trainedAlgorithmicMedia')).jpeg().toBuffer(),
  });
  declared.push('gen/iptc.jpg');
  // generated images whose metadata was stripped: undetectable from their bytes (truth, not evidence)
  for (let i = 0; i < 3; i++)
    files.push({ name: `gen/stripped-${i}.png`, data: await gen(220 + i) });
  files.push({ name: 'gen/broken-c2pa.png', data: withChunks(await gen(230), [brokenC2pa()]) });
  // C2PA manifests signed here with a generated certificate: an AI declaration, a camera capture,
  // and an AI declaration whose pixels were changed after signing (invalid: not evidence)
  const signer = await makeSigner();
  const c2paAi = await signImage(signer, await gen(231), 'image/png', {
    digitalSourceType: 'trainedAlgorithmicMedia',
    generator: 'ImageGen 3',
  });
  files.push({ name: 'gen/c2pa-ai.png', data: c2paAi });
  declared.push('gen/c2pa-ai.png');
  files.push({ name: 'gen/c2pa-tampered.png', data: await tamperPixels(c2paAi) });
  files.push({
    name: 'photos/c2pa-capture.jpg',
    data: await signImage(signer, await cameraJpeg(106), 'image/jpeg', {
      digitalSourceType: 'digitalCapture',
    }),
  });
  photos.push('photos/c2pa-capture.jpg');
  // copies of photos/p0.jpg: byte-identical, re-encoded lossless, resized, greyscale, mirrored
  const p0 = files[0]?.data as Buffer;
  const lossless = await sharp(p0).png().toBuffer();
  files.push({ name: 'copies/p0-same.jpg', data: p0 });
  files.push({ name: 'copies/p0.png', data: lossless });
  files.push({
    name: 'copies/p0.webp',
    data: await sharp(lossless).webp({ lossless: true }).toBuffer(),
  });
  files.push({
    name: 'copies/p0-small.jpg',
    data: await sharp(p0).resize(128).jpeg({ quality: 70 }).toBuffer(),
  });
  files.push({ name: 'copies/p0-grey.jpg', data: await sharp(p0).greyscale().jpeg().toBuffer() });
  files.push({ name: 'copies/p0-mirror.jpg', data: await sharp(p0).flop().jpeg().toBuffer() });
  files.push({ name: 'broken.jpg', data: p0.subarray(0, 200) });
  files.push({
    name: 'metadata.jsonl',
    data: Buffer.from(
      `${photos.map((f) => JSON.stringify({ file_name: f, label: 'photo', source: 'staff' })).join('\n')}\n${JSON.stringify({ file_name: 'gen/comfy.png', label: 'art', source: 'studio' })}\n`,
    ),
  });
  return { bytes: zip(files), photos, declared, generated: 3 + 1 + 1 + 3 + 1 + 2 };
}

let built: ReturnType<typeof build> | undefined;
/** The archive, built once for the tests that read it. */
const archive = () => {
  built ??= build();
  return built;
};

describe('image samples: acceptance', () => {
  it('finds every declared-AI image (valid C2PA included), flags no photograph nor tampered manifest, clusters copies, counts the corrupt file', async () => {
    const { bytes, photos, declared, generated } = await archive();
    const { analysis: a } = await analyzeSources({
      source: source(bytes),
      fileName: 'delivery.zip',
    });
    const im = a.images;
    if (!im) throw new Error('no images block');
    expect(a.input.format).toBe('images');
    expect(im.decoded).toBe(photos.length + generated + 6);
    expect(im.undecodable).toBe(1);
    const flagged = new Set(im.provenance.aiEvidence.map((e) => e.file));
    expect([...flagged].sort()).toEqual([...declared].sort());
    for (const p of photos) expect(flagged.has(p)).toBe(false);
    // the evidenced share is a lower bound: at most the true generated share
    const truth = generated / im.decoded;
    expect(a.synthetic.evidencedShare).toBeCloseTo(declared.length / im.decoded, 10);
    expect(a.synthetic.evidencedShare).toBeLessThanOrEqual(truth);
    expect(im.provenance.c2pa).toMatchObject({ present: 4, valid: 2, invalid: 2, aiDeclared: 1 });
    expect(im.provenance.c2pa.invalidFiles.map((f) => f.file).sort()).toEqual([
      'gen/broken-c2pa.png',
      'gen/c2pa-tampered.png',
    ]);
    expect(im.provenance.c2pa.invalidFiles).toContainEqual({
      file: 'gen/c2pa-tampered.png',
      error: 'assertion.dataHash.mismatch',
    });
    expect(im.provenance.generatorMetadata).toEqual({ automatic1111: 3, comfyui: 1 });
    expect(im.provenance.cameraExifShare).toBeGreaterThan(0);
    const cluster = im.duplicates.clusters.find((c) => c.examples.includes('photos/p0.jpg'));
    expect(cluster?.examples.sort()).toEqual(
      [
        'photos/p0.jpg',
        'copies/p0-same.jpg',
        'copies/p0.png',
        'copies/p0.webp',
        'copies/p0-small.jpg',
        'copies/p0-grey.jpg',
        'copies/p0-mirror.jpg',
      ].sort(),
    );
    // the tampered file is a near copy of the signed one it was painted over from
    const painted = im.duplicates.clusters.find((c) => c.examples.includes('gen/c2pa-ai.png'));
    expect(painted?.examples.sort()).toEqual(['gen/c2pa-ai.png', 'gen/c2pa-tampered.png']);
    expect(im.duplicates.clusters).toHaveLength(2);
    expect(im.duplicates.exactBytesRate).toBeCloseTo(1 / im.decoded, 10);
    expect(im.duplicates.exactPixelsRate).toBeCloseTo(3 / im.decoded, 10);
    expect(im.duplicates.nearRate).toBeCloseTo(7 / im.decoded, 10);
    expect(im.listed?.labels).toEqual({ photo: 7, art: 1 });
    const ids = a.findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'images.ai-declared',
        'images.c2pa-invalid',
        'images.undecodable',
        'images.near-duplicates',
      ]),
    );
  });

  it('merges the partials of two halves into the one-pass result, through serialization', async () => {
    const a = await archive();
    const whole = await foldSource(source(a.bytes), { fileName: 'x.zip' });
    const half = Math.floor((whole.images?.records.length ?? 0) / 2);
    const left = structuredClone(whole);
    const right = structuredClone(whole);
    if (!left.images || !right.images) throw new Error('no images');
    left.images.records = left.images.records.slice(0, half);
    right.images.records = right.images.records.slice(half);
    right.images.undecodable = 0;
    right.images.undecodableExamples = [];
    right.images.meta = {};
    const round = (p: typeof whole) => deserializePartial(serializePartial(p));
    const merged = mergePartials(round(left), round(right));
    const strip = (x: ReturnType<typeof finalize>) => ({ ...x, input: { ...x.input, bytes: 0 } });
    expect(strip(finalize(merged, { now: 0 })).images).toEqual(
      strip(finalize(whole, { now: 0 })).images,
    );
  });

  it('measures a training archive against a holdout archive: exact and near copies', async () => {
    const shared = await scene(300).png().toBuffer();
    const training = zip([
      { name: 't1.png', data: shared },
      { name: 't2.jpg', data: await sharp(shared).resize(100).jpeg().toBuffer() },
      { name: 't3.png', data: await scene(301).png().toBuffer() },
      { name: 't4.png', data: await scene(302).png().toBuffer() },
    ]);
    const holdout = zip([
      { name: 'h1.png', data: shared },
      { name: 'h2.png', data: await scene(303).png().toBuffer() },
    ]);
    const { analysis } = await analyzeSources(
      { source: source(training), fileName: 'train.zip' },
      { source: source(holdout), fileName: 'holdout.zip' },
    );
    expect(analysis.contamination).toMatchObject({
      holdoutRecords: 2,
      exactRate: 0.25,
      overlapRate: 0.5,
    });
    expect(analysis.findings.find((f) => f.id === 'images.holdout-overlap')?.evidence).toEqual({
      examples: ['t1.png', 't2.jpg'],
    });
  });
});
