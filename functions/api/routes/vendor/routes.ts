import { createRoute } from '@hono/zod-openapi';
import {
  assessmentExample,
  registerSampleExample,
  sampleExample,
  uploadExample,
} from '../../schemas/examples';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';
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
  operationId: 'getVendorAssessment',
  tags: ['vendor'],
  summary: 'The questionnaire, current answers, samples, status and reviewer comments',
  security: vendor,
  responses: {
    200: jsonResponse(VendorViewSchema, 'Your assessment', {
      assessment: {
        id: assessmentExample.id,
        status: 'changes_requested',
        vendor: assessmentExample.vendor,
        dataset: assessmentExample.dataset,
        dueAt: assessmentExample.dueAt,
        submittedAt: assessmentExample.submittedAt,
      },
      template: { id: 'ai-training-data', version: 1, title: 'AI training data', sections: [] },
      answers: assessmentExample.answers,
      version: 8,
      samples: [sampleExample],
      comments: [{ questionId: 'synthetic_share_percent', comment: 'Per record or per token?' }],
    }),
    ...errorResponses(401, 429),
  },
});

/** PUT /api/vendor/answers */
export const saveAnswers = createRoute({
  method: 'put',
  path: '/vendor/answers',
  operationId: 'saveVendorAnswers',
  tags: ['vendor'],
  summary: 'Save a draft: partial answers, each validated against its question',
  security: vendor,
  request: {
    body: jsonBody(SaveAnswersBody, 'Answers to merge (null clears one)', {
      answers: {
        dataset_name: 'Acme Instructions',
        synthetic_share_percent: 12,
        label_audit: null,
      },
      version: 4,
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({ answers: z.record(z.string(), z.unknown()), version: z.number().int() }),
      'Saved',
      { answers: { dataset_name: 'Acme Instructions', synthetic_share_percent: 12 }, version: 5 },
    ),
    ...errorResponses(400, 401, 409, 413, 415, 429),
  },
});

/** POST /api/vendor/submit */
export const submit = createRoute({
  method: 'post',
  path: '/vendor/submit',
  operationId: 'submitVendorAssessment',
  tags: ['vendor'],
  summary: 'Submit and lock the answers; 409 lists missing required answers',
  security: vendor,
  responses: {
    200: jsonResponse(z.object({ status: z.string(), submittedAt: z.string() }), 'Submitted', {
      status: 'submitted',
      submittedAt: '2026-11-27T16:30:00.000Z',
    }),
    ...errorResponses(401, 409, 429),
  },
});

/** POST /api/vendor/samples */
export const createSample = createRoute({
  method: 'post',
  path: '/vendor/samples',
  operationId: 'registerSample',
  tags: ['vendor'],
  summary: 'Register a sample file and get a presigned upload URL (PUT the file there)',
  security: vendor,
  request: {
    body: jsonBody(CreateSampleBody, 'The file you are about to upload', registerSampleExample),
  },
  responses: {
    201: jsonResponse(
      UploadSchema,
      'Upload target (absolute URL; PUT the file there)',
      uploadExample,
    ),
    ...errorResponses(400, 401, 409, 413, 415, 429),
  },
});

/** GET /api/vendor/samples/{sampleId} */
export const getSample = createRoute({
  method: 'get',
  path: '/vendor/samples/{sampleId}',
  operationId: 'getVendorSample',
  tags: ['vendor'],
  summary: 'Upload and analysis status of one sample',
  security: vendor,
  request: { params: SampleIdParam },
  responses: {
    200: jsonResponse(SampleSchema, 'The sample', sampleExample),
    ...errorResponses(400, 401, 404, 429),
  },
});
