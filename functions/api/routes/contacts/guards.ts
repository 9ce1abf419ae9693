import {
  maxContacts,
  maxContactsEver,
  type VendorContact,
} from '../../../core/assessment/contacts';
import type { Assessment } from '../../../core/assessment/types';
import { ConflictError } from '../../../lib/errors';
import type { EmailClaim } from '../../../store/contact-guards';
import type { AppDeps } from '../../env';

/**
 * "At most `maxContacts` at a time, `maxContactsEver` ever, each e-mail once" under concurrent
 * changes, with the store's single-item conditional writes (store/contact-guards.ts). A crash
 * between a guard's write and the contact's leaves a claim or a place naming a contact that is not
 * there: while younger than `abandonedAfterMs` it counts as an add in flight; older, its contact id
 * is fenced (so it can never be written late) and the claim or place is free again.
 */

/** Far above the API function's 28 s timeout: no request is still running after this. */
export const abandonedAfterMs = 10 * 60_000;

/** The 409 of an e-mail another contact holds; `name` is that contact's. */
export const duplicateError = (email: string, name: string) =>
  new ConflictError(
    `${email} is already a contact of this assessment (${name}); edit that contact instead.`,
  );

/** The 409 of a full assessment. */
export const fullError = () =>
  new ConflictError(
    `This assessment already has the most contacts it can have (${maxContacts} at a time, ${maxContactsEver} ever); remove one first.`,
  );

const lower = (s: string) => s.toLowerCase();
const age = (deps: AppDeps, at: string) => deps.clock().getTime() - Date.parse(at);

/**
 * Makes sure the assessment has its slots item, counting the contacts written before it existed
 * (`all` when the caller listed them already, read before this call). Two seeders never both
 * count: the item is created only if absent.
 */
export async function ensureSlots(deps: AppDeps, a: Assessment, all?: VendorContact[]) {
  const guards = deps.repos.contacts.guards;
  if (await guards.getSlots(a.organizationId, a.id)) return;
  const contacts = all ?? (await deps.repos.contacts.list(a.organizationId, a.id));
  const live = contacts.filter((c) => !c.removedAt).map((c) => [c.id, c.createdAt]);
  await guards.seedSlots(a.organizationId, a.id, {
    live: Object.fromEntries(live),
    ever: contacts.length,
  });
}

/** Fences an abandoned add's contact id; true when it can never appear (false: it exists). */
const fence = (deps: AppDeps, a: Assessment, contactId: string) =>
  deps.repos.contacts.guards.fence(a.organizationId, a.id, contactId, deps.clock().toISOString());

/** The name of the contact that holds `claim`, or null when the address is free. */
async function holderOf(deps: AppDeps, a: Assessment, claim: EmailClaim): Promise<string | null> {
  for (let look = 0; look < 2; look++) {
    const contact = await deps.repos.contacts.get(a.organizationId, a.id, claim.contactId);
    if (contact?.removedAt) return null;
    // Checked before `releasedAt`: a late release cannot free an address its contact uses again.
    if (contact && lower(contact.email) === lower(claim.email)) return contact.name;
    if (claim.releasedAt) return null;
    // An add or an e-mail change still in flight.
    if (age(deps, claim.at) < abandonedAfterMs) return contact?.name ?? claim.name;
    // A change that never saved, or an add that never wrote its contact (fenced, it never will).
    if (contact || (await fence(deps, a, claim.contactId))) return null;
  }
  return claim.name;
}

/**
 * Claims `email` for the contact `who` (a new one, or one changing its e-mail); 409 naming the
 * contact that holds it. Returns the claim, to release it if the change does not happen.
 */
export async function claimEmail(
  deps: AppDeps,
  a: Assessment,
  email: string,
  who: { id: string; name: string },
): Promise<EmailClaim> {
  const guards = deps.repos.contacts.guards;
  const org = a.organizationId;
  const claim = (version: number): EmailClaim => ({
    contactId: who.id,
    name: who.name,
    email,
    at: deps.clock().toISOString(),
    releasedAt: null,
    version,
  });
  const first = claim(1);
  if (await guards.createClaim(org, a.id, first)) return first;
  let last: EmailClaim | undefined;
  // Each lost compare-and-set means another request changed the claim: look again.
  for (let attempt = 0; attempt < 5; attempt++) {
    last = await guards.getClaim(org, a.id, email);
    if (!last) break;
    const holder = last.contactId === who.id ? null : await holderOf(deps, a, last);
    if (holder !== null) throw duplicateError(email, holder);
    const next = claim(last.version + 1);
    if (await guards.replaceClaim(org, a.id, next)) return next;
  }
  // Still contended after five looks: another request keeps taking it.
  throw duplicateError(email, last?.name ?? who.name);
}

/** Gives `claim` back if it still names its contact as claimed then. */
export const releaseEmail = (deps: AppDeps, a: Assessment, claim: EmailClaim) =>
  deps.repos.contacts.guards.releaseClaim(
    a.organizationId,
    a.id,
    claim.email,
    claim.contactId,
    deps.clock().toISOString(),
    claim.at,
  );

/** Gives up the e-mail a contact no longer uses (removed, or changed), if it claimed it. */
export const releaseFormerEmail = (deps: AppDeps, a: Assessment, contact: VendorContact) =>
  deps.repos.contacts.guards.releaseClaim(
    a.organizationId,
    a.id,
    contact.email,
    contact.id,
    deps.clock().toISOString(),
  );

/**
 * Frees the places of removed contacts and of adds abandoned longer than `abandonedAfterMs`
 * (fencing their ids first); true when it freed any.
 */
async function repairSlots(deps: AppDeps, a: Assessment): Promise<boolean> {
  const guards = deps.repos.contacts.guards;
  const slots = await guards.getSlots(a.organizationId, a.id);
  if (!slots) return false;
  const all = await deps.repos.contacts.list(a.organizationId, a.id);
  const byId = new Map(all.map((c) => [c.id, c]));
  let freed = false;
  for (const [id, at] of Object.entries(slots.live)) {
    const contact = byId.get(id);
    if (contact?.removedAt) {
      freed = (await guards.freeSlot(a.organizationId, a.id, id)) || freed;
    } else if (!contact && age(deps, at) >= abandonedAfterMs && (await fence(deps, a, id))) {
      freed = (await guards.dropSlot(a.organizationId, a.id, id, at)) || freed;
    }
  }
  return freed;
}

/**
 * Takes a place for the new contact `contactId` (after `ensureSlots`); 409 when the assessment
 * is full, after freeing what removals or abandoned adds left taken. Returns when it was taken.
 */
export async function takeSlot(deps: AppDeps, a: Assessment, contactId: string): Promise<string> {
  const guards = deps.repos.contacts.guards;
  const take = async () => {
    const at = deps.clock().toISOString();
    const ok = await guards.takeSlot(
      a.organizationId,
      a.id,
      contactId,
      at,
      maxContacts,
      maxContactsEver,
    );
    return ok ? at : null;
  };
  const at = (await take()) ?? ((await repairSlots(deps, a)) ? await take() : null);
  if (at === null) throw fullError();
  return at;
}

/**
 * Undoes the guards of an add whose contact write failed, once its id is fenced (so it can never
 * appear); false when the contact was written after all (the add succeeded).
 */
export async function abandonAdd(
  deps: AppDeps,
  a: Assessment,
  claim: EmailClaim,
  slotAt: string,
): Promise<boolean> {
  if (!(await fence(deps, a, claim.contactId))) return false;
  await deps.repos.contacts.guards.dropSlot(a.organizationId, a.id, claim.contactId, slotAt);
  await releaseEmail(deps, a, claim);
  return true;
}
