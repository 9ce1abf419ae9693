/**
 * The create-assessment form. Fields are checked on submit (and live once an error shows), never on
 * blur: an error appearing on blur moved the button away from a click already on its way.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { createAssessment, listTemplates } from '../../api/staff';
import { ErrorBanner } from '../../components/feedback';
import { describedBy, Field, inputType } from '../../components/field';
import { useAsync } from '../../components/use-async';
import { navigate } from '../../router';
import {
  type AssessmentFormValues,
  emptyForm,
  intendedUses,
  toRequest,
  validateForm,
} from './assessment-form-model';

type Key = keyof AssessmentFormValues;
type Errors = Partial<Record<Key, string>>;

/** Creates an assessment and opens it. */
export function CreateAssessmentForm() {
  const templates = useAsync(() => listTemplates().then((r) => r.items), []);
  const [values, setValues] = useState<AssessmentFormValues>(() => emptyForm(new Date()));
  const [errors, setErrors] = useState<Errors>({});
  const [touched, setTouched] = useState<Partial<Record<Key, boolean>>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const first = templates.data?.[0];
    if (first && !values.templateId) setValues((v) => ({ ...v, templateId: first.id }));
  }, [templates.data, values.templateId]);

  const set = (key: Key, value: string) => {
    const next = { ...values, [key]: value };
    setValues(next);
    if (touched[key]) setErrors((old) => ({ ...old, [key]: validateForm(next, new Date())[key] }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateForm(values, new Date());
    setErrors(found);
    setTouched(Object.fromEntries(Object.keys(values).map((k) => [k, true])));
    const firstBad = Object.keys(found)[0];
    if (firstBad) {
      document.getElementById(fieldId(firstBad as Key))?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await createAssessment(toRequest(values));
      navigate(`/assessments/${encodeURIComponent(created.id)}`);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.problem.errors?.length)
        setErrors(error.fieldErrors() as Errors);
      setFailure(error);
    }
  };

  const input = (
    key: Key,
    label: string,
    type: 'text' | 'email' | 'date' | 'number' = 'text',
    required = true,
    hint?: string,
  ) => (
    <Field id={fieldId(key)} label={label} error={errors[key]} required={required} hint={hint}>
      <input
        {...inputType(type)}
        id={fieldId(key)}
        value={values[key]}
        required={required}
        aria-invalid={errors[key] ? 'true' : undefined}
        aria-describedby={describedBy(fieldId(key), hint, errors[key])}
        onInput={(e) => set(key, e.currentTarget.value)}
      />
    </Field>
  );

  return (
    <form class="stack" onSubmit={submit} noValidate aria-describedby="create-help">
      <p id="create-help" class="hint">
        The vendor gets the questionnaire through an invitation link you issue next.
      </p>
      <ErrorBanner error={failure} />
      {input('vendor.name', 'Vendor name')}
      {input('vendor.contactEmail', 'Vendor contact e-mail', 'email')}
      {input('dataset.name', 'Dataset name')}
      <Field
        id={fieldId('dataset.description')}
        label="Dataset description"
        error={errors['dataset.description']}
      >
        <textarea
          id={fieldId('dataset.description')}
          rows={3}
          value={values['dataset.description']}
          onInput={(e) => set('dataset.description', e.currentTarget.value)}
        />
      </Field>
      <Field
        id={fieldId('dataset.intendedUse')}
        label="Intended use"
        error={errors['dataset.intendedUse']}
        required
      >
        <select
          id={fieldId('dataset.intendedUse')}
          value={values['dataset.intendedUse']}
          onChange={(e) => set('dataset.intendedUse', e.currentTarget.value)}
        >
          {intendedUses.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={fieldId('templateId')} label="Questionnaire" error={errors.templateId} required>
        <select
          id={fieldId('templateId')}
          value={values.templateId}
          aria-invalid={errors.templateId ? 'true' : undefined}
          aria-describedby={describedBy(fieldId('templateId'), undefined, errors.templateId)}
          onChange={(e) => set('templateId', e.currentTarget.value)}
        >
          {templates.data?.length ? null : (
            <option value="">
              {templates.loading ? 'Loading…' : 'No questionnaire available'}
            </option>
          )}
          {(templates.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.title} (version {t.version})
            </option>
          ))}
        </select>
      </Field>
      {input(
        'dueAt',
        'Due date',
        'date',
        true,
        'The vendor gets reminders 7, 3 and 1 days before.',
      )}
      <button type="submit" class="button" disabled={busy}>
        {busy ? 'Creating…' : 'Create assessment'}
      </button>
    </form>
  );
}

function fieldId(key: Key): string {
  return `new-${key.replace('.', '-')}`;
}
