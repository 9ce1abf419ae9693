import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import * as tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, analyzeSource, foldSource } from '../../../functions/core/analysis';
import { ImageLimitError } from '../../../functions/core/analysis/images/limits';
import { bombPng, scene, source, zip } from './fixtures';

async function tarOf(files: { name: string; data: Buffer }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const f of files) pack.entry({ name: f.name }, f.data);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('image archives', () => {
  it('reads a zip of images found by its magic bytes, with no field options', async () => {
    const files = [
      { name: 'a.png', data: await scene(1).png().toBuffer() },
      { name: 'b/c.jpg', data: await scene(2).jpeg().toBuffer() },
      { name: 'readme.txt', data: Buffer.from('hello') },
    ];
    const { analysis } = await analyzeSource(source(zip(files)), { fileName: 'upload' });
    expect(analysis.input.format).toBe('images');
    expect(analysis.images?.decoded).toBe(2);
    expect(analysis.images?.formats).toEqual({ png: 1, jpeg: 1 });
  });

  it('reads tar and tar.gz archives the same way', async () => {
    const files = [
      { name: 'x.png', data: await scene(3).png().toBuffer() },
      { name: 'y.webp', data: await scene(4).webp().toBuffer() },
    ];
    const plain = await tarOf(files);
    const a = await analyzeSource(source(plain), { fileName: 'images.tar' });
    const b = await analyzeSource(source(gzipSync(plain)), { fileName: 'images.tgz' });
    const c = await analyzeSource(source(gzipSync(plain)), {});
    for (const r of [a, b, c]) expect(r.analysis.images?.decoded).toBe(2);
  });

  it('counts a corrupt image as undecodable and goes on', async () => {
    const good = await scene(5).png().toBuffer();
    const files = [
      { name: 'ok.png', data: good },
      { name: 'broken.png', data: good.subarray(0, 100) },
      { name: 'noise.jpg', data: Buffer.from('not an image at all') },
    ];
    const { analysis } = await analyzeSource(source(zip(files)), { fileName: 's.zip' });
    expect(analysis.images?.decoded).toBe(1);
    expect(analysis.images?.undecodable).toBe(2);
    expect(analysis.findings.find((f) => f.id === 'images.undecodable')?.message).toBe(
      '2 files could not be decoded as images and were counted, not analyzed.',
    );
    const one = await analyzeSource(source(zip(files.slice(0, 2))), { fileName: 's.zip' });
    expect(one.analysis.findings.find((f) => f.id === 'images.undecodable')?.message).toBe(
      '1 file could not be decoded as an image and was counted, not analyzed.',
    );
  });

  it('stops a zip bomb from its declared size before inflating it', async () => {
    const bomb = zip([{ name: 'bomb.png', data: Buffer.alloc(20 * 1024 ** 2) }]);
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    const err = await foldSource(source(bomb), {
      fileName: 'b.zip',
      images: { maxEntryBytes: 1024 ** 2 },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImageLimitError);
    expect(err.message).toMatch(/bomb\.png expands to more than 1 MiB \(per-file size limit\)/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts inflated bytes, so a header that lies about its size stops too', async () => {
    const liar = zip([{ name: 'liar.png', data: Buffer.alloc(8 * 1024 ** 2), declaredSize: 100 }]);
    const err = await foldSource(source(liar), {
      fileName: 'l.zip',
      images: { maxEntryBytes: 1024 ** 2 },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AnalysisInputError);
    expect(err.message).toMatch(/liar\.png holds more bytes than its zip header declares/);
  });

  it('stops a tar.gz bomb on the bytes it inflates to', async () => {
    const plain = await tarOf([{ name: 'zeros.png', data: Buffer.alloc(30 * 1024 ** 2) }]);
    const err = await foldSource(source(gzipSync(plain)), {
      fileName: 'z.tar.gz',
      images: { maxEntryBytes: 1024 ** 2 },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImageLimitError);
  });

  it('stops a decompression-bomb PNG (50,000 × 50,000 zeros) from its header, fast', async () => {
    const bomb = bombPng(50_000);
    expect(bomb.length).toBeLessThan(5 * 1024 ** 2);
    // the file is a valid PNG: its header reads as 50,000 × 50,000
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
      width: 50_000,
      height: 50_000,
    });
    const started = Date.now();
    const err = await foldSource(source(zip([{ name: 'big.png', data: bomb }])), {
      fileName: 'p.zip',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImageLimitError);
    expect(err.message).toMatch(
      /big\.png is 50000 × 50000 pixels, more than 100,000,000 \(image pixel limit\)/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('caps the number of entries', async () => {
    const png = await scene(6).png().toBuffer();
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `${i}.png`, data: png }));
    const err = await foldSource(source(zip(files)), {
      fileName: 'n.zip',
      images: { maxEntries: 3 },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImageLimitError);
    expect(err.message).toMatch(/more than 3 entries/);
  });

  it('refuses an archive without images, saying how to send text records', async () => {
    const files = [{ name: 'data.jsonl', data: Buffer.from('{"text":"a"}\n') }];
    const err = await foldSource(source(zip(files)), { fileName: 'data.zip' }).catch((e) => e);
    expect(err).toBeInstanceOf(AnalysisInputError);
    expect(err.message).toMatch(/holds no images .*gzip \(\.jsonl\.gz\)/);
  });

  it('leaves text samples as they were', async () => {
    const text = Buffer.from('{"text":"hello there"}\n{"text":"another record"}\n');
    const { analysis } = await analyzeSource(source(text), { fileName: 'a.jsonl' });
    expect(analysis.input.format).toBe('jsonl');
    expect(analysis.images).toBeUndefined();
  });
});
