import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../../middleware/staff-auth';
import { IdParam } from '../../../schemas/assessment';
import { errorResponses, jsonResponse, readErrors } from '../../../schemas/problem';
import * as z from '../../../schemas/zod';
import { croissantExample, ReportBundleSchema, reportBundleExample } from './examples';

const staff = [{ staffJwt: [] }];
const SHA = 'a3f1c9e0b7d24c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a';

const VersionParam = IdParam.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' }, example: 2 }),
});

const FactorSchema = z.object({
  id: z.string(),
  points: z.number(),
  reason: z.string(),
  source: z.string(),
});

/** What GET …/reports/diff answers for versions 1 and 2 of a report. */
const reportDiffExample = {
  from: { version: 1, generatedAt: '2025-05-01T10:00:00.000Z', sha256: SHA },
  to: { version: 2, generatedAt: '2025-05-03T09:00:00.000Z', sha256: SHA },
  score: { from: 31, to: 44, change: 13 },
  tier: { from: 'moderate', to: 'moderate', changed: false },
  maturity: { from: 2, to: 2 },
  factors: {
    added: [{ id: 'no_dedup', points: 8, reason: 'No deduplication.', source: 'answer' }],
    removed: [],
    changed: [],
  },
  answers: [{ questionId: 'dedup_method', from: 'near', to: 'none' }],
  answersNotRecorded: [],
  samples: [],
  discrepancies: { added: [], removed: [] },
};

/** The difference between two report versions. */
export const ReportDiffSchema = z
  .object({
    from: z.object({ version: z.number().int(), generatedAt: z.string(), sha256: z.string() }),
    to: z.object({ version: z.number().int(), generatedAt: z.string(), sha256: z.string() }),
    score: z.object({ from: z.number(), to: z.number(), change: z.number() }),
    tier: z.object({ from: z.string(), to: z.string(), changed: z.boolean() }),
    maturity: z.object({ from: z.number(), to: z.number() }),
    factors: z.object({
      added: z.array(FactorSchema.passthrough()),
      removed: z.array(FactorSchema.passthrough()),
      changed: z.array(
        z.object({
          id: z.string(),
          from: z.object({ points: z.number(), reason: z.string() }),
          to: z.object({ points: z.number(), reason: z.string() }),
        }),
      ),
    }),
    answers: z.array(z.object({ questionId: z.string(), from: z.unknown(), to: z.unknown() })),
    answersNotRecorded: z.array(z.number().int()).openapi({
      description:
        'Versions stored before reports recorded every answer: for them only the answers the reports quote were compared.',
    }),
    samples: z.array(
      z.object({
        role: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        from: z.unknown(),
        to: z.unknown(),
      }),
    ),
    discrepancies: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  })
  .openapi('ReportDiff', { example: reportDiffExample });

/** GET /api/assessments/{id}/reports/diff */
export const diffReportVersions = createRoute({
  method: 'get',
  path: '/assessments/{id}/reports/diff',
  operationId: 'diffReportVersions',
  tags: ['reports'],
  summary: 'What changed between two report versions: score, tier, factors, answers, samples',
  security: staff,
  middleware: [requireStaff()] as const,
  request: {
    params: IdParam,
    query: z.strictObject({
      from: z.coerce.number().int().positive().openapi({ example: 1 }),
      to: z.coerce.number().int().positive().openapi({ example: 2 }),
    }),
  },
  responses: {
    200: jsonResponse(ReportDiffSchema, 'The differences, from `from` to `to`', reportDiffExample),
    ...errorResponses(...readErrors, 500),
  },
});

const download = (type: string, description: string, example: string) => ({
  description,
  headers: z.object({
    'Content-Disposition': z.string().openapi({ example: 'attachment; filename="report-v2.csv"' }),
  }),
  content: { [type]: { schema: z.string().openapi({ example }), example } },
});

/** A JSON download (the file a browser saves), with the object it holds as its example. */
const jsonDownload = <T extends z.ZodType>(
  type: string,
  description: string,
  fileName: string,
  schema: T,
  example: z.output<T>,
) => ({
  description,
  headers: z.object({
    'Content-Disposition': z.string().openapi({ example: `attachment; filename="${fileName}"` }),
  }),
  content: { [type]: { schema, example } },
});

const exportRoute = (
  suffix: string,
  operationId: string,
  summary: string,
  body: ReturnType<typeof download> | ReturnType<typeof jsonDownload>,
) =>
  createRoute({
    method: 'get',
    path: `/assessments/{id}/reports/{version}/${suffix}`,
    operationId,
    tags: ['reports'],
    summary,
    security: staff,
    middleware: [requireStaff()] as const,
    request: { params: VersionParam },
    responses: { 200: body, ...errorResponses(...readErrors, 500) },
  });

/** GET /api/assessments/{id}/reports/{version}/bundle */
export const downloadReportBundle = exportRoute(
  'bundle',
  'downloadReportBundle',
  'The report in a bundle signed with the portal key, to check with `npx diligence verify <file> --keys <JWKS>`',
  jsonDownload(
    'application/json',
    'The report bundle',
    'acme-instructions-v3-report-v2.json',
    ReportBundleSchema,
    reportBundleExample,
  ),
);

/** GET /api/assessments/{id}/reports/{version}/csv */
export const exportReportCsv = exportRoute(
  'csv',
  'exportReportCsv',
  "The report's factors, discrepancies, contract and framework items as CSV (formula cells neutralized)",
  download(
    'text/csv',
    'CSV, one row per factor, discrepancy, contract condition or framework item',
    'kind,name,points,source,reason,remediation,claimed,measured,framework,item,status,evidence\r\nfactor,No dedup,8,answer,No deduplication.,Remove duplicates.,,,,,,\r\nframework,Number of data points (ranges may do),,,,,,,California AB 2013: training data transparency,ab2013-3 (§ 3111(a)(3)),measured,Measured in the training sample: records in the sample: 120\r\n',
  ),
);

/** GET /api/assessments/{id}/reports/{version}/croissant */
export const exportReportCroissant = exportRoute(
  'croissant',
  'exportReportCroissant',
  'The answers and measurements as Croissant JSON-LD with the RAI vocabulary',
  jsonDownload(
    'application/ld+json',
    'Croissant JSON-LD',
    'acme-instructions-v3-report-v2.croissant.json',
    z.record(z.string(), z.unknown()).openapi('CroissantDocument'),
    croissantExample,
  ),
);

/** GET /api/assessments/{id}/reports/{version}/pdf */
export const downloadReportPdf = exportRoute(
  'pdf',
  'downloadReportPdf',
  'The report as a PDF (made without a browser)',
  download('application/pdf', 'The PDF', '%PDF-1.7 …'),
);

/** GET /api/exports/assessments.csv */
export const exportAssessmentsCsv = createRoute({
  method: 'get',
  path: '/exports/assessments.csv',
  operationId: 'exportAssessmentsCsv',
  tags: ['reports'],
  summary: "The organization's assessments as CSV (formula cells neutralized)",
  description:
    'One row per assessment: status, due date, score, tier and maturity (blank until the vendor ' +
    'submits: unsubmitted assessments are not ranked), the decision and its date.',
  security: staff,
  middleware: [requireStaff()] as const,
  responses: {
    200: download(
      'text/csv',
      'CSV, one row per assessment',
      'vendor,dataset,status,due,score,tier,maturity,report version,created,decision,decided,vendor contact,id\r\n' +
        'Acme Data,Acme Instructions v3,Approved,2026-12-31,41.5,moderate,2,2,2026-11-20,Approved,2026-12-02,data@acme.example,01kb2x7q9m3n4p5r6s7t8v9w0x\r\n' +
        'Beta Corpus,Beta Web Text,In progress,2027-01-20,,,,,2026-12-01,,,team@beta.example,01kb2x8r4d5e6f7g8h9j0k1m2n\r\n',
    ),
    ...errorResponses(401, 403, 429),
  },
});
