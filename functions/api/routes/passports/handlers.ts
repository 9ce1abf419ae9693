import type { RouteHandler } from '@hono/zod-openapi';
import { hashSecret } from '../../auth/vendor-token';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import {
  issuePassport,
  passportState,
  revokeLivePassport,
  signedPassport,
} from '../../services/passports';
import type { createPassport, getPassport, getPassportState, revokePassport } from './routes';

/** Whether the assessment has a live link and what the policy allows. */
export const getPassportStateHandler: RouteHandler<typeof getPassportState, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  return c.json(await passportState(deps, a), 200);
};

/** Makes a new link (only its hash is stored); an earlier link of the assessment stops working. */
export const createPassportHandler: RouteHandler<typeof createPassport, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  return c.json(await issuePassport(deps, a, staff), 201);
};

/** Revokes the assessment's current link. */
export const revokePassportHandler: RouteHandler<typeof revokePassport, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  await revokeLivePassport(deps, a, staff);
  return c.body(null, 204);
};

/** The signed summary a live link opens, signed now with the current key. */
export const getPassportHandler: RouteHandler<typeof getPassport, AppEnv> = async (c) => {
  const { deps } = c.var;
  const p = await deps.repos.passports.byToken(hashSecret(c.req.valid('param').token));
  const signed = await signedPassport(deps, p);
  c.header('Cache-Control', 'no-store');
  // the signed content has the schema's shape; the optional frameworks block is typed loosely
  return c.json(signed as never, 200);
};
