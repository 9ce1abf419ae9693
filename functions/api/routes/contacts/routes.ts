import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  readErrors,
  writeErrors,
} from '../../schemas/problem';
import {
  ChangeContactBody,
  ContactListSchema,
  ContactParams,
  ContactSchema,
  CreateContactBody,
  contactExample,
} from './schemas';

const staff = [{ staffJwt: [] }];

/** GET /api/assessments/{id}/contacts */
export const listContacts = createRoute({
  method: 'get',
  path: '/assessments/{id}/contacts',
  operationId: 'listVendorContacts',
  tags: ['invitations'],
  summary: 'The named vendor contacts of an assessment (procurement, admin)',
  security: staff,
  middleware: [requireStaff('procurement', 'admin')] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(ContactListSchema, 'The contacts, oldest first', {
      items: [contactExample],
      limit: 20,
    }),
    ...errorResponses(...readErrors),
  },
});

/** POST /api/assessments/{id}/contacts */
export const createContact = createRoute({
  method: 'post',
  path: '/assessments/{id}/contacts',
  operationId: 'createVendorContact',
  tags: ['invitations'],
  summary: 'Add a named vendor contact; issue their own link with POST …/invitations',
  security: staff,
  middleware: [requireStaff('procurement', 'admin')] as const,
  request: {
    params: IdParam,
    body: jsonBody(CreateContactBody, 'The person to add', {
      name: 'Ana Ruiz',
      email: 'ana@acme.example',
      sections: ['provenance'],
    }),
  },
  responses: {
    201: jsonResponse(ContactSchema, 'The new contact', {
      ...contactExample,
      link: null,
      version: 1,
    }),
    ...errorResponses(...writeErrors),
  },
});

/** PATCH /api/assessments/{id}/contacts/{contactId} */
export const changeContact = createRoute({
  method: 'patch',
  path: '/assessments/{id}/contacts/{contactId}',
  operationId: 'changeVendorContact',
  tags: ['invitations'],
  summary: 'Change a contact’s name, e-mail or assigned sections (their link keeps working)',
  security: staff,
  middleware: [requireStaff('procurement', 'admin')] as const,
  request: {
    params: ContactParams,
    body: jsonBody(ChangeContactBody, 'The fields to change', {
      sections: ['provenance', 'licensing'],
      version: 2,
    }),
  },
  responses: {
    200: jsonResponse(ContactSchema, 'The changed contact', contactExample),
    ...errorResponses(...writeErrors),
  },
});

/** DELETE /api/assessments/{id}/contacts/{contactId} */
export const removeContact = createRoute({
  method: 'delete',
  path: '/assessments/{id}/contacts/{contactId}',
  operationId: 'removeVendorContact',
  tags: ['invitations'],
  summary: 'Remove a contact: their link stops working at once; their answers stay',
  security: staff,
  middleware: [requireStaff('procurement', 'admin')] as const,
  request: { params: ContactParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses(...readErrors, 409) },
});
