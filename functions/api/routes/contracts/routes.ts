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
import { contractViewExample, itemExample } from './examples';
import { ContractViewSchema, RemediationItemSchema } from './schemas';

const staff = [{ staffJwt: [] }];
const vendor = [{ vendorToken: [] }];

/** `{id}` and `{itemId}` path parameters. */
export const ItemParams = IdParam.extend({
  itemId: z
    .string()
    .regex(/^condition-\d{1,2}$/, 'a remediation item id is condition-<n>')
    .openapi({ param: { name: 'itemId', in: 'path' }, example: 'condition-1' }),
});
const VendorItemParam = ItemParams.pick({ itemId: true });

/** Body of a comment: plain text (never HTML; shown and exported as text). */
export const CommentBody = z
  .strictObject({ text: z.string().trim().min(1).max(4000) })
  .openapi('RemediationComment', {
    example: { text: 'Feed B was re-crawled; new delivery Friday.' },
  });

/** Body of PATCH …/remediation/{itemId}. */
export const UpdateItemBody = z
  .strictObject({
    owner: z.string().trim().min(1).max(254).nullable().optional(),
    dueAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    status: z.enum(['open', 'in_progress', 'resolved']).optional(),
    version: z.number().int().positive(),
  })
  .openapi('RemediationUpdate', {
    example: { owner: 'pat@demo.example', status: 'in_progress', version: 2 },
  });

/** Body of POST …/exception. */
export const ExceptionBody = z
  .strictObject({
    reason: z.string().trim().min(1).max(2000),
    until: z.iso.datetime({ offset: true }).or(z.iso.date()),
    version: z.number().int().positive().optional(),
  })
  .openapi('RemediationException', {
    example: {
      reason:
        'Feed B is being replaced; the buyer accepts the duplicates until the new feed ships.',
      until: '2027-03-31',
    },
  });

/** GET /api/assessments/{id}/contract */
export const getContract = createRoute({
  method: 'get',
  path: '/assessments/{id}/contract',
  operationId: 'getAssessmentContract',
  tags: ['contracts'],
  summary: 'The delivery contract: conditions in plain words, the last check, remediation items',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(ContractViewSchema, 'The contract and its remediation', contractViewExample),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id}/remediation/{itemId} */
export const getItem = createRoute({
  method: 'get',
  path: '/assessments/{id}/remediation/{itemId}',
  operationId: 'getRemediationItem',
  tags: ['contracts'],
  summary: 'One remediation item (a broken condition) with its comments and exceptions',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: ItemParams },
  responses: {
    200: jsonResponse(RemediationItemSchema, 'The item', itemExample),
    ...errorResponses(...readErrors),
  },
});

/** PATCH /api/assessments/{id}/remediation/{itemId} */
export const updateItem = createRoute({
  method: 'patch',
  path: '/assessments/{id}/remediation/{itemId}',
  operationId: 'updateRemediationItem',
  tags: ['contracts'],
  summary: 'Set the owner, due date or status of a remediation item (governance, admin)',
  description: 'A stale `version` is refused with 409; `accepted` is set by an exception only.',
  security: staff,
  middleware: [requireStaff('governance', 'admin')] as const,
  request: {
    params: ItemParams,
    body: jsonBody(UpdateItemBody, 'The changes and the version you loaded', {
      owner: 'pat@demo.example',
      dueAt: '2027-01-15',
      status: 'in_progress',
      version: 2,
    }),
  },
  responses: {
    200: jsonResponse(RemediationItemSchema, 'The updated item', {
      ...itemExample,
      status: 'in_progress',
    }),
    ...errorResponses(...writeErrors),
  },
});

/** POST /api/assessments/{id}/remediation/{itemId}/comments */
export const commentItem = createRoute({
  method: 'post',
  path: '/assessments/{id}/remediation/{itemId}/comments',
  operationId: 'commentRemediationItem',
  tags: ['contracts'],
  summary: 'Comment on a remediation item (any staff role; plain text)',
  security: staff,
  middleware: [requireStaff()] as const,
  request: {
    params: ItemParams,
    body: jsonBody(CommentBody, 'The comment', { text: 'Asked the vendor for a re-crawl.' }),
  },
  responses: {
    201: jsonResponse(RemediationItemSchema, 'The item with the comment', itemExample),
    ...errorResponses(...writeErrors),
  },
});

/** POST /api/assessments/{id}/remediation/{itemId}/exception */
export const acceptException = createRoute({
  method: 'post',
  path: '/assessments/{id}/remediation/{itemId}/exception',
  operationId: 'acceptRemediationException',
  tags: ['contracts'],
  summary: 'Accept a broken condition for a stated reason until a date (governance, admin)',
  description:
    'At most 365 days; when it lapses the item returns to review (open) and procurement, governance and the vendor are told.',
  security: staff,
  middleware: [requireStaff('governance', 'admin')] as const,
  request: {
    params: ItemParams,
    body: jsonBody(ExceptionBody, 'The reason and the end date', {
      reason: 'Replacement feed ships in Q1.',
      until: '2027-03-31',
    }),
  },
  responses: {
    200: jsonResponse(RemediationItemSchema, 'The accepted item', itemExample),
    ...errorResponses(...writeErrors),
  },
});

/** GET /api/vendor/contract */
export const vendorContract = createRoute({
  method: 'get',
  path: '/vendor/contract',
  operationId: 'getVendorContract',
  tags: ['vendor'],
  summary: 'The conditions of your approval in plain words, the last check and the open items',
  security: vendor,
  request: {},
  responses: {
    200: jsonResponse(ContractViewSchema, 'Your contract', contractViewExample),
    ...errorResponses(401, 429),
  },
});

/** POST /api/vendor/remediation/{itemId}/comments */
export const vendorComment = createRoute({
  method: 'post',
  path: '/vendor/remediation/{itemId}/comments',
  operationId: 'commentVendorRemediation',
  tags: ['vendor'],
  summary: 'Comment on one of your remediation items (plain text)',
  security: vendor,
  request: {
    params: VendorItemParam,
    body: jsonBody(CommentBody, 'The comment', { text: 'Fixed in the next delivery.' }),
  },
  responses: {
    201: jsonResponse(RemediationItemSchema, 'The item with the comment', itemExample),
    ...errorResponses(400, 401, 404, 409, 413, 415, 429),
  },
});
