import type { rateLimitRepo } from '../../store/rate-limits';

/** Where failure counts live (the table in every runtime). */
export type FailureCounts = Pick<ReturnType<typeof rateLimitRepo>, 'counts' | 'add'>;

/**
 * Counts failed attempts per client in the table (so every instance sees them) over a sliding
 * window approximated from two fixed windows; a client past `limit` is blocked.
 */
export function createFailureLimiter(limit = 20, windowMs = 5 * 60_000, scope = 'vendor-token') {
  const windowOf = (now: Date) => Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    /** True when `client` has failed `limit` times within the last window. */
    async blocked(store: FailureCounts, client: string, now: Date): Promise<boolean> {
      const start = windowOf(now);
      const { current, previous } = await store.counts(scope, client, start, windowMs);
      const overlap = 1 - (now.getTime() - start) / windowMs;
      return current + previous * overlap >= limit;
    },
    /** Records one failure. */
    fail: (store: FailureCounts, client: string, now: Date) =>
      store.add(scope, client, windowOf(now), windowMs, limit * 2),
  };
}
