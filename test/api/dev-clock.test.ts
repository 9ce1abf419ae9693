import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, newAssessmentBody, startWithStaff, type TestPortal } from './harness';

let t: TestPortal;
let admin: string;
beforeAll(async () => {
  ({ t, admin } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

describe('the dev clock', () => {
  it('is one clock for the whole portal, and says so when an admin moves it', async () => {
    const res = await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays: 31 } });
    expect(res.status).toBe(200);
    const body = await json<{ now: string; offsetDays: number; scope: string }>(res);
    expect(body).toMatchObject({ offsetDays: 31, scope: 'portal' });
    try {
      // another organization's staff see the same shifted time
      const other = await t.staff('procurement', 'other-org', 'olga@other.test');
      const created = await json<{ createdAt: string }>(
        t.call('POST', '/api/assessments', {
          token: other,
          body: newAssessmentBody(new Date(Date.now() + 31 * 86_400_000)),
        }),
      );
      const shifted = Date.parse(created.createdAt) - Date.now();
      expect(shifted).toBeGreaterThan(30 * 86_400_000);
      expect(shifted).toBeLessThan(32 * 86_400_000);
    } finally {
      await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays: 0 } });
    }
  });
});
