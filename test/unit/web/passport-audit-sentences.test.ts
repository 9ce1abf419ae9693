import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../web/src/pages/staff/audit-sentences';

const ctx = { questionTitles: new Map<string, string>() };
const event = (type: string, detail: Record<string, unknown>) => ({
  id: '1',
  at: '2026-12-01T10:00:00.000Z',
  actor: 'data@northwind.test',
  role: 'vendor',
  type,
  detail,
});
const internal = /\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b/;

describe('passport audit sentences', () => {
  it('says a link was made, and when it replaced an earlier one', () => {
    const first = describeEvent(event('passport_created', { replacedEarlier: false }), ctx);
    expect(first).toBe('Made a public passport link to the signed summary of this approval.');
    const again = describeEvent(event('passport_created', { replacedEarlier: true }), ctx);
    expect(again).toContain('(the earlier link stopped working)');
    expect(first).not.toMatch(internal);
  });

  it('says a link was revoked', () => {
    const text = describeEvent(event('passport_revoked', {}), ctx);
    expect(text).toBe('Revoked the public passport link; it no longer opens the summary.');
    expect(text).not.toMatch(internal);
  });
});
