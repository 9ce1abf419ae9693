/**
 * Choose a file's fields from the ones detected in the stored file (with an example of each)
 * instead of typing names blind; saving analyzes the stored file again, without a new upload.
 * Example values are the uploader's data: rendered as text nodes only, never as HTML.
 */
import { useState } from 'preact/hooks';
import type { DetectedFields, FieldMappingBody, MappedSlot } from '../api/field-mapping';
import { ErrorBanner, Loading } from './feedback';
import { currentField, fieldOptions, mappingBody, mappingChanged } from './field-mapping-model';
import { useAsync } from './use-async';

interface Props {
  /** Prefix of the control ids (unique on the page). */
  idPrefix: string;
  /** Slots offered, e.g. text and label for a vendor sample, text alone for a reference. */
  slots: MappedSlot[];
  load: () => Promise<DetectedFields>;
  save: (body: FieldMappingBody) => Promise<void>;
  onCancel: () => void;
}

const slotWords: Record<MappedSlot, string> = { text: 'Text field', label: 'Label field' };

/** The form: one select per slot, the examples of the chosen field, save and cancel. */
export function FieldMappingForm({ idPrefix, slots, load, save, onCancel }: Props) {
  const { data, error, loading } = useAsync(load, []);
  const [choice, setChoice] = useState<Partial<Record<MappedSlot, string>> | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  if (loading) return <Loading what="Reading the file's fields" />;
  if (error || !data) return <ErrorBanner error={error} />;
  const current = choice ?? Object.fromEntries(slots.map((s) => [s, currentField(data, s)]));
  const changed = mappingChanged(data, current);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setSaveError(undefined);
    try {
      await save(mappingBody(current));
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="stack mapping" data-testid="field-mapping" onSubmit={(e) => void submit(e)}>
      <p class="small">
        Fields found in the first {data.recordsRead.toLocaleString('en')} records of the stored
        file. Choose one, then analyze the stored file again: nothing is uploaded.
      </p>
      {slots.map((slot) => {
        const id = `${idPrefix}-${slot}`;
        const value = current[slot] ?? '';
        const field = data.fields.find((f) => f.path === value);
        return (
          <div class="field" key={slot}>
            <label for={id}>{slotWords[slot]}</label>
            <select
              id={id}
              value={value}
              onChange={(e) => setChoice({ ...current, [slot]: e.currentTarget.value })}
            >
              {fieldOptions(data, slot).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {field && field.examples.length > 0 ? (
              <ul class="small field-examples" aria-label={`Examples of ${field.path}`}>
                {field.examples.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
      <ErrorBanner error={saveError} />
      <div class="inline">
        <button type="submit" class="button" disabled={!changed || saving}>
          {saving ? 'Queuing…' : 'Analyze again with these fields'}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
