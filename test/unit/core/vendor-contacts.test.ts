import { describe, expect, it } from 'vitest';
import {
  formatContactToken,
  formatToken,
  parseToken,
} from '../../../functions/api/auth/vendor-token';
import {
  pendingSections,
  sectionHolders,
  unknownSections,
  type VendorContact,
} from '../../../functions/core/assessment/contacts';
import { contactSentence } from '../../../web/src/pages/staff/audit-contact-sentences';
import { yoursFirst } from '../../../web/src/pages/vendor/contact-sections';

const template = {
  sections: [
    { id: 'a', title: 'A', description: '', questions: [{ id: 'q1', required: true }] },
    { id: 'b', title: 'B', description: '', questions: [{ id: 'q2', required: true }] },
    { id: 'c', title: 'C', description: '', questions: [{ id: 'q3', required: false }] },
  ],
} as never;

const now = new Date('2026-12-01T00:00:00Z');
const contact = (id: string, sections: string[], over: Partial<VendorContact> = {}) =>
  ({
    id,
    sections,
    removedAt: null,
    link: { tokenHash: 'h', issuedAt: '2026-11-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' },
    ...over,
  }) as VendorContact;

describe('section holders', () => {
  it('counts a section pending while a required question is unanswered', () => {
    expect(pendingSections(template, { q1: 'x' })).toEqual(['b']);
    expect(pendingSections(template, {})).toEqual(['a', 'b']);
  });

  it('picks live contacts holding a pending section, never removed or expired ones', () => {
    const holders = sectionHolders(
      [
        contact('ana', ['a', 'c']),
        contact('ben', ['b']),
        contact('cy', ['b'], { removedAt: '2026-11-20T00:00:00Z' }),
        contact('di', ['b'], {
          link: { tokenHash: 'h', issuedAt: '2026-10-01', expiresAt: '2026-11-01' },
        }),
        contact('ed', ['b'], { link: null }),
      ],
      ['b'],
      now,
    );
    expect(holders.map((h) => [h.contact.id, h.sections])).toEqual([['ben', ['b']]]);
  });

  it('names unknown section ids with their position', () => {
    expect(unknownSections(template, ['a', 'zz'])).toEqual([{ index: 1, id: 'zz' }]);
  });
});

describe('contact tokens', () => {
  it('round-trips the contact id and keeps three-part tokens as they were', () => {
    const secret = 'abcdefghijklmnopqrstuvwxyz012';
    expect(parseToken(formatContactToken('demo', 'a1', 'c1', secret))).toEqual({
      organizationId: 'demo',
      assessmentId: 'a1',
      contactId: 'c1',
      secret,
    });
    expect(parseToken(formatToken('demo', 'a1', secret))).toEqual({
      organizationId: 'demo',
      assessmentId: 'a1',
      secret,
    });
    expect(parseToken(`${formatContactToken('demo', 'a1', 'C!', secret)}`)).toBeUndefined();
  });
});

describe('contact words', () => {
  it('puts a contact’s sections first, in questionnaire order', () => {
    const ids = yoursFirst([{ id: 'a' }, { id: 'b' }, { id: 'c' }], ['c', 'b']).map((s) => s.id);
    expect(ids).toEqual(['b', 'c', 'a']);
  });

  it('reads contact events as sentences', () => {
    const contactOf = { contact: { id: 'x', name: 'Ana' }, email: 'ana@v.test' };
    expect(contactSentence('contact_added', contactOf)).toBe(
      'Added Ana (ana@v.test) as a vendor contact.',
    );
    expect(contactSentence('contact_removed', contactOf)).toMatch(/link stopped working/);
    expect(
      contactSentence('contact_changed', { ...contactOf, changes: [{ field: 'sections' }] }),
    ).toBe('Changed the assigned sections of vendor contact Ana.');
  });
});
