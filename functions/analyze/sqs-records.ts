import type { ObjectCreated } from './handler';

interface S3Notification {
  Records?: {
    eventName?: string;
    s3?: {
      bucket?: { name?: string };
      object?: { key?: string; size?: number; versionId?: string; eTag?: string };
    };
  }[];
}

/** Extracts ObjectCreated objects from one SQS message body (S3 test events yield none). */
export function objectsFromSqs(body: string): ObjectCreated[] {
  const parsed = JSON.parse(body) as S3Notification;
  const objects: ObjectCreated[] = [];
  for (const r of parsed.Records ?? []) {
    const bucket = r.s3?.bucket?.name;
    const key = r.s3?.object?.key;
    if (!r.eventName?.startsWith('ObjectCreated') || !bucket || !key) continue;
    // S3 URL-encodes keys in notifications, with '+' for spaces.
    objects.push({
      bucket,
      key: decodeURIComponent(key.replace(/\+/g, ' ')),
      size: r.s3?.object?.size ?? 0,
      // The analysis reads exactly this version and ETag (absent in an unversioned bucket).
      ...(r.s3?.object?.versionId ? { versionId: r.s3.object.versionId } : {}),
      ...(r.s3?.object?.eTag ? { eTag: r.s3.object.eTag } : {}),
    });
  }
  return objects;
}
