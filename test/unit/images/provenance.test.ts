import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../functions/core/analysis/images/decode';
import { readProvenance } from '../../../functions/core/analysis/images/provenance';
import { cameraJpeg, pngChunk, scene, textChunk, withChunks, xmp } from './fixtures';

const A1111 =
  'a cat in a hat\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x512, Model: sd15';

async function read(bytes: Buffer) {
  return readProvenance(bytes, await decodeImage('f', bytes, 1e8));
}

describe('provenance from the file’s own bytes', () => {
  it('finds generator text in PNG chunks (A1111, ComfyUI, InvokeAI, NovelAI, Fooocus)', async () => {
    const png = await scene(10).png().toBuffer();
    const cases: [Buffer[], string][] = [
      [[textChunk('parameters', A1111)], 'automatic1111'],
      [
        [textChunk('prompt', '{"3":{"class_type":"KSampler"}}'), textChunk('workflow', '{}')],
        'comfyui',
      ],
      [[textChunk('invokeai_metadata', '{"app_version":"3.0"}', true)], 'invokeai'],
      [[textChunk('sd-metadata', '{"model":"stable diffusion"}')], 'invokeai'],
      [[textChunk('Software', 'NovelAI'), textChunk('Comment', '{"steps":28}')], 'novelai'],
      [[textChunk('parameters', '{"prompt":"x","version":"Fooocus v2.5"}')], 'fooocus'],
    ];
    for (const [chunks, tool] of cases) {
      const p = await read(withChunks(png, chunks));
      expect(p.generator, tool).toBe(tool);
      expect(p.evidence.map((e) => e.source)).toEqual(['generator-metadata']);
    }
  });

  it('reads compressed text chunks (zTXt) too', async () => {
    const { deflateSync } = await import('node:zlib');
    const data = Buffer.concat([
      Buffer.from('parameters\0\0', 'latin1'),
      deflateSync(Buffer.from(A1111)),
    ]);
    const p = await read(withChunks(await scene(11).png().toBuffer(), [pngChunk('zTXt', data)]));
    expect(p.generator).toBe('automatic1111');
  });

  it('counts IPTC trainedAlgorithmicMedia and its composite as AI, and only reports the others', async () => {
    const made = async (type: string) => read(await scene(12).withXmp(xmp(type)).jpeg().toBuffer());
    for (const t of ['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia']) {
      const p = await made(t);
      expect(p.iptc).toBe(t);
      expect(p.evidence).toEqual([{ source: 'iptc', detail: `DigitalSourceType: ${t}` }]);
    }
    for (const t of ['algorithmicMedia', 'compositeSynthetic', 'digitalCapture']) {
      const p = await made(t);
      expect(p.iptc).toBe(t);
      expect(p.evidence).toEqual([]);
    }
  });

  it('reads a PLUS data-mining prohibition', async () => {
    const bytes = await scene(13)
      .withXmp(xmp('digitalCapture', 'DMI-PROHIBITED-AIMLTRAINING'))
      .png()
      .toBuffer();
    expect((await read(bytes)).dataMining).toBe('DMI-PROHIBITED-AIMLTRAINING');
  });

  it('sees camera EXIF on a photograph and flags nothing', async () => {
    const p = await read(await cameraJpeg(14));
    expect(p.camera).toBe(true);
    expect(p.metadata).toBe(true);
    expect(p.evidence).toEqual([]);
  });

  it('reads A1111 parameters from an EXIF UserComment', async () => {
    const bytes = await scene(15)
      .withExif({ IFD2: { UserComment: A1111 } })
      .jpeg()
      .toBuffer();
    expect((await read(bytes)).generator).toBe('automatic1111');
  });

  it('says an image without metadata has none, and that is not evidence either way', async () => {
    const p = await read(await scene(16).png().toBuffer());
    expect(p).toMatchObject({ metadata: false, camera: false, evidence: [] });
  });

  it('reports a broken C2PA manifest store as invalid, never as evidence', async () => {
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
    const bytes = withChunks(await scene(17).png().toBuffer(), [pngChunk('caBX', jumb)]);
    const p = await read(bytes);
    expect(p.c2pa?.valid).toBe(false);
    expect(p.evidence).toEqual([]);
  });

  it('finds no C2PA in an ordinary image without loading the validator', async () => {
    const p = await read(
      await sharp(await scene(18).png().toBuffer())
        .jpeg()
        .toBuffer(),
    );
    expect(p.c2pa).toBeUndefined();
  });
});
