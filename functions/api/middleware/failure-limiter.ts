/** Counts failed attempts per client in a sliding window; blocks a client past the limit. */
export function createFailureLimiter(limit = 20, windowMs = 5 * 60_000) {
  const failures = new Map<string, number[]>();
  const recent = (client: string, now: Date) =>
    (failures.get(client) ?? []).filter((t) => now.getTime() - t < windowMs);
  return {
    /** True when `client` has failed `limit` times within the window. */
    blocked: (client: string, now: Date) => recent(client, now).length >= limit,
    /** Records one failure. */
    fail(client: string, now: Date) {
      if (failures.size > 10_000) failures.clear();
      failures.set(client, [...recent(client, now), now.getTime()]);
    },
  };
}
