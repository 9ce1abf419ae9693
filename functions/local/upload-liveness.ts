import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseUploadKey, type Upload } from '../analyze/uploads';
import { parsePackUploadKey, type StoredPack } from '../store/fingerprint-packs';
import type { MultipartTarget } from '../store/multipart-contract';

/** Why an upload URL is no longer honoured; `exists` is S3's 412 for `If-None-Match: *`. */
export type Staleness = { reason: string; status: 403 | 412 } | undefined;

/** The part of an UploadPart request the liveness check needs. */
export interface PartRef {
  uploadId: string;
  partNumber: number;
}

/** What the check reads: the upload's record, whether the object exists, whether the upload does. */
export interface LivenessDeps {
  getUpload(ids: NonNullable<ReturnType<typeof parseUploadKey>>): Promise<Upload | undefined>;
  objectExists(bucket: string, key: string): Promise<boolean>;
  multipartExists(target: MultipartTarget): Promise<boolean>;
  /** A fingerprint pack's record (packs upload beside samples, in one PUT). */
  getPack?(organizationId: string, packId: string): Promise<StoredPack | undefined>;
}

/**
 * s3rver keeps an unfinished multipart upload in `<bucket>/._S3rver_uploads/<uploadId>/` with a
 * `key` file (see `multipart-local.ts`) and removes it on completion; AbortMultipartUpload does too.
 */
export function localMultipartExists(s3Dir: string) {
  return async (t: MultipartTarget): Promise<boolean> => {
    if (!/^[0-9a-f]{32}$/.test(t.uploadId)) return false;
    const keyFile = join(s3Dir, t.bucket, '._S3rver_uploads', t.uploadId, 'key');
    return stat(keyFile).then(
      (s) => s.isFile(),
      () => false,
    );
  };
}

/**
 * An upload URL is honoured only while its sample or reference is the live registration awaiting
 * its file: not retired, not uploaded yet (no object: S3's `If-None-Match: *`), and for a part,
 * the multipart upload the record names, still open, within its part count.
 */
export function createLivenessCheck(deps: LivenessDeps) {
  return async (bucket: string, key: string, part?: PartRef): Promise<Staleness> => {
    const pack = parsePackUploadKey(key);
    if (pack) {
      const p = await deps.getPack?.(pack.organizationId, pack.packId);
      if (!p || p.uploadKey !== key) return { reason: 'no live registration', status: 403 };
      if (p.status !== 'awaiting_upload') return { reason: `pack is ${p.status}`, status: 403 };
      if (part) return { reason: 'packs upload in one PUT', status: 403 };
      if (await deps.objectExists(bucket, key)) return { reason: 'object exists', status: 412 };
      return undefined;
    }
    const ids = parseUploadKey(key);
    const upload = ids ? await deps.getUpload(ids) : undefined;
    if (!upload || upload.key !== key) return { reason: 'no live registration', status: 403 };
    if (upload.status !== 'awaiting_upload') {
      return { reason: `upload is ${upload.status}`, status: 403 };
    }
    if (!part) {
      if (upload.multipart) return { reason: 'registered for a multipart upload', status: 403 };
      if (await deps.objectExists(bucket, key)) return { reason: 'object exists', status: 412 };
      return undefined;
    }
    const live = upload.multipart;
    if (!live || live.uploadId !== part.uploadId) {
      return { reason: 'not the live multipart upload', status: 403 };
    }
    if (part.partNumber > live.partCount) return { reason: 'part out of range', status: 403 };
    if (!(await deps.multipartExists({ bucket, key, uploadId: part.uploadId }))) {
      return { reason: 'multipart upload finished', status: 403 };
    }
    return undefined;
  };
}
