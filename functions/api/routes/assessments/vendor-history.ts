import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { vendorHistory } from '../../../core/assessment/vendor-history';
import type { AppEnv } from '../../env';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import { errorResponses, jsonResponse, readErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { loadAssessment } from '../../services/assessments';
import { allAssessments } from '../../services/report-versions';

const historyExample = {
  vendor: { name: 'Acme Data', contactEmail: 'data@acme.example' },
  items: [
    {
      id: '01kb2x8r4d5e6f7g8h9j0k1m2n',
      datasetName: 'Acme Instructions v2',
      status: 'approved' as const,
      createdAt: '2026-06-02T09:00:00.000Z',
      dueAt: '2026-07-01T00:00:00.000Z',
      submittedAt: '2026-06-20T14:12:00.000Z',
      decision: { decision: 'approve' as const, at: '2026-06-24T10:03:00.000Z' },
      score: 38,
      tier: 'moderate' as const,
      archived: false,
    },
  ],
};

const VendorHistory = z
  .object({
    vendor: z.object({ name: z.string(), contactEmail: z.string() }),
    items: z.array(
      z.object({
        id: z.string(),
        datasetName: z.string(),
        status: z.string(),
        createdAt: z.string(),
        dueAt: z.string(),
        submittedAt: z.string().nullable(),
        decision: z
          .object({ decision: z.enum(['approve', 'reject', 'request_changes']), at: z.string() })
          .nullable(),
        score: z.number().nullable().openapi({ description: 'null until the vendor submitted' }),
        tier: z.enum(['low', 'moderate', 'high', 'critical']).nullable(),
        archived: z.boolean(),
      }),
    ),
  })
  .openapi('VendorHistory', { example: historyExample });

/** GET /api/assessments/{id}/vendor-history */
export const getVendorHistory = createRoute({
  method: 'get',
  path: '/assessments/{id}/vendor-history',
  operationId: 'getVendorHistory',
  tags: ['assessments'],
  summary: "The vendor's other assessments (same vendor name or contact e-mail), newest first",
  description:
    'Vendors have no id of their own, so the history is read from one assessment: every other ' +
    'assessment of the organization whose vendor has the same name (case and spacing aside) or ' +
    'the same contact e-mail, archived ones included. Scores appear only once submitted.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(VendorHistory, "The vendor's other assessments", historyExample),
    ...errorResponses(...readErrors),
  },
});

/** Lists the other assessments of the same vendor (one organization-partition query, paged). */
export const getVendorHistoryHandler: RouteHandler<typeof getVendorHistory, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const all = await allAssessments(deps, staff.organizationId);
  return c.json({ vendor: a.vendor, items: vendorHistory(a, all) }, 200);
};
