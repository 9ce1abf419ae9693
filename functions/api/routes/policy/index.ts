import { createRoute, z } from '@hono/zod-openapi';
import {
  defaultPolicy,
  maturityRubric,
  overallLevelRule,
  policyDocs,
  policySchema,
} from '../../../core/scoring';
import { ConflictError, ValidationError } from '../../../lib/errors';
import { createRouter } from '../../create-router';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonBody, jsonResponse, writeErrors } from '../../schemas/problem';
import { currentPolicy } from '../../services/reports';

const PolicyView = z
  .object({
    version: z.number().int(),
    policy: z.record(z.string(), z.unknown()),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('PolicyView');

const PutPolicyBody = z
  .strictObject({
    policy: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'any subset of the policy; the rest default' }),
    version: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'the version you loaded; stale → 409' }),
  })
  .openapi('PutPolicy');

/** The built-in policy as GET /api/policy shows it before any change (the example). */
const defaultPolicyView = {
  version: 0,
  policy: defaultPolicy as unknown as Record<string, unknown>,
  updatedAt: null,
  updatedBy: null,
};

/** GET /api/policy */
export const getPolicy = createRoute({
  method: 'get',
  path: '/policy',
  operationId: 'getPolicy',
  tags: ['policy'],
  summary: 'The organization’s scoring policy (thresholds, weights, tolerances, tiers)',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  responses: {
    200: jsonResponse(PolicyView, 'Current policy', defaultPolicyView),
    ...errorResponses(401, 429),
  },
});

/** PUT /api/policy */
export const putPolicy = createRoute({
  method: 'put',
  path: '/policy',
  operationId: 'replacePolicy',
  tags: ['policy'],
  summary: 'Store a new policy version (admin); reports record the version they used',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('admin')] as const,
  request: {
    body: jsonBody(PutPolicyBody, 'The changes and the version you loaded', {
      policy: { weights: { no_sample: 25 } },
      version: 0,
    }),
  },
  responses: {
    200: jsonResponse(PolicyView, 'The stored policy', {
      ...defaultPolicyView,
      version: 1,
      updatedAt: '2026-11-28T14:05:00.000Z',
      updatedBy: 'ada@demo.example',
    }),
    ...errorResponses(...writeErrors),
  },
});

/** GET /api/scoring-method */
export const scoringMethod = createRoute({
  method: 'get',
  path: '/scoring-method',
  operationId: 'getScoringMethod',
  tags: ['policy'],
  summary:
    'How reports are scored: maturity rubric, overall-level rule, factor catalogue with reasons',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  responses: {
    200: jsonResponse(
      z
        .object({ rubric: z.unknown(), overallLevelRule: z.string(), policyDocs: z.unknown() })
        .openapi('ScoringMethod'),
      'The scoring method (example abridged to one dimension)',
      {
        rubric: maturityRubric.slice(0, 1),
        overallLevelRule,
        policyDocs: { tiers: policyDocs.tiers },
      },
    ),
    ...errorResponses(401, 429),
  },
});

/** The policy router. */
export function policyRoutes() {
  return createRouter()
    .openapi(scoringMethod, (c) =>
      c.json({ rubric: maturityRubric, overallLevelRule, policyDocs }, 200),
    )
    .openapi(getPolicy, async (c) => {
      const { deps, staff } = c.var;
      const stored = await deps.repos.policies.current(staff.organizationId);
      const policy = await currentPolicy(deps, staff.organizationId);
      return c.json(
        {
          version: policy.version,
          policy,
          updatedAt: stored?.updatedAt ?? null,
          updatedBy: stored?.updatedBy ?? null,
        },
        200,
      );
    })
    .openapi(putPolicy, async (c) => {
      const { deps, staff } = c.var;
      const body = c.req.valid('json');
      const current = await currentPolicy(deps, staff.organizationId);
      if (body.version !== current.version) {
        throw new ConflictError(
          `The policy is at version ${current.version}, not ${body.version}; reload and edit again.`,
        );
      }
      const version = current.version + 1;
      const parsed = policySchema.safeParse({ ...body.policy, version });
      if (!parsed.success) {
        throw new ValidationError(
          'The policy is invalid: see errors.',
          parsed.error.issues.map((i) => ({
            path: ['policy', ...i.path.map(String)].join('.'),
            message: i.message,
          })),
        );
      }
      const now = deps.clock().toISOString();
      await deps.repos.policies.save({
        organizationId: staff.organizationId,
        version,
        policy: parsed.data as unknown as Record<string, unknown>,
        updatedAt: now,
        updatedBy: staff.email,
      });
      return c.json({ version, policy: parsed.data, updatedAt: now, updatedBy: staff.email }, 200);
    });
}
