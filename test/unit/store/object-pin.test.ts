import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { objectsFromSqs } from '../../../functions/analyze/sqs-records';
import { createBlobStore } from '../../../functions/store/blob-store';
import { StaleObjectError } from '../../../functions/store/object-pin';

/** A recorded S3 client: answers `etag` for the object, or 412 when told to. */
function recorded(answer: { etag?: string; status?: number }) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const send = async (command: { constructor: { name: string }; input: object }) => {
    sent.push({ name: command.constructor.name, input: command.input as Record<string, unknown> });
    if (answer.status)
      throw Object.assign(new Error('PreconditionFailed'), {
        name: 'PreconditionFailed',
        $metadata: { httpStatusCode: answer.status },
      });
    return { ETag: answer.etag, ContentLength: 3, Body: (async function* () {})() };
  };
  return { sent, s3: { send } as never };
}

describe('pinned reads', () => {
  it('sends the version id and the ETag as If-Match on every read', async () => {
    const { s3, sent } = recorded({ etag: '"e1"' });
    const blobs = createBlobStore(s3);
    const pin = { versionId: 'v1', etag: 'e1' };
    await blobs.head('b', 'k', pin);
    await blobs.stream('b', 'k', pin);
    await blobs.streamRange('b', 'k', 0, 9, pin);
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html — VersionId reads that
    // version; If-Match returns the object only if its ETag matches, else 412 Precondition Failed.
    expect(sent.map((c) => c.name)).toEqual([
      HeadObjectCommand.name,
      GetObjectCommand.name,
      GetObjectCommand.name,
    ]);
    for (const c of sent) expect(c.input).toMatchObject({ VersionId: 'v1', IfMatch: '"e1"' });
    expect(sent[2]?.input.Range).toBe('bytes=0-9');
  });

  it('turns S3’s 412 into StaleObjectError', async () => {
    const blobs = createBlobStore(recorded({ status: 412 }).s3);
    await expect(blobs.stream('b', 'k', { etag: 'e1' })).rejects.toBeInstanceOf(StaleObjectError);
    await expect(blobs.head('b', 'k', { etag: 'e1' })).rejects.toBeInstanceOf(StaleObjectError);
  });

  it('refuses an answer with another ETag from an engine that ignores If-Match', async () => {
    const blobs = createBlobStore(recorded({ etag: '"e2"' }).s3);
    await expect(blobs.streamRange('b', 'k', 0, 1, { etag: 'e1' })).rejects.toBeInstanceOf(
      StaleObjectError,
    );
    await expect(blobs.stream('b', 'k')).resolves.toBeDefined();
  });

  it('takes the version id and ETag from S3 event records', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
    // — s3.object carries eTag, and versionId when the bucket is versioned.
    const body = JSON.stringify({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          s3: {
            bucket: { name: 'b' },
            object: { key: 'samples/x', size: 5, eTag: 'e1', versionId: 'v1' },
          },
        },
        { eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { key: 'y' } } },
      ],
    });
    expect(objectsFromSqs(body)).toEqual([
      { bucket: 'b', key: 'samples/x', size: 5, eTag: 'e1', versionId: 'v1' },
      { bucket: 'b', key: 'y', size: 0 },
    ]);
  });
});
