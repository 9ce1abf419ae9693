import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteObjectCommand, ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { AppDeps } from '../api/env';
import { type OrphanResult, sweepOrphans } from '../retention/orphans';
import type { DocClient } from '../store/dynamo';
import type { OrphanStorage, StoredUpload } from '../store/orphan-storage';
import { sweepCursorRepo } from '../store/sweep-cursors';

/**
 * The orphan sweep's storage over s3rver 3.7, which keeps no versions (GET `?versions` is 405)
 * and has no ListMultipartUploads (GET `?uploads` is 501): objects are listed with ListObjects
 * and deleted as the one version they are; uploads are read from s3rver's upload folder
 * (`<bucket>/._S3rver_uploads/<uploadId>/`, with a `key` file). A folder without `key` holds parts
 * written after its upload was aborted or completed (s3rver accepts them): it goes at once.
 */
export function localOrphanStorage(
  s3: Pick<S3Client, 'send'>,
  bucket: string,
  s3Dir: string,
  pageSize = 1000,
): OrphanStorage {
  const uploadsDir = join(s3Dir, bucket, '._S3rver_uploads');
  return {
    async listVersions(prefix, cursor) {
      // ListObjects (v1) with the last key as marker: s3rver ciphers ListObjectsV2 continuation
      // tokens with DES, which Node 22's OpenSSL 3 refuses, so a truncated v2 page answers 500.
      const out = await s3.send(
        new ListObjectsCommand({
          Bucket: bucket,
          Prefix: prefix,
          MaxKeys: pageSize,
          Marker: cursor,
        }),
      );
      const items = (out.Contents ?? []).map((o) => ({
        key: o.Key as string,
        lastModified: o.LastModified ?? new Date(0),
        deleteMarker: false,
      }));
      return { items, next: out.IsTruncated ? items.at(-1)?.key : undefined };
    },
    async deleteVersions(versions) {
      for (const v of versions)
        await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: v.key }));
    },
    async listUploads(prefix, cursor) {
      const names = (await readdir(uploadsDir).catch(() => [] as string[]))
        .filter((n) => /^[0-9a-f]{32}$/.test(n) && (!cursor || n > cursor))
        .sort();
      const page = names.slice(0, pageSize);
      const items: StoredUpload[] = [];
      for (const uploadId of page) {
        const dir = join(uploadsDir, uploadId);
        const key = await readFile(join(dir, 'key'), 'utf8').catch(() => undefined);
        const initiated = await stat(dir).then(
          (s) => s.mtime,
          () => new Date(0),
        );
        if (key === undefined || key.startsWith(prefix)) items.push({ key, uploadId, initiated });
      }
      return { items, next: names.length > pageSize ? page.at(-1) : undefined };
    },
    async abortUpload(u) {
      if (!/^[0-9a-f]{32}$/.test(u.uploadId)) return;
      await rm(join(uploadsDir, u.uploadId), { recursive: true, force: true });
    },
  };
}

/** The local runtime's orphan sweep over s3rver and dynalite, run on the portal's sweep timer. */
export function localOrphanSweep(
  deps: Pick<AppDeps, 'repos' | 'clock' | 'logger' | 'config'>,
  clients: { s3: Pick<S3Client, 'send'>; doc: DocClient },
  pageSize?: number,
): () => Promise<OrphanResult> {
  const { config } = deps;
  const storage = localOrphanStorage(
    clients.s3,
    config.SAMPLES_BUCKET,
    join(config.DATA_DIR, 's3'),
    pageSize,
  );
  const cursors = sweepCursorRepo({ doc: clients.doc, name: config.TABLE_NAME }, 'orphans');
  return () => sweepOrphans({ ...deps, storage, cursors });
}
