import type { RouteHandler } from '@hono/zod-openapi';
import { linkExpiry } from '../../../core/assessment/link-expiry';
import { can, refusal } from '../../../core/assessment/state-machine';
import { ConflictError } from '../../../lib/errors';
import { liveHashes } from '../../../store/invitations';
import { formatToken, hashSecret } from '../../auth/vendor-token';
import type { AppEnv } from '../../env';
import { applyAction, loadAssessment } from '../../services/assessments';
import { issueContactLink } from '../../services/contact-links';
import { notify } from '../../services/notify';
import type { issueInvitation, revokeInvitation } from './routes';

/** Issues a new token (only its hash is stored) and e-mails the link to the vendor contact. */
export const issueInvitationHandler: RouteHandler<typeof issueInvitation, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const current = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const { contactId } = c.req.valid('json');
  if (contactId) return c.json(await issueContactLink(deps, staff, current, contactId), 201);
  const now = deps.clock();
  const expiresAt = linkExpiry(now.toISOString(), current.dueAt, deps.config.INVITE_TTL_DAYS);
  const secret = deps.newSecret();
  const token = formatToken(current.organizationId, current.id, secret);
  const next = await applyAction(deps, current, 'invite', staff, (draft) => {
    draft.invitation = {
      issuedAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
      sentTo: current.vendor.contactEmail,
      lastReminderAt: null,
    };
    return {
      expiresAt,
      replacedEarlier: current.invitation !== null,
      sentTo: current.vendor.contactEmail,
    };
  });
  const previous = await deps.repos.invitations.get(current.organizationId, current.id);
  await deps.repos.invitations.replace({
    organizationId: current.organizationId,
    assessmentId: current.id,
    tokenHash: hashSecret(secret),
    issuedAt: now.toISOString(),
    expiresAt,
    revokedAt: null,
    // Every link of the earlier invitation (issued and e-mailed) now says "revoked".
    replacedHashes: previous
      ? [...(previous.replacedHashes ?? []), ...liveHashes(previous)].slice(-30)
      : [],
    version: (previous?.version ?? 0) + 1,
  });
  const base = deps.config.PUBLIC_BASE_URL ?? '';
  const inviteUrl = `${base}/vendor#token=${token}`;
  const text = (link: string) =>
    `${staff.email} invites ${next.vendor.name} to answer a due-diligence questionnaire about the dataset "${next.dataset.name}" by ${next.dueAt.slice(0, 10)}. The link is personal and works until ${expiresAt.slice(0, 10)}.\n\nOpen the questionnaire, answer it and upload the samples it asks for:\n${link}`;
  await notify(deps, {
    organizationId: next.organizationId,
    assessmentId: next.id,
    to: next.vendor.contactEmail,
    subject: `Due-diligence questionnaire: ${next.dataset.name}`,
    body: text(`${base}/vendor#token=(shown once to the sender)`),
    secretBody: text(inviteUrl),
    kind: 'invitation',
  });
  return c.json({ token, inviteUrl, expiresAt }, 201);
};

/** Revokes the live invitation; the vendor's link stops working at once. */
export const revokeInvitationHandler: RouteHandler<typeof revokeInvitation, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const current = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const invitation = await deps.repos.invitations.get(current.organizationId, current.id);
  if (!invitation || invitation.revokedAt)
    throw new ConflictError('There is no live invitation to revoke.');
  // A refused revoke changes nothing: check the workflow before touching the link.
  if (!can(current.status, 'revoke')) throw new ConflictError(refusal(current.status, 'revoke'));
  const now = deps.clock().toISOString();
  // The assessment (with its event) first: it is compare-and-set, so a racing change wins cleanly
  // and the link stays as it was.
  await applyAction(deps, current, 'revoke', staff, (draft) => {
    if (draft.invitation) draft.invitation.revokedAt = now;
    return undefined;
  });
  await deps.repos.invitations.save({
    ...invitation,
    revokedAt: now,
    version: invitation.version + 1,
  });
  return c.body(null, 204);
};
