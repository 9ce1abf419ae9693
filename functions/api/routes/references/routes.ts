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
  attachmentExample,
  attachReferenceExample,
  createMachineReferenceExample,
  referenceExample,
  referenceUploadExample,
} from './examples';
import {
  AttachmentSchema,
  AttachReferenceBody,
  CreateReferenceBody,
  ReferenceIdParam,
  ReferenceSchema,
  ReferenceUploadSchema,
} from './schemas';

const staff = [{ staffJwt: [] }];

/** GET /api/references */
export const listReferences = createRoute({
  method: 'get',
  path: '/references',
  operationId: 'listReferences',
  tags: ['references'],
  summary: "The organization's reference samples (known-human records that calibrate the estimate)",
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  responses: {
    200: jsonResponse(z.object({ items: z.array(ReferenceSchema) }), 'The library, oldest first', {
      items: [referenceExample],
    }),
    ...errorResponses(401, 403, 429),
  },
});

/** POST /api/references */
export const createReference = createRoute({
  method: 'post',
  path: '/references',
  operationId: 'createReference',
  tags: ['references'],
  summary: 'Register a reference sample and get a presigned upload URL (PUT the file there)',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { body: jsonBody(CreateReferenceBody, undefined, createMachineReferenceExample) },
  responses: {
    201: jsonResponse(ReferenceUploadSchema, 'Upload target', referenceUploadExample),
    ...errorResponses(400, 401, 403, 409, 413, 415, 429),
  },
});

/** GET /api/references/{referenceId} */
export const getReference = createRoute({
  method: 'get',
  path: '/references/{referenceId}',
  operationId: 'getReference',
  tags: ['references'],
  summary: 'One reference sample: upload and analysis status, summary, attachments',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: ReferenceIdParam },
  responses: {
    200: jsonResponse(ReferenceSchema, 'The reference sample', referenceExample),
    ...errorResponses(...readErrors),
  },
});

/** DELETE /api/references/{referenceId} */
export const deleteReference = createRoute({
  method: 'delete',
  path: '/references/{referenceId}',
  operationId: 'deleteReference',
  tags: ['references'],
  summary: 'Remove a reference from the library; 409 while it is attached to an assessment',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: ReferenceIdParam },
  responses: {
    204: { description: 'Removed' },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

/** PUT /api/assessments/{id}/reference */
export const attachReference = createRoute({
  method: 'put',
  path: '/assessments/{id}/reference',
  operationId: 'attachReference',
  tags: ['references'],
  summary: 'Attach a library reference to the assessment (replaces any attached one); re-scores',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: {
    params: IdParam,
    body: jsonBody(AttachReferenceBody, undefined, attachReferenceExample),
  },
  responses: {
    200: jsonResponse(AttachmentSchema, 'Attached', attachmentExample),
    ...errorResponses(...writeErrors),
  },
});

/** DELETE /api/assessments/{id}/reference */
export const detachReference = createRoute({
  method: 'delete',
  path: '/assessments/{id}/reference',
  operationId: 'detachReference',
  tags: ['references'],
  summary: 'Detach the reference from the assessment; re-scores',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: IdParam },
  responses: {
    204: { description: 'Detached' },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});
