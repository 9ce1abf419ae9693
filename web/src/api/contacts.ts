/** Typed calls to the vendor contact routes (procurement and admins). */
import { navigate } from '../router';
import { clearStaffSession, staffToken } from '../session';
import { createHttp } from './http';
import type { Invitation } from './types';

const http = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const enc = encodeURIComponent;

/** A named vendor contact of an assessment (never a token: links are shown once). */
export interface VendorContact {
  id: string;
  name: string;
  email: string;
  sections: string[];
  link: { issuedAt: string; expiresAt: string } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What adding or editing a contact sends. */
export interface ContactInput {
  name?: string;
  email?: string;
  sections?: string[];
  version?: number;
}

/** `GET /api/assessments/{id}/contacts`. */
export const listContacts = (id: string) =>
  http<{ items: VendorContact[]; limit: number }>('GET', `/api/assessments/${enc(id)}/contacts`);

/** `POST /api/assessments/{id}/contacts`. */
export const addContact = (id: string, input: ContactInput) =>
  http<VendorContact>('POST', `/api/assessments/${enc(id)}/contacts`, input);

/** `PATCH /api/assessments/{id}/contacts/{contactId}`. */
export const changeContact = (id: string, contactId: string, input: ContactInput) =>
  http<VendorContact>('PATCH', `/api/assessments/${enc(id)}/contacts/${enc(contactId)}`, input);

/** `DELETE /api/assessments/{id}/contacts/{contactId}`: the contact's link stops at once. */
export const removeContact = (id: string, contactId: string) =>
  http<void>('DELETE', `/api/assessments/${enc(id)}/contacts/${enc(contactId)}`);

/** `POST /api/assessments/{id}/invitations { contactId }`: that contact's own link, shown once. */
export const issueContactLink = (id: string, contactId: string) =>
  http<Invitation>('POST', `/api/assessments/${enc(id)}/invitations`, { contactId });
