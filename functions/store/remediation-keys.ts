import { type RemediationItem, sweepAt } from '../core/assessment/contract/remediation';

/**
 * Key builders: remediation items beside their assessment; accepted items and items that still
 * owe an e-mail also sit in GSI2 under one partition, sorted by when the sweep must act.
 */
export const remediationKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, itemId: string) => `REMEDIATION#${assessmentId}#${itemId}`,
  prefix: (assessmentId: string) => `REMEDIATION#${assessmentId}#`,
  sweep: 'REMEDIATION_SWEEP',
};

/** The stored item: keys, the sweep's GSI2 keys while it must act, and the item. */
export function remediationToItem(r: RemediationItem) {
  const at = sweepAt(r);
  return {
    PK: remediationKeys.pk(r.organizationId),
    SK: remediationKeys.sk(r.assessmentId, r.itemId),
    ...(at
      ? {
          GSI2PK: remediationKeys.sweep,
          GSI2SK: `${at}#${r.organizationId}#${r.assessmentId}#${r.itemId}`,
        }
      : {}),
    ...r,
  };
}
