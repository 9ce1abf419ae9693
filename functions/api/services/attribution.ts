import { type ContactRef, defaultContact } from '../../core/assessment/contacts';
import type { Assessment } from '../../core/assessment/types';
import type { VendorIdentity } from '../auth/identity';
import type { AppDeps } from '../env';

/** Who is acting: the named contact of the link, or the assessment's vendor contact. */
export const actingContact = (vendor: VendorIdentity, a: Pick<Assessment, 'vendor'>): ContactRef =>
  vendor.contact ?? defaultContact(a.vendor);

/**
 * Records `by` as the author of each question in `changed` on `draft` (a cleared answer loses its
 * author), keeping the other questions' authors.
 */
export function attributeAnswers(
  draft: Assessment,
  changed: readonly string[],
  by: ContactRef,
  at: string,
): void {
  const authors = { ...(draft.answeredBy ?? {}) };
  for (const id of changed) {
    if (draft.answers[id] === undefined) delete authors[id];
    else authors[id] = { ...by, at };
  }
  draft.answeredBy = authors;
}

/** What a named contact sees of themselves on the questionnaire: name, e-mail, their sections. */
export async function contactView(
  deps: Pick<AppDeps, 'repos'>,
  a: Pick<Assessment, 'organizationId' | 'id'>,
  contactId: string,
): Promise<{ name: string; email: string; sections: string[] } | null> {
  const contact = await deps.repos.contacts.get(a.organizationId, a.id, contactId);
  return contact ? { name: contact.name, email: contact.email, sections: contact.sections } : null;
}
