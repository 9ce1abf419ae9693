import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { isRanked } from '../../../core/assessment/ranking';
import type { Assessment } from '../../../core/assessment/types';
import { getTemplate } from '../../../core/questionnaire';
import type { Policy } from '../../../core/scoring';
import type { AppDeps, AppEnv } from '../../env';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonBody, jsonResponse, writeErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import {
  countedAnalyses,
  currentPolicy,
  type ReportDeps,
  scoreUnder,
} from '../../services/reports';
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
        submittedAt: z
          .string()
          .nullable()
          .openapi({ description: 'when the vendor submitted: tells same-name rows apart' }),
        previousAssessmentId: z
          .string()
          .nullable()
          .openapi({ description: 'set on a re-assessment (a later delivery of the dataset)' }),
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
    'under the current and the proposed policy with the same answers and samples, by the same ' +
    'code that scores stored reports (fingerprint packs, reference evidence and degradation ' +
    'since the last delivery included), so the current column equals each report made under ' +
    'the current policy. Assessments still with the vendor are not ranked, so they are left out.',
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

async function scoreBoth(deps: ReportDeps, a: Assessment, policies: [Policy, Policy]) {
  const template = getTemplate(a.templateId, a.templateVersion);
  if (!template) return undefined;
  // The samples are read once; each policy is then scored by the very code that stores reports.
  const counted = await countedAnalyses(deps, a);
  const scored = [];
  for (const policy of policies) {
    const { scored: r } = await scoreUnder(deps, a, template, policy, counted);
    scored.push({ score: r.risk.score, tier: r.risk.tier, maturity: r.maturity.level });
  }
  const [current, proposed] = scored as [z.infer<typeof Scored>, z.infer<typeof Scored>];
  return {
    assessmentId: a.id,
    vendorName: a.vendor.name,
    datasetName: a.dataset.name,
    status: a.status,
    submittedAt: a.submittedAt ?? null,
    previousAssessmentId: a.previousAssessmentId ?? null,
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
  const items = [];
  for (const a of all.slice(0, previewLimit)) {
    const row = await scoreBoth(deps, a, [current, proposed]);
    if (row) items.push(row);
  }
  return c.json(
    { currentVersion: current.version, items, truncated: all.length > previewLimit },
    200,
  );
};
