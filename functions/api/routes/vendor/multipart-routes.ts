import { createRoute } from '@hono/zod-openapi';
import { sampleExample } from '../../schemas/examples';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import {
  CompleteUploadBody,
  PartUrlsBody,
  PartUrlsSchema,
  partUrlsExample,
  UploadedPartsSchema,
  uploadedPartsExample,
} from './multipart-schemas';
import { SampleIdParam, SampleSchema } from './schemas';

const vendor = [{ vendorToken: [] }];

/** POST /api/vendor/samples/{sampleId}/parts */
export const presignParts = createRoute({
  method: 'post',
  path: '/vendor/samples/{sampleId}/parts',
  operationId: 'presignSampleParts',
  tags: ['vendor'],
  summary: 'Presigned URLs for some parts of a multipart upload (ask again to resume)',
  description:
    'For a sample registered with `upload.mode = multipart`. Each URL takes one PUT of exactly `sizeBytes` bytes and answers with the part’s `ETag`; keep them for `complete`. At most 100 parts per request.',
  security: vendor,
  request: {
    params: SampleIdParam,
    body: jsonBody(PartUrlsBody, 'The part numbers to upload now', { partNumbers: [1, 2, 3] }),
  },
  responses: {
    200: jsonResponse(PartUrlsSchema, 'One URL per requested part', partUrlsExample),
    ...errorResponses(400, 401, 404, 409, 413, 415, 429),
  },
});

/** GET /api/vendor/samples/{sampleId}/parts */
export const listParts = createRoute({
  method: 'get',
  path: '/vendor/samples/{sampleId}/parts',
  operationId: 'listSampleParts',
  tags: ['vendor'],
  summary: 'The parts already uploaded, so an interrupted upload resumes without re-sending them',
  security: vendor,
  request: { params: SampleIdParam },
  responses: {
    200: jsonResponse(
      UploadedPartsSchema,
      'Parts S3 holds, and the ones still missing',
      uploadedPartsExample,
    ),
    ...errorResponses(400, 401, 404, 409, 429),
  },
});

/** POST /api/vendor/samples/{sampleId}/complete */
export const completeUpload = createRoute({
  method: 'post',
  path: '/vendor/samples/{sampleId}/complete',
  operationId: 'completeSampleUpload',
  tags: ['vendor'],
  summary: 'Join the uploaded parts into the sample file; its analysis starts',
  description:
    'Lists every part with the ETag its PUT returned. A missing part, a duplicate, or an ETag that does not match the part S3 holds is refused with 400 naming the entry (`parts.<i>.etag`).',
  security: vendor,
  request: {
    params: SampleIdParam,
    body: jsonBody(CompleteUploadBody, 'Every part with its ETag', {
      parts: [
        { partNumber: 1, etag: '"9b2cf535f27731c974343645a3985328"' },
        { partNumber: 2, etag: '"6f5902ac237024bdd0c176cb93063dc4"' },
      ],
    }),
  },
  responses: {
    200: jsonResponse(SampleSchema, 'The sample, now being analyzed', {
      ...sampleExample,
      status: 'analyzing',
      sha256: null,
      summary: null,
    }),
    ...errorResponses(400, 401, 404, 409, 413, 415, 429),
  },
});

/** DELETE /api/vendor/samples/{sampleId}/upload */
export const abortUpload = createRoute({
  method: 'delete',
  path: '/vendor/samples/{sampleId}/upload',
  operationId: 'abortSampleUpload',
  tags: ['vendor'],
  summary: 'Abandon a multipart upload: its parts are discarded and the sample slot freed',
  security: vendor,
  request: { params: SampleIdParam },
  responses: {
    204: { description: 'Aborted; the samples it would have replaced stay in place' },
    ...errorResponses(400, 401, 404, 409, 429),
  },
});
