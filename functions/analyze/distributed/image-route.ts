import { archiveKind } from '../../core/analysis/images/archive';
import { archiveKindOf } from '../../core/analysis/images/dispatch';
import { openZipByRange, RangeReader } from '../../core/analysis/images/zip-range';
import type { Config } from '../../lib/config';
import type { BlobStore } from '../../store/blob-store';
import type { ObjectPin } from '../../store/object-pin';

async function firstBytes(source: AsyncIterable<Uint8Array>, n: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= n) break;
  }
  return Buffer.concat(parts).subarray(0, n);
}

/**
 * Whether an image archive is too big for the one pass and goes to the distributed workflow
 * instead: over DISTRIBUTED_IMAGE_THRESHOLD_BYTES, or a zip whose central directory lists more
 * than DISTRIBUTED_IMAGE_THRESHOLD_ENTRIES entries (one range read of its end record). A sample
 * not named as an archive is only looked at (its first 4 KiB) when it is over the byte threshold;
 * text samples are never affected. A sample that cannot be read here (a zip without an end
 * record) stays in the one pass, which reports the problem.
 */
export async function imageArchiveTooBig(
  blobs: Pick<BlobStore, 'streamRange'>,
  object: { bucket: string; key: string },
  pin: ObjectPin,
  fileName: string,
  size: number,
  config: Config,
): Promise<boolean> {
  const overBytes = size > config.DISTRIBUTED_IMAGE_THRESHOLD_BYTES;
  const read = (start: number, end: number) =>
    blobs.streamRange(object.bucket, object.key, start, end, pin);
  try {
    let kind = archiveKind(fileName, new Uint8Array());
    if (!kind && overBytes && size > 0)
      kind = archiveKindOf(
        fileName,
        await firstBytes(await read(0, Math.min(size, 4096) - 1), 4096),
      );
    if (!kind) return false;
    if (overBytes) return true;
    if (kind !== 'zip' || size === 0) return false;
    const zip = await openZipByRange(new RangeReader(read, size), size);
    zip.close();
    return zip.entryCount > config.DISTRIBUTED_IMAGE_THRESHOLD_ENTRIES;
  } catch {
    // unreadable here: the one pass reads it and reports what is wrong
    return false;
  }
}
