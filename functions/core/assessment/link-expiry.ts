/** How long a vendor link outlives the due date, so a late vendor can still finish. */
export const linkGraceDays = 14;

const dayMs = 86_400_000;

/**
 * When a vendor link issued at `issuedAt` stops working: the later of `ttlDays` after issue and
 * the due date plus {@link linkGraceDays}. A moved due date moves it with the same rule.
 */
export function linkExpiry(issuedAt: string, dueAt: string, ttlDays: number): string {
  const byTtl = Date.parse(issuedAt) + ttlDays * dayMs;
  const byDue = Date.parse(dueAt) + linkGraceDays * dayMs;
  return new Date(Math.max(byTtl, byDue)).toISOString();
}
