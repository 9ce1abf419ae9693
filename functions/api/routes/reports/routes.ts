import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import { analysisExample, reportExample, sampleExample } from '../../schemas/examples';
import { errorResponses, jsonResponse, readErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { SampleIdParam, SampleSchema } from '../vendor/schemas';

const staff = [{ staffJwt: [] }];

/** A scored report (DESIGN.md "Scored report"), with its version. */
export const ReportSchema = z
  .object({
    assessmentId: z.string(),
    generatedAt: z.string(),
    sha256: z.string(),
    version: z.number().int(),
    policyVersion: z.number().int(),
    maturity: z.object({
      level: z.number().int(),
      dimensions: z.array(z.record(z.string(), z.unknown())),
    }),
    risk: z.object({
      score: z.number(),
      tier: z.string(),
      factors: z.array(z.record(z.string(), z.unknown())),
    }),
    discrepancies: z.array(z.record(z.string(), z.unknown())),
    samples: z.array(z.record(z.string(), z.unknown())),
  })
  .passthrough()
  .openapi('ScoredReport');

const VersionSchema = z
  .object({
    version: z.number().int(),
    generatedAt: z.string(),
    sha256: z.string(),
    score: z.number(),
    tier: z.string(),
    maturity: z.number().int(),
    policyVersion: z.number().int(),
    trigger: z.string(),
    samples: z
      .array(
        z.object({
          role: z.enum(['training', 'holdout']),
          fileName: z.string(),
          sha256: z.string(),
        }),
      )
      .optional()
      .openapi({ description: 'The files the version is built on (absent in older versions).' }),
  })
  .openapi('ReportVersion');

/** GET /api/assessments/{id}/report */
export const getReport = createRoute({
  method: 'get',
  path: '/assessments/{id}/report',
  operationId: 'getCurrentReport',
  tags: ['reports'],
  summary: 'The latest scored report (or ?version=N); refused if its hash no longer matches',
  security: staff,
  middleware: [requireStaff()] as const,
  request: {
    params: IdParam,
    query: z.strictObject({ version: z.coerce.number().int().positive().optional() }),
  },
  responses: {
    200: jsonResponse(ReportSchema, 'The report', reportExample),
    ...errorResponses(...readErrors, 500),
  },
});

/** GET /api/assessments/{id}/reports */
export const listReports = createRoute({
  method: 'get',
  path: '/assessments/{id}/reports',
  operationId: 'listReportVersions',
  tags: ['reports'],
  summary: 'Every stored report version, oldest first',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(VersionSchema),
        reportUpdating: z.boolean().openapi({
          description: 'true while a requested re-score has not finished: a new version is coming',
        }),
      }),
      'Versions',
      {
        reportUpdating: false,
        items: [
          {
            version: 2,
            generatedAt: '2026-11-28T14:05:00.000Z',
            sha256: reportExample.sha256,
            score: 41.5,
            tier: 'moderate',
            maturity: 2,
            policyVersion: 0,
            trigger: 'analysis',
          },
        ],
      },
    ),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id}/samples */
export const listSamples = createRoute({
  method: 'get',
  path: '/assessments/{id}/samples',
  operationId: 'listAssessmentSamples',
  tags: ['reports'],
  summary: 'The samples the vendor uploaded, with their analysis status',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(SampleSchema) }), 'Samples', {
      items: [sampleExample],
    }),
    ...errorResponses(...readErrors),
  },
});

/** GET /api/assessments/{id}/samples/{sampleId}/analysis */
export const getAnalysis = createRoute({
  method: 'get',
  path: '/assessments/{id}/samples/{sampleId}/analysis',
  operationId: 'getSampleAnalysis',
  tags: ['reports'],
  summary: 'The full analysis of one sample',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam.extend(SampleIdParam.shape) },
  responses: {
    200: jsonResponse(
      z.record(z.string(), z.unknown()).openapi('Analysis'),
      'The analysis',
      analysisExample,
    ),
    ...errorResponses(...readErrors, 409),
  },
});
