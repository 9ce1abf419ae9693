import type { VendorContact } from '../core/assessment/contacts';
import type { Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { putIfVersion } from './dynamo-write';

/** Key builders for vendor contacts: one item per contact under its organization. */
export const contactKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, contactId: string) => `VCONTACT#${assessmentId}#${contactId}`,
  prefix: (assessmentId: string) => `VCONTACT#${assessmentId}#`,
};

/** Every contact of one assessment, removed ones included, oldest first (one Query). */
export const listContacts = (table: Table, org: string, assessmentId: string) =>
  queryAll<VendorContact>(table, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: {
      ':pk': contactKeys.pk(org),
      ':sk': contactKeys.prefix(assessmentId),
    },
    ConsistentRead: true,
  });

/** Saves a changed contact with compare-and-set on `version` (one conditional PutItem). */
export const saveContact = (table: Table, contact: VendorContact) =>
  putIfVersion(
    table,
    {
      PK: contactKeys.pk(contact.organizationId),
      SK: contactKeys.sk(contact.assessmentId, contact.id),
      ...contact,
    },
    contact.version - 1,
    'The contact changed meanwhile; reload and try again.',
  );
