import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  toRequest,
  validateForm,
} from '../../../web/src/pages/staff/assessment-form-model';

const today = new Date('2026-05-10T09:00:00Z');

describe('create-assessment form', () => {
  it('names every missing field in words a person can act on', () => {
    const errors = validateForm(
      { ...emptyForm(today), 'dataset.intendedUse': '', dueAt: '' },
      today,
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        'dataset.intendedUse',
        'dataset.name',
        'dueAt',
        'templateId',
        'vendor.contactEmail',
        'vendor.name',
      ].sort(),
    );
  });

  it('rejects malformed e-mail addresses and due dates that are not in the future', () => {
    const values = {
      ...emptyForm(today),
      'vendor.contactEmail': 'not-an-email',
      dueAt: '2026-05-10',
    };
    const errors = validateForm(values, today);
    expect(errors['vendor.contactEmail']).toMatch(/e-mail/);
    expect(errors.dueAt).toMatch(/after today/);
  });

  it('builds the API body with trimmed text and the due date at the end of that day (UTC)', () => {
    const values = {
      ...emptyForm(today),
      'vendor.name': ' Acme ',
      'vendor.contactEmail': 'a@acme.test',
      'dataset.name': 'Set',
      templateId: 'ai-training-data',
      dueAt: '2026-06-01',
    };
    expect(validateForm(values, today)).toEqual({});
    expect(toRequest(values)).toEqual({
      vendor: { name: 'Acme', contactEmail: 'a@acme.test' },
      dataset: { name: 'Set', intendedUse: 'fine-tuning' },
      templateId: 'ai-training-data',
      dueAt: '2026-06-01T23:59:59.000Z',
    });
  });
});
