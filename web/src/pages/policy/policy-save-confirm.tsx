/** The confirmation before a policy version is saved: what changes, what moves, and why. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PolicyPreview } from '../../api/staff-types';
import { describedBy, Field } from '../../components/field';
import { changeText, type SettingChange, tierMoves } from './preview-model';

/** The message for a missing reason, as the API words it. */
export const reasonMissing =
  'Say why the policy changes: the version history shows it to everyone.';

const hint = 'Everyone reads it in the version history, beside the settings you changed.';

/**
 * Lists the changed settings and how many assessments change tier under them, asks for the
 * reason, and saves only on "Yes". `error` is the API's message for the reason field.
 */
export function PolicySaveConfirm(props: {
  nextVersion: number;
  changes: SettingChange[];
  labels: Map<string, string>;
  preview: PolicyPreview;
  busy: boolean;
  error?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { nextVersion, changes, labels, preview, busy, onConfirm, onCancel } = props;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  // The step opens below the long form: bring it into view and start at the reason.
  useEffect(() => {
    field.current?.scrollIntoView({ block: 'center' });
    field.current?.focus();
  }, []);
  const error = missing ? reasonMissing : props.error;
  const moved = tierMoves(preview);
  const scored = preview.items.length;
  const submit = (event: Event) => {
    event.preventDefault();
    const text = reason.trim();
    setMissing(!text);
    if (text) onConfirm(text);
  };
  return (
    <section
      class="card confirm"
      aria-labelledby="save-confirm-heading"
      data-testid="policy-save-confirm"
    >
      <h2 id="save-confirm-heading">Save as version {nextVersion}?</h2>
      <form class="stack" onSubmit={submit} noValidate>
        <p>
          {changes.length === 1 ? 'One setting changes:' : `${changes.length} settings change:`}
        </p>
        <ul data-testid="policy-changes">
          {changes.map((c) => (
            <li key={`${c.group}.${c.key}`}>{changeText(c, labels)}</li>
          ))}
        </ul>
        <p data-testid="policy-tier-moves">
          {scored === 0
            ? 'No assessment is scored yet, so none changes tier.'
            : `${moved} of ${scored} scored assessment${scored === 1 ? '' : 's'} would change tier (the table below shows which).`}{' '}
          New reports use version {nextVersion}; reports already stored keep the version they were
          scored with.
        </p>
        <Field id="policy-reason" label="Reason for the change" hint={hint} error={error} required>
          <textarea
            ref={field}
            id="policy-reason"
            rows={3}
            value={reason}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy('policy-reason', hint, error)}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </Field>
        <div class="inline">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Saving…' : `Yes, save version ${nextVersion}`}
          </button>
          <button type="button" class="button secondary" onClick={onCancel}>
            Go back
          </button>
        </div>
      </form>
    </section>
  );
}
