import type { ObjectCreated } from './handler';

interface S3Notification {
  Records?: { eventName?: string; s3?: { bucket?: { name?: string }; object?: { key?: string; size?: number } } }[];
}

/** Extracts ObjectCreated objects from one SQS message body (S3 test events yield none). */
export function objectsFromSqs(body: string): ObjectCreated[] {
  const parsed = JSON.parse(body) as S3Notification;
  return (parsed.Records ?? [])
    .filter((r) => r.eventName?.startsWith('ObjectCreated') && r.s3?.bucket?.name && r.s3.object?.key)
    .map((r) => ({
      bucket: r.s3?.bucket?.name as string,
      // S3 URL-encodes keys in notifications, with '+' for spaces.
      key: decodeURIComponent((r.s3?.object?.key as string).replace(/\+/g, ' ')),
      size: r.s3?.object?.size ?? 0,
    }));
}
