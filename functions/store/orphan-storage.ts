import {
  AbortMultipartUploadCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/** One stored version (or delete marker) of an object; `versionId` absent where none are kept. */
export interface StoredVersion {
  key: string;
  versionId?: string;
  lastModified: Date;
  deleteMarker: boolean;
}

/** One multipart upload S3 holds parts for; `key` absent for parts written with no upload behind. */
export interface StoredUpload {
  key?: string;
  uploadId: string;
  initiated: Date;
}

/** One page of a listing and the cursor of the next (absent on the last page). */
export interface ListingPage<T> {
  items: T[];
  next?: string;
}

/** What the orphan sweep needs from the samples bucket: list and remove versions and uploads. */
export interface OrphanStorage {
  listVersions(prefix: string, cursor?: string): Promise<ListingPage<StoredVersion>>;
  /** Removes these versions for good (each version and delete marker, not a new delete marker). */
  deleteVersions(versions: readonly StoredVersion[]): Promise<void>;
  listUploads(prefix: string, cursor?: string): Promise<ListingPage<StoredUpload>>;
  /** Aborts the upload: S3 frees its parts, and a part URL presigned for it stops working. */
  abortUpload(upload: StoredUpload): Promise<void>;
}

/** A DeleteObjects entry S3 refused. */
export class OrphanDeleteError extends Error {}

const encode = (markers: Record<string, string | undefined>) =>
  Buffer.from(JSON.stringify(markers)).toString('base64url');
const decode = (cursor: string | undefined): Record<string, string | undefined> =>
  cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : {};

/**
 * The orphan sweep's storage over AWS S3: ListObjectVersions, DeleteObjects with version ids,
 * ListMultipartUploads and AbortMultipartUpload on one (versioned) bucket, a page at a time.
 */
export function awsOrphanStorage(
  s3: Pick<S3Client, 'send'>,
  bucket: string,
  pageSize = 1000,
): OrphanStorage {
  return {
    async listVersions(prefix, cursor) {
      const { key, version } = decode(cursor);
      const out = await s3.send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: prefix,
          MaxKeys: pageSize,
          KeyMarker: key,
          VersionIdMarker: version,
        }),
      );
      const items: StoredVersion[] = [
        ...(out.Versions ?? []).map((v) => ({ ...v, deleteMarker: false })),
        ...(out.DeleteMarkers ?? []).map((v) => ({ ...v, deleteMarker: true })),
      ].map((v) => ({
        key: v.Key as string,
        versionId: v.VersionId,
        lastModified: v.LastModified ?? new Date(0),
        deleteMarker: v.deleteMarker,
      }));
      const next = out.IsTruncated
        ? encode({ key: out.NextKeyMarker, version: out.NextVersionIdMarker })
        : undefined;
      return { items, next };
    },
    async deleteVersions(versions) {
      for (let i = 0; i < versions.length; i += 1000) {
        const batch = versions.slice(i, i + 1000);
        const out = await s3.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: {
              Quiet: true,
              Objects: batch.map((v) => ({ Key: v.key, VersionId: v.versionId })),
            },
          }),
        );
        const failed = out.Errors ?? [];
        if (failed.length > 0)
          throw new OrphanDeleteError(
            `${failed.length} orphan version(s) not deleted (first: ${failed[0]?.Code})`,
          );
      }
    },
    async listUploads(prefix, cursor) {
      const { key, upload } = decode(cursor);
      const out = await s3.send(
        new ListMultipartUploadsCommand({
          Bucket: bucket,
          Prefix: prefix,
          MaxUploads: pageSize,
          KeyMarker: key,
          UploadIdMarker: upload,
        }),
      );
      const items = (out.Uploads ?? []).map((u) => ({
        key: u.Key,
        uploadId: u.UploadId as string,
        initiated: u.Initiated ?? new Date(0),
      }));
      const next = out.IsTruncated
        ? encode({ key: out.NextKeyMarker, upload: out.NextUploadIdMarker })
        : undefined;
      return { items, next };
    },
    async abortUpload(u) {
      await s3.send(
        new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.key, UploadId: u.uploadId }),
      );
    },
  };
}
