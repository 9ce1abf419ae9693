import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSource } from '../../../functions/core/analysis';
import { readC2pa } from '../../../functions/core/analysis/images/c2pa';
import { decodeImage } from '../../../functions/core/analysis/images/decode';
import { readProvenance } from '../../../functions/core/analysis/images/provenance';
import type { Analysis } from '../../../functions/core/analysis/types';
import { loadAnswers, run } from '../scoring/inputs';
import { makeSigner, signImage, type TestSigner, tamperPixels } from './c2pa-fixture';
import { cameraJpeg, scene, source, zip } from './fixtures';

let signer: TestSigner;
/** Signed PNG declaring a trained model made it. */
let ai: Buffer;
/** Signed camera JPEG declaring a real capture. */
let capture: Buffer;
/** Signed PNG whose owner says no AI training or data mining. */
let noTraining: Buffer;
/** `ai` with a block of pixels painted over after signing. */
let tampered: Buffer;

beforeAll(async () => {
  signer = await makeSigner();
  ai = await signImage(signer, await scene(700).png().toBuffer(), 'image/png', {
    digitalSourceType: 'trainedAlgorithmicMedia',
    generator: 'ImageGen 3',
  });
  capture = await signImage(signer, await cameraJpeg(701), 'image/jpeg', {
    digitalSourceType: 'digitalCapture',
    generator: 'Canon EOS R6',
  });
  noTraining = await signImage(signer, await scene(702).png().toBuffer(), 'image/png', {
    digitalSourceType: 'digitalCapture',
    trainingMining: 'notAllowed',
  });
  tampered = await tamperPixels(ai);
});

async function provenance(bytes: Buffer) {
  return readProvenance(bytes, await decodeImage('f', bytes, 1e8));
}

describe('C2PA manifests signed at test time (generated keys and certificates)', () => {
  it('reads a valid manifest declaring trainedAlgorithmicMedia and counts it as evidence', async () => {
    expect(await readC2pa(ai, 'png')).toEqual({
      valid: true,
      digitalSourceType: 'trainedAlgorithmicMedia',
      generator: 'ImageGen 3',
      issuer: signer.organization,
    });
    const p = await provenance(ai);
    expect(p.evidence).toEqual([
      { source: 'c2pa', detail: 'c2pa.created: trainedAlgorithmicMedia' },
    ]);
    expect(p.metadata).toBe(true);
  });

  it('reads a valid manifest declaring a real capture and does not count it as AI', async () => {
    const c = await readC2pa(capture, 'jpeg');
    expect(c).toMatchObject({ valid: true, digitalSourceType: 'digitalCapture' });
    expect((await provenance(capture)).evidence).toEqual([]);
  });

  it('reads a training-mining prohibition, C2PA or CAWG, and a permission', async () => {
    expect(await readC2pa(noTraining, 'png')).toMatchObject({
      valid: true,
      trainingMining: 'notAllowed',
    });
    const png = await scene(703).png().toBuffer();
    const cawg = await signImage(signer, png, 'image/png', {
      digitalSourceType: 'digitalCapture',
      trainingMining: 'notAllowed',
      trainingMiningNamespace: 'cawg',
    });
    expect((await readC2pa(cawg, 'png'))?.trainingMining).toBe('notAllowed');
    const allowed = await signImage(signer, png, 'image/png', {
      digitalSourceType: 'digitalCapture',
      trainingMining: 'allowed',
    });
    expect((await readC2pa(allowed, 'png'))?.trainingMining).toBe('allowed');
  });

  it('finds pixels changed after signing: invalid (data hash mismatch), never evidence', async () => {
    // the tampered file is still an ordinary, decodable image with different pixels
    const [before, after] = await Promise.all([ai, tampered].map((b) => sharp(b).raw().toBuffer()));
    expect(after?.equals(before as Buffer)).toBe(false);
    const c = await readC2pa(tampered, 'png');
    expect(c).toMatchObject({ valid: false, error: 'assertion.dataHash.mismatch' });
    expect(c?.digitalSourceType).toBe('trainedAlgorithmicMedia'); // what it claims, not counted
    expect((await provenance(tampered)).evidence).toEqual([]);
  });

  it('reports a manifest signed with an expired certificate as invalid', async () => {
    const png = await scene(705).png().toBuffer();
    const signed = await signImage(await makeSigner({ expired: true }), png, 'image/png', {
      digitalSourceType: 'trainedAlgorithmicMedia',
    });
    expect(await readC2pa(signed, 'png')).toMatchObject({
      valid: false,
      error: 'signingCredential.expired',
    });
    expect((await provenance(signed)).evidence).toEqual([]);
  });

  it('finds a changed byte in a signed JPEG as well', async () => {
    const flipped = Buffer.from(capture);
    const at = flipped.length - 200; // inside the entropy-coded scan, after the manifest
    flipped[at] = (flipped[at] as number) ^ 0x01;
    expect(await readC2pa(flipped, 'jpeg')).toMatchObject({
      valid: false,
      error: 'assertion.dataHash.mismatch',
    });
  });
});

describe('signed C2PA files in an analysis and in scoring', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    const files = [
      { name: 'ai.png', data: ai },
      { name: 'capture.jpg', data: capture },
      { name: 'no-training.png', data: noTraining },
      { name: 'tampered.png', data: tampered },
      { name: 'plain.png', data: await scene(704).png().toBuffer() },
    ];
    analysis = (await analyzeSource(source(zip(files)), { fileName: 'signed.zip' })).analysis;
  });

  it('counts the valid AI declaration, lists the tampered file and never counts it', () => {
    const im = analysis.images;
    if (!im) throw new Error('no images block');
    expect(im.decoded).toBe(5);
    expect(im.provenance.aiEvidence).toEqual([
      { file: 'ai.png', source: 'c2pa', detail: 'c2pa.created: trainedAlgorithmicMedia' },
    ]);
    expect(analysis.synthetic.evidencedShare).toBeCloseTo(1 / 5, 10);
    expect(im.provenance.c2pa).toMatchObject({
      present: 4,
      valid: 3,
      invalid: 1,
      aiDeclared: 1,
      trainingMining: { notAllowed: 1 },
      invalidFiles: [{ file: 'tampered.png', error: 'assertion.dataHash.mismatch' }],
    });
    expect(im.provenance.c2pa.signer.issuers).toEqual({ [signer.organization]: 3 });
    const ids = analysis.findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'images.ai-declared',
        'images.c2pa-invalid',
        'images.training-prohibited',
      ]),
    );
  });

  it('contradicts a training licence and "do-not-train honoured" with the signed prohibition', () => {
    const answers = { ...loadAnswers('honest-vendor') };
    const r = run(
      { ...answers, do_not_train_honoured: 'yes', license: 'CC-BY-4.0' },
      {
        training: analysis,
      },
    );
    expect(r.discrepancies.map((d) => d.questionId)).toEqual(
      expect.arrayContaining(['do_not_train_honoured', 'license']),
    );
    expect(r.risk.factors.filter((f) => f.id === 'image_training_prohibited')).toHaveLength(2);
    expect(r.risk.factors.find((f) => f.id === 'image_manifest_invalid')?.points).toBeGreaterThan(
      0,
    );
    const quiet = run(
      { ...answers, do_not_train_honoured: 'no', license: 'No AI training permitted' },
      { training: analysis },
    );
    expect(quiet.risk.factors.map((f) => f.id)).not.toContain('image_training_prohibited');
  });
});
