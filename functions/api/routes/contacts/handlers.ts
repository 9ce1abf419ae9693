import type { RouteHandler } from '@hono/zod-openapi';
import {
  maxContacts,
  maxContactsEver,
  unknownSections,
  type VendorContact,
} from '../../../core/assessment/contacts';
import type { Assessment } from '../../../core/assessment/types';
import { getTemplate } from '../../../core/questionnaire';
import {
  ConflictError,
  NotFoundError,
  StaleWriteError,
  ValidationError,
} from '../../../lib/errors';
import type { EmailClaim } from '../../../store/contact-guards';
import type { StaffIdentity } from '../../auth/identity';
import type { AppDeps, AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { auditEvent } from '../../services/audit';
import {
  abandonAdd,
  claimEmail,
  duplicateError,
  ensureSlots,
  fullError,
  releaseEmail,
  releaseFormerEmail,
  takeSlot,
} from './guards';
import type { changeContact, createContact, listContacts, removeContact } from './routes';

const lower = (s: string) => s.toLowerCase();
const closed: readonly Assessment['status'][] = ['approved', 'rejected', 'cancelled'];

/** A contact as the API shows it: no hashes, only when its link was issued and when it expires. */
export const contactOut = (c: VendorContact) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  sections: c.sections,
  link: c.link ? { issuedAt: c.link.issuedAt, expiresAt: c.link.expiresAt } : null,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  version: c.version,
});

function refuseClosed(a: Assessment): void {
  if (closed.includes(a.status)) {
    throw new ConflictError(
      `The assessment is ${a.status}: its vendor contacts can no longer change. Start a re-assessment to invite people again.`,
    );
  }
}

/** 400 naming each section id the assessment's questionnaire does not have. */
function checkSections(a: Assessment, sections: readonly string[]): void {
  const template = getTemplate(a.templateId, a.templateVersion);
  if (!template) return;
  const unknown = unknownSections(template, sections);
  if (unknown.length === 0) return;
  const known = template.sections.map((s) => s.id).join(', ');
  throw new ValidationError(
    'Some sections are not in this questionnaire: see errors.',
    unknown.map(({ index, id }) => ({
      path: `sections.${index}`,
      message: `no section "${id}" in this questionnaire; use one of: ${known}`,
    })),
  );
}

/** 409 when a contact not removed already has `email` (any case), naming it. */
function refuseDuplicate(others: VendorContact[], email: string): void {
  const taken = others.find((o) => !o.removedAt && o.email.toLowerCase() === email.toLowerCase());
  if (taken) throw duplicateError(email, taken.name);
}

async function loadContact(deps: AppDeps, a: Assessment, contactId: string) {
  const contact = await deps.repos.contacts.get(a.organizationId, a.id, contactId);
  if (!contact || contact.removedAt)
    throw new NotFoundError(`No contact ${contactId} on this assessment.`);
  return contact;
}

const record = (
  deps: AppDeps,
  a: Assessment,
  staff: StaffIdentity,
  type: string,
  detail: Record<string, unknown>,
) => deps.repos.events.append(auditEvent(deps, a, staff, type, detail, deps.clock()));

/** Lists the assessment's contacts (removed ones are left out). */
export const listContactsHandler: RouteHandler<typeof listContacts, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const all = await deps.repos.contacts.list(a.organizationId, a.id);
  const items = all.filter((x) => !x.removedAt).map(contactOut);
  return c.json({ items, limit: maxContacts }, 200);
};

/**
 * Adds a contact (at most `maxContacts` at a time, `maxContactsEver` ever; each e-mail once):
 * claims the e-mail, takes a place, then writes the contact (guards.ts keeps these under
 * concurrency and after crashes).
 */
export const createContactHandler: RouteHandler<typeof createContact, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  refuseClosed(a);
  const sections = body.sections ?? [];
  checkSections(a, sections);
  // The list answers at once for what is written (contacts from before the guards included);
  // the guards then hold the limits and the uniqueness against concurrent changes.
  const all = await deps.repos.contacts.list(a.organizationId, a.id);
  refuseDuplicate(all, body.email);
  if (all.filter((x) => !x.removedAt).length >= maxContacts || all.length >= maxContactsEver) {
    throw fullError();
  }
  await ensureSlots(deps, a, all);
  const now = deps.clock();
  const id = deps.newId(now);
  const claim = await claimEmail(deps, a, body.email, { id, name: body.name });
  const slotAt = await takeSlot(deps, a, id).catch(async (error: unknown) => {
    await releaseEmail(deps, a, claim);
    throw error;
  });
  const contact: VendorContact = {
    id,
    organizationId: a.organizationId,
    assessmentId: a.id,
    name: body.name,
    email: body.email,
    sections,
    createdAt: now.toISOString(),
    createdBy: staff.email,
    updatedAt: now.toISOString(),
    removedAt: null,
    link: null,
    version: 1,
  };
  try {
    await deps.repos.contacts.create(contact);
  } catch (error) {
    // Undone only once its id is fenced; if the contact was written after all, the add stands.
    if (await abandonAdd(deps, a, claim, slotAt)) throw error;
  }
  await record(deps, a, staff, 'contact_added', {
    contact: { id: contact.id, name: contact.name },
    email: contact.email,
    sections,
  });
  return c.json(contactOut(contact), 201);
};

/** Changes name, e-mail or sections (compare-and-set; `version` optional). */
export const changeContactHandler: RouteHandler<typeof changeContact, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  const { id, contactId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  refuseClosed(a);
  const current = await loadContact(deps, a, contactId);
  if (body.version !== undefined && body.version !== current.version) {
    throw new ConflictError('The contact changed since you loaded it; reload and try again.');
  }
  if (body.sections) checkSections(a, body.sections);
  const newEmail = body.email && lower(body.email) !== lower(current.email) ? body.email : null;
  let claim: EmailClaim | null = null;
  if (newEmail) {
    const all = await deps.repos.contacts.list(a.organizationId, a.id);
    refuseDuplicate(
      all.filter((x) => x.id !== current.id),
      newEmail,
    );
    claim = await claimEmail(deps, a, newEmail, {
      id: current.id,
      name: body.name ?? current.name,
    });
  }
  const fields = ['name', 'email', 'sections'] as const;
  const changes = fields
    .filter((f) => body[f] !== undefined && JSON.stringify(body[f]) !== JSON.stringify(current[f]))
    .map((f) => ({ field: f, from: current[f], to: body[f] }));
  if (changes.length === 0) return c.json(contactOut(current), 200); // (no new e-mail, so no claim)
  const next: VendorContact = {
    ...current,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.email !== undefined ? { email: body.email } : {}),
    ...(body.sections !== undefined ? { sections: body.sections } : {}),
    updatedAt: deps.clock().toISOString(),
    version: current.version + 1,
  };
  try {
    await deps.repos.contacts.save(next);
  } catch (error) {
    // A lost compare-and-set wrote nothing: the new address is free again. (After any other
    // failure the save may have happened: the claim stays, and holds only if it did.)
    if (claim && error instanceof StaleWriteError) await releaseEmail(deps, a, claim);
    throw error;
  }
  if (claim) await releaseFormerEmail(deps, a, current);
  await record(deps, a, staff, 'contact_changed', {
    contact: { id: next.id, name: next.name },
    changes,
  });
  return c.json(contactOut(next), 200);
};

/** Removes a contact: the item stays with `removedAt`, which the vendor middleware refuses. */
export const removeContactHandler: RouteHandler<typeof removeContact, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, contactId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  const current = await loadContact(deps, a, contactId);
  // Counted before it changes, so the place it frees is one the slots item holds.
  await ensureSlots(deps, a);
  const now = deps.clock().toISOString();
  await deps.repos.contacts.save({
    ...current,
    removedAt: now,
    updatedAt: now,
    version: current.version + 1,
  });
  // A crash here leaves both taken by a removed contact: readers treat them as free (guards.ts).
  await deps.repos.contacts.guards.freeSlot(a.organizationId, a.id, current.id);
  await releaseFormerEmail(deps, a, current);
  await record(deps, a, staff, 'contact_removed', {
    contact: { id: current.id, name: current.name },
    email: current.email,
  });
  return c.body(null, 204);
};
