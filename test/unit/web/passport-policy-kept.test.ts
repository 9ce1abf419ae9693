import { describe, expect, it } from 'vitest';
import { policySchema } from '../../../functions/core/scoring';
import type { PolicyView } from '../../../web/src/api/staff-types';
import { keepSchedule, withSchedule } from '../../../web/src/pages/policy/schedule-model';

const passport = { vendorMayShare: true, includeFrameworks: true };
const view = {
  version: 4,
  policy: { name: 'default', version: 4, tiers: { moderate: 25 }, passport },
  updatedAt: null,
  updatedBy: null,
  reason: null,
} as unknown as PolicyView;

describe('the passport policy setting', () => {
  it('is off by default: vendors may not share, and passports carry no framework statuses', () => {
    expect(policySchema.parse({}).passport).toEqual({
      vendorMayShare: false,
      includeFrameworks: false,
    });
  });

  it('survives saving the scoring form and the schedule form', () => {
    expect(keepSchedule({ tiers: { moderate: 30 } }, view)).toMatchObject({ passport });
    expect(withSchedule(view, { cadenceDays: {}, mode: 'propose' } as never)).toMatchObject({
      passport,
    });
  });

  it('rejects unknown passport settings, naming the field', () => {
    const res = policySchema.safeParse({ passport: { share: true } });
    expect(res.success).toBe(false);
    expect(JSON.stringify(res.error?.issues)).toContain('share');
  });
});
