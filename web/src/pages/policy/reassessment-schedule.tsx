/** The policy page's "Re-assessment schedule": days per risk tier and whether to create or propose. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { putPolicy } from '../../api/staff';
import type { PolicyView } from '../../api/staff-types';
import { ErrorBanner, Notice } from '../../components/feedback';
import { describedBy, Field } from '../../components/field';
import { tierLabel } from '../../format';
import {
  parseSchedule,
  type ScheduleValues,
  scheduleChanged,
  scheduleOf,
  scheduleTiers,
  scheduleValues,
  suggestedDays,
  withSchedule,
} from './schedule-model';

const modeWords = {
  propose:
    'Propose each one to procurement first: nothing goes to the vendor until someone starts it from the portfolio.',
  create:
    'Create each one at once: the prefilled re-assessment is made and the vendor invited by e-mail on the due date.',
} as const;

/** The schedule section; admins edit it and save it as a new policy version with a reason. */
export function ReassessmentSchedule(props: {
  view: PolicyView;
  canEdit: boolean;
  onSaved: (version: number) => void;
}) {
  const { view, canEdit, onSaved } = props;
  const stored = scheduleOf(view);
  const [values, setValues] = useState<ScheduleValues>(scheduleValues(stored));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(scheduleValues(scheduleOf(view))), [view]);
  const changed = scheduleChanged(values, stored);

  const save = async () => {
    const parsed = parseSchedule(values);
    const next = { ...parsed.errors };
    if (!reason.trim()) next.reason = 'Say why the schedule changes: the version history shows it.';
    setErrors(next);
    setSaved('');
    setFailure(undefined);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const result = await putPolicy(
        withSchedule(view, parsed.schedule),
        view.version,
        reason.trim(),
      );
      setSaved(`Saved as version ${result.version}.`);
      setReason('');
      onSaved(result.version);
    } catch (error) {
      if (error instanceof ApiError) {
        const reasonError = error.fieldErrors().reason;
        setErrors({
          ...error.fieldErrors('policy.reassessment'),
          ...(reasonError ? { reason: reasonError } : {}),
        });
      }
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const on = scheduleTiers.some((t) => stored.cadenceDays[t] !== null);
  return (
    <section class="card" aria-labelledby="schedule-heading" data-testid="reassessment-schedule">
      <h2 id="schedule-heading">Re-assessment schedule</h2>
      <p class="hint">
        How long after an approval each dataset is assessed again, by the risk tier of its report.
        Leave a tier empty to never re-assess it on a schedule.{' '}
        {on ? '' : 'No tier is scheduled yet.'}
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
        <div class="settings">
          {scheduleTiers.map((t) => {
            const id = `schedule-${t}`;
            const error = errors[`cadenceDays.${t}`];
            const hint = `Days between re-assessments; suggested ${suggestedDays[t]}.`;
            return (
              <div class={error ? 'field setting has-error' : 'field setting'} key={t}>
                <label for={id}>{tierLabel(t)}: every … days</label>
                <input
                  id={id}
                  type="text"
                  inputMode="numeric"
                  value={values.days[t]}
                  placeholder="No schedule"
                  readOnly={!canEdit}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={describedBy(id, hint, error)}
                  onInput={(e) =>
                    setValues({ ...values, days: { ...values.days, [t]: e.currentTarget.value } })
                  }
                />
                {error ? (
                  <p class="error-text" id={`${id}-error`}>
                    <span aria-hidden="true">✖ </span>
                    {error}
                  </p>
                ) : null}
                <p class="hint" id={`${id}-hint`}>
                  {hint}
                </p>
              </div>
            );
          })}
        </div>
        <fieldset>
          <legend>When one is due</legend>
          {(['propose', 'create'] as const).map((m) => (
            <div class="choice" key={m}>
              <input
                type="radio"
                id={`schedule-mode-${m}`}
                name="schedule-mode"
                value={m}
                checked={values.mode === m}
                disabled={!canEdit}
                onChange={() => setValues({ ...values, mode: m })}
              />
              <label for={`schedule-mode-${m}`}>{modeWords[m]}</label>
            </div>
          ))}
          {errors.mode ? <p class="error-text">{errors.mode}</p> : null}
        </fieldset>
        {canEdit ? (
          <>
            <Field
              id="schedule-reason"
              label="Why the schedule changes"
              error={errors.reason}
              required
            >
              <textarea
                id="schedule-reason"
                rows={2}
                value={reason}
                aria-invalid={errors.reason ? 'true' : undefined}
                aria-describedby={describedBy('schedule-reason', undefined, errors.reason)}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </Field>
            <div class="inline">
              <button type="submit" class="button" disabled={busy || !changed}>
                {busy ? 'Saving…' : `Save the schedule as version ${view.version + 1}`}
              </button>
              <span class="muted">{changed ? 'Schedule changed' : 'No changes yet'}</span>
            </div>
          </>
        ) : null}
      </form>
    </section>
  );
}
