/**
 * GET /api/assessments/{id}/reports/{version}/frameworks/{framework}: the framework pack of a
 * report version — per item of the rule (EU AI Act Art. 10, the GPAI training summary, AB 2013,
 * ISO/IEC 42001 A.7, NIST AI 600-1) whether it was answered, measured, contradicted or missing, with
 * the evidence. Computed from the stored version and the answers it was scored on, so a version
 * always yields the same pack.
 */
import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { computePack, FRAMEWORK_IDS, getFramework } from '../../../../core/frameworks';
import { getTemplate } from '../../../../core/questionnaire';
import { versionAnswers } from '../../../../core/report';
import type { AppEnv } from '../../../env';
import { requireStaff } from '../../../middleware/staff-auth';
import { IdParam } from '../../../schemas/assessment';
import { errorResponses, jsonResponse, readErrors } from '../../../schemas/problem';
import * as z from '../../../schemas/zod';
import { loadAssessment } from '../../../services/assessments';
import { loadReportVersion } from '../../../services/report-versions';

const FrameworkParams = IdParam.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' }, example: 2 }),
  framework: z
    .enum(FRAMEWORK_IDS as [string, ...string[]], {
      error: () => `use one of: ${FRAMEWORK_IDS.join(', ')}`,
    })
    .openapi({ param: { name: 'framework', in: 'path' }, example: 'ca-ab2013' }),
});

const ItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  ref: z.string().openapi({ description: 'where the item sits in the text (article, section)' }),
  status: z.enum(['answered', 'measured', 'contradicted', 'missing']),
  evidence: z.array(
    z.object({
      kind: z.enum(['answer', 'measurement', 'discrepancy']),
      ref: z.string().openapi({
        description:
          'a question id, a measurement path (training.duplicates.nearRate) or the contradicted claim',
      }),
      text: z.string(),
    }),
  ),
});

/** A framework pack (contract in DESIGN.md, "Signed reports and framework packs"). */
export const FrameworkPackSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.object({
      title: z.string(),
      publisher: z.string(),
      date: z.string(),
      url: z.string(),
    }),
    report: z.object({
      assessmentId: z.string(),
      version: z.number().int().nullable(),
      sha256: z.string(),
    }),
    counts: z.object({
      answered: z.number().int(),
      measured: z.number().int(),
      contradicted: z.number().int(),
      missing: z.number().int(),
    }),
    items: z.array(ItemSchema),
  })
  .openapi('FrameworkPack');

const example = {
  id: 'ca-ab2013',
  title: 'California AB 2013: training data transparency',
  source: {
    title: 'Assembly Bill No. 2013 (2024), Civil Code § 3111',
    publisher: 'California State Legislature',
    date: '2024-09-28',
    url: 'https://leginfo.legislature.ca.gov/faces/billTextClient.xhtml?bill_id=202320240AB2013',
  },
  report: {
    assessmentId: '01JD3Q8ZKX4M2N5P7R9S1T3V5W',
    version: 2,
    sha256: 'a3f1c9e0b7d24c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a',
  },
  counts: { answered: 6, measured: 4, contradicted: 1, missing: 1 },
  items: [
    {
      id: 'ab2013-12',
      title: 'Whether synthetic data generation was or is used',
      ref: '§ 3111(a)(12)',
      status: 'contradicted' as const,
      evidence: [
        {
          kind: 'discrepancy' as const,
          ref: 'synthetic_share_percent',
          text: 'Claimed 3 % machine-generated; the sample shows at least 60 %.',
        },
        {
          kind: 'answer' as const,
          ref: 'synthetic_share_percent',
          text: 'Share of records that are machine-generated: 3 %',
        },
      ],
    },
  ],
} satisfies z.input<typeof FrameworkPackSchema>;

/** GET /api/assessments/{id}/reports/{version}/frameworks/{framework} */
export const getFrameworkPack = createRoute({
  method: 'get',
  path: '/assessments/{id}/reports/{version}/frameworks/{framework}',
  operationId: 'getFrameworkPack',
  tags: ['reports'],
  summary:
    'A report version mapped to a framework: each item answered, measured, contradicted or missing',
  description:
    `Frameworks: ${FRAMEWORK_IDS.join(', ')}. Each item cites its place in the text and the ` +
    'evidence behind its status (answers, measurements of the samples, contradicted claims). ' +
    'Computed from the stored version and the answers it was scored on.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  request: { params: FrameworkParams },
  responses: {
    200: jsonResponse(FrameworkPackSchema, 'The framework pack', example),
    ...errorResponses(...readErrors, 500),
  },
});

/** Reads the version (integrity-checked) and maps it to the framework. */
export const getFrameworkPackHandler: RouteHandler<typeof getFrameworkPack, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const params = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, params.id);
  const report = await loadReportVersion(deps, a, params.version);
  const template = getTemplate(a.templateId, a.templateVersion);
  if (!template) throw new Error(`template ${a.templateId} v${a.templateVersion} is missing`);
  const framework = getFramework(params.framework);
  if (!framework) throw new Error(`framework ${params.framework} is missing`);
  const { answers } = versionAnswers(report);
  return c.json(computePack(framework, { report, answers, template }), 200);
};
