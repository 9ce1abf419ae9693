/**
 * The policy page's "Sharing approvals" section: whether vendors may share a public, signed
 * passport of an approval, and whether it lists the regulatory checklist statuses. Off by default.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { putPolicy } from '../../api/staff';
import type { PolicyView } from '../../api/staff-types';
import { ErrorBanner, Notice } from '../../components/feedback';
import { describedBy, Field } from '../../components/field';

/** The stored passport setting (defaults when the stored policy predates it). */
export interface PassportSetting {
  vendorMayShare: boolean;
  includeFrameworks: boolean;
}

/** The passport setting of the stored policy. */
export const passportOf = (view: PolicyView): PassportSetting => ({
  vendorMayShare: false,
  includeFrameworks: false,
  ...((view.policy as { passport?: Partial<PassportSetting> }).passport ?? {}),
});

const choices = [
  [
    'vendorMayShare',
    'Vendors may share their approval: on an approved questionnaire, the vendor can make and revoke a public link to its signed summary.',
  ],
  [
    'includeFrameworks',
    'Passports list the status of each regulatory checklist item (never the answers).',
  ],
] as const;

/** Admins edit it and save it as a new policy version with a reason; others read it. */
export function PassportSharing(props: {
  view: PolicyView;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { view, canEdit, onSaved } = props;
  const stored = passportOf(view);
  const [values, setValues] = useState(stored);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(passportOf(view)), [view]);
  const changed =
    values.vendorMayShare !== stored.vendorMayShare ||
    values.includeFrameworks !== stored.includeFrameworks;

  const save = async () => {
    setSaved('');
    setFailure(undefined);
    if (!reason.trim()) {
      setError('Say why sharing changes: the version history shows it.');
      return;
    }
    setError('');
    setBusy(true);
    try {
      const { version: _version, ...rest } = view.policy;
      const result = await putPolicy(
        { ...rest, passport: values } as never,
        view.version,
        reason.trim(),
      );
      setSaved(`Saved as version ${result.version}.`);
      setReason('');
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setError(e.fieldErrors().reason ?? '');
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="sharing-heading" data-testid="passport-sharing">
      <h2 id="sharing-heading">Sharing approvals</h2>
      <p class="hint">
        A passport is a public link to a signed summary of an approval: the dataset, the vendor, the
        score, the risk tier and the file fingerprints. Sharing your approval is your decision, so
        vendors cannot share one until you allow it.
      </p>
      <ErrorBanner error={failure} />
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        {choices.map(([key, words]) => (
          <div class="choice" key={key}>
            <input
              type="checkbox"
              id={`sharing-${key}`}
              checked={values[key]}
              disabled={!canEdit}
              onChange={(e) => setValues({ ...values, [key]: e.currentTarget.checked })}
            />
            <label for={`sharing-${key}`}>{words}</label>
          </div>
        ))}
        {canEdit ? (
          <>
            <Field id="sharing-reason" label="Why sharing changes" error={error} required>
              <textarea
                id="sharing-reason"
                rows={2}
                value={reason}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={describedBy('sharing-reason', undefined, error)}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </Field>
            <div class="inline">
              <button type="submit" class="button" disabled={busy || !changed}>
                {busy ? 'Saving…' : `Save the sharing setting as version ${view.version + 1}`}
              </button>
              <span class="muted">{changed ? 'Sharing changed' : 'No changes yet'}</span>
            </div>
          </>
        ) : null}
      </form>
    </section>
  );
}
