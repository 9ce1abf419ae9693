import { describe, expect, it } from 'vitest';
import type { Upload } from '../../functions/analyze/uploads';
import { createLivenessCheck } from '../../functions/local/upload-liveness';

const key = 'samples/demo/01jb0000000000000000000001/01jb0000000000000000000000';
const sample = {
  sampleId: '01jb0000000000000000000000',
  organizationId: 'demo',
  assessmentId: '01jb0000000000000000000001',
  role: 'training',
  key,
  status: 'awaiting_upload',
  multipart: null,
} as unknown as Upload;

function check(upload: Upload | undefined, object = false, open = true) {
  return createLivenessCheck({
    getUpload: async () => upload,
    objectExists: async () => object,
    multipartExists: async () => open,
  });
}

describe('upload URLs are honoured only for the live registration', () => {
  it('answers 412 when the object already exists, as S3 does for If-None-Match: *', async () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html
    expect(await check(sample, true)('b', key)).toEqual({ reason: 'object exists', status: 412 });
    expect(await check(sample, false)('b', key)).toBeUndefined();
  });

  it('refuses a retired, an uploaded or a multipart sample’s single PUT', async () => {
    expect((await check(undefined)('b', key))?.status).toBe(403);
    expect((await check({ ...sample, status: 'analyzed' })('b', key))?.reason).toBe(
      'upload is analyzed',
    );
    const multipart = {
      ...sample,
      multipart: { uploadId: 'a'.repeat(32), partSize: 5, partCount: 2 },
    };
    expect((await check(multipart)('b', key))?.status).toBe(403);
  });

  it('refuses a part of another upload id, beyond the part count, or of a finished upload', async () => {
    // Real S3 refuses parts of aborted or completed uploads (NoSuchUpload):
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html
    const uploadId = 'a'.repeat(32);
    const live = { ...sample, multipart: { uploadId, partSize: 5, partCount: 2 } } as Upload;
    expect(await check(live)('b', key, { uploadId, partNumber: 2 })).toBeUndefined();
    expect((await check(live)('b', key, { uploadId: 'b'.repeat(32), partNumber: 1 }))?.reason).toBe(
      'not the live multipart upload',
    );
    expect((await check(live)('b', key, { uploadId, partNumber: 3 }))?.reason).toBe(
      'part out of range',
    );
    expect((await check(live, false, false)('b', key, { uploadId, partNumber: 1 }))?.reason).toBe(
      'multipart upload finished',
    );
    expect((await check(sample)('b', key, { uploadId, partNumber: 1 }))?.status).toBe(403);
  });
});
