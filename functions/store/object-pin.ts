import { DomainError } from '../lib/errors';

/**
 * The exact object an analysis read: the version S3 gave it (absent where the engine keeps no
 * versions, such as s3rver locally) and its ETag. Every later read of the sample names both.
 */
export interface ObjectPin {
  versionId?: string;
  etag?: string;
}

/** The object a claimed upload was analyzed from: every later read of the sample names it. */
export function pinOf(upload: {
  objectETag?: string | null;
  objectVersionId?: string | null;
}): ObjectPin {
  return {
    versionId: upload.objectVersionId ?? undefined,
    etag: upload.objectETag ?? undefined,
  };
}

/** A pinned read met other bytes: the object was replaced (or its version deleted) since. */
export class StaleObjectError extends DomainError {
  readonly status = 409;
  readonly slug = 'stale-object';
}

/** ETags compare without their quotes (S3 event records carry them bare, responses quoted). */
export function sameETag(a: string | undefined, b: string | undefined): boolean {
  const bare = (e: string | undefined) => e?.replace(/"/g, '');
  return bare(a) === bare(b);
}

/** GetObject/HeadObject parameters that make S3 itself refuse other bytes. */
export function pinParams(pin: ObjectPin | undefined): { VersionId?: string; IfMatch?: string } {
  if (!pin) return {};
  return {
    ...(pin.versionId ? { VersionId: pin.versionId } : {}),
    ...(pin.etag ? { IfMatch: `"${pin.etag.replace(/"/g, '')}"` } : {}),
  };
}

/**
 * Checks the ETag an answer carries against the pin: an engine that ignores `If-Match` (s3rver)
 * still cannot hand an analysis other bytes unnoticed.
 */
export function checkPinned(pin: ObjectPin | undefined, etag: string | undefined, key: string) {
  if (pin?.etag && etag !== undefined && !sameETag(pin.etag, etag))
    throw new StaleObjectError(`The object ${key} changed since its upload was analyzed.`);
}

/** True for S3's answer to a failed `If-Match` (412 Precondition Failed). */
export function isPreconditionFailed(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 412 || (error as { name?: string })?.name === 'PreconditionFailed';
}
