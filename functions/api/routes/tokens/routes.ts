import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import {
  CreatedTokenSchema,
  CreateTokenBody,
  TokenIdParam,
  TokenSchema,
  tokenExample,
} from './schemas';

const staff = [{ staffJwt: [] }];

/** POST /api/tokens */
export const createToken = createRoute({
  method: 'post',
  path: '/tokens',
  operationId: 'createApiToken',
  tags: ['integrations'],
  summary: 'Create a named API token with a role and an expiry; the token is shown once',
  security: staff,
  middleware: [requireStaff('admin')] as const,
  request: {
    body: jsonBody(CreateTokenBody, undefined, {
      name: 'ticketing sync',
      role: 'procurement',
      expiresInDays: 90,
    }),
  },
  responses: {
    201: jsonResponse(CreatedTokenSchema, 'The token (shown once)', {
      id: tokenExample.id,
      token:
        'dlg_ZGVtbw.01kb2m3n4p5q6r7s8t9v0w1x2y.q7V0c2l0ZS1zZWNyZXQtb25lLXRpbWUtb25seS1leGFtcGxl',
      expiresAt: tokenExample.expiresAt,
    }),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

/** GET /api/tokens */
export const listTokens = createRoute({
  method: 'get',
  path: '/tokens',
  operationId: 'listApiTokens',
  tags: ['integrations'],
  summary: "The organization's API tokens (never their secrets), newest first",
  security: staff,
  middleware: [requireStaff('admin')] as const,
  responses: {
    200: jsonResponse(z.object({ items: z.array(TokenSchema) }), 'The tokens', {
      items: [tokenExample],
    }),
    ...errorResponses(401, 403, 429),
  },
});

/** DELETE /api/tokens/{tokenId} */
export const revokeToken = createRoute({
  method: 'delete',
  path: '/tokens/{tokenId}',
  operationId: 'revokeApiToken',
  tags: ['integrations'],
  summary: 'Revoke an API token: it answers 401 from now on (idempotent)',
  security: staff,
  middleware: [requireStaff('admin')] as const,
  request: { params: TokenIdParam },
  responses: {
    204: { description: 'Revoked' },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});
