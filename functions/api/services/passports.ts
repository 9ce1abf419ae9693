/** Passports: issue, revoke and sign the public summary of an approved assessment. */
import type { Assessment } from '../../core/assessment/types';
import { computePacks } from '../../core/frameworks';
import { getTemplate } from '../../core/questionnaire';
import { decidedVersion, signContent, versionAnswers } from '../../core/report';
import { passportContent, passportFrameworks } from '../../core/report/passport';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors';
import type { Passport } from '../../store/passports';
import { hashSecret } from '../auth/vendor-token';
import type { AppDeps } from '../env';
import { loadAssessment } from './assessments';
import { type Actor, auditEvent } from './audit';
import { loadReportVersion } from './report-versions';
import { currentPolicy } from './reports';

/** What revoked and unknown links answer (the same, so a link reveals nothing). */
export const PASSPORT_GONE =
  'No passport at this link: it was revoked, or never existed. Ask the vendor for a new one.';

/** The link made for a passport, shown once. */
export interface PassportLink {
  token: string;
  /** The signed JSON (GET /api/passports/{token}). */
  url: string;
  /** The public page that shows it in plain words. */
  pageUrl: string;
  createdAt: string;
}

/** `createdBy` of a link the vendor made. */
const VENDOR = 'vendor';

const approved = (a: Assessment) => a.status === 'approved' && a.decision?.decision === 'approve';

/** Makes a new link (only its hash is stored); an earlier link of the assessment stops working. */
export async function issuePassport(
  deps: AppDeps,
  a: Assessment,
  actor: Exclude<Actor, { kind: 'system' }>,
): Promise<PassportLink> {
  if (!approved(a))
    throw new ConflictError('Only an approved assessment has a passport: decide it first.');
  const previous = await deps.repos.passports.current(a.organizationId, a.id);
  const now = deps.clock();
  const createdAt = now.toISOString();
  const replaced = Boolean(previous && !previous.revokedAt);
  if (previous && !previous.revokedAt)
    await deps.repos.passports.save({ ...previous, revokedAt: createdAt });
  const token = deps.newSecret();
  await deps.repos.passports.save({
    tokenHash: hashSecret(token),
    organizationId: a.organizationId,
    assessmentId: a.id,
    createdAt,
    createdBy: actor.kind === 'staff' ? actor.email : VENDOR,
    revokedAt: null,
  });
  await deps.repos.events.append(
    auditEvent(deps, a, actor, 'passport_created', { replacedEarlier: replaced }, now),
  );
  const base = deps.config.PUBLIC_BASE_URL ?? '';
  return {
    token,
    url: `${base}/api/passports/${token}`,
    pageUrl: `${base}/passport#token=${token}`,
    createdAt,
  };
}

/** Revokes the assessment's live link; NotFoundError when there is none. */
export async function revokeLivePassport(
  deps: AppDeps,
  a: Assessment,
  actor: Exclude<Actor, { kind: 'system' }>,
): Promise<void> {
  const current = await deps.repos.passports.current(a.organizationId, a.id);
  if (!current || current.revokedAt)
    throw new NotFoundError('This assessment has no live passport link.');
  const now = deps.clock();
  await deps.repos.passports.save({ ...current, revokedAt: now.toISOString() });
  await deps.repos.events.append(auditEvent(deps, a, actor, 'passport_revoked', {}, now));
}

/** What the passport panels show: a live link (never the token: only its hash is kept), the policy. */
export interface PassportState {
  live: boolean;
  createdAt: string | null;
  approved: boolean;
  vendorMayShare: boolean;
  includeFrameworks: boolean;
}

/** Whether the assessment has a live link, since when, and what the buyer's policy allows. */
export async function passportState(deps: AppDeps, a: Assessment): Promise<PassportState> {
  const [current, policy] = await Promise.all([
    deps.repos.passports.current(a.organizationId, a.id),
    currentPolicy(deps, a.organizationId),
  ]);
  const live = Boolean(current && !current.revokedAt);
  return {
    live,
    createdAt: live ? (current?.createdAt ?? null) : null,
    approved: approved(a),
    ...policy.passport,
  };
}

/** Refuses a vendor's passport request unless the buyer's policy allows sharing. */
export async function requireVendorSharing(deps: AppDeps, a: Assessment): Promise<void> {
  const policy = await currentPolicy(deps, a.organizationId);
  if (!policy.passport.vendorMayShare)
    throw new ForbiddenError(
      'The buyer has not allowed sharing a passport of this assessment. Ask them to allow it (their policy setting "passport.vendorMayShare").',
    );
}

/** The signed passport a live link opens, signed now with the current key. */
export async function signedPassport(deps: AppDeps, p: Passport | undefined) {
  if (!p || p.revokedAt) throw new NotFoundError(PASSPORT_GONE);
  const a = await loadAssessment(deps, p.organizationId, p.assessmentId);
  if (!approved(a) || !a.decision) throw new NotFoundError(PASSPORT_GONE);
  const versions = await deps.repos.reports.list(a.organizationId, a.id);
  const decided = decidedVersion(versions, a.decision);
  if (!decided) throw new NotFoundError(PASSPORT_GONE);
  const [report, samples, signer, policy, org] = await Promise.all([
    loadReportVersion(deps, a, decided.version),
    deps.repos.samples.list(a.organizationId, a.id),
    deps.reportKeys.signer(),
    currentPolicy(deps, a.organizationId),
    deps.repos.organizations.get(a.organizationId),
  ]);
  // A link the vendor made lives only while the buyer allows vendors to share.
  if (p.createdBy === VENDOR && !policy.passport.vendorMayShare)
    throw new NotFoundError(PASSPORT_GONE);
  const template = getTemplate(a.templateId, a.templateVersion);
  const frameworks =
    policy.passport.includeFrameworks && template
      ? passportFrameworks(
          computePacks({ report, answers: versionAnswers(report).answers, template }),
        )
      : undefined;
  const content = passportContent(
    { ...a, decision: { ...a.decision, decision: 'approve' } },
    report,
    Object.fromEntries(samples.map((s) => [s.sampleId, s.hashMethod])),
    deps.clock(),
    frameworks,
    org?.name ?? a.organizationId,
  );
  return signContent(content, signer);
}
