/**
 * /api/vendor/passport: the vendor of an approved assessment shares a passport (a public,
 * revocable link to the signed summary) when the buyer's policy allows it.
 */
import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { errorResponses, jsonResponse } from '../../schemas/problem';
import { loadAssessment } from '../../services/assessments';
import {
  issuePassport,
  passportState,
  requireVendorSharing,
  revokeLivePassport,
} from '../../services/passports';
import {
  PassportLinkSchema,
  PassportStateSchema,
  passportLinkExample,
  passportStateExample,
} from '../passports/routes';

const vendor = [{ vendorToken: [] }];

/** GET /api/vendor/passport */
export const getVendorPassport = createRoute({
  method: 'get',
  path: '/vendor/passport',
  operationId: 'getVendorPassport',
  tags: ['vendor'],
  summary:
    'Whether you may share a passport of your approved assessment, and whether a link is live',
  security: vendor,
  responses: {
    200: jsonResponse(PassportStateSchema, 'The link state', passportStateExample),
    ...errorResponses(401, 404, 429),
  },
});

/** POST /api/vendor/passport */
export const createVendorPassport = createRoute({
  method: 'post',
  path: '/vendor/passport',
  operationId: 'createVendorPassport',
  tags: ['vendor'],
  summary:
    'Make a public, revocable link to the signed summary of your approved assessment (when the buyer allows it); revokes any earlier link',
  security: vendor,
  responses: {
    201: jsonResponse(
      PassportLinkSchema,
      'The new link (shown once: keep it)',
      passportLinkExample,
    ),
    ...errorResponses(401, 403, 404, 409, 429),
  },
});

/** DELETE /api/vendor/passport */
export const revokeVendorPassport = createRoute({
  method: 'delete',
  path: '/vendor/passport',
  operationId: 'revokeVendorPassport',
  tags: ['vendor'],
  summary: 'Revoke your passport link (it stops answering at once)',
  security: vendor,
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 404, 429) },
});

/** The state of the vendor's one assessment. */
export const getVendorPassportHandler: RouteHandler<typeof getVendorPassport, AppEnv> = async (
  c,
) => {
  const { deps, vendor: v } = c.var;
  const a = await loadAssessment(deps, v.organizationId, v.assessmentId);
  return c.json(await passportState(deps, a), 200);
};

/** A new link, when the buyer allows sharing and the assessment is approved. */
export const createVendorPassportHandler: RouteHandler<
  typeof createVendorPassport,
  AppEnv
> = async (c) => {
  const { deps, vendor: v } = c.var;
  const a = await loadAssessment(deps, v.organizationId, v.assessmentId);
  await requireVendorSharing(deps, a);
  return c.json(await issuePassport(deps, a, v), 201);
};

/** Revoking is always allowed (even after the buyer stops allowing sharing). */
export const revokeVendorPassportHandler: RouteHandler<
  typeof revokeVendorPassport,
  AppEnv
> = async (c) => {
  const { deps, vendor: v } = c.var;
  const a = await loadAssessment(deps, v.organizationId, v.assessmentId);
  await revokeLivePassport(deps, a, v);
  return c.body(null, 204);
};
