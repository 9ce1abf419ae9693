import { AnalysisInputError } from '../errors';
import type { AnalysisPartial } from '../partial/types';
import type { ArchiveStats } from './archive';
import { checkBytes } from './archive';
import {
  type FoldImagesOptions,
  foldCaps,
  foldEntries,
  isImageName,
  noImagesMessage,
  wantedEntry,
} from './fold';
import type { ImageLimits } from './limits';
import { checkEntryCount, nextEntry, zipEntries } from './zip';
import { openZipByRange, type RangeRead, RangeReader } from './zip-range';

/**
 * One shard of a zip split for a distributed analysis: the entries [first, end) in central-directory
 * order, and what the one pass would have counted before them, so the caps hold across shards.
 */
export interface ZipShard {
  first: number;
  end: number;
  /** Uncompressed bytes of the wanted entries before `first` (their declared sizes; see plan). */
  uncompressedBefore: number;
}

/** A byte range [start, end) of the archive; the shards follow these ranges' local headers. */
export interface ArchiveRange {
  start: number;
  end: number;
}

/**
 * Plans the shards of a zip from its central directory alone (read by range requests, never the
 * whole object); `rangesFor` gives the byte ranges from the entry count. Shard i holds the entries, in central-directory order, from the first whose
 * local header lies at or after `ranges[i].start`, so each shard's data sits in its byte range
 * when the archive is laid out in order (any zip tool's output) and the shards are still a
 * partition in order otherwise. The one pass's refusals happen here first, on declared sizes:
 * more entries than the cap, an entry or the running total over its cap (a zip bomb stops
 * before any data is read), an archive without images; the messages are the one pass's.
 */
export async function planZipShards(
  read: RangeRead,
  size: number,
  rangesFor: (entries: number) => Promise<readonly ArchiveRange[]>,
  options: FoldImagesOptions = {},
): Promise<{ shards: ZipShard[]; ranges: readonly ArchiveRange[]; requests: number }> {
  const { caps } = foldCaps(options);
  const reader = new RangeReader(read, size);
  const zip = await openZipByRange(reader, size);
  const stats: ArchiveStats = { bytes: 0, entries: 0, uncompressed: 0 };
  const shards: ZipShard[] = [];
  let ranges: readonly ArchiveRange[] = [];
  let images = 0;
  try {
    checkEntryCount(zip, caps, stats);
    ranges = await rangesFor(zip.entryCount);
    let next = 0;
    const open = (first: number) => {
      const last = shards.at(-1);
      if (last) last.end = first;
      shards.push({ first, end: first, uncompressedBefore: stats.uncompressed });
      next++;
    };
    open(0);
    let index = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip), index++) {
      const at = entry.relativeOffsetOfLocalHeader;
      while (next < ranges.length && at >= (ranges[next] as ArchiveRange).start && index > 0)
        open(index);
      stats.entries++;
      const name = entry.fileName;
      if (name.endsWith('/') || !wantedEntry(name)) continue;
      if (isImageName(name)) images++;
      const declared = entry.uncompressedSize;
      checkBytes(name, declared, { ...stats, uncompressed: stats.uncompressed + declared }, caps);
      // what the one pass adds after reading it (a size that lies fails that entry's shard)
      if (!entry.isEncrypted()) stats.uncompressed += declared;
    }
    while (next < ranges.length) open(index);
    (shards.at(-1) as ZipShard).end = index;
  } catch (e) {
    if (e instanceof AnalysisInputError) throw e;
    throw new AnalysisInputError(`the zip archive cannot be read: ${(e as Error).message}`, {
      cause: e,
    });
  } finally {
    zip.close();
  }
  if (images === 0) throw new AnalysisInputError(noImagesMessage(stats.entries));
  return { shards, ranges, requests: reader.requests };
}

/**
 * Folds one shard of a stored zip: the central directory by range requests, then each of the
 * shard's entries (local header and data) by range, under the same caps as the one pass, which
 * continue from the counts the plan gave the shard. `bytes` is the partial's share of the
 * archive's size (its byte range), so the merged partial counts the archive once.
 */
export async function foldZipShard(
  read: RangeRead,
  size: number,
  shard: ZipShard,
  bytes: number,
  options: FoldImagesOptions = {},
): Promise<AnalysisPartial> {
  const { caps } = foldCaps(options);
  const limits: ImageLimits = caps;
  if (shard.first >= shard.end) {
    // a range holding no local header (the directory, or the middle of a large entry)
    const stats: ArchiveStats = { bytes, entries: 0, uncompressed: 0 };
    return foldEntries((async function* () {})(), stats, options);
  }
  const reader = new RangeReader(read, size);
  const zip = await openZipByRange(reader, size);
  const stats: ArchiveStats = {
    bytes,
    entries: shard.first,
    uncompressed: shard.uncompressedBefore,
  };
  try {
    checkEntryCount(zip, limits, stats);
  } catch (e) {
    zip.close();
    throw e;
  }
  return foldEntries(
    zipEntries(zip, wantedEntry, limits, stats, shard),
    stats,
    options,
    shard.first,
  );
}
