import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../functions/core/assessment/edit';
import type { Assessment } from '../../../functions/core/assessment/types';

const base = {
  vendor: { name: 'Acme', contactEmail: 'a@acme.test' },
  dataset: { name: 'Chats', description: 'old', intendedUse: 'fine-tuning' },
  dueAt: '2030-01-01T00:00:00.000Z',
} as Assessment;

describe('applyEdit', () => {
  it('lists only real changes and applies them', () => {
    const draft = structuredClone(base);
    const changes = applyEdit(draft, {
      vendor: { name: 'Acme', contactEmail: 'b@acme.test' },
      dataset: { description: '' },
    });
    expect(changes).toEqual([
      { field: 'vendor.contactEmail', from: 'a@acme.test', to: 'b@acme.test' },
      { field: 'dataset.description', from: 'old', to: null },
    ]);
    expect(draft.vendor.contactEmail).toBe('b@acme.test');
    expect(draft.dataset.description).toBeUndefined();
    expect(draft.dataset.name).toBe('Chats');
  });

  it('returns no change when every value is the same', () => {
    expect(applyEdit(structuredClone(base), { dueAt: base.dueAt, vendor: {} })).toEqual([]);
  });
});
