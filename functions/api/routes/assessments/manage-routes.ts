import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { AssessmentSchema, IdParam, isoDateTime } from '../../schemas/assessment';
import { errorResponses, jsonBody, jsonResponse, writeErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import {
  archivedAssessmentExample,
  assessmentExample,
  cancelAssessmentExample,
  cancelledAssessmentExample,
  updateAssessmentExample,
  updatedAssessmentExample,
} from './examples';

const staff = [{ staffJwt: [] }];
const text = (max: number) => z.string().trim().min(1).max(max);
const version = z
  .number()
  .int()
  .positive()
  .optional()
  .openapi({ description: 'the version you loaded; if it changed meanwhile → 409' });

/** Body of PATCH /api/assessments/{id}: any of the editable fields. */
export const UpdateAssessmentBody = z
  .strictObject({
    vendor: z
      .strictObject({ name: text(200).optional(), contactEmail: z.email().max(254).optional() })
      .optional(),
    dataset: z
      .strictObject({
        name: text(200).optional(),
        description: z
          .string()
          .trim()
          .max(2000)
          .optional()
          .openapi({ description: 'an empty string removes the description' }),
        intendedUse: text(200).optional(),
      })
      .optional(),
    dueAt: isoDateTime.optional(),
    version,
  })
  .openapi('UpdateAssessment', { example: updateAssessmentExample });

/** Body of POST /api/assessments/{id}/cancel. */
export const CancelBody = z
  .strictObject({
    reason: text(2000).openapi({ description: 'why, for the record and the vendor' }),
    version,
  })
  .openapi('CancelAssessment', { example: cancelAssessmentExample });

const assessmentResponse = (description: string, example: z.output<typeof AssessmentSchema>) =>
  jsonResponse(AssessmentSchema.openapi({ example: assessmentExample }), description, example);

/** PATCH /api/assessments/{id} */
export const updateAssessment = createRoute({
  method: 'patch',
  path: '/assessments/{id}',
  operationId: 'updateAssessment',
  tags: ['assessments'],
  summary: 'Edit the vendor contact, dataset details or due date (procurement, before submission)',
  description:
    'Only the fields sent change; each change is an audit event with the old and new value. ' +
    'Refused with 409 once the vendor has submitted (start a re-assessment instead).',
  security: staff,
  middleware: [requireStaff('procurement')] as const,
  request: {
    params: IdParam,
    body: jsonBody(UpdateAssessmentBody, undefined, updateAssessmentExample),
  },
  responses: {
    200: assessmentResponse('The edited assessment', updatedAssessmentExample),
    ...errorResponses(...writeErrors),
  },
});

/** POST /api/assessments/{id}/cancel */
export const cancelAssessment = createRoute({
  method: 'post',
  path: '/assessments/{id}/cancel',
  operationId: 'cancelAssessment',
  tags: ['assessments'],
  summary: 'Cancel an undecided assessment; the vendor link stops working (procurement)',
  security: staff,
  middleware: [requireStaff('procurement')] as const,
  request: { params: IdParam, body: jsonBody(CancelBody, undefined, cancelAssessmentExample) },
  responses: {
    200: assessmentResponse('The cancelled assessment', cancelledAssessmentExample),
    ...errorResponses(...writeErrors),
  },
});

/** POST /api/assessments/{id}/archive */
export const archiveAssessment = createRoute({
  method: 'post',
  path: '/assessments/{id}/archive',
  operationId: 'archiveAssessment',
  tags: ['assessments'],
  summary: 'Archive a decided or cancelled assessment: kept in full, hidden from working lists',
  security: staff,
  middleware: [requireStaff('procurement')] as const,
  request: { params: IdParam },
  responses: {
    200: assessmentResponse('The archived assessment', archivedAssessmentExample),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});
