import { getItem, putNew, stripKeys, type Table } from './dynamo';

/** A buyer organization (tenant). */
export interface Organization {
  id: string;
  name: string;
  createdAt: string;
  /** Where submission notices go. */
  governanceEmail?: string;
}

/** Key builders for organizations. */
export const organizationKeys = { pk: (org: string) => `ORG#${org}`, sk: 'ORG' };

/** Organization repository. */
export function organizationRepo(table: Table) {
  return {
    /** Creates the organization; ConflictError if it exists. */
    create: (o: Organization) =>
      putNew(
        table,
        { PK: organizationKeys.pk(o.id), SK: organizationKeys.sk, ...o },
        'The organization exists.',
      ),
    /** Reads one organization. */
    async get(id: string): Promise<Organization | undefined> {
      const item = await getItem(table, organizationKeys.pk(id), organizationKeys.sk);
      return item ? stripKeys<Organization>(item) : undefined;
    },
  };
}
