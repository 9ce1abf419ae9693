import { createHash } from 'node:crypto';
import { AnalysisInputError } from '../errors';
import type { AnalysisLimits } from '../params';
import { checkDeadline, type InputLimits, inputLimits } from '../parse/limits';
import { createPartial } from '../partial/create';
import type { AnalysisPartial } from '../partial/types';
import { type ArchiveKind, type ArchiveStats, archiveEntries } from './archive';
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

/**
 * Folds an archive of images into a partial (`format: "images"`, `records` = images decoded, the
 * per-image state in `images`): one pass, entry by entry, under the archive and pixel caps.
 */
export async function foldImages(
  source: AsyncIterable<Uint8Array>,
  kind: ArchiveKind,
  options: FoldImagesOptions = {},
): Promise<AnalysisPartial> {
  const input = inputLimits(options.input);
  const caps = imageLimits({
    maxTotalBytes: input.maxDecompressedBytes,
    ...options.images,
  });
  const deadline = options.deadline ?? Date.now() + input.timeBudgetMs;
  const partial = createPartial({ text: [] }, 'images', options.fileName ?? null, options.limits);
  const images = createImagePartial();
  partial.images = images;
  const stats: ArchiveStats = { bytes: 0, entries: 0, uncompressed: 0 };
  const wanted = (name: string) => isImageName(name) || isMetaList(name);
  for await (const entry of archiveEntries(source, kind, wanted, caps, stats)) {
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
  if (images.records.length + images.undecodable === 0)
    throw new AnalysisInputError(
      `the archive holds no images (${stats.entries} entries; JPEG, PNG, WebP, AVIF, TIFF are read). To upload text records, compress them with gzip (.jsonl.gz) instead of zip`,
    );
  images.skipped = stats.entries - images.records.length - images.undecodable;
  partial.records = images.records.length;
  partial.malformed = images.undecodable;
  partial.bytes = stats.bytes;
  return partial;
}
