import { PutObjectCommand, type S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** An upload target: PUT the file to `url` with every one of `headers` (all are signed). */
export interface UploadTarget {
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

/** What an upload must be: the signature binds length and type. */
export interface UploadRequest {
  bucket: string;
  key: string;
  contentType: string;
  contentLength: number;
  metadata: Record<string, string>;
  expiresInSeconds: number;
  now: Date;
}

/** Creates presigned PUT targets. */
export type Presigner = (request: UploadRequest) => Promise<UploadTarget>;

/**
 * Presigns with the real S3 signer, binding length, type, metadata and `If-None-Match: *` (a URL
 * can create the object once, never replace it). `rewriteOrigin` turns the URL into a same-origin
 * path locally (s3rver is mounted under the portal's own origin).
 */
export function createPresigner(s3: S3Client, rewriteOrigin?: (url: URL) => string): Presigner {
  return async (request) => {
    const metadataHeaders = Object.fromEntries(
      Object.entries(request.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]),
    );
    const command = new PutObjectCommand({
      Bucket: request.bucket,
      Key: request.key,
      ContentType: request.contentType,
      ContentLength: request.contentLength,
      Metadata: request.metadata,
      // S3 conditional write: the PUT fails (412) once an object exists, so it cannot be replaced.
      IfNoneMatch: '*',
    });
    const signed = await getSignedUrl(s3, command, {
      expiresIn: request.expiresInSeconds,
      signingDate: request.now,
      signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
      unhoistableHeaders: new Set(Object.keys(metadataHeaders)),
    });
    const url = rewriteOrigin ? rewriteOrigin(new URL(signed)) : signed;
    return {
      url,
      headers: { 'content-type': request.contentType, 'if-none-match': '*', ...metadataHeaders },
      expiresAt: new Date(request.now.getTime() + request.expiresInSeconds * 1000).toISOString(),
    };
  };
}

/** One part of a multipart upload: its number and exact length (the signature binds both). */
export interface PartRequest {
  bucket: string;
  key: string;
  uploadId: string;
  partNumber: number;
  contentLength: number;
  expiresInSeconds: number;
  now: Date;
}

/** Creates presigned UploadPart targets. */
export type PartPresigner = (request: PartRequest) => Promise<UploadTarget>;

/** The UploadPart command a part URL is signed for (the local S3 guard re-signs the same one). */
export function uploadPartCommand(r: Omit<PartRequest, 'expiresInSeconds' | 'now'>) {
  return new UploadPartCommand({
    Bucket: r.bucket,
    Key: r.key,
    UploadId: r.uploadId,
    PartNumber: r.partNumber,
    ContentLength: r.contentLength,
  });
}

/**
 * Presigns UploadPart with the same client (no checksum: `requestChecksumCalculation` is
 * `WHEN_REQUIRED`), binding the part's length; the client PUTs the bytes with no extra headers.
 */
export function createPartPresigner(
  s3: S3Client,
  rewriteOrigin?: (url: URL) => string,
): PartPresigner {
  return async (request) => {
    const signed = await getSignedUrl(s3, uploadPartCommand(request), {
      expiresIn: request.expiresInSeconds,
      signingDate: request.now,
      signableHeaders: new Set(['content-length']),
    });
    return {
      url: rewriteOrigin ? rewriteOrigin(new URL(signed)) : signed,
      headers: {},
      expiresAt: new Date(request.now.getTime() + request.expiresInSeconds * 1000).toISOString(),
    };
  };
}
