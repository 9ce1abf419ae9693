import { createHash } from 'node:crypto';
import { AnalysisInputError } from '../errors';
import type { AnalysisLimits } from '../params';
import { checkDeadline, type InputLimits, inputLimits } from '../parse/limits';
import { createPartial } from '../partial/create';
import type { AnalysisPartial } from '../partial/types';
import { type ArchiveEntry, type ArchiveKind, type ArchiveStats, archiveEntries } from './archive';
import { decodeImage, UndecodableImageError } from './decode';
import { type ImageLimits, imageLimits } from './limits';
import { isMetaList, parseMetaList } from './meta-list';
import { addUndecodable, createImagePartial } from './partial';
import { readProvenance } from './provenance';

/** File extensions read as images. */
const IMAGE = /\.(jpe?g|png|webp|avif|tiff?|gif|heic|heif)$/i;

/** True for an archive entry to decode as an image (macOS resource forks are skipped). */
export function isImageName(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return IMAGE.test(name) && !name.startsWith('__MACOSX/') && !base.startsWith('._');
}

/** Options of `foldImages`. */
export interface FoldImagesOptions {
  fileName?: string;
  limits?: Partial<AnalysisLimits>;
  /** The text input limits: the decompressed-size cap and the time limit apply to archives too. */
  input?: Partial<InputLimits>;
  images?: Partial<ImageLimits>;
  deadline?: number;
  onProgress?: (progress: { bytes: number; records: number }) => void;
}

/** The caps of an image fold: the image limits with the text decompressed-size cap as the total. */
export function foldCaps(options: FoldImagesOptions): { input: InputLimits; caps: ImageLimits } {
  const input = inputLimits(options.input);
  const caps = imageLimits({ maxTotalBytes: input.maxDecompressedBytes, ...options.images });
  return { input, caps };
}

/** True for the entries an image fold reads: images and metadata lists. */
export const wantedEntry = (name: string) => isImageName(name) || isMetaList(name);

/** The message of an archive without a single image entry. */
export function noImagesMessage(entries: number): string {
  return `the archive holds no images (${entries} entries; JPEG, PNG, WebP, AVIF, TIFF are read). To upload text records, compress them with gzip (.jsonl.gz) instead of zip`;
}

/**
 * Folds archive entries into an image partial (`format: "images"`, `records` = images decoded):
 * entry by entry, under the pixel cap and the time limit. `skipped` counts the entries of `stats`
 * past `firstEntry` that are neither decoded nor undecodable.
 */
export async function foldEntries(
  entries: AsyncIterable<ArchiveEntry>,
  stats: ArchiveStats,
  options: FoldImagesOptions,
  firstEntry = 0,
): Promise<AnalysisPartial> {
  const { input, caps } = foldCaps(options);
  const deadline = options.deadline ?? Date.now() + input.timeBudgetMs;
  const partial = createPartial({ text: [] }, 'images', options.fileName ?? null, options.limits);
  const images = createImagePartial();
  partial.images = images;
  for await (const entry of entries) {
    checkDeadline(deadline, input);
    if (!entry.bytes) {
      if (isImageName(entry.name)) addUndecodable(images, entry.name, entry.error ?? 'unreadable');
      continue;
    }
    if (isMetaList(entry.name)) {
      parseMetaList(entry.name, entry.bytes, images.meta);
      continue;
    }
    try {
      const decoded = await decodeImage(entry.name, entry.bytes, caps.maxPixels);
      const provenance = await readProvenance(entry.bytes, decoded);
      images.records.push({
        file: entry.name,
        format: decoded.format,
        width: decoded.width,
        height: decoded.height,
        bytesSha256: createHash('sha256').update(entry.bytes).digest('hex'),
        pixelSha256: decoded.pixelSha256,
        phash: decoded.phash,
        phashMirror: decoded.phashMirror,
        ...provenance,
      });
    } catch (e) {
      if (!(e instanceof UndecodableImageError)) throw e;
      addUndecodable(images, entry.name, e.message);
    }
    options.onProgress?.({ bytes: stats.bytes, records: images.records.length });
  }
  images.skipped = stats.entries - firstEntry - images.records.length - images.undecodable;
  partial.records = images.records.length;
  partial.malformed = images.undecodable;
  partial.bytes = stats.bytes;
  return partial;
}

/**
 * Folds an archive of images into a partial (`format: "images"`, `records` = images decoded, the
 * per-image state in `images`): one pass, entry by entry, under the archive and pixel caps.
 */
export async function foldImages(
  source: AsyncIterable<Uint8Array>,
  kind: ArchiveKind,
  options: FoldImagesOptions = {},
): Promise<AnalysisPartial> {
  const { caps } = foldCaps(options);
  const stats: ArchiveStats = { bytes: 0, entries: 0, uncompressed: 0 };
  const partial = await foldEntries(
    archiveEntries(source, kind, wantedEntry, caps, stats),
    stats,
    options,
  );
  if (partial.records + partial.malformed === 0)
    throw new AnalysisInputError(noImagesMessage(stats.entries));
  return partial;
}
