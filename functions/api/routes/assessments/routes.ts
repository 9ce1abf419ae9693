import { createRoute, z } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import {
  AssessmentPage,
  AssessmentSchema,
  CreateAssessmentBody,
  EventSchema,
  IdParam,
  isoDateTime,
  ListQuery,
} from '../../schemas/assessment';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  readErrors,
  writeErrors,
} from '../../schemas/problem';

const staff = [{ staffJwt: [] }];

/** POST /api/assessments */
export const createAssessment = createRoute({
  method: 'post',
  path: '/assessments',
  tags: ['assessments'],
  summary: 'Create an assessment of a vendor dataset (procurement)',
  security: staff,
  middleware: [requireStaff('procurement')] as const,
  request: { body: jsonBody(CreateAssessmentBody) },
  responses: {
    201: jsonResponse(AssessmentSchema, 'The new assessment'),
    ...errorResponses(...writeErrors),
  },
});

/** GET /api/assessments */
export const listAssessments = createRoute({
  method: 'get',
  path: '/assessments',
  tags: ['assessments'],
  summary: 'List assessments, newest first, optionally by status',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(AssessmentPage, 'A page of assessments'),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id} */
export const getAssessment = createRoute({
  method: 'get',
  path: '/assessments/{id}',
  tags: ['assessments'],
  summary: 'One assessment',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(AssessmentSchema, 'The assessment'),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id}/events */
export const listEvents = createRoute({
  method: 'get',
  path: '/assessments/{id}/events',
  tags: ['assessments'],
  summary: 'The audit trail of an assessment, oldest first',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(EventSchema) }), 'Audit events'),
    ...errorResponses(...readErrors),
  },
});

/** POST /api/assessments/{id}/reassess */
export const reassess = createRoute({
  method: 'post',
  path: '/assessments/{id}/reassess',
  tags: ['assessments'],
  summary: 'Start a new assessment of the same dataset, linked and prefilled (procurement)',
  security: staff,
  middleware: [requireStaff('procurement')] as const,
  request: {
    params: IdParam,
    body: {
      required: false,
      content: {
        'application/json': { schema: z.strictObject({ dueAt: isoDateTime.optional() }) },
      },
    },
  },
  responses: {
    201: jsonResponse(AssessmentSchema, 'The new assessment'),
    ...errorResponses(...writeErrors),
  },
});
