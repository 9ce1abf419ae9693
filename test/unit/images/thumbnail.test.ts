import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import * as tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { UndecodableImageError } from '../../../functions/core/analysis/images/decode';
import {
  defaultImageLimits,
  ImageLimitError,
} from '../../../functions/core/analysis/images/limits';
import {
  readArchiveEntry,
  renderThumbnail,
} from '../../../functions/core/analysis/images/thumbnail';
import { bombPng, cameraJpeg, scene, source } from './fixtures';

async function tarOf(files: { name: string; data: Buffer }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const f of files) pack.entry({ name: f.name }, f.data);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('thumbnails', () => {
  it('reads one entry of a tar.gz by name, null for a name it does not hold', async () => {
    const b = await scene(2).png().toBuffer();
    const archive = gzipSync(
      await tarOf([
        { name: 'a.png', data: await scene(1).png().toBuffer() },
        { name: 'dir/b.png', data: b },
      ]),
    );
    const got = await readArchiveEntry(source(archive), 'tar.gz', 'dir/b.png', defaultImageLimits);
    expect(got?.equals(b)).toBe(true);
    expect(
      await readArchiveEntry(source(archive), 'tar.gz', 'missing.png', defaultImageLimits),
    ).toBeNull();
  });

  it('renders a WebP within 160 px with no camera metadata', async () => {
    const jpeg = await cameraJpeg(4);
    const out = await renderThumbnail('a.jpg', jpeg, defaultImageLimits.maxPixels);
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(160);
    expect(meta.exif).toBeUndefined();
  });

  it('stops a decompression bomb at the pixel cap and calls junk undecodable', async () => {
    await expect(renderThumbnail('bomb.png', bombPng(), 1_000_000)).rejects.toBeInstanceOf(
      ImageLimitError,
    );
    await expect(
      renderThumbnail('junk.png', Buffer.from('not an image'), 1_000_000),
    ).rejects.toBeInstanceOf(UndecodableImageError);
  });
});
