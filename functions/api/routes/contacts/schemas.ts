import { maxContacts } from '../../../core/assessment/contacts';
import * as z from '../../schemas/zod';

const name = z
  .string()
  .trim()
  .min(1, 'give the person’s name')
  .max(120, 'a name is at most 120 characters')
  // A refine, not a pattern: the published schema stays plain JSON Schema (no \p{…} classes).
  .refine((s) => !/\p{Cc}/u.test(s), 'a name cannot contain control characters');
const email = z.email('give an e-mail address such as ana@vendor.example').max(254);
const sections = z
  .array(z.string().min(1).max(100))
  .max(50, 'at most 50 sections')
  .refine((ids) => new Set(ids).size === ids.length, 'list each section once');

/** Body of POST /api/assessments/{id}/contacts. */
export const CreateContactBody = z
  .strictObject({ name, email, sections: sections.optional() })
  .openapi('CreateVendorContact');

/** Body of PATCH /api/assessments/{id}/contacts/{contactId}: only the fields to change. */
export const ChangeContactBody = z
  .strictObject({
    name: name.optional(),
    email: email.optional(),
    sections: sections.optional(),
    version: z.number().int().min(1).optional().openapi({
      description: 'the version you last read; 409 when the contact changed since',
    }),
  })
  .openapi('ChangeVendorContact');

/** A vendor contact as procurement sees it (never a token: links are shown once when issued). */
export const ContactSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    sections: z.array(z.string()).openapi({ description: 'questionnaire section ids assigned' }),
    link: z
      .object({ issuedAt: z.string(), expiresAt: z.string() })
      .nullable()
      .openapi({ description: 'the contact’s own link, when one was issued' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('VendorContact');

/** GET /api/assessments/{id}/contacts answers this. */
export const ContactListSchema = z
  .object({
    items: z.array(ContactSchema),
    limit: z
      .number()
      .int()
      .openapi({ description: `most contacts per assessment (${maxContacts})` }),
  })
  .openapi('VendorContactList');

/** Path parameters `{id}` and `{contactId}`. */
export const ContactParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]{26}$/, 'an assessment id is 26 lowercase letters and digits')
    .openapi({ param: { name: 'id', in: 'path' } }),
  contactId: z
    .string()
    .regex(/^[a-z0-9]{26}$/, 'a contact id is 26 lowercase letters and digits')
    .openapi({ param: { name: 'contactId', in: 'path' } }),
});

/** The example contact of the reference. */
export const contactExample = {
  id: '01kb2x9a1b2c3d4e5f6g7h8j9k',
  name: 'Ana Ruiz',
  email: 'ana@acme.example',
  sections: ['provenance'],
  link: { issuedAt: '2026-12-01T10:00:00.000Z', expiresAt: '2027-01-14T17:00:00.000Z' },
  createdAt: '2026-12-01T09:58:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 2,
};
