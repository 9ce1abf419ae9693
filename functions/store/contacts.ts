import type { VendorContact } from '../core/assessment/contacts';
import { contactGuards } from './contact-guards';
import { contactKeys, isFence, listContacts, saveContact } from './contact-keys';
import { getItem, putNew, stripKeys, type Table } from './dynamo';

export { contactKeys } from './contact-keys';

/**
 * Vendor contacts: created if absent, changed by compare-and-set, never deleted (a removed
 * contact keeps its item with `removedAt`, so its link can say why it stopped). `guards` keep
 * "at most `maxContacts` at a time, `maxContactsEver` ever, each e-mail once" under concurrency.
 */
export function contactRepo(table: Table) {
  return {
    /** Creates a new contact; ConflictError when its id is taken. */
    create: (contact: VendorContact) =>
      putNew(
        table,
        {
          PK: contactKeys.pk(contact.organizationId),
          SK: contactKeys.sk(contact.assessmentId, contact.id),
          ...contact,
        },
        'A contact with this id already exists.',
      ),
    /** One contact (removed ones too), or undefined (also for a fenced id: see contact-guards). */
    async get(org: string, assessmentId: string, contactId: string) {
      const item = await getItem(
        table,
        contactKeys.pk(org),
        contactKeys.sk(assessmentId, contactId),
      );
      return item && !isFence(item) ? stripKeys<VendorContact>(item) : undefined;
    },
    /** Every contact of the assessment, removed ones included, oldest first. */
    list: (org: string, assessmentId: string) => listContacts(table, org, assessmentId),
    /** Saves a changed contact (compare-and-set on `version`). */
    save: (contact: VendorContact) => saveContact(table, contact),
    /** E-mail claims, slots and fences: the limits and uniqueness under concurrent changes. */
    guards: contactGuards(table),
  };
}
