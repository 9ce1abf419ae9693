import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../functions/core/analysis/images/decode';
import { distance } from '../../../functions/core/analysis/images/duplicates';
import { hamming } from '../../../functions/core/analysis/images/phash';
import { scene } from './fixtures';

const rec = async (bytes: Buffer) => {
  const d = await decodeImage('x', bytes, 1e8);
  return { ...d, file: 'x', bytesSha256: '', evidence: [], camera: false, metadata: false };
};

describe('pHash', () => {
  it('keeps resized, re-encoded, greyscale and mirrored copies close and unrelated images far', async () => {
    const png = await scene(1).png().toBuffer();
    const original = await rec(png);
    const copies = {
      jpeg: await sharp(png).jpeg({ quality: 70 }).toBuffer(),
      resized: await sharp(png).resize(128).webp().toBuffer(),
      grey: await sharp(png).greyscale().png().toBuffer(),
      mirrored: await sharp(png).flop().png().toBuffer(),
    };
    const distances: Record<string, number> = {};
    for (const [k, v] of Object.entries(copies)) distances[k] = distance(original, await rec(v));
    for (const d of Object.values(distances)) expect(d).toBeLessThanOrEqual(4);
    const others = [];
    for (let s = 2; s < 12; s++)
      others.push(distance(original, await rec(await scene(s).png().toBuffer())));
    expect(Math.min(...others)).toBeGreaterThan(10);
    expect(hamming('ffffffff00000000', '0000000000000000')).toBe(32);
  });
});
