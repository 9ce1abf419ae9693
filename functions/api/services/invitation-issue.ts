import { linkExpiry } from '../../core/assessment/link-expiry';
import { can, nextStatus, refusal } from '../../core/assessment/state-machine';
import type { Assessment } from '../../core/assessment/types';
import { ConflictError } from '../../lib/errors';
import type { AuditEvent } from '../../store/events';
import type { Invitation } from '../../store/invitations';
import { formatToken, hashSecret } from '../auth/vendor-token';
import type { AppDeps } from '../env';
import { type Actor, auditEvent } from './audit';
import { notify } from './notify';

/** What issuing an invitation needs, narrowed so the scheduled function can pass its own stores. */
export interface InviteDeps
  extends Pick<AppDeps, 'clock' | 'newId' | 'newSecret' | 'mailer' | 'config'> {
  repos: {
    assessments: { save(next: Assessment, event: AuditEvent): Promise<void> };
    invitations: {
      get(org: string, assessmentId: string): Promise<Invitation | undefined>;
      replace(inv: Invitation): Promise<void>;
    };
    outbox: Pick<AppDeps['repos']['outbox'], 'add'>;
  };
}

/**
 * Today's invitation path without a named contact (`POST /api/assessments/{id}/invitations`):
 * a new token (only its hash stored) replaces and so revokes any earlier one, the assessment
 * moves to `invited` with an `invite` event (compare-and-set, so a racing change wins cleanly),
 * and the link is e-mailed to the vendor contact. `inviter` names who invites in the e-mail.
 */
export async function issueVendorInvitation(
  deps: InviteDeps,
  current: Assessment,
  actor: Actor,
  inviter: string,
): Promise<{ token: string; inviteUrl: string; expiresAt: string; assessment: Assessment }> {
  if (!can(current.status, 'invite')) throw new ConflictError(refusal(current.status, 'invite'));
  const now = deps.clock();
  const expiresAt = linkExpiry(now.toISOString(), current.dueAt, deps.config.INVITE_TTL_DAYS);
  const secret = deps.newSecret();
  const token = formatToken(current.organizationId, current.id, secret);
  const next: Assessment = {
    ...structuredClone(current),
    status: nextStatus(current.status, 'invite'),
    invitation: {
      issuedAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
      sentTo: current.vendor.contactEmail,
      lastReminderAt: null,
    },
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  const statusDetail =
    next.status === current.status ? {} : { from: current.status, to: next.status };
  const detail = {
    ...statusDetail,
    expiresAt,
    replacedEarlier: current.invitation !== null,
    sentTo: current.vendor.contactEmail,
  };
  await deps.repos.assessments.save(next, auditEvent(deps, next, actor, 'invite', detail, now));
  const previous = await deps.repos.invitations.get(current.organizationId, current.id);
  await deps.repos.invitations.replace({
    organizationId: current.organizationId,
    assessmentId: current.id,
    tokenHash: hashSecret(secret),
    issuedAt: now.toISOString(),
    expiresAt,
    revokedAt: null,
    // Every link of the earlier invitation (issued and e-mailed: `liveHashes`) now says "revoked";
    // spelled out here so the scheduled function does not bundle the full invitation store.
    replacedHashes: previous
      ? [
          ...(previous.replacedHashes ?? []),
          previous.tokenHash,
          ...(previous.linkHashes ?? []),
        ].slice(-30)
      : [],
    version: (previous?.version ?? 0) + 1,
  });
  const base = deps.config.PUBLIC_BASE_URL ?? '';
  const inviteUrl = `${base}/vendor#token=${token}`;
  const text = (link: string) =>
    `${inviter} invites ${next.vendor.name} to answer a due-diligence questionnaire about the dataset "${next.dataset.name}" by ${next.dueAt.slice(0, 10)}. The link is personal and works until ${expiresAt.slice(0, 10)}.\n\nOpen the questionnaire, answer it and upload the samples it asks for:\n${link}`;
  await notify(deps, {
    organizationId: next.organizationId,
    assessmentId: next.id,
    to: next.vendor.contactEmail,
    subject: `Due-diligence questionnaire: ${next.dataset.name}`,
    body: text(`${base}/vendor#token=(shown once to the sender)`),
    secretBody: text(inviteUrl),
    kind: 'invitation',
  });
  return { token, inviteUrl, expiresAt, assessment: next };
}
