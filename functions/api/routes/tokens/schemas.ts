import { staffRoles } from '../../../core/assessment/types';
import * as z from '../../schemas/zod';

/** Body of POST /api/tokens. */
export const CreateTokenBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .openapi({ description: 'what the token is for; the audit trail shows "token <name>"' }),
    role: z.enum(staffRoles).openapi({ description: 'the role the token acts with' }),
    expiresInDays: z.number().int().min(1).max(365).openapi({ description: '1 to 365 days' }),
  })
  .openapi('CreateTokenBody');

/** The one answer that holds the token itself. */
export const CreatedTokenSchema = z
  .object({
    id: z.string(),
    token: z.string().openapi({ description: 'shown once: only its hash is stored' }),
    expiresAt: z.string(),
  })
  .openapi('CreatedToken');

/** A token as listed: never its secret nor its hash. */
export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(staffRoles),
    createdAt: z.string(),
    createdBy: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    status: z.enum(['active', 'revoked', 'expired']),
  })
  .openapi('ApiToken');

/** Path parameter of one token. */
export const TokenIdParam = z.object({
  tokenId: z
    .string()
    .regex(/^[0-9a-z]{26}$/)
    .openapi({ param: { name: 'tokenId', in: 'path' }, example: '01kb2m3n4p5q6r7s8t9v0w1x2y' }),
});

export const tokenExample = {
  id: '01kb2m3n4p5q6r7s8t9v0w1x2y',
  name: 'ticketing sync',
  role: 'procurement' as const,
  createdAt: '2026-01-05T09:00:00.000Z',
  createdBy: 'ada@demo.example',
  expiresAt: '2026-04-05T09:00:00.000Z',
  revokedAt: null,
  lastUsedAt: '2026-01-06T10:12:00.000Z',
  status: 'active' as const,
};
