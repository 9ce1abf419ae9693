import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/** Deletes an object outright: every stored version and delete marker of one key. */
export interface VersionPurger {
  /** Removes every version of `key`; resolves to how many versions (and markers) were deleted. */
  deleteEveryVersion(bucket: string, key: string): Promise<number>;
}

/**
 * Over a versioned S3 bucket: ListObjectVersions on the key as prefix (only entries whose key is
 * exactly `key` count), then DeleteObjects naming each VersionId (a page holds at most 1,000). A plain DeleteObject would only
 * add a delete marker and keep the text (a corpus the portal promised to delete).
 */
export function awsVersionPurger(s3: Pick<S3Client, 'send'>): VersionPurger {
  return {
    async deleteEveryVersion(bucket, key) {
      let deleted = 0;
      let keyMarker: string | undefined;
      let versionMarker: string | undefined;
      for (;;) {
        const out = await s3.send(
          new ListObjectVersionsCommand({
            Bucket: bucket,
            Prefix: key,
            KeyMarker: keyMarker,
            VersionIdMarker: versionMarker,
          }),
        );
        const entries = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])].filter(
          (v) => v.Key === key && v.VersionId,
        );
        if (entries.length > 0) {
          const done = await s3.send(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: {
                Quiet: true,
                Objects: entries.map((v) => ({ Key: key, VersionId: v.VersionId })),
              },
            }),
          );
          const failed = done.Errors ?? [];
          if (failed.length > 0)
            throw new Error(
              `${failed.length} version(s) of ${key} not deleted (first: ${failed[0]?.Code})`,
            );
          deleted += entries.length;
        }
        if (!out.IsTruncated) return deleted;
        keyMarker = out.NextKeyMarker;
        versionMarker = out.NextVersionIdMarker;
      }
    },
  };
}

/** Over an engine that keeps no versions (s3rver: `?versions` answers 405): the one object goes. */
export function singleVersionPurger(s3: Pick<S3Client, 'send'>): VersionPurger {
  return {
    async deleteEveryVersion(bucket, key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      return 1;
    },
  };
}
