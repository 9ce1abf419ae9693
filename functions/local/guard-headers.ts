import type { IncomingHttpHeaders } from 'node:http';

/** The headers a presigned URL of each kind signs (besides `x-amz-meta-*` on a whole object). */
export const signedHeadersOf = {
  /** UploadPart: the part's exact length. */
  part: ['content-length', 'host'],
  /** PutObject: length, type, and `If-None-Match: *` so the object cannot be replaced. */
  object: ['content-length', 'content-type', 'host', 'if-none-match'],
} as const;

/**
 * Checks the headers a presigned PUT carries against its `X-Amz-SignedHeaders`: exactly the set
 * our presigner signs (plus `x-amz-meta-*` on a whole object, each present), no `x-amz-*` header
 * outside it (S3 refuses unsigned ones), and `If-None-Match: *`. Returns the problem, or undefined.
 */
export function checkSignedHeaders(
  headers: IncomingHttpHeaders,
  signed: string[],
  kind: keyof typeof signedHeadersOf,
): string | undefined {
  const base: readonly string[] = signedHeadersOf[kind];
  const missing = base.filter((h) => !signed.includes(h));
  if (missing.length) return `${missing.join(', ')} not signed`;
  const extra = signed.filter(
    (h) => !base.includes(h) && !(kind === 'object' && /^x-amz-meta-[a-z0-9-]+$/.test(h)),
  );
  if (extra.length) return `unexpected signed header ${extra.join(', ')}`;
  const absent = signed.filter((h) => h !== 'host' && typeof headers[h] !== 'string');
  if (absent.length) return `signed header ${absent.join(', ')} missing`;
  const unsigned = Object.keys(headers).filter(
    (h) => h.toLowerCase().startsWith('x-amz-') && !signed.includes(h.toLowerCase()),
  );
  if (unsigned.length) return `unsigned header ${unsigned.join(', ')}`;
  if (kind === 'object' && headers['if-none-match'] !== '*') return 'if-none-match is not *';
  return undefined;
}
