/** Retry and pause policy of webhook deliveries (docs/integrations.md states it). */
export const deliveryPolicy = {
  /** Attempts per delivery, the first included. */
  maxAttempts: 8,
  /** First retry waits up to this long; each further retry doubles it, up to `capMs`. */
  baseMs: 30_000,
  capMs: 3_600_000,
  /** Deliveries failed for good in a row that pause an endpoint. */
  pauseAfter: 5,
  /** How long a worker holds a claimed attempt. */
  leaseMs: 120_000,
};

/** The retry policy's shape (tests pass smaller numbers). */
export type DeliveryPolicy = typeof deliveryPolicy;

/**
 * "Full jitter" exponential backoff: a uniformly random wait between 0 and
 * min(cap, base × 2^(attempt − 1)) after failed attempt `attempt` (1-based).
 */
export function retryDelayMs(
  attempt: number,
  policy: Pick<DeliveryPolicy, 'baseMs' | 'capMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Whether an HTTP answer is worth retrying: none at all, 408, 429 and 5xx. */
export const retryable = (httpStatus: number | undefined) =>
  httpStatus === undefined || httpStatus === 408 || httpStatus === 429 || httpStatus >= 500;
