import { AnalysisInputError } from '../errors';

/**
 * Caps of one image archive. Each stops a hostile or broken archive (a zip bomb, a decompression
 * bomb image) early with a message naming the entry and the cap; a merely corrupt image is counted
 * as undecodable instead.
 */
export interface ImageLimits {
  /** Entries (files and folders) in one archive. */
  maxEntries: number;
  /** Uncompressed bytes of one entry, counted as they inflate (never trusting the header alone). */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Pixels of one decoded image (width × height), checked before and during decoding. */
  maxPixels: number;
  /** Compressed bytes of a zip archive (its central directory needs the whole file in memory). */
  maxZipBytes: number;
}

/** The defaults: 200,000 entries, 256 MiB per entry, 16 GiB in all, 100 megapixels per image. */
export const defaultImageLimits: ImageLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 256 * 1024 ** 2,
  maxTotalBytes: 16 * 1024 ** 3,
  maxPixels: 100_000_000,
  maxZipBytes: 2 * 1024 ** 3,
};

const LABELS: Record<keyof ImageLimits, string> = {
  maxEntries: 'archive entry limit',
  maxEntryBytes: 'per-file size limit',
  maxTotalBytes: 'archive size limit',
  maxPixels: 'image pixel limit',
  maxZipBytes: 'zip file size limit',
};

/** An archive or image broke one of the image limits; `limit` says which. */
export class ImageLimitError extends AnalysisInputError {
  constructor(
    readonly limit: keyof ImageLimits,
    detail: string,
  ) {
    super(`${detail} (${LABELS[limit]}). Split the archive or remove the oversized file.`);
    this.name = 'ImageLimitError';
  }
}

/** "256 MiB": a byte count in the unit people expect. */
export function formatBytes(n: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  }
  return `${n} bytes`;
}

/** Fills in defaults. */
export function imageLimits(partial: Partial<ImageLimits> = {}): ImageLimits {
  return { ...defaultImageLimits, ...partial };
}
