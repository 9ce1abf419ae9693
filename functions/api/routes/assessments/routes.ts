import { createRoute } from '@hono/zod-openapi';
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
import { assessmentExample, createAssessmentExample, eventExample } from '../../schemas/examples';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  readErrors,
  writeErrors,
} from '../../schemas/problem';
import * as z from '../../schemas/zod';

const staff = [{ staffJwt: [] }];

/** POST /api/assessments */
export const createAssessment = createRoute({
  method: 'post',
  path: '/assessments',
  operationId: 'createAssessment',
  tags: ['assessments'],
  summary: 'Create an assessment of a vendor dataset (procurement)',
  security: staff,
  middleware: [requireStaff('procurement')] as const,
  request: {
    body: jsonBody(CreateAssessmentBody, 'The assessment to create', createAssessmentExample),
  },
  responses: {
    201: jsonResponse(AssessmentSchema, 'The new assessment', {
      ...assessmentExample,
      status: 'draft' as const,
      version: 1,
      answers: {},
      invitation: null,
      submittedAt: null,
      report: null,
    }),
    ...errorResponses(...writeErrors),
  },
});

/** GET /api/assessments */
export const listAssessments = createRoute({
  method: 'get',
  path: '/assessments',
  operationId: 'listAssessments',
  tags: ['assessments'],
  summary: 'List assessments, newest first, optionally by status',
  description:
    'An assessment is ranked only once the vendor has submitted it (`submitted`, `approved`, ' +
    '`rejected`): before that its `report` is `null` here, so lists show it as in progress with ' +
    'no score or tier. `GET /api/assessments/{id}` still carries the provisional report.',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(AssessmentPage, 'A page of assessments', {
      items: [
        assessmentExample,
        {
          ...assessmentExample,
          id: '01kb2x8r4d5e6f7g8h9j0k1m2n',
          status: 'in_progress' as const,
          submittedAt: null,
          decision: null,
          report: null,
        },
      ],
      nextCursor: 'eyJQSyI6Ik9SRyNkZW1vIiwiU0siOiJBU01UIzAxa2IyeDdxOW0zbjRwNXI2czd0OHY5dzB4In0',
    }),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id} */
export const getAssessment = createRoute({
  method: 'get',
  path: '/assessments/{id}',
  operationId: 'getAssessment',
  tags: ['assessments'],
  summary: 'One assessment',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(AssessmentSchema, 'The assessment', assessmentExample),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id}/events */
export const listEvents = createRoute({
  method: 'get',
  path: '/assessments/{id}/events',
  operationId: 'listAssessmentEvents',
  tags: ['assessments'],
  summary: 'The audit trail of an assessment, oldest first',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(EventSchema) }), 'Audit events', {
      items: [eventExample],
    }),
    ...errorResponses(...readErrors),
  },
});

/** POST /api/assessments/{id}/reassess */
export const reassess = createRoute({
  method: 'post',
  path: '/assessments/{id}/reassess',
  operationId: 'reassessAssessment',
  tags: ['assessments'],
  summary: 'Start a new assessment of the same dataset, linked and prefilled (procurement)',
  security: staff,
  middleware: [requireStaff('procurement')] as const,
  request: {
    params: IdParam,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z.strictObject({ dueAt: isoDateTime.optional() }),
          example: { dueAt: '2027-06-30' },
        },
      },
    },
  },
  responses: {
    201: jsonResponse(AssessmentSchema, 'The new assessment', {
      ...assessmentExample,
      status: 'draft' as const,
      version: 1,
      answers: {},
      invitation: null,
      submittedAt: null,
      report: null,
    }),
    ...errorResponses(...writeErrors),
  },
});
