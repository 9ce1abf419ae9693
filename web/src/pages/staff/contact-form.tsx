/** Add or edit one vendor contact: name, e-mail and the questionnaire sections they answer. */
import { useState } from 'preact/hooks';
import type { ContactInput, VendorContact } from '../../api/contacts';
import type { Template } from '../../api/domain';
import { ApiError } from '../../api/http';
import { ErrorBanner } from '../../components/feedback';
import { Field } from '../../components/field';

/** The form; `contact` set means editing it. `onSave` throws to show an error. */
export function ContactForm(props: {
  template: Template | null;
  contact?: VendorContact;
  onSave: (input: ContactInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { template, contact, onSave, onCancel } = props;
  const [name, setName] = useState(contact?.name ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [sections, setSections] = useState<string[]>(contact?.sections ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const prefix = contact ? `contact-${contact.id}` : 'new-contact';
  // Field errors from the API's problem+json, by field name.
  const fieldError = (field: string) =>
    error instanceof ApiError
      ? error.problem.errors?.find((e) => e.path === field || e.path.startsWith(`${field}.`))
          ?.message
      : undefined;

  const toggle = (id: string, on: boolean) =>
    setSections((now) => (on ? [...now, id] : now.filter((s) => s !== id)));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSave({
        name,
        email,
        sections,
        ...(contact ? { version: contact.version } : {}),
      });
      if (!contact) {
        setName('');
        setEmail('');
        setSections([]);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack contact-form" onSubmit={submit} noValidate>
      <ErrorBanner error={error} />
      <Field id={`${prefix}-name`} label="Name" required error={fieldError('name')}>
        <input
          id={`${prefix}-name`}
          type="text"
          value={name}
          maxLength={120}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <Field id={`${prefix}-email`} label="E-mail" required error={fieldError('email')}>
        <input
          id={`${prefix}-email`}
          type="email"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </Field>
      {template ? (
        <fieldset class="contact-sections">
          <legend>Sections this person answers (shown to them first)</legend>
          {template.sections.map((s) => (
            <label key={s.id} class="checkbox">
              <input
                type="checkbox"
                checked={sections.includes(s.id)}
                onChange={(e) => toggle(s.id, e.currentTarget.checked)}
              />{' '}
              {s.title}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div class="inline">
        <button type="submit" class="button" disabled={busy}>
          {contact ? 'Save changes' : 'Add contact'}
        </button>
        {onCancel ? (
          <button type="button" class="button secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
