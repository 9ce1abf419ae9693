import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { isRanked } from '../../../core/assessment/ranking';
import type { Assessment } from '../../../core/assessment/types';
import { getTemplate } from '../../../core/questionnaire';
import { type Policy, score } from '../../../core/scoring';
import type { AppDeps, AppEnv } from '../../env';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonBody, jsonResponse, writeErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { assessmentAnalyses, currentPolicy } from '../../services/reports';
import { policyPreviewExample, policyPreviewRequestExample } from './examples';
import { parsePolicy } from './validate';

/** The most assessments one preview scores (the newest scored ones). */
export const previewLimit = 100;

const Scored = z.object({
  score: z.number(),
  tier: z.enum(['low', 'moderate', 'high', 'critical']),
  maturity: z.number().int(),
});

const PreviewResult = z
  .object({
    currentVersion: z.number().int(),
    items: z.array(
      z.object({
        assessmentId: z.string(),
        vendorName: z.string(),
        datasetName: z.string(),
        status: z.string(),
        current: Scored,
        proposed: Scored,
      }),
    ),
    truncated: z.boolean(),
  })
  .openapi('PolicyPreview', { example: policyPreviewExample });

/** POST /api/policy/preview */
export const previewPolicy = createRoute({
  method: 'post',
  path: '/policy/preview',
  operationId: 'previewPolicy',
  tags: ['policy'],
  summary: 'Score the current assessments under a proposed policy, without saving it (admin)',
  description:
    'Validates the proposed policy exactly as `PUT /api/policy` does (400 with each bad field), ' +
    'then scores the newest submitted (submitted, approved or rejected), not archived assessments ' +
    'under the current and the proposed policy with the same answers and samples. Assessments ' +
    'still with the vendor are not ranked, so they are left out.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('admin')] as const,
  request: {
    body: jsonBody(
      z
        .strictObject({ policy: z.record(z.string(), z.unknown()) })
        .openapi('PolicyPreviewRequest', { example: policyPreviewRequestExample }),
      'A proposed policy: any subset; the rest default',
      policyPreviewRequestExample,
    ),
  },
  responses: {
    200: jsonResponse(
      PreviewResult,
      'Scores under the current and the proposed policy',
      policyPreviewExample,
    ),
    ...errorResponses(...writeErrors),
  },
});

type Deps = Parameters<typeof assessmentAnalyses>[0];

async function scoreBoth(deps: Deps, a: Assessment, policies: [Policy, Policy], now: Date) {
  const template = getTemplate(a.templateId, a.templateVersion);
  if (!template) return undefined;
  const analyses = await assessmentAnalyses(deps, a);
  const [current, proposed] = policies.map((policy) => {
    const r = score({
      assessmentId: a.id,
      answers: a.answers as Record<string, string | number | string[]>,
      template,
      analyses,
      policy,
      now,
    });
    return { score: r.risk.score, tier: r.risk.tier, maturity: r.maturity.level };
  }) as [z.infer<typeof Scored>, z.infer<typeof Scored>];
  return {
    assessmentId: a.id,
    vendorName: a.vendor.name,
    datasetName: a.dataset.name,
    status: a.status,
    current,
    proposed,
  };
}

async function scoredAssessments(deps: Pick<AppDeps, 'repos'>, org: string) {
  const found: Assessment[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.repos.assessments.list(org, { limit: 100, cursor });
    // Only submitted assessments are ranked; one still with the vendor has no score to compare.
    found.push(...page.items.filter((a) => a.report && isRanked(a.status) && !a.archivedAt));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && found.length <= previewLimit);
  return found;
}

/** Scores each current assessment under both policies; nothing is stored. */
export const previewPolicyHandler: RouteHandler<typeof previewPolicy, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const current = await currentPolicy(deps, staff.organizationId);
  const proposed = parsePolicy(c.req.valid('json').policy, current.version + 1);
  const all = await scoredAssessments(deps, staff.organizationId);
  const now = deps.clock();
  const items = [];
  for (const a of all.slice(0, previewLimit)) {
    const row = await scoreBoth(deps, a, [current, proposed], now);
    if (row) items.push(row);
  }
  return c.json(
    { currentVersion: current.version, items, truncated: all.length > previewLimit },
    200,
  );
};
