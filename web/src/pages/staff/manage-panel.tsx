/** Procurement's controls on one assessment: edit details, cancel, archive (each confirmed). */
import { useState } from 'preact/hooks';
import { archiveAssessment, cancelAssessment } from '../../api/staff';
import type { Assessment, AssessmentStatus } from '../../api/types';
import { ErrorBanner } from '../../components/feedback';
import { Field } from '../../components/field';
import { formatDate, formatDateTime } from '../../format';
import { EditDetailsForm } from './edit-details-form';

const editable: AssessmentStatus[] = ['draft', 'invited', 'in_progress', 'changes_requested'];
const cancellable: AssessmentStatus[] = [...editable, 'submitted'];
const archivable: AssessmentStatus[] = ['approved', 'rejected', 'cancelled'];

/** The panel; `onChange` reloads the page's assessment. */
export function ManagePanel({
  assessment: a,
  onChange,
}: {
  assessment: Assessment;
  onChange: () => void;
}) {
  const [mode, setMode] = useState<'idle' | 'edit' | 'cancel' | 'archive'>('idle');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setMode('idle');
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirmCancel = () => {
    if (!reason.trim()) {
      setReasonError('Say why the assessment is cancelled: the vendor and the record read it.');
      return;
    }
    setReasonError('');
    void run(() => cancelAssessment(a.id, reason.trim(), a.version));
  };

  return (
    <section class="card" aria-labelledby="manage-heading">
      <h2 id="manage-heading">Manage</h2>
      {a.cancellation ? (
        <p>
          Cancelled {formatDateTime(a.cancellation.at)} by {a.cancellation.by}. Reason:{' '}
          <span class="prose">{a.cancellation.reason}</span>
        </p>
      ) : null}
      {a.archivedAt ? <p>Archived {formatDateTime(a.archivedAt)}.</p> : null}
      {a.samplesPurgedAt ? (
        <p data-testid="samples-purged">
          Sample data deleted after retention ({formatDate(a.samplesPurgedAt)}): the files, their
          analyses and partials are gone; the reports stay.
        </p>
      ) : null}
      {!editable.includes(a.status) && !a.cancellation ? (
        <p class="hint">
          Details can be edited only until the vendor submits; start a re-assessment to change them
          after that.
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {mode === 'edit' ? (
        <EditDetailsForm assessment={a} onSaved={onChange} onClose={() => setMode('idle')} />
      ) : (
        <div class="inline">
          {editable.includes(a.status) ? (
            <button type="button" class="button secondary" onClick={() => setMode('edit')}>
              Edit details
            </button>
          ) : null}
          {cancellable.includes(a.status) && mode !== 'cancel' ? (
            <button type="button" class="button danger" onClick={() => setMode('cancel')}>
              Cancel assessment
            </button>
          ) : null}
          {archivable.includes(a.status) && !a.archivedAt && mode !== 'archive' ? (
            <button type="button" class="button secondary" onClick={() => setMode('archive')}>
              Archive
            </button>
          ) : null}
        </div>
      )}
      {mode === 'cancel' ? (
        <fieldset class="confirm stack">
          <legend>
            Cancel this assessment? The vendor's link stops working and cannot be reopened.
          </legend>
          <Field
            id="cancel-reason"
            label="Reason (sent to the vendor)"
            error={reasonError}
            required
          >
            <textarea
              id="cancel-reason"
              rows={2}
              value={reason}
              aria-invalid={reasonError ? 'true' : undefined}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </Field>
          <div class="inline">
            <button type="button" class="button danger" disabled={busy} onClick={confirmCancel}>
              Yes, cancel the assessment
            </button>
            <button type="button" class="button secondary" onClick={() => setMode('idle')}>
              Keep it
            </button>
          </div>
        </fieldset>
      ) : null}
      {mode === 'archive' ? (
        <fieldset class="confirm">
          <legend>Archive? It leaves the working list but stays complete, with its reports.</legend>
          <div class="inline">
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => run(() => archiveAssessment(a.id))}
            >
              Yes, archive
            </button>
            <button type="button" class="button secondary" onClick={() => setMode('idle')}>
              Keep it in the list
            </button>
          </div>
        </fieldset>
      ) : null}
    </section>
  );
}
