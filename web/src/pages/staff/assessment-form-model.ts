/** The create-assessment form's values, validation and request body (pure, unit-tested). */
import type { NewAssessment } from '../../api/types';

/** Form values keyed by the API's error paths, so server messages land on the right field. */
export interface AssessmentFormValues {
  'vendor.name': string;
  'vendor.contactEmail': string;
  'dataset.name': string;
  'dataset.description': string;
  'dataset.intendedUse': string;
  templateId: string;
  dueAt: string;
}

/** Intended uses offered by the form (questionnaire section 1). */
export const intendedUses = [
  { value: 'pre-training', label: 'Pre-training' },
  { value: 'fine-tuning', label: 'Fine-tuning' },
  { value: 'alignment', label: 'Alignment' },
  { value: 'evaluation', label: 'Evaluation' },
  { value: 'synthetic-data-generation', label: 'Synthetic data generation' },
];

/** The label of an intended use (a value not offered by the form is shown as written). */
export function intendedUseLabel(value: string): string {
  return intendedUses.find((u) => u.value === value)?.label ?? value;
}

/** Empty values with a due date `days` ahead of `today`. */
export function emptyForm(today: Date, days = 30): AssessmentFormValues {
  const due = new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    'vendor.name': '',
    'vendor.contactEmail': '',
    'dataset.name': '',
    'dataset.description': '',
    'dataset.intendedUse': intendedUses[1]?.value ?? '',
    templateId: '',
    dueAt: due,
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Messages for invalid fields; empty when the form can be sent. */
export function validateForm(
  values: AssessmentFormValues,
  today: Date,
): Partial<Record<keyof AssessmentFormValues, string>> {
  const errors: Partial<Record<keyof AssessmentFormValues, string>> = {};
  if (!values['vendor.name'].trim()) errors['vendor.name'] = 'Enter the vendor’s name.';
  const email = values['vendor.contactEmail'].trim();
  if (!email) errors['vendor.contactEmail'] = 'Enter the vendor contact’s e-mail address.';
  else if (!emailPattern.test(email))
    errors['vendor.contactEmail'] = 'Enter an e-mail address like name@example.com.';
  if (!values['dataset.name'].trim()) errors['dataset.name'] = 'Enter the dataset’s name.';
  if (!values['dataset.intendedUse'])
    errors['dataset.intendedUse'] = 'Choose how the dataset will be used.';
  if (!values.templateId) errors.templateId = 'Choose a questionnaire.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueAt)) errors.dueAt = 'Enter a due date.';
  else if (values.dueAt <= today.toISOString().slice(0, 10))
    errors.dueAt = 'The due date must be after today.';
  return errors;
}

/** The request body; the due date means the end of that day (UTC). */
export function toRequest(values: AssessmentFormValues): NewAssessment {
  const description = values['dataset.description'].trim();
  return {
    vendor: {
      name: values['vendor.name'].trim(),
      contactEmail: values['vendor.contactEmail'].trim(),
    },
    dataset: {
      name: values['dataset.name'].trim(),
      ...(description ? { description } : {}),
      intendedUse: values['dataset.intendedUse'],
    },
    templateId: values.templateId,
    dueAt: `${values.dueAt}T23:59:59.000Z`,
  };
}
