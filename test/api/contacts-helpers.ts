import { expect } from 'vitest';
import type { VendorContact } from '../../functions/core/assessment/contacts';
import { json, newAssessmentBody, type TestPortal } from './harness';

/** A contact as the API answers it. */
export interface ContactOut {
  id: string;
  name: string;
  email: string;
  version: number;
}

/** A problem+json answer. */
export interface Problem {
  status: number;
  detail: string;
}

/** Contact requests of one procurement user against one portal. */
export function contactCalls(t: TestPortal, token: () => string) {
  const base = (id: string) => `/api/assessments/${id}/contacts`;
  return {
    async newAssessment(): Promise<string> {
      const body = newAssessmentBody(new Date());
      return (
        await json<{ id: string }>(t.call('POST', '/api/assessments', { token: token(), body }))
      ).id;
    },
    add: (id: string, name: string, email: string) =>
      t.call('POST', base(id), { token: token(), body: { name, email } }),
    change: (id: string, contactId: string, body: Record<string, unknown>) =>
      t.call('PATCH', `${base(id)}/${contactId}`, { token: token(), body }),
    remove: (id: string, contactId: string) =>
      t.call('DELETE', `${base(id)}/${contactId}`, { token: token() }),
    async list(id: string): Promise<ContactOut[]> {
      const res = await t.call('GET', base(id), { token: token() });
      expect(res.status).toBe(200);
      return (await json<{ items: ContactOut[] }>(res)).items;
    },
  };
}

/** Status codes of `responses`, counted: `{ 201: 20, 409: 10 }`. */
export function statusCounts(responses: Response[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** The problem details of the responses with `status`. */
export async function detailsOf(responses: Response[], status: number): Promise<string[]> {
  const picked = responses.filter((r) => r.status === status);
  return Promise.all(picked.map(async (r) => (await json<Problem>(r)).detail));
}

/** A contact of `assessmentId` in the demo organization, not written anywhere. */
export function contactRecord(
  t: TestPortal,
  assessmentId: string,
  email: string,
  removed = false,
): VendorContact {
  const at = new Date().toISOString();
  return {
    id: t.portal.deps.newId(),
    organizationId: 'demo',
    assessmentId,
    name: `Legacy ${email}`,
    email,
    sections: [],
    createdAt: at,
    createdBy: 'pat@demo.test',
    updatedAt: at,
    removedAt: removed ? at : null,
    link: null,
    version: 1,
  };
}

/**
 * A contact written straight to the store, as contacts were before the guards existed: no e-mail
 * claim, not counted in any slots item.
 */
export async function legacyContact(
  t: TestPortal,
  assessmentId: string,
  email: string,
  removed = false,
): Promise<VendorContact> {
  const contact = contactRecord(t, assessmentId, email, removed);
  await t.portal.deps.repos.contacts.create(contact);
  return contact;
}
