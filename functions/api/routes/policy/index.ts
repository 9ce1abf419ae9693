import { createRoute } from '@hono/zod-openapi';
import { defaultPolicy, maturityRubric, overallLevelRule, policyDocs } from '../../../core/scoring';
import { scoringLabels } from '../../../core/scoring/labels';
import { ConflictError } from '../../../lib/errors';
import { createRouter } from '../../create-router';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonBody, jsonResponse, writeErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { checkPolicyPacks, packsChanged, rescoreForPolicyPacks } from '../../services/policy-packs';
import { currentPolicy } from '../../services/reports';
import { previewPolicy, previewPolicyHandler } from './preview';
import { parsePolicy } from './validate';
import { listPolicyVersions, listPolicyVersionsHandler } from './versions';

const PolicyView = z
  .object({
    version: z.number().int(),
    policy: z.record(z.string(), z.unknown()),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    reason: z
      .string()
      .nullable()
      .openapi({ description: 'why this version was saved; null for the default and older ones' }),
  })
  .openapi('PolicyView');

/** Why a new policy version is saved: required, shown in the version history. */
const policyReason = z
  .string({ error: 'Say why the policy changes: the version history shows it to everyone.' })
  .trim()
  .min(1, { error: 'Say why the policy changes: the version history shows it to everyone.' })
  .max(1000, { error: 'Keep the reason under 1,000 characters.' })
  .openapi({ description: 'why the policy changes; stored with the version' });

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
    reason: policyReason,
  })
  .openapi('PutPolicy');

/** The built-in policy as GET /api/policy shows it before any change (the example). */
const defaultPolicyView = {
  version: 0,
  policy: defaultPolicy as unknown as Record<string, unknown>,
  updatedAt: null,
  updatedBy: null,
  reason: null,
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
  summary:
    'Store a new policy version with the reason for it (admin); reports record the version they used',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('admin')] as const,
  request: {
    body: jsonBody(PutPolicyBody, 'The changes and the version you loaded', {
      policy: { weights: { no_sample: 25 } },
      version: 0,
      reason: 'Missing samples hid two weak datasets last quarter.',
    }),
  },
  responses: {
    200: jsonResponse(PolicyView, 'The stored policy', {
      ...defaultPolicyView,
      version: 1,
      updatedAt: '2026-11-28T14:05:00.000Z',
      updatedBy: 'ada@demo.example',
      reason: 'Missing samples hid two weak datasets last quarter.',
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
        .object({
          rubric: z.unknown(),
          overallLevelRule: z.string(),
          policyDocs: z.unknown(),
          labels: z.object({
            factors: z.record(z.string(), z.string()),
            thresholds: z.record(z.string(), z.string()),
            tolerances: z.record(z.string(), z.string()),
            tiers: z.record(z.string(), z.string()),
          }),
        })
        .openapi('ScoringMethod'),
      'The scoring method (example abridged to one dimension)',
      {
        rubric: maturityRubric.slice(0, 1),
        overallLevelRule,
        policyDocs: { tiers: policyDocs.tiers },
        labels: scoringLabels,
      },
    ),
    ...errorResponses(401, 429),
  },
});

/** The policy router. */
export function policyRoutes() {
  return createRouter()
    .openapi(scoringMethod, (c) =>
      c.json({ rubric: maturityRubric, overallLevelRule, policyDocs, labels: scoringLabels }, 200),
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
          reason: stored?.reason ?? null,
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
      const policy = parsePolicy(body.policy, version);
      await checkPolicyPacks(deps, staff.organizationId, policy);
      const now = deps.clock().toISOString();
      await deps.repos.policies.save({
        organizationId: staff.organizationId,
        version,
        policy: policy as unknown as Record<string, unknown>,
        updatedAt: now,
        updatedBy: staff.email,
        reason: body.reason,
      });
      // Packs applied to every assessment changed: reports re-score so the matches follow.
      if (packsChanged(current, policy)) await rescoreForPolicyPacks(deps, staff.organizationId);
      return c.json(
        { version, policy, updatedAt: now, updatedBy: staff.email, reason: body.reason },
        200,
      );
    })
    .openapi(listPolicyVersions, listPolicyVersionsHandler)
    .openapi(previewPolicy, previewPolicyHandler);
}
