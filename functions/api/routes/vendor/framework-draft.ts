/**
 * GET /api/vendor/frameworks/{framework}/draft: the vendor's own draft of a disclosure it must
 * publish (California AB 2013, the EU public summary of training content), prefilled from its
 * current answers and the measurements of its samples. Available before submission too.
 */
import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import type { Analysis } from '../../../core/analysis/types';
import { getFramework } from '../../../core/frameworks';
import { draftMarkdown } from '../../../core/frameworks/draft-markdown';
import { DRAFT_FRAMEWORKS, vendorDraft } from '../../../core/frameworks/vendor-draft';
import { getTemplate } from '../../../core/questionnaire';
import type { Answers } from '../../../core/questionnaire/types';
import { NotFoundError } from '../../../lib/errors';
import type { AppDeps, AppEnv } from '../../env';
import { errorResponses, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { loadAssessment } from '../../services/assessments';
import { countingSample } from '../../services/sample-selection';
import { draftExample, draftMarkdownExample, VendorDraftSchema } from './framework-draft-schema';

const available = DRAFT_FRAMEWORKS.join(', ');

/** GET /api/vendor/frameworks/{framework}/draft */
export const getVendorFrameworkDraft = createRoute({
  method: 'get',
  path: '/vendor/frameworks/{framework}/draft',
  operationId: 'getVendorFrameworkDraft',
  tags: ['vendor'],
  summary: 'Your draft AB 2013 or GPAI training-content summary, prefilled from your answers',
  description:
    `Frameworks with a draft: ${available}. Each item lists your own answers, the measurements ` +
    'of your samples ("not measured yet" before an analysis) or "to complete". A draft, not legal ' +
    'advice; made from your current answers, so it works before you submit.',
  security: [{ vendorToken: [] }],
  request: {
    params: z.object({
      framework: z
        .string()
        .max(64)
        .openapi({ param: { name: 'framework', in: 'path' }, example: 'ca-ab2013' }),
    }),
    query: z.strictObject({
      format: z
        .enum(['md', 'json'], { error: () => 'use md (Markdown, the default) or json' })
        .default('md')
        .openapi({ example: 'md' }),
    }),
  },
  responses: {
    200: {
      description: 'The draft, as Markdown (a file to save) or JSON',
      headers: z.object({
        'Content-Disposition': z
          .string()
          .openapi({ example: 'attachment; filename="draft-ca-ab2013.md"' }),
      }),
      content: {
        'text/markdown': {
          schema: z.string().openapi({ example: draftMarkdownExample }),
          example: draftMarkdownExample,
        },
        'application/json': jsonResponse(VendorDraftSchema, 'The draft', draftExample).content[
          'application/json'
        ],
      },
    },
    ...errorResponses(400, 401, 404, 429),
  },
});

/** The stored analyses of the samples that count (none before an analysis, or once purged). */
async function vendorAnalyses(deps: AppDeps, organizationId: string, assessmentId: string) {
  const samples = await deps.repos.samples.list(organizationId, assessmentId);
  const out: { training?: Analysis; holdout?: Analysis } = {};
  for (const role of ['training', 'holdout'] as const) {
    const key = countingSample(samples, role)?.analysisKey;
    if (key)
      out[role] = JSON.parse(await deps.blobs.getText(deps.config.SAMPLES_BUCKET, key)) as Analysis;
  }
  return out;
}

/** Builds the draft from the vendor's one assessment: answers now, samples analyzed so far. */
export const getVendorFrameworkDraftHandler: RouteHandler<
  typeof getVendorFrameworkDraft,
  AppEnv
> = async (c) => {
  const { deps, vendor } = c.var;
  const { framework: id } = c.req.valid('param');
  const { format } = c.req.valid('query');
  const framework = (DRAFT_FRAMEWORKS as readonly string[]).includes(id) && getFramework(id);
  if (!framework)
    throw new NotFoundError(
      `No draft for framework "${id}". Drafts are available for: ${available}.`,
      {
        extra: { errors: [{ path: 'framework', message: `use one of: ${available}` }] },
      },
    );
  const a = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
  const template = getTemplate(a.templateId, a.templateVersion);
  if (!template)
    throw new NotFoundError(
      'The questionnaire template of this assessment is no longer available.',
    );
  const draft = vendorDraft({
    framework,
    template,
    // stored answers were validated against this template on save
    answers: a.answers as Answers,
    analyses: await vendorAnalyses(deps, a.organizationId, a.id),
    generatedAt: deps.clock().toISOString(),
    answersFrom: { version: a.version, savedAt: a.updatedAt, submittedAt: a.submittedAt ?? null },
    dataset: { name: a.dataset.name },
    vendor: { name: a.vendor.name },
  });
  const headers = {
    'Content-Disposition': `attachment; filename="draft-${framework.id}.${format}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (format === 'json') return c.json(draft, 200, headers);
  return c.body(draftMarkdown(draft), 200, {
    ...headers,
    'Content-Type': 'text/markdown; charset=utf-8',
  });
};
