import { getItem, putIfVersion, putNew, queryAll, stripKeys, type Table } from './dynamo';

/** An organization's stored scoring policy; version 0 means the built-in default. */
export interface StoredPolicy {
  organizationId: string;
  version: number;
  policy: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
  /** Why the admin changed it (required since reasons were introduced; older versions lack it). */
  reason?: string;
}

/** Key builders for policies. */
export const policyKeys = {
  pk: (org: string) => `ORG#${org}`,
  current: 'POLICY',
  history: (version: number) => `POLICY#${String(version).padStart(6, '0')}`,
};

/** Policy repository: current item with compare-and-set, plus an immutable copy of each version. */
export function policyRepo(table: Table) {
  return {
    /** The current policy, or undefined when the organization uses the default. */
    async current(org: string): Promise<StoredPolicy | undefined> {
      const item = await getItem(table, policyKeys.pk(org), policyKeys.current);
      return item ? stripKeys<StoredPolicy>(item) : undefined;
    },
    /** Every stored version, oldest first (the history items `POLICY#<version>`). */
    async history(org: string): Promise<StoredPolicy[]> {
      const items = await queryAll<Record<string, unknown>>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': policyKeys.pk(org), ':sk': 'POLICY#' },
      });
      return items.map((item) => stripKeys<StoredPolicy>(item));
    },
    /** Stores version `p.version` (history first, then the current pointer with compare-and-set). */
    async save(p: StoredPolicy): Promise<void> {
      const pk = policyKeys.pk(p.organizationId);
      await putNew(
        table,
        { PK: pk, SK: policyKeys.history(p.version), ...p },
        'This policy version already exists.',
      );
      const item = { PK: pk, SK: policyKeys.current, ...p };
      if (p.version === 1)
        await putNew(table, item, 'The policy changed meanwhile; reload and try again.');
      else
        await putIfVersion(
          table,
          item,
          p.version - 1,
          'The policy changed meanwhile; reload and try again.',
        );
    },
  };
}
