import type { Assessment } from '../../../core/assessment/types';
import type { AppDeps } from '../../env';
import { mailVendor } from '../../services/mail';

/** The assessment's invitation while its link still works at `now`, else undefined. */
export function liveInvitation(a: Assessment, now: Date) {
  const inv = a.invitation;
  return inv && !inv.revokedAt && inv.expiresAt > now.toISOString() ? inv : undefined;
}

/**
 * After a due-date move: the live link's record takes the new expiry (already computed into
 * `next.invitation`; one compare-and-set write of the one invitation item), then the vendor is
 * told of the new date with a working link.
 */
export async function followDueDate(
  deps: AppDeps,
  before: Assessment,
  next: Assessment,
  now: Date,
): Promise<void> {
  const expiresAt = next.invitation?.expiresAt;
  const record = await deps.repos.invitations.get(next.organizationId, next.id);
  if (expiresAt && record && !record.revokedAt && record.expiresAt > now.toISOString()) {
    await deps.repos.invitations.save({ ...record, expiresAt, version: record.version + 1 });
  }
  const from = before.dueAt.slice(0, 10);
  const to = next.dueAt.slice(0, 10);
  await mailVendor(deps, next, {
    subject: `New due date ${to}: due-diligence questionnaire for ${next.dataset.name}`,
    news: `The due date of the due-diligence questionnaire for "${next.dataset.name}" moved from ${from} to ${to}. Your link now works until ${(expiresAt ?? next.dueAt).slice(0, 10)}.`,
    next: `Finish the questionnaire by ${to}:`,
    kind: 'due-date-changed',
  });
}
