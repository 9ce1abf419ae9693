import { describe, expect, it } from 'vitest';
import { maxPolls, pollDelay } from '../../../web/src/pages/staff/report-polling';

describe('report polling while a re-score runs', () => {
  it('polls quickly at first, then every 10 s, and gives up after about ten minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 40].map(pollDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000,
    ]);
    const total = Array.from({ length: maxPolls }, (_, n) => pollDelay(n)).reduce((a, b) => a + b);
    expect(total).toBeGreaterThan(9 * 60_000);
    expect(total).toBeLessThan(12 * 60_000);
  });
});
