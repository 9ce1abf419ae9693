import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonResponse, writeErrors } from '../../schemas/problem';
import { machineAttachmentExample } from './examples';
import { MachineAttachmentSchema, MachineReferenceParams } from './schemas';

const staff = [{ staffJwt: [] }];

/** PUT /api/assessments/{id}/machine-references/{referenceId} */
export const attachMachineReference = createRoute({
  method: 'put',
  path: '/assessments/{id}/machine-references/{referenceId}',
  operationId: 'attachMachineReference',
  tags: ['references'],
  summary:
    'Attach a machine reference (text the buyer generated) to the assessment, beside any others; idempotent; re-scores',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: MachineReferenceParams },
  responses: {
    200: jsonResponse(
      MachineAttachmentSchema,
      "The assessment's machine references after the attach",
      machineAttachmentExample,
    ),
    ...errorResponses(...writeErrors),
  },
});

/** DELETE /api/assessments/{id}/machine-references/{referenceId} */
export const detachMachineReference = createRoute({
  method: 'delete',
  path: '/assessments/{id}/machine-references/{referenceId}',
  operationId: 'detachMachineReference',
  tags: ['references'],
  summary: 'Detach one machine reference from the assessment; re-scores',
  security: staff,
  // Procurement and governance keep the library; vendors and admins do not.
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: MachineReferenceParams },
  responses: {
    204: { description: 'Detached' },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});
