import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import {
  CreateSampleBody,
  SampleIdParam,
  SampleSchema,
  SaveAnswersBody,
  UploadSchema,
  VendorViewSchema,
} from './schemas';

const vendor = [{ vendorToken: [] }];

/** GET /api/vendor/assessment */
export const vendorView = createRoute({
  method: 'get',
  path: '/vendor/assessment',
  tags: ['vendor'],
  summary: 'The questionnaire, current answers, samples, status and reviewer comments',
  security: vendor,
  responses: {
    200: jsonResponse(VendorViewSchema, 'Your assessment'),
    ...errorResponses(401, 429),
  },
});

/** PUT /api/vendor/answers */
export const saveAnswers = createRoute({
  method: 'put',
  path: '/vendor/answers',
  tags: ['vendor'],
  summary: 'Save a draft: partial answers, each validated against its question',
  security: vendor,
  request: { body: jsonBody(SaveAnswersBody) },
  responses: {
    200: jsonResponse(
      z.object({ answers: z.record(z.string(), z.unknown()), version: z.number().int() }),
      'Saved',
    ),
    ...errorResponses(400, 401, 409, 413, 415, 429),
  },
});

/** POST /api/vendor/submit */
export const submit = createRoute({
  method: 'post',
  path: '/vendor/submit',
  tags: ['vendor'],
  summary: 'Submit and lock the answers; 409 lists missing required answers',
  security: vendor,
  responses: {
    200: jsonResponse(z.object({ status: z.string(), submittedAt: z.string() }), 'Submitted'),
    ...errorResponses(401, 409, 429),
  },
});

/** POST /api/vendor/samples */
export const createSample = createRoute({
  method: 'post',
  path: '/vendor/samples',
  tags: ['vendor'],
  summary: 'Register a sample file and get a presigned upload URL (PUT the file there)',
  security: vendor,
  request: { body: jsonBody(CreateSampleBody) },
  responses: {
    201: jsonResponse(UploadSchema, 'Upload target'),
    ...errorResponses(400, 401, 409, 413, 415, 429),
  },
});

/** GET /api/vendor/samples/{sampleId} */
export const getSample = createRoute({
  method: 'get',
  path: '/vendor/samples/{sampleId}',
  tags: ['vendor'],
  summary: 'Upload and analysis status of one sample',
  security: vendor,
  request: { params: SampleIdParam },
  responses: {
    200: jsonResponse(SampleSchema, 'The sample'),
    ...errorResponses(400, 401, 404, 429),
  },
});
