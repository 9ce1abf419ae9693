import { multipartLimits } from '../../../store/multipart-contract';
import * as z from '../../schemas/zod';

/** Most part URLs one request returns (ask again for more; each URL lives 15 minutes). */
export const maxPartsPerRequest = 100;

const partNumber = z
  .number()
  .int('a part number is a whole number')
  .min(1, 'part numbers start at 1')
  .max(multipartLimits.maxParts, `S3 allows at most ${multipartLimits.maxParts} parts`);

/** Body of POST /api/vendor/samples/{sampleId}/parts. */
export const PartUrlsBody = z
  .strictObject({
    partNumbers: z
      .array(partNumber)
      .min(1, 'name at least one part')
      .max(
        maxPartsPerRequest,
        `at most ${maxPartsPerRequest} parts per request; ask again for more`,
      )
      .openapi({
        description: 'the parts to upload now (1-based), e.g. the next few missing ones',
      }),
  })
  .openapi('PartUrlsRequest', { example: { partNumbers: [1, 2, 3] } });

/** Presigned part URLs. */
export const PartUrlsSchema = z
  .object({
    parts: z.array(
      z.object({
        partNumber: z.number().int(),
        url: z.string().openapi({ description: 'PUT exactly `sizeBytes` bytes here' }),
        sizeBytes: z.number().int(),
      }),
    ),
    expiresAt: z.string(),
  })
  .openapi('PartUrls');

/** The parts S3 already holds. */
export const UploadedPartsSchema = z
  .object({
    partSize: z.number().int(),
    partCount: z.number().int(),
    parts: z.array(
      z.object({ partNumber: z.number().int(), etag: z.string(), sizeBytes: z.number().int() }),
    ),
    missing: z
      .array(z.number().int())
      .openapi({ description: 'part numbers still to upload, ascending' }),
    uploadedBytes: z.number().int(),
  })
  .openapi('UploadedParts');

/** Body of POST /api/vendor/samples/{sampleId}/complete. */
export const CompleteUploadBody = z
  .strictObject({
    parts: z
      .array(
        z.strictObject({
          partNumber,
          etag: z
            .string()
            .regex(/^"?[0-9a-fA-F]{32}(-\d+)?"?$/, 'an ETag is the 32 hex digits S3 returned')
            .openapi({ description: 'the `ETag` header of the part’s PUT response' }),
        }),
      )
      .min(1, 'list every part with its ETag')
      .max(multipartLimits.maxParts),
  })
  .openapi('CompleteUpload', {
    example: {
      parts: [
        { partNumber: 1, etag: '"9b2cf535f27731c974343645a3985328"' },
        { partNumber: 2, etag: '"6f5902ac237024bdd0c176cb93063dc4"' },
      ],
    },
  });

/** Example of the part URLs answer. */
export const partUrlsExample = {
  parts: [
    {
      partNumber: 1,
      url: 'http://localhost:3000/_s3/diligence-samples/samples/demo/01kb2x7c0m3q5r7t9v1w3y5z7a/01kb2x9d4e6g8j0k2m4n6p8q0r?partNumber=1&uploadId=6b1f…&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Signature=…',
      sizeBytes: 67_108_864,
    },
  ],
  expiresAt: '2026-11-21T10:15:00.000Z',
};

/** Example of the uploaded parts answer. */
export const uploadedPartsExample = {
  partSize: 67_108_864,
  partCount: 3,
  parts: [{ partNumber: 1, etag: '9b2cf535f27731c974343645a3985328', sizeBytes: 67_108_864 }],
  missing: [2, 3],
  uploadedBytes: 67_108_864,
};
