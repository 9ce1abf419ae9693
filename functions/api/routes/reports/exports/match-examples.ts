/**
 * GET /api/assessments/{id}/reports/{version}/match-examples: the vendor's texts of each fingerprint
 * match's first example records, for the web report (the stored report keeps record numbers only:
 * the re-score worker that writes it cannot read samples). Read from the pinned sample at request
 * time and masked, as the PDF does (`withMatchTexts`); never the pack's text (a pack holds hashes).
 */
import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import type { Analysis } from '../../../../core/analysis/types';
import { packMatches } from '../../../../core/scoring/matches';
import type { AppEnv } from '../../../env';
import { requireStaff } from '../../../middleware/staff-auth';
import { IdParam } from '../../../schemas/assessment';
import { errorResponses, jsonResponse, readErrors } from '../../../schemas/problem';
import * as z from '../../../schemas/zod';
import { loadAssessment } from '../../../services/assessments';
import { type MatchWithTexts, withMatchTexts } from '../../../services/match-texts';
import { loadReportVersion } from '../../../services/report-versions';

const VersionParam = IdParam.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' }, example: 2 }),
});

/** The examples of every match of a report version. */
export const MatchExamplesSchema = z
  .object({
    items: z.array(
      z.object({
        pack: z.string().openapi({ description: 'the pack’s name, as the report shows it' }),
        kind: z.enum(['synthetic', 'eval', 'echo']),
        role: z.string().openapi({ description: 'the sample the match is in (training, holdout)' }),
        examples: z
          .array(
            z.object({
              record: z.number().int().openapi({ description: 'record index in the sample' }),
              text: z.string().openapi({ description: 'the vendor’s text, personal data masked' }),
            }),
          )
          .openapi({
            description:
              'up to 3 records; empty when the sample was deleted under retention or unreadable',
          }),
      }),
    ),
  })
  .openapi('ReportMatchExamples');

/** What the route answers for a report whose training sample copies a public corpus. */
const matchExamplesExample = {
  items: [
    {
      pack: 'Public chat corpus',
      kind: 'synthetic' as const,
      role: 'training',
      examples: [
        { record: 0, text: 'Sure! Here is a short poem about the sea, written for [EMAIL] …' },
        {
          record: 17,
          text: 'As an AI language model, I can summarize the article in three points.',
        },
      ],
    },
  ],
};

/** GET /api/assessments/{id}/reports/{version}/match-examples */
export const getReportMatchExamples = createRoute({
  method: 'get',
  path: '/assessments/{id}/reports/{version}/match-examples',
  operationId: 'getReportMatchExamples',
  tags: ['reports'],
  summary: "The vendor's texts of each fingerprint match's example records (masked)",
  description:
    'Per match of the report version (pack, kind, sample role), the first three example records ' +
    'as the vendor delivered them, read from the sample the report measured, personal data ' +
    'masked as in the PDF. Never the pack’s text: packs hold hashes only.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  request: { params: VersionParam },
  responses: {
    200: jsonResponse(MatchExamplesSchema, 'The example texts per match', matchExamplesExample),
    ...errorResponses(...readErrors, 500),
  },
});

/** Reads the version (integrity-checked) and the vendor's texts of its matched records. */
export const getReportMatchExamplesHandler: RouteHandler<
  typeof getReportMatchExamples,
  AppEnv
> = async (c) => {
  const { deps, staff } = c.var;
  const params = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, params.id);
  const report = await loadReportVersion(deps, a, params.version);
  const shown = await withMatchTexts(deps, a, report);
  const items = shown.samples.flatMap((s) =>
    (packMatches(s as Analysis) as MatchWithTexts[])
      .filter((m) => m.matchedShare > 0)
      .map((m) => ({
        pack: m.pack,
        kind: m.kind,
        role: String(s.role),
        examples: (m.exampleTexts ?? []).map((e) => ({ record: e.record, text: e.text })),
      })),
  );
  return c.json({ items }, 200);
};
