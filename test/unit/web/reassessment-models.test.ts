import { describe, expect, it } from 'vitest';
import type { PolicyView } from '../../../web/src/api/staff-types';
import {
  keepSchedule,
  parseSchedule,
  scheduleChanged,
  scheduleValues,
  withSchedule,
} from '../../../web/src/pages/policy/schedule-model';
import {
  cadenceWords,
  dueWords,
  stateWords,
} from '../../../web/src/pages/staff/portfolio-due-model';

const stored = {
  cadenceDays: { low: 365, moderate: null, high: 182, critical: 182 },
  mode: 'propose' as const,
};
const view = {
  version: 3,
  policy: { name: 'default', version: 3, tiers: { moderate: 25 }, reassessment: stored },
  updatedAt: null,
  updatedBy: null,
  reason: null,
} as unknown as PolicyView;

describe('the schedule form', () => {
  it('round-trips values and marks bad days at the API path', () => {
    const values = scheduleValues(stored);
    expect(values.days.moderate).toBe('');
    expect(parseSchedule(values)).toEqual({ schedule: stored, errors: {} });
    expect(scheduleChanged(values, stored)).toBe(false);
    const bad = { ...values, days: { ...values.days, high: '0', low: '1.5', critical: 'x' } };
    expect(Object.keys(parseSchedule(bad).errors).sort()).toEqual([
      'cadenceDays.critical',
      'cadenceDays.high',
      'cadenceDays.low',
    ]);
    expect(scheduleChanged({ ...values, mode: 'create' }, stored)).toBe(true);
  });

  it('sends the whole policy with the schedule, and the scoring form keeps the schedule', () => {
    const next = { ...stored, mode: 'create' as const };
    expect(withSchedule(view, next)).toEqual({
      name: 'default',
      tiers: { moderate: 25 },
      reassessment: next,
    });
    expect(keepSchedule({ tiers: { moderate: 30 } }, view)).toEqual({
      name: 'default',
      tiers: { moderate: 30 },
      reassessment: stored,
    });
  });

  it('keeps settings the scoring form does not show, such as fingerprint packs', () => {
    const withPacks = {
      ...view,
      policy: { ...view.policy, fingerprintPacks: ['gpt-outputs'] },
    } as unknown as PolicyView;
    expect(keepSchedule({ tiers: { moderate: 30 } }, withPacks)).toMatchObject({
      fingerprintPacks: ['gpt-outputs'],
      tiers: { moderate: 30 },
    });
  });
});

describe('the due list in words', () => {
  it('says how late, how often and what was done', () => {
    expect(dueWords({ dueAt: '2026-11-30T00:00:00.000Z', overdueDays: 0 })).toBe(
      'Due today (2026-11-30)',
    );
    expect(dueWords({ dueAt: '2026-11-30T00:00:00.000Z', overdueDays: 1 })).toBe(
      'Overdue by 1 day (due 2026-11-30)',
    );
    expect(cadenceWords(182)).toBe('About every 6 months');
    expect(cadenceWords(365)).toBe('Yearly');
    expect(cadenceWords(30)).toBe('About monthly');
    expect(cadenceWords(10)).toBe('Every 10 days');
    expect(stateWords({ state: 'proposed', reassessment: null })).toMatch(/^Proposed/);
  });
});
