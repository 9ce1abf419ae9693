import type { RouteHandler } from '@hono/zod-openapi';
import { can, refusal } from '../../../core/assessment/state-machine';
import { ConflictError } from '../../../lib/errors';
import type { AppEnv } from '../../env';
import { applyAction, loadAssessment } from '../../services/assessments';
import { issueContactLink } from '../../services/contact-links';
import { issueVendorInvitation } from '../../services/invitation-issue';
import type { issueInvitation, revokeInvitation } from './routes';

/** Issues a new token (only its hash is stored) and e-mails the link to the vendor contact. */
export const issueInvitationHandler: RouteHandler<typeof issueInvitation, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const current = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const { contactId } = c.req.valid('json');
  if (contactId) return c.json(await issueContactLink(deps, staff, current, contactId), 201);
  const { token, inviteUrl, expiresAt } = await issueVendorInvitation(
    deps,
    current,
    staff,
    staff.email,
  );
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
