/** Vendor contacts: several named people of the vendor, each with their own link and sections. */
import type { QuestionnaireTemplate } from '../questionnaire/types';

/** Most contacts (not removed) one assessment may have. */
export const maxContacts = 20;
/** Most contacts ever added to one assessment, removed ones included (they stay as tombstones). */
export const maxContactsEver = 60;

/** Who did something on the vendor's side: a named contact, or the assessment's vendor contact. */
export interface ContactRef {
  /** The contact's id; null for the vendor contact the assessment was created with. */
  contactId: string | null;
  name: string;
  email: string;
}

/** Who answered one question, and when. */
export interface Attribution extends ContactRef {
  at: string;
}

/** One contact's own link; only hashes of its tokens are stored. */
export interface ContactLink {
  tokenHash: string;
  issuedAt: string;
  expiresAt: string;
  /** Further links minted for e-mails to this contact (reminders); they share the expiry. */
  linkHashes?: string[];
  /** Hashes of this contact's earlier links, so an old link says "replaced" (newest last). */
  replacedHashes?: string[];
}

/** A named vendor contact of one assessment. */
export interface VendorContact {
  id: string;
  organizationId: string;
  assessmentId: string;
  name: string;
  email: string;
  /** Questionnaire section ids assigned to this contact. */
  sections: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Set when procurement removed the contact: its link stops at once (the item stays). */
  removedAt: string | null;
  link: ContactLink | null;
  /** Compare-and-set counter. */
  version: number;
}

/** The default vendor contact (the assessment's own e-mail) as an attribution. */
export const defaultContact = (vendor: { contactEmail: string }): ContactRef => ({
  contactId: null,
  name: vendor.contactEmail,
  email: vendor.contactEmail,
});

/** Every hash that opens the contact's current link. */
export const contactLiveHashes = (link: ContactLink): string[] => [
  link.tokenHash,
  ...(link.linkHashes ?? []),
];

/** Section ids not in `template`, with their position in `sections` (for error paths). */
export function unknownSections(
  template: Pick<QuestionnaireTemplate, 'sections'>,
  sections: readonly string[],
): { index: number; id: string }[] {
  const known = new Set(template.sections.map((s) => s.id));
  return sections.flatMap((id, index) => (known.has(id) ? [] : [{ index, id }]));
}

/** Ids of the sections that still have an unanswered required question. */
export function pendingSections(
  template: Pick<QuestionnaireTemplate, 'sections'>,
  answers: Readonly<Record<string, unknown>>,
): string[] {
  return template.sections
    .filter((s) => s.questions.some((q) => q.required && answers[q.id] === undefined))
    .map((s) => s.id);
}

/**
 * The contacts a reminder goes to: those (not removed, with a live link at `now`) holding at
 * least one pending section, each with the pending sections they hold.
 */
export function sectionHolders(
  contacts: readonly VendorContact[],
  pending: readonly string[],
  now: Date,
): { contact: VendorContact; sections: string[] }[] {
  const open = new Set(pending);
  return contacts.flatMap((contact) => {
    const live = contact.link && contact.link.expiresAt > now.toISOString();
    const sections = contact.sections.filter((s) => open.has(s));
    return !contact.removedAt && live && sections.length > 0 ? [{ contact, sections }] : [];
  });
}
