import type { RouteHandler } from '@hono/zod-openapi';
import { applyEdit } from '../../../core/assessment/edit';
import { linkExpiry } from '../../../core/assessment/link-expiry';
import { can, refusal } from '../../../core/assessment/state-machine';
import type { Assessment } from '../../../core/assessment/types';
import { ConflictError, ValidationError } from '../../../lib/errors';
import type { AppEnv } from '../../env';
import { applyAction, loadAssessment } from '../../services/assessments';
import { notify } from '../../services/notify';
import { futureDue } from './due-date';
import { followDueDate, liveInvitation } from './due-link';
import type { archiveAssessment, cancelAssessment, updateAssessment } from './manage-routes';

function checkVersion(current: Assessment, version: number | undefined): void {
  if (version !== undefined && version !== current.version) {
    throw new ConflictError(
      'Someone changed the assessment since you opened it; reload it and make your change again.',
    );
  }
}

/** Edits the vendor contact, dataset details or due date while the vendor has not submitted. */
export const updateAssessmentHandler: RouteHandler<typeof updateAssessment, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  const current = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  checkVersion(current, body.version);
  if (!can(current.status, 'edit')) throw new ConflictError(refusal(current.status, 'edit'));
  const edit = { ...body, ...(body.dueAt ? { dueAt: futureDue(body.dueAt, deps.clock()) } : {}) };
  const probe = applyEdit(structuredClone(current), edit);
  if (probe.length === 0) {
    throw new ValidationError('Nothing to change: every value sent equals the current one.', [
      { path: '(body)', message: 'send at least one field with a new value' },
    ]);
  }
  const now = deps.clock();
  const live = liveInvitation(current, now);
  const next = await applyAction(deps, current, 'edit', staff, (draft) => {
    const changes = applyEdit(draft, edit);
    const moved = changes.some((x) => x.field === 'dueAt');
    if (!moved || !live || !draft.invitation) return { changes };
    const expiresAt = linkExpiry(live.issuedAt, draft.dueAt, deps.config.INVITE_TTL_DAYS);
    draft.invitation.expiresAt = expiresAt;
    return { changes, linkExpiresAt: expiresAt };
  });
  if (live && next.dueAt !== current.dueAt) await followDueDate(deps, current, next, now);
  return c.json(next, 200);
};

/** Cancels an undecided assessment and revokes its invitation link. */
export const cancelAssessmentHandler: RouteHandler<typeof cancelAssessment, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  const current = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  checkVersion(current, body.version);
  const live = current.invitation !== null && !current.invitation.revokedAt;
  const next = await applyAction(deps, current, 'cancel', staff, (draft, now) => {
    draft.cancellation = { by: staff.email, at: now.toISOString(), reason: body.reason };
    if (draft.invitation && !draft.invitation.revokedAt)
      draft.invitation.revokedAt = now.toISOString();
    return { reason: body.reason, linkRevoked: live };
  });
  const invitation = await deps.repos.invitations.get(current.organizationId, current.id);
  if (invitation && !invitation.revokedAt) {
    await deps.repos.invitations.save({
      ...invitation,
      revokedAt: next.updatedAt,
      version: invitation.version + 1,
    });
  }
  if (current.invitation) {
    await notify(deps, {
      organizationId: next.organizationId,
      assessmentId: next.id,
      to: next.vendor.contactEmail,
      subject: `Due-diligence questionnaire cancelled: ${next.dataset.name}`,
      body: `The due-diligence assessment of "${next.dataset.name}" was cancelled, so your invitation link no longer works. Reason: ${body.reason}\n\nNothing more is needed from you; questions about it go to ${next.createdBy}:\nmailto:${next.createdBy}`,
      kind: 'cancellation',
    });
  }
  return c.json(next, 200);
};

/** Archives a decided or cancelled assessment. */
export const archiveAssessmentHandler: RouteHandler<typeof archiveAssessment, AppEnv> = async (
  c,
) => {
  const { deps, staff } = c.var;
  const current = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  if (current.archivedAt) {
    throw new ConflictError(`The assessment was already archived on ${current.archivedAt}.`);
  }
  const next = await applyAction(deps, current, 'archive', staff, (draft, now) => {
    draft.archivedAt = now.toISOString();
    return undefined;
  });
  return c.json(next, 200);
};
