import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import {
  ChangeFieldsBody,
  DetectedFieldsSchema,
  detectedFieldsExample,
} from '../vendor/mapping-schemas';
import { referenceExample } from './examples';
import { ReferenceIdParam, ReferenceSchema } from './schemas';

const staff = [{ staffJwt: [] }];

/** GET /api/references/{referenceId}/fields */
export const getReferenceFields = createRoute({
  method: 'get',
  path: '/references/{referenceId}/fields',
  operationId: 'getReferenceFields',
  tags: ['references'],
  summary: 'The fields of the uploaded reference file, with examples, and the field read as text',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: ReferenceIdParam },
  responses: {
    200: jsonResponse(DetectedFieldsSchema, 'The fields found', detectedFieldsExample),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

/** PUT /api/references/{referenceId}/fields */
export const changeReferenceFields = createRoute({
  method: 'put',
  path: '/references/{referenceId}/fields',
  operationId: 'changeReferenceFields',
  tags: ['references'],
  summary:
    'Choose the field a reference is read from and analyze the stored file again (no new upload); re-scores what it calibrates',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: {
    params: ReferenceIdParam,
    body: jsonBody(ChangeFieldsBody, 'The new mapping', { fields: { text: 'body' } }),
  },
  responses: {
    202: jsonResponse(ReferenceSchema, 'Queued: the reference is analyzing with the new mapping', {
      ...referenceExample,
      status: 'analyzing',
    }),
    ...errorResponses(400, 401, 403, 404, 409, 415, 429),
  },
});
