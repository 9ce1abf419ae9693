import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MultipartTarget, MultipartUploads, StoredPart } from '../store/multipart-contract';

/**
 * s3rver (3.7) implements CreateMultipartUpload, UploadPart and CompleteMultipartUpload, but
 * answers ListParts and AbortMultipartUpload with 405. This adds those two over its upload folder
 * (`<bucket>/._S3rver_uploads/<uploadId>/<partNumber>` with a `.md5` beside each part and a `key`
 * file), so the local portal runs the same API code as AWS.
 */
export function withLocalMultipart(s3Dir: string) {
  const folder = (t: MultipartTarget) => {
    if (!/^[0-9a-f]{32}$/.test(t.uploadId)) return undefined;
    return join(s3Dir, t.bucket, '._S3rver_uploads', t.uploadId);
  };
  /** The upload's folder if it exists and belongs to this key. */
  async function own(t: MultipartTarget): Promise<string | undefined> {
    const dir = folder(t);
    if (!dir) return undefined;
    const key = await readFile(join(dir, 'key'), 'utf8').catch(() => undefined);
    return key === t.key ? dir : undefined;
  }
  return (s3: MultipartUploads): MultipartUploads => ({
    create: s3.create,
    complete: s3.complete,
    async listParts(t) {
      const dir = await own(t);
      if (!dir) return undefined;
      const parts: StoredPart[] = [];
      for (const name of await readdir(dir)) {
        if (!/^\d+$/.test(name)) continue;
        const md5 = await readFile(join(dir, `${name}.md5`), 'utf8').catch(() => undefined);
        // A part still being written has no checksum yet: S3 does not list it either.
        if (!md5) continue;
        const { size } = await stat(join(dir, name));
        parts.push({ partNumber: Number(name), etag: md5.trim(), sizeBytes: size });
      }
      return parts.sort((a, b) => a.partNumber - b.partNumber);
    },
    async abort(t) {
      const dir = await own(t);
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  });
}
