import {
  type ContactLink,
  contactLiveHashes,
  type VendorContact,
} from '../../core/assessment/contacts';
import { linkExpiry } from '../../core/assessment/link-expiry';
import type { Assessment } from '../../core/assessment/types';
import { NotFoundError, StaleWriteError } from '../../lib/errors';
import type { StaffIdentity } from '../auth/identity';
import { formatContactToken, hashSecret } from '../auth/vendor-token';
import type { AppDeps } from '../env';
import { applyAction } from './assessments';
import { notify } from './notify';
import { maxMailedLinks } from './vendor-links';

/** How many replaced links of one contact still answer "replaced" rather than "not valid". */
const keptReplaced = 30;

/**
 * Issues a named contact's own link: a new token (only its hash stored on the contact) that
 * replaces that contact's earlier link and no one else's; the assessment moves to invited and
 * the link is e-mailed to the contact. Returns the token, shown once.
 */
export async function issueContactLink(
  deps: AppDeps,
  staff: StaffIdentity,
  a: Assessment,
  contactId: string,
): Promise<{ token: string; inviteUrl: string; expiresAt: string }> {
  const contact = await deps.repos.contacts.get(a.organizationId, a.id, contactId);
  if (!contact || contact.removedAt) {
    throw new NotFoundError(
      `No contact ${contactId} on this assessment: add the person under vendor contacts first.`,
    );
  }
  const now = deps.clock();
  const expiresAt = linkExpiry(now.toISOString(), a.dueAt, deps.config.INVITE_TTL_DAYS);
  const secret = deps.newSecret();
  const token = formatContactToken(a.organizationId, a.id, contact.id, secret);
  // The assessment (with its audit event) first: compare-and-set, so a refused or lost change
  // leaves the contact's earlier link as it was. `invitation` (the default link) is not touched.
  const next = await applyAction(deps, a, 'invite', staff, () => ({
    expiresAt,
    replacedEarlier: contact.link !== null,
    sentTo: contact.email,
    contact: { id: contact.id, name: contact.name },
  }));
  const previous = contact.link;
  const link: ContactLink = {
    tokenHash: hashSecret(secret),
    issuedAt: now.toISOString(),
    expiresAt,
    replacedHashes: previous
      ? [...(previous.replacedHashes ?? []), ...contactLiveHashes(previous)].slice(-keptReplaced)
      : [],
  };
  await deps.repos.contacts.save({
    ...contact,
    link,
    updatedAt: now.toISOString(),
    version: contact.version + 1,
  });
  const base = deps.config.PUBLIC_BASE_URL ?? '';
  const inviteUrl = `${base}/vendor#token=${token}`;
  const text = (url: string) =>
    `${staff.email} invites you (${contact.name}, ${next.vendor.name}) to answer a due-diligence questionnaire about the dataset "${next.dataset.name}" by ${next.dueAt.slice(0, 10)}.${contact.sections.length ? ' Some sections are assigned to you: they are shown first.' : ''} The link is personal and works until ${expiresAt.slice(0, 10)}.\n\nOpen the questionnaire:\n${url}`;
  await notify(deps, {
    organizationId: next.organizationId,
    assessmentId: next.id,
    to: contact.email,
    subject: `Due-diligence questionnaire: ${next.dataset.name}`,
    body: text(`${base}/vendor#token=(shown once to the sender)`),
    secretBody: text(inviteUrl),
    kind: 'invitation',
  });
  return { token, inviteUrl, expiresAt };
}

/** What minting a contact's e-mail link needs: the contacts (read, compare-and-set save). */
export interface ContactLinkDeps {
  contacts: { save(contact: VendorContact): Promise<void> };
  newSecret: () => string;
  clock: () => Date;
  baseUrl: string;
}

/**
 * A fresh working link for one e-mail to `contact` (a reminder): its hash joins the contact's
 * live link and shares its expiry. Undefined when the contact has no live link or the save lost a
 * race (the caller skips that e-mail rather than send a dead link).
 */
export async function mintContactLink(
  deps: ContactLinkDeps,
  contact: VendorContact,
): Promise<string | undefined> {
  const link = contact.link;
  if (!link || contact.removedAt || link.expiresAt <= deps.clock().toISOString()) return undefined;
  const secret = deps.newSecret();
  try {
    await deps.contacts.save({
      ...contact,
      link: {
        ...link,
        linkHashes: [...(link.linkHashes ?? []), hashSecret(secret)].slice(-maxMailedLinks),
      },
      version: contact.version + 1,
    });
  } catch (error) {
    if (error instanceof StaleWriteError) return undefined;
    throw error;
  }
  const token = formatContactToken(
    contact.organizationId,
    contact.assessmentId,
    contact.id,
    secret,
  );
  return `${deps.baseUrl}/vendor#token=${token}`;
}
