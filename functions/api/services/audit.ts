import type { Assessment } from '../../core/assessment/types';
import type { AuditEvent } from '../../store/events';
import type { StaffIdentity, VendorIdentity } from '../auth/identity';
import type { AppDeps } from '../env';

/** Who did something, as the audit trail records it. */
export type Actor = StaffIdentity | VendorIdentity | { kind: 'system'; name: string };

/** Builds the audit event for a change to `a` made at `now` by `actor`. */
export function auditEvent(
  deps: Pick<AppDeps, 'newId'>,
  a: Pick<Assessment, 'id' | 'organizationId' | 'vendor'>,
  actor: Actor,
  type: string,
  detail: Record<string, unknown>,
  now: Date,
): AuditEvent {
  const who =
    actor.kind === 'staff'
      ? { actor: actor.email, role: actor.role }
      : actor.kind === 'vendor'
        ? { actor: actor.contact?.email ?? a.vendor.contactEmail, role: 'vendor' }
        : { actor: actor.name, role: 'system' };
  // A named contact's change names them (the vendor's own words: shown as plain text only).
  const contact =
    actor.kind === 'vendor' && actor.contact?.contactId
      ? { contact: { id: actor.contact.contactId, name: actor.contact.name } }
      : {};
  return {
    id: deps.newId(now),
    organizationId: a.organizationId,
    assessmentId: a.id,
    at: now.toISOString(),
    ...who,
    type,
    detail: { ...detail, ...contact },
  };
}
