import type { BlobHead, BlobStore } from '../store/blob-store';

export { pinOf } from '../store/object-pin';

import { type ObjectPin, StaleObjectError } from '../store/object-pin';

/** The version and ETag an S3 event record names (s3rver's carry only the ETag). */
export function eventPin(object: { versionId?: string; eTag?: string }): ObjectPin | undefined {
  if (!object.versionId && !object.eTag) return undefined;
  return { versionId: object.versionId, etag: object.eTag };
}

/**
 * The head of the object exactly as the event saw it; undefined when it is gone or was replaced
 * since (the replacement's own event analyzes the new bytes), so no run analyzes other bytes.
 */
export async function headAtEvent(
  blobs: Pick<BlobStore, 'head'>,
  object: { bucket: string; key: string; versionId?: string; eTag?: string },
): Promise<BlobHead | undefined> {
  try {
    return await blobs.head(object.bucket, object.key, eventPin(object));
  } catch (error) {
    if (error instanceof StaleObjectError) return undefined;
    throw error;
  }
}
