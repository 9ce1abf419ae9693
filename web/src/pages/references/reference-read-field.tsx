/**
 * Which field a reference's text was read from ("Read field: answer"), and the control to choose
 * another from the fields of the stored file: the reference is then analyzed again, no re-upload.
 */
import { useState } from 'preact/hooks';
import {
  changeReferenceFields,
  getReferenceFields,
  type ReferenceInfo,
} from '../../api/references';
import { FieldMappingForm } from '../../components/field-mapping-form';
import { isFinal } from '../vendor/sample-model';

/** The read field and, once the reference is analyzed or refused, the choice of another. */
export function ReferenceReadField({
  reference: r,
  onChanged,
}: {
  reference: ReferenceInfo;
  onChanged: () => void;
}) {
  const [choosing, setChoosing] = useState(false);
  const canChoose = isFinal(r.status) && r.status !== 'awaiting_upload';
  return (
    <div class="stack">
      {r.readField ? (
        <p class="small" data-testid="read-field">
          Read field: <code>{r.readField}</code>
        </p>
      ) : null}
      {!canChoose ? null : choosing ? (
        <FieldMappingForm
          idPrefix={`reference-${r.referenceId}`}
          slots={['text']}
          load={() => getReferenceFields(r.referenceId)}
          save={async (body) => {
            await changeReferenceFields(r.referenceId, body);
            setChoosing(false);
            onChanged();
          }}
          onCancel={() => setChoosing(false)}
        />
      ) : (
        <button
          type="button"
          class="button secondary small"
          onClick={() => setChoosing(true)}
          aria-label={`Choose the text field of ${r.name}`}
        >
          Choose the text field
        </button>
      )}
    </div>
  );
}
