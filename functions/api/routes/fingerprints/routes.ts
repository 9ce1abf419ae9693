import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  readErrors,
  writeErrors,
} from '../../schemas/problem';
import * as z from '../../schemas/zod';
import {
  createPackExample,
  packAttachmentExample,
  packExample,
  packUploadExample,
} from './examples';
import {
  AssessmentPackParams,
  CreatePackBody,
  PackAttachmentSchema,
  PackIdParam,
  PackSchema,
  PackUploadSchema,
} from './schemas';

const staff = [{ staffJwt: [] }];

/** GET /api/fingerprints */
export const listPacks = createRoute({
  method: 'get',
  path: '/fingerprints',
  operationId: 'listFingerprintPacks',
  tags: ['fingerprints'],
  summary:
    'Fingerprint packs: built-in (read-only) packs, then the organization library, oldest first',
  security: staff,
  // Every staff role reads the library.
  middleware: [requireStaff()] as const,
  responses: {
    200: jsonResponse(z.object({ items: z.array(PackSchema) }), 'The packs', {
      items: [packExample],
    }),
    ...errorResponses(401, 403, 429),
  },
});

/** POST /api/fingerprints */
export const createPack = createRoute({
  method: 'post',
  path: '/fingerprints',
  operationId: 'createFingerprintPack',
  tags: ['fingerprints'],
  summary:
    'Register a fingerprint pack (a pack built offline, or a corpus to build one from) and get a presigned upload URL',
  security: staff,
  // Admins and governance keep the library.
  middleware: [requireStaff('admin', 'governance')] as const,
  request: { body: jsonBody(CreatePackBody, undefined, createPackExample) },
  responses: {
    201: jsonResponse(PackUploadSchema, 'Upload target', packUploadExample),
    ...errorResponses(400, 401, 403, 409, 413, 429),
  },
});

/** GET /api/fingerprints/{packId} */
export const getPack = createRoute({
  method: 'get',
  path: '/fingerprints/{packId}',
  operationId: 'getFingerprintPack',
  tags: ['fingerprints'],
  summary:
    'One fingerprint pack: status (awaiting upload, building, ready, failed), records, attachments',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: PackIdParam },
  responses: {
    200: jsonResponse(PackSchema, 'The pack', packExample),
    ...errorResponses(...readErrors),
  },
});

/** DELETE /api/fingerprints/{packId} */
export const deletePack = createRoute({
  method: 'delete',
  path: '/fingerprints/{packId}',
  operationId: 'deleteFingerprintPack',
  tags: ['fingerprints'],
  summary:
    'Remove a pack from the library; 409 while an assessment or the policy uses it, or for a built-in pack',
  security: staff,
  middleware: [requireStaff('admin', 'governance')] as const,
  request: { params: PackIdParam },
  responses: {
    204: { description: 'Removed' },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

/** PUT /api/assessments/{id}/fingerprints/{packId} */
export const attachPack = createRoute({
  method: 'put',
  path: '/assessments/{id}/fingerprints/{packId}',
  operationId: 'attachFingerprintPack',
  tags: ['fingerprints'],
  summary: "Match a library pack against this assessment's samples (idempotent); re-scores",
  security: staff,
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: AssessmentPackParams },
  responses: {
    200: jsonResponse(PackAttachmentSchema, 'Attached', packAttachmentExample),
    ...errorResponses(...writeErrors),
  },
});

/** DELETE /api/assessments/{id}/fingerprints/{packId} */
export const detachPack = createRoute({
  method: 'delete',
  path: '/assessments/{id}/fingerprints/{packId}',
  operationId: 'detachFingerprintPack',
  tags: ['fingerprints'],
  summary: 'Stop matching the pack against this assessment; re-scores',
  security: staff,
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: AssessmentPackParams },
  responses: {
    204: { description: 'Detached' },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});
