import type { RouteHandler } from '@hono/zod-openapi';
import { decidedVersion, signContent } from '../../../core/report';
import { passportContent } from '../../../core/report/passport';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import { hashSecret } from '../../auth/vendor-token';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { loadReportVersion } from '../../services/report-versions';
import type { createPassport, getPassport, revokePassport } from './routes';

const GONE =
  'No passport at this link: it was revoked, or never existed. Ask the vendor for a new one.';

/** Makes a new link (only its hash is stored); an earlier link of the assessment stops working. */
export const createPassportHandler: RouteHandler<typeof createPassport, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  if (a.status !== 'approved' || a.decision?.decision !== 'approve')
    throw new ConflictError('Only an approved assessment has a passport: decide it first.');
  const previous = await deps.repos.passports.current(a.organizationId, a.id);
  const createdAt = deps.clock().toISOString();
  if (previous && !previous.revokedAt)
    await deps.repos.passports.save({ ...previous, revokedAt: createdAt });
  const token = deps.newSecret();
  await deps.repos.passports.save({
    tokenHash: hashSecret(token),
    organizationId: a.organizationId,
    assessmentId: a.id,
    createdAt,
    createdBy: staff.email,
    revokedAt: null,
  });
  const base = deps.config.PUBLIC_BASE_URL ?? '';
  return c.json({ token, url: `${base}/api/passports/${token}`, createdAt }, 201);
};

/** Revokes the assessment's current link. */
export const revokePassportHandler: RouteHandler<typeof revokePassport, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const current = await deps.repos.passports.current(a.organizationId, a.id);
  if (!current || current.revokedAt)
    throw new NotFoundError('This assessment has no live passport link.');
  await deps.repos.passports.save({ ...current, revokedAt: deps.clock().toISOString() });
  return c.body(null, 204);
};

/** The signed summary a live link opens, signed now with the current key. */
export const getPassportHandler: RouteHandler<typeof getPassport, AppEnv> = async (c) => {
  const { deps } = c.var;
  const p = await deps.repos.passports.byToken(hashSecret(c.req.valid('param').token));
  if (!p || p.revokedAt) throw new NotFoundError(GONE);
  const a = await loadAssessment(deps, p.organizationId, p.assessmentId);
  if (a.status !== 'approved' || a.decision?.decision !== 'approve') throw new NotFoundError(GONE);
  const versions = await deps.repos.reports.list(a.organizationId, a.id);
  const decided = decidedVersion(versions, a.decision);
  if (!decided) throw new NotFoundError(GONE);
  const [report, samples, signer] = await Promise.all([
    loadReportVersion(deps, a, decided.version),
    deps.repos.samples.list(a.organizationId, a.id),
    deps.reportKeys.signer(),
  ]);
  const content = passportContent(
    { ...a, decision: { ...a.decision, decision: 'approve' } },
    report,
    Object.fromEntries(samples.map((s) => [s.sampleId, s.hashMethod])),
    deps.clock(),
  );
  c.header('Cache-Control', 'no-store');
  return c.json(await signContent(content, signer), 200);
};
