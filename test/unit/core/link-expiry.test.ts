import { describe, expect, it } from 'vitest';
import { linkExpiry, linkGraceDays } from '../../../functions/core/assessment/link-expiry';

describe('linkExpiry', () => {
  const issued = '2026-12-05T10:00:00.000Z';

  it('keeps the 30-day minimum when the due date is near', () => {
    expect(linkExpiry(issued, '2026-12-10T00:00:00.000Z', 30)).toBe('2027-01-04T10:00:00.000Z');
  });

  it('lives until the due date plus the grace period when that is later', () => {
    expect(linkGraceDays).toBe(14);
    expect(linkExpiry(issued, '2027-01-20T00:00:00.000Z', 30)).toBe('2027-02-03T00:00:00.000Z');
  });
});
