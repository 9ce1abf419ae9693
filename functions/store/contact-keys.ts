import type { VendorContact } from '../core/assessment/contacts';
import type { Table } from './dynamo-keys';
import { queryAll } from './dynamo-query';
import { putIfVersion } from './dynamo-write';

/**
 * Key builders for vendor contacts: one item per contact under its organization, plus the guards of
 * an assessment's contacts (store/contact-guards.ts): one e-mail claim per lower-cased address and
 * one slots item. Their sort keys do not start with `prefix`, so listing contacts never sees them.
 */
export const contactKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, contactId: string) => `VCONTACT#${assessmentId}#${contactId}`,
  prefix: (assessmentId: string) => `VCONTACT#${assessmentId}#`,
  /** The claim of one e-mail address (lower-cased) on one assessment. */
  claim: (assessmentId: string, email: string) => `VCMAIL#${assessmentId}#${email.toLowerCase()}`,
  /** The slots of one assessment: which contacts hold one of its places, and how many ever did. */
  slots: (assessmentId: string) => `VCSLOTS#${assessmentId}`,
};

/**
 * True for a fence: the item an abandoned add's contact id holds so that its contact can never be
 * written late (store/contact-guards.ts). Not a contact: lists and reads leave it out.
 */
export const isFence = (item: object): boolean => 'fencedAt' in item;

/** Every contact of one assessment, removed ones included, oldest first (one Query). */
export const listContacts = async (table: Table, org: string, assessmentId: string) =>
  (
    await queryAll<VendorContact>(table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: {
        ':pk': contactKeys.pk(org),
        ':sk': contactKeys.prefix(assessmentId),
      },
      ConsistentRead: true,
    })
  ).filter((c) => !isFence(c));

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
