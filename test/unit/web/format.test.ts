import { describe, expect, it } from 'vitest';
import { displayValue, formatDate, humanize, isOverdue, percent } from '../../../web/src/format';

describe('isOverdue', () => {
  const now = new Date('2026-06-15T12:00:00Z');

  it('flags a past due date while the vendor still owes answers', () => {
    expect(isOverdue('2026-06-14T23:59:59Z', 'in_progress', now)).toBe(true);
    expect(isOverdue('2026-06-14T23:59:59Z', 'changes_requested', now)).toBe(true);
  });

  it('does not flag future dates or assessments the vendor already submitted', () => {
    expect(isOverdue('2026-06-16T00:00:00Z', 'invited', now)).toBe(false);
    expect(isOverdue('2026-06-01T00:00:00Z', 'submitted', now)).toBe(false);
    expect(isOverdue('2026-06-01T00:00:00Z', 'approved', now)).toBe(false);
  });

  it('ignores unparseable dates', () => {
    expect(isOverdue('soon', 'invited', now)).toBe(false);
  });
});

describe('formatting', () => {
  it('writes shares as percentages with a decimal only below ten', () => {
    expect(percent(0.456)).toBe('46 %');
    expect(percent(0.0123)).toBe('1.2 %');
    expect(percent(0)).toBe('0 %');
    expect(percent(null)).toBe('—');
  });

  it('shows dates in ISO form and placeholders for missing ones', () => {
    expect(formatDate('2026-03-04T22:10:00Z')).toBe('2026-03-04');
    expect(formatDate(null)).toBe('—');
  });

  it('renders answers as plain words, "unknown" spelled out', () => {
    expect(displayValue('unknown')).toBe('Unknown / prefer not to say');
    expect(displayValue(['a', 'b'])).toBe('a, b');
    expect(displayValue(undefined)).toBe('—');
    expect(displayValue('<img src=x>')).toBe('<img src=x>');
  });

  it('humanizes ids', () => {
    expect(humanize('near_duplicate_rate')).toBe('Near duplicate rate');
  });
});
