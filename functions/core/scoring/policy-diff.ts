import type { Policy } from './policy';

/** The policy groups whose settings are numbers people can change. */
export const policyGroups = ['weights', 'thresholds', 'tolerances', 'tiers'] as const;
/** One group of policy settings. */
export type PolicyGroup = (typeof policyGroups)[number];

/** One setting that differs between two policies. */
export interface PolicyChange {
  group: PolicyGroup;
  key: string;
  from: number;
  to: number;
}

/** Every numeric setting that differs from `before` to `after`, in policy order. */
export function policyChanges(before: Policy, after: Policy): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (const group of policyGroups) {
    const a = before[group] as Record<string, number>;
    const b = after[group] as Record<string, number>;
    for (const key of Object.keys(b)) {
      if (a[key] !== b[key]) changes.push({ group, key, from: a[key] ?? 0, to: b[key] ?? 0 });
    }
  }
  return changes;
}
