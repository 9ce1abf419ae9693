import { describe, expect, it } from 'vitest';
import { retryStale } from '../../../functions/api/services/assessments';
import { ConflictError, StaleWriteError } from '../../../functions/lib/errors';

/** An attempt that loses `losses` races, then returns the number of the attempt that won. */
function losing(losses: number, error: () => Error = () => new StaleWriteError('changed')) {
  let calls = 0;
  return {
    attempt: async () => {
      calls++;
      if (calls <= losses) throw error();
      return calls;
    },
    calls: () => calls,
  };
}

describe('retryStale', () => {
  it('decides again after a lost compare-and-set, and the next attempt wins', async () => {
    const a = losing(2);
    expect(await retryStale(a.attempt)).toBe(3);
  });

  it('gives up after three attempts with the last lost race', async () => {
    const a = losing(5);
    await expect(retryStale(a.attempt)).rejects.toBeInstanceOf(StaleWriteError);
    expect(a.calls()).toBe(3);
  });

  it('never retries a refusal (a conflict that is not a lost race)', async () => {
    const a = losing(1, () => new ConflictError('2 required question(s) are unanswered'));
    await expect(retryStale(a.attempt)).rejects.toThrow(/unanswered/);
    expect(a.calls()).toBe(1);
  });
});
