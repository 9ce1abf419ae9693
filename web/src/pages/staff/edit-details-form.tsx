/** Procurement edits the vendor contact, dataset details and due date before the vendor submits. */
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { updateAssessment } from '../../api/staff';
import type { AssessmentEdit } from '../../api/staff-types';
import type { Assessment } from '../../api/types';
import { ErrorBanner } from '../../components/feedback';
import { describedBy, Field, inputType } from '../../components/field';
import { type AssessmentFormValues, intendedUses, validateForm } from './assessment-form-model';

type Key = Exclude<keyof AssessmentFormValues, 'templateId'>;

function valuesOf(a: Assessment): AssessmentFormValues {
  return {
    'vendor.name': a.vendor.name,
    'vendor.contactEmail': a.vendor.contactEmail,
    'dataset.name': a.dataset.name,
    'dataset.description': a.dataset.description ?? '',
    'dataset.intendedUse': a.dataset.intendedUse,
    templateId: a.templateId,
    dueAt: a.dueAt.slice(0, 10),
  };
}

function withCurrent(value: string) {
  return intendedUses.some((u) => u.value === value)
    ? intendedUses
    : [...intendedUses, { value, label: value }];
}

/** Only the fields that differ from the assessment, as the PATCH body. */
export function editBody(a: Assessment, v: AssessmentFormValues): AssessmentEdit {
  const before = valuesOf(a);
  const body: AssessmentEdit = { version: a.version };
  const changed = (k: Key) => v[k].trim() !== before[k];
  if (changed('vendor.name')) body.vendor = { ...body.vendor, name: v['vendor.name'].trim() };
  if (changed('vendor.contactEmail'))
    body.vendor = { ...body.vendor, contactEmail: v['vendor.contactEmail'].trim() };
  if (changed('dataset.name')) body.dataset = { ...body.dataset, name: v['dataset.name'].trim() };
  if (changed('dataset.description'))
    body.dataset = { ...body.dataset, description: v['dataset.description'].trim() };
  if (changed('dataset.intendedUse'))
    body.dataset = { ...body.dataset, intendedUse: v['dataset.intendedUse'] };
  if (changed('dueAt')) body.dueAt = `${v.dueAt}T23:59:59.000Z`;
  return body;
}

/** The edit form; `onDone` runs after a save or a cancel. */
export function EditDetailsForm(props: {
  assessment: Assessment;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { assessment, onSaved, onClose } = props;
  const [values, setValues] = useState(() => valuesOf(assessment));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateForm(values, new Date());
    setErrors(found);
    if (Object.keys(found).length) return;
    const body = editBody(assessment, values);
    if (Object.keys(body).length === 1) {
      setErrors({ form: 'Nothing changed: edit a field first, or close the form.' });
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await updateAssessment(assessment.id, body);
      onSaved();
      onClose();
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const input = (key: Key, label: string, type: 'text' | 'email' | 'date' = 'text') => (
    <Field id={`edit-${key}`} label={label} error={errors[key]} required>
      <input
        {...inputType(type)}
        id={`edit-${key}`}
        value={values[key]}
        aria-invalid={errors[key] ? 'true' : undefined}
        aria-describedby={describedBy(`edit-${key}`, undefined, errors[key])}
        onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
      />
    </Field>
  );

  return (
    <form class="stack edit-form" onSubmit={submit} noValidate aria-label="Edit details">
      <ErrorBanner error={failure} />
      {errors.form ? <p class="error-text">{errors.form}</p> : null}
      {input('vendor.name', 'Vendor name')}
      {input('vendor.contactEmail', 'Vendor contact e-mail', 'email')}
      {input('dataset.name', 'Dataset name')}
      <Field
        id="edit-dataset.description"
        label="Dataset description"
        error={errors['dataset.description']}
      >
        <textarea
          id="edit-dataset.description"
          rows={3}
          value={values['dataset.description']}
          onInput={(e) => setValues({ ...values, 'dataset.description': e.currentTarget.value })}
        />
      </Field>
      <Field id="edit-dataset.intendedUse" label="Intended use" required>
        <select
          id="edit-dataset.intendedUse"
          value={values['dataset.intendedUse']}
          onChange={(e) => setValues({ ...values, 'dataset.intendedUse': e.currentTarget.value })}
        >
          {withCurrent(assessment.dataset.intendedUse).map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      </Field>
      {input('dueAt', 'Due date', 'date')}
      {assessment.invitation && !assessment.invitation.revokedAt ? (
        <p class="hint">
          A new contact e-mail does not move the existing link: issue a new link afterwards so it
          goes to the new address.
        </p>
      ) : null}
      <div class="inline">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" class="button secondary" onClick={onClose}>
          Close without saving
        </button>
      </div>
    </form>
  );
}
