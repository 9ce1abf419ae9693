import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { defaultPolicy, type Policy, policySchema } from '../../../core/scoring';
import { policyChanges } from '../../../core/scoring/policy-diff';
import type { AppEnv } from '../../env';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { policyVersionsExample } from './examples';

const PolicyVersion = z
  .object({
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    reason: z
      .string()
      .nullable()
      .openapi({ description: 'why it was saved; null for versions saved before reasons' }),
    changes: z.array(
      z.object({
        group: z.enum(['weights', 'thresholds', 'tolerances', 'tiers']),
        key: z.string(),
        from: z.number(),
        to: z.number(),
      }),
    ),
    scheduleChanged: z
      .boolean()
      .openapi({ description: 'whether the re-assessment schedule (`reassessment`) changed' }),
    passportChanged: z
      .boolean()
      .openapi({ description: 'whether passport sharing (`passport`) changed' }),
  })
  .openapi('PolicyVersion');

/** GET /api/policy/versions */
export const listPolicyVersions = createRoute({
  method: 'get',
  path: '/policy/versions',
  operationId: 'listPolicyVersions',
  tags: ['policy'],
  summary: 'Every stored policy version, newest first, with who changed which settings',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(PolicyVersion) }).openapi({ example: policyVersionsExample }),
      'Policy versions',
      policyVersionsExample,
    ),
    ...errorResponses(401, 403, 429),
  },
});

/** Lists the versions, each compared with the one before it (version 1 with the default). */
export const listPolicyVersionsHandler: RouteHandler<typeof listPolicyVersions, AppEnv> = async (
  c,
) => {
  const { deps, staff } = c.var;
  const stored = await deps.repos.policies.history(staff.organizationId);
  stored.sort((a, b) => a.version - b.version);
  let previous: Policy = defaultPolicy;
  const items = stored.map((p) => {
    const policy = policySchema.parse({ ...p.policy, version: p.version });
    const item = {
      version: p.version,
      updatedAt: p.updatedAt,
      updatedBy: p.updatedBy,
      reason: p.reason ?? null,
      changes: policyChanges(previous, policy),
      scheduleChanged:
        JSON.stringify(previous.reassessment) !== JSON.stringify(policy.reassessment),
      passportChanged: JSON.stringify(previous.passport) !== JSON.stringify(policy.passport),
    };
    previous = policy;
    return item;
  });
  return c.json({ items: items.reverse() }, 200);
};
