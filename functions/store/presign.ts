import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** A browser upload target: PUT the file to `url` with exactly `headers`. */
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
 * Presigns with the real S3 signer. `rewriteOrigin` turns the URL into a same-origin path
 * locally (s3rver is mounted under the portal's own origin).
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
    });
    const signed = await getSignedUrl(s3, command, {
      expiresIn: request.expiresInSeconds,
      signingDate: request.now,
      signableHeaders: new Set(['content-type', 'content-length']),
      unhoistableHeaders: new Set(Object.keys(metadataHeaders)),
    });
    const url = rewriteOrigin ? rewriteOrigin(new URL(signed)) : signed;
    return {
      url,
      headers: { 'content-type': request.contentType, ...metadataHeaders },
      expiresAt: new Date(request.now.getTime() + request.expiresInSeconds * 1000).toISOString(),
    };
  };
}
