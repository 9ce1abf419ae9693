import type { Sharp, SharpOptions } from 'sharp';
import { type ArchiveKind, type ArchiveStats, archiveEntries } from './archive';
import { UndecodableImageError } from './decode';
import { ImageLimitError, type ImageLimits } from './limits';

/** Longest side of a thumbnail in pixels (fit inside a square, never enlarged). */
export const THUMBNAIL_SIZE = 160;

/** The media type of every thumbnail. */
export const THUMBNAIL_TYPE = 'image/webp';

type SharpFn = (input?: Buffer, options?: SharpOptions) => Sharp;

/**
 * Reads one entry of an archive by its exact name, streaming with the same caps as the analysis
 * (entries, bytes per entry and in all); null when no file of that name is in the archive.
 */
export async function readArchiveEntry(
  source: AsyncIterable<Uint8Array>,
  kind: ArchiveKind,
  name: string,
  limits: ImageLimits,
): Promise<Buffer | null> {
  const stats: ArchiveStats = { bytes: 0, entries: 0, uncompressed: 0 };
  for await (const entry of archiveEntries(source, kind, (n) => n === name, limits, stats)) {
    if (entry.name !== name) continue;
    if (!entry.bytes) throw new UndecodableImageError(`${name} is ${entry.error ?? 'unreadable'}`);
    return entry.bytes;
  }
  return null;
}

/**
 * Renders a small WebP of an image: decoded with the pixel cap (`limitInputPixels`), turned
 * upright, fit inside THUMBNAIL_SIZE², re-encoded with no metadata (sharp keeps none unless
 * asked), so the vendor's original bytes are never served back.
 */
export async function renderThumbnail(
  name: string,
  bytes: Buffer,
  maxPixels: number,
): Promise<Buffer> {
  const mod = await import('sharp');
  const sharp = (mod.default ?? mod) as unknown as SharpFn;
  try {
    return await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch (e) {
    if (/pixel limit/i.test((e as Error).message))
      throw new ImageLimitError('maxPixels', `${name} has more pixels than allowed`);
    throw new UndecodableImageError(`${name} cannot be decoded as an image`, { cause: e });
  }
}
