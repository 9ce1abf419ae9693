import type { DeliveryAssessment } from './types';

/** When an assessment's data was delivered: its submission, else its creation. */
export const deliveredAt = (a: DeliveryAssessment): string => a.submittedAt ?? a.createdAt;

/**
 * Groups assessments into delivery chains (an assessment and its re-assessments, linked by
 * `previousAssessmentId`), each in creation order. A chain whose root is missing (another page,
 * or deleted) still groups under that root's id. Cycles are cut.
 */
export function deliveryChains<T extends DeliveryAssessment>(assessments: T[]): T[][] {
  const byId = new Map(assessments.map((a) => [a.id, a]));
  const rootOf = (a: T): string => {
    let current = a;
    const seen = new Set<string>();
    while (current.previousAssessmentId && !seen.has(current.id)) {
      seen.add(current.id);
      const previous = byId.get(current.previousAssessmentId);
      if (!previous) return current.previousAssessmentId;
      current = previous;
    }
    return current.id;
  };
  const groups = new Map<string, T[]>();
  for (const a of assessments) {
    const root = rootOf(a);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  }
  return [...groups.values()].map((members) =>
    [...members].sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id)),
  );
}
