import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  readErrors,
  writeErrors,
} from '../../schemas/problem';
import * as z from '../../schemas/zod';
import {
  createSpotCheckExample,
  finishedSpotCheckExample,
  openSpotCheckExample,
  spotRecordExample,
  taggedExample,
  tagRecordExample,
} from './examples';
import {
  CreateSpotCheckBody,
  SpotCheckParams,
  SpotCheckSchema,
  SpotRecordParams,
  SpotRecordSchema,
  TaggedSchema,
  TagRecordBody,
} from './schemas';

const staff = [{ staffJwt: [] }];

/** POST /api/assessments/{id}/spot-checks */
export const createSpotCheck = createRoute({
  method: 'post',
  path: '/assessments/{id}/spot-checks',
  operationId: 'createSpotCheck',
  tags: ['spot-checks'],
  summary: "Draw a stratified random sample of the training sample's records for a reviewer to tag",
  security: staff,
  // Reviewing is governance's (and an admin's); procurement reads the results only.
  middleware: [requireStaff('governance', 'admin')] as const,
  request: {
    params: IdParam,
    body: jsonBody(CreateSpotCheckBody, undefined, createSpotCheckExample),
  },
  responses: {
    201: jsonResponse(SpotCheckSchema, 'The new, open spot-check', {
      ...openSpotCheckExample,
      tagged: 0,
    }),
    ...errorResponses(...writeErrors),
  },
});

/** GET /api/assessments/{id}/spot-checks */
export const listSpotChecks = createRoute({
  method: 'get',
  path: '/assessments/{id}/spot-checks',
  operationId: 'listSpotChecks',
  tags: ['spot-checks'],
  summary: "The assessment's spot-checks, newest first",
  security: staff,
  // Procurement reads the results; governance and admins review.
  middleware: [requireStaff('procurement', 'governance', 'admin')] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(SpotCheckSchema) }), 'Newest first', {
      items: [finishedSpotCheckExample],
    }),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id}/spot-checks/{spotCheckId} */
export const getSpotCheck = createRoute({
  method: 'get',
  path: '/assessments/{id}/spot-checks/{spotCheckId}',
  operationId: 'getSpotCheck',
  tags: ['spot-checks'],
  summary: 'One spot-check: progress and, once finished, the estimate',
  security: staff,
  // Procurement reads the results; governance and admins review.
  middleware: [requireStaff('procurement', 'governance', 'admin')] as const,
  request: { params: SpotCheckParams },
  responses: {
    200: jsonResponse(SpotCheckSchema, 'The spot-check', finishedSpotCheckExample),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id}/spot-checks/{spotCheckId}/records/{position} */
export const getSpotRecord = createRoute({
  method: 'get',
  path: '/assessments/{id}/spot-checks/{spotCheckId}/records/{position}',
  operationId: 'getSpotCheckRecord',
  tags: ['spot-checks'],
  summary: 'One drawn record to read: its text and tag, nothing that biases the reader',
  security: staff,
  // Reviewing is governance's (and an admin's); procurement reads the results only.
  middleware: [requireStaff('governance', 'admin')] as const,
  request: { params: SpotRecordParams },
  responses: {
    200: jsonResponse(SpotRecordSchema, 'The record', spotRecordExample),
    ...errorResponses(...readErrors),
  },
});

/** PUT /api/assessments/{id}/spot-checks/{spotCheckId}/records/{position} */
export const tagSpotRecord = createRoute({
  method: 'put',
  path: '/assessments/{id}/spot-checks/{spotCheckId}/records/{position}',
  operationId: 'tagSpotCheckRecord',
  tags: ['spot-checks'],
  summary:
    'Tag one record machine-made, human or unsure (flags optional); answers the next untagged',
  security: staff,
  // Reviewing is governance's (and an admin's); procurement reads the results only.
  middleware: [requireStaff('governance', 'admin')] as const,
  request: { params: SpotRecordParams, body: jsonBody(TagRecordBody, undefined, tagRecordExample) },
  responses: {
    200: jsonResponse(TaggedSchema, 'Tagged', taggedExample),
    ...errorResponses(...writeErrors),
  },
});

/** POST /api/assessments/{id}/spot-checks/{spotCheckId}/finish */
export const finishSpotCheck = createRoute({
  method: 'post',
  path: '/assessments/{id}/spot-checks/{spotCheckId}/finish',
  operationId: 'finishSpotCheck',
  tags: ['spot-checks'],
  summary:
    'Finish a fully tagged spot-check: the stratified estimate; re-scores (evidence: reviewed)',
  security: staff,
  // Reviewing is governance's (and an admin's); procurement reads the results only.
  middleware: [requireStaff('governance', 'admin')] as const,
  request: { params: SpotCheckParams },
  responses: {
    200: jsonResponse(SpotCheckSchema, 'Finished, with its result', finishedSpotCheckExample),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});
