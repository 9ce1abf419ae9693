import { createHash } from 'node:crypto';
import type { Metadata, OutputInfo, Sharp, SharpOptions } from 'sharp';
import { ImageLimitError } from './limits';
import { mirror, PHASH_SIZE, phash } from './phash';

/** What decoding one image gives: its format, size, pixel hash, perceptual hashes and metadata. */
export interface DecodedImage {
  format: string;
  width: number;
  height: number;
  /** SHA-256 of the decoded pixels as 8-bit sRGB RGBA, with the dimensions (equal pixels, equal hash). */
  pixelSha256: string;
  /** 64-bit DCT pHash of the image and of its mirror image (16 hex digits each). */
  phash: string;
  phashMirror: string;
  exif: Buffer | null;
  xmp: Buffer | null;
}

/** The image could not be decoded (corrupt, truncated, not an image): counted, never fatal. */
export class UndecodableImageError extends Error {}

type SharpFn = (input?: Buffer, options?: SharpOptions) => Sharp;
let loaded: Promise<SharpFn> | null = null;

/**
 * Loads sharp on the first image only: text analyses never load its native libvips binary (in a
 * bundle, the dynamic import keeps it in its own chunk).
 */
function loadSharp(): Promise<SharpFn> {
  loaded ??= import('sharp').then((m) => {
    const sharp = (m.default ?? m) as unknown as SharpFn & { cache(on: boolean): void };
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

/**
 * Decodes one image with the pixel cap enforced twice: from the header before any decoding (a
 * decompression bomb stops here) and by the decoder's own `limitInputPixels`.
 */
export async function decodeImage(
  name: string,
  bytes: Buffer,
  maxPixels: number,
): Promise<DecodedImage> {
  const sharp = await loadSharp();
  const options = { limitInputPixels: maxPixels, failOn: 'error' as const };
  let meta: Metadata;
  try {
    // the header only (no pixels decoded), so the cap below can name the size
    meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch (e) {
    throw new UndecodableImageError((e as Error).message, { cause: e });
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > maxPixels)
    throw new ImageLimitError(
      'maxPixels',
      `${name} is ${width} × ${height} pixels, more than ${maxPixels.toLocaleString('en-US')}`,
    );
  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await sharp(bytes, options)
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (e) {
    if (/pixel limit/i.test((e as Error).message))
      throw new ImageLimitError('maxPixels', `${name} has more pixels than allowed`);
    throw new UndecodableImageError((e as Error).message, { cause: e });
  }
  const { info } = raw;
  const pixelSha256 = createHash('sha256')
    .update(`${info.width}x${info.height}:`)
    .update(raw.data)
    .digest('hex');
  const grey = await sharp(raw.data as Buffer, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  })
    .greyscale()
    .resize(PHASH_SIZE, PHASH_SIZE, { fit: 'fill' })
    .raw()
    .toBuffer();
  // a greyscale raw output keeps one channel per pixel
  const square = grey.length === PHASH_SIZE * PHASH_SIZE ? grey : pickFirst(grey);
  return {
    format: meta.format ?? 'unknown',
    width,
    height,
    pixelSha256,
    phash: phash(square),
    phashMirror: phash(mirror(square)),
    exif: meta.exif ?? null,
    xmp: meta.xmp ?? null,
  };
}

function pickFirst(data: Buffer): Uint8Array {
  const channels = data.length / (PHASH_SIZE * PHASH_SIZE);
  const out = new Uint8Array(PHASH_SIZE * PHASH_SIZE);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels] as number;
  return out;
}
