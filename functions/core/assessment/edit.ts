import type { Assessment } from './types';

/** The fields procurement may change after creating an assessment; all optional. */
export interface AssessmentEdit {
  vendor?: { name?: string; contactEmail?: string };
  dataset?: { name?: string; description?: string; intendedUse?: string };
  dueAt?: string;
}

/** One changed field, as the audit trail records it. */
export interface FieldChange {
  field: EditableField;
  from: string | null;
  to: string | null;
}

/** The editable fields, by their path in the assessment. */
export const editableFields = [
  'vendor.name',
  'vendor.contactEmail',
  'dataset.name',
  'dataset.description',
  'dataset.intendedUse',
  'dueAt',
] as const;
/** One editable field. */
export type EditableField = (typeof editableFields)[number];

/** What people call each editable field (the audit trail and messages use these words). */
export const editableFieldLabels: Record<EditableField, string> = {
  'vendor.name': 'vendor name',
  'vendor.contactEmail': 'vendor contact e-mail',
  'dataset.name': 'dataset name',
  'dataset.description': 'dataset description',
  'dataset.intendedUse': 'intended use',
  dueAt: 'due date',
};

function read(a: Assessment, field: EditableField): string | null {
  if (field === 'dueAt') return a.dueAt;
  const [group, key] = field.split('.') as ['vendor' | 'dataset', string];
  const value = (a[group] as Record<string, string | undefined>)[key];
  return value === undefined || value === '' ? null : value;
}

function write(a: Assessment, field: EditableField, value: string | null): void {
  if (field === 'dueAt') {
    a.dueAt = value ?? a.dueAt;
    return;
  }
  const [group, key] = field.split('.') as ['vendor' | 'dataset', string];
  const target = a[group] as Record<string, string | undefined>;
  if (value === null) delete target[key];
  else target[key] = value;
}

function wanted(edit: AssessmentEdit, field: EditableField): string | null | undefined {
  if (field === 'dueAt') return edit.dueAt;
  const [group, key] = field.split('.') as ['vendor' | 'dataset', string];
  const value = (edit[group] as Record<string, string | undefined> | undefined)?.[key];
  if (value === undefined) return undefined;
  return value === '' ? null : value;
}

/**
 * Applies `edit` to `draft` in place and lists what actually changed (same values are no change).
 * `dueAt` must already be normalized to a full ISO timestamp.
 */
export function applyEdit(draft: Assessment, edit: AssessmentEdit): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of editableFields) {
    const to = wanted(edit, field);
    if (to === undefined) continue;
    const from = read(draft, field);
    if (from === to) continue;
    write(draft, field, to);
    changes.push({ field, from, to });
  }
  return changes;
}
