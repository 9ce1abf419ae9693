import { type ContactRef, contactLiveHashes } from '../../core/assessment/contacts';
import { UnauthorizedError } from '../../lib/errors';
import { type ParsedToken, secretMatches } from '../auth/vendor-token';
import type { AppDeps } from '../env';

/** Why a contact's link was refused: `invalid` counts as a failed attempt, the others do not. */
export type ContactRefusal = 'invalid' | UnauthorizedError;

/**
 * Checks a named contact's own link on every request: the contact must still be on the
 * assessment (a removed contact's link stops at once), the link must be its current one (or a
 * reminder's copy of it), unexpired, and the assessment not cancelled.
 */
export async function contactOfLink(
  deps: Pick<AppDeps, 'repos'>,
  parsed: ParsedToken & { contactId: string },
  now: Date,
): Promise<ContactRef | ContactRefusal> {
  const { organizationId: org, assessmentId, contactId, secret } = parsed;
  const contact = await deps.repos.contacts.get(org, assessmentId, contactId);
  const matches = (hashes: readonly string[] | undefined) =>
    (hashes ?? []).some((h) => secretMatches(secret, h));
  const link = contact?.link;
  const live = link ? matches(contactLiveHashes(link)) : false;
  const replaced = link ? matches(link.replacedHashes) : false;
  if (!contact || (!live && !replaced)) return 'invalid';
  if (contact.removedAt) {
    return new UnauthorizedError(
      'This link was withdrawn: the organization that sent it removed you from this questionnaire. Ask your contact there if you still need access.',
      'contact-removed',
    );
  }
  if (replaced) {
    return new UnauthorizedError(
      'This link was replaced by a newer one sent to you. Use the newest link, or ask your contact for a new one.',
      'invitation-revoked',
    );
  }
  const assessment = await deps.repos.assessments.get(org, assessmentId);
  if (!assessment || assessment.status === 'cancelled') {
    return new UnauthorizedError(
      'This questionnaire was cancelled by the organization that sent it; nothing more is needed from you.',
      'assessment-cancelled',
    );
  }
  if (!link || link.expiresAt <= now.toISOString()) {
    return new UnauthorizedError(
      'This invitation link has expired. Ask your contact for a new link.',
      'invitation-expired',
    );
  }
  return { contactId: contact.id, name: contact.name, email: contact.email };
}
