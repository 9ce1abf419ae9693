import type { RouteHandler } from '@hono/zod-openapi';
import {
  maxContacts,
  maxContactsEver,
  unknownSections,
  type VendorContact,
} from '../../../core/assessment/contacts';
import type { Assessment } from '../../../core/assessment/types';
import { getTemplate } from '../../../core/questionnaire';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/errors';
import type { StaffIdentity } from '../../auth/identity';
import type { AppDeps, AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { auditEvent } from '../../services/audit';
import type { changeContact, createContact, listContacts, removeContact } from './routes';

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

function refuseDuplicate(others: VendorContact[], email: string): void {
  const taken = others.find((o) => !o.removedAt && o.email.toLowerCase() === email.toLowerCase());
  if (taken) {
    throw new ConflictError(
      `${email} is already a contact of this assessment (${taken.name}); edit that contact instead.`,
    );
  }
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

/** Adds a contact (at most `maxContacts` at a time; each e-mail once). */
export const createContactHandler: RouteHandler<typeof createContact, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  refuseClosed(a);
  const sections = body.sections ?? [];
  checkSections(a, sections);
  const all = await deps.repos.contacts.list(a.organizationId, a.id);
  refuseDuplicate(all, body.email);
  if (all.filter((x) => !x.removedAt).length >= maxContacts || all.length >= maxContactsEver) {
    throw new ConflictError(
      `This assessment already has the most contacts it can have (${maxContacts} at a time, ${maxContactsEver} ever); remove one first.`,
    );
  }
  const now = deps.clock();
  const contact: VendorContact = {
    id: deps.newId(now),
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
  await deps.repos.contacts.create(contact);
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
  if (body.email && body.email.toLowerCase() !== current.email.toLowerCase()) {
    const all = await deps.repos.contacts.list(a.organizationId, a.id);
    refuseDuplicate(
      all.filter((x) => x.id !== current.id),
      body.email,
    );
  }
  const fields = ['name', 'email', 'sections'] as const;
  const changes = fields
    .filter((f) => body[f] !== undefined && JSON.stringify(body[f]) !== JSON.stringify(current[f]))
    .map((f) => ({ field: f, from: current[f], to: body[f] }));
  if (changes.length === 0) return c.json(contactOut(current), 200);
  const next: VendorContact = {
    ...current,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.email !== undefined ? { email: body.email } : {}),
    ...(body.sections !== undefined ? { sections: body.sections } : {}),
    updatedAt: deps.clock().toISOString(),
    version: current.version + 1,
  };
  await deps.repos.contacts.save(next);
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
  const now = deps.clock().toISOString();
  await deps.repos.contacts.save({
    ...current,
    removedAt: now,
    updatedAt: now,
    version: current.version + 1,
  });
  await record(deps, a, staff, 'contact_removed', {
    contact: { id: current.id, name: current.name },
    email: current.email,
  });
  return c.body(null, 204);
};
