import { createRoute } from '@hono/zod-openapi';
import { emptyJsonBody } from '../../middleware/empty-json-body';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import { errorResponses, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';

const staff = [{ staffJwt: [] }];

/** The invitation as returned once to procurement. */
export const InvitationSchema = z
  .object({ token: z.string(), inviteUrl: z.string(), expiresAt: z.string() })
  .openapi('Invitation');

/** Optional body of POST …/invitations: a named contact's id issues that contact's own link. */
export const IssueInvitationBody = z
  .strictObject({
    contactId: z
      .string()
      .regex(/^[a-z0-9]{26}$/, 'a contact id is 26 lowercase letters and digits')
      .optional(),
  })
  .openapi('IssueInvitation');

/** POST /api/assessments/{id}/invitations */
export const issueInvitation = createRoute({
  method: 'post',
  path: '/assessments/{id}/invitations',
  operationId: 'issueInvitation',
  tags: ['invitations'],
  summary: 'Issue a vendor invitation; the token is shown once and revokes any earlier one',
  description:
    "Without a body (or without `contactId`), the link of the assessment's vendor contact: a new " +
    "one revokes the old. With `contactId`, that named contact's own link: it replaces only " +
    "that contact's earlier link; the other contacts keep theirs.",
  security: staff,
  middleware: [requireStaff('procurement'), emptyJsonBody] as const,
  request: {
    params: IdParam,
    body: {
      required: false,
      description: 'Optional: whose link to issue',
      content: {
        'application/json': {
          schema: IssueInvitationBody,
          example: { contactId: '01kb2x9a1b2c3d4e5f6g7h8j9k' },
        },
      },
    },
  },
  responses: {
    201: jsonResponse(InvitationSchema, 'The new invitation', {
      token: 'demo.01kb2x7q9m3n4p5r6s7t8v9w0x.q3J9…',
      inviteUrl: 'http://localhost:3000/vendor#token=demo.01kb2x7q9m3n4p5r6s7t8v9w0x.q3J9…',
      expiresAt: '2026-12-28T14:05:00.000Z',
    }),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

/** DELETE /api/assessments/{id}/invitations */
export const revokeInvitation = createRoute({
  method: 'delete',
  path: '/assessments/{id}/invitations',
  operationId: 'revokeInvitation',
  tags: ['invitations'],
  summary: 'Revoke the vendor invitation',
  security: staff,
  middleware: [requireStaff('procurement')] as const,
  request: { params: IdParam },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(400, 401, 403, 404, 409, 429) },
});
