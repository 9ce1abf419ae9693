/** Admin policy page: every setting with its explanation, validation, preview, versions. */
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { getPolicy, listPolicyVersions, previewPolicy, putPolicy } from '../../api/staff';
import type { PolicyInput, PolicyPreview } from '../../api/staff-types';
import { MeContext } from '../../auth';
import { ErrorBanner, Loading, Notice } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { formatDateTime } from '../../format';
import { labelMap, plainWords, useScoringMethod } from '../report/vocabulary';
import { PassportSharing } from './passport-sharing';
import { changedKeys, groups, type PolicyValues, parseValues, valuesOf } from './policy-model';
import { PreviewTable } from './policy-preview';
import { PolicySaveConfirm } from './policy-save-confirm';
import { PolicyVersions } from './policy-versions';
import { type SettingChange, settingChanges } from './preview-model';
import { ReassessmentSchedule } from './reassessment-schedule';
import { keepSchedule } from './schedule-model';
import { SettingField } from './setting-field';

/** The `/policy` page; only admins can change the policy, everyone else reads it. */
export function PolicyPage() {
  const me = useContext(MeContext);
  const canEdit = me?.role === 'admin';
  const policy = useAsync(getPolicy, []);
  const method = useScoringMethod();
  const [tick, setTick] = useState(0);
  const versions = useAsync(() => listPolicyVersions().then((r) => r.items), [tick]);
  const labels = useMemo(() => labelMap(method.data), [method.data]);
  const [values, setValues] = useState<PolicyValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [preview, setPreview] = useState<PolicyPreview | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<{
    input: PolicyInput;
    changes: SettingChange[];
    preview: PolicyPreview;
  } | null>(null);

  useEffect(() => {
    if (policy.data) setValues(valuesOf(policy.data));
  }, [policy.data]);

  if ((policy.loading && !policy.data) || (method.loading && !method.data))
    return <Loading what="Loading the policy" />;
  if (!policy.data || !method.data || !values)
    return <ErrorBanner error={policy.error ?? method.error} onRetry={policy.reload} />;
  const view = policy.data;
  const docs = method.data.policyDocs;
  const changed = new Set(changedKeys(values, view));

  /** The typed values parsed, or null with each bad field marked. */
  const parse = (): PolicyInput | null => {
    const parsed = parseValues(values);
    setErrors(parsed.errors);
    setSaved('');
    setFailure(undefined);
    return Object.keys(parsed.errors).length ? null : parsed.input;
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors('policy'));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () => {
    const input = parse();
    setConfirm(null);
    if (input) run(async () => setPreview(await previewPolicy(input)));
  };
  // Saving first shows what changes and how many assessments move tier, and asks why.
  const askToSave = () => {
    const input = parse();
    if (!input) return;
    run(async () => {
      const proposed = await previewPolicy(input);
      setPreview(proposed);
      setConfirm({ input, changes: settingChanges(input, view), preview: proposed });
    });
  };
  const save = (reason: string) => {
    const input = confirm?.input;
    if (!input) return;
    setFailure(undefined);
    run(async () => {
      const stored = await putPolicy(keepSchedule(input, view), view.version, reason);
      setSaved(`Saved as version ${stored.version}. New reports use it from now on.`);
      setConfirm(null);
      setPreview(null);
      policy.reload();
      setTick((n) => n + 1);
    });
  };

  return (
    <>
      <h1>Scoring policy</h1>
      <p class="lead">
        Version {view.version}
        {view.updatedBy
          ? `, saved by ${view.updatedBy} on ${formatDateTime(view.updatedAt)}`
          : ' (the built-in default)'}
        . Each report records the policy version it was scored with.
        {canEdit ? '' : ' Only administrators can change it.'}
      </p>
      {view.reason ? <p class="prose">Why: {view.reason}</p> : null}
      <ErrorBanner error={failure} />
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <form class="stack" onSubmit={(e) => e.preventDefault()} noValidate>
        {groups.map((g) => {
          const groupError = errors[g.id];
          return (
            <fieldset class="card policy-group" key={g.id}>
              <legend>{g.title}</legend>
              <p class="hint">{g.intro}</p>
              {groupError ? (
                <p class="error-text" id={`policy-${g.id}-error`}>
                  {plainWords(groupError, labels)}
                </p>
              ) : null}
              <div class="settings">
                {docs[g.id].map((d) => (
                  <SettingField
                    key={d.key}
                    id={`policy-${g.id}-${d.key}`}
                    label={labels.get(d.key) ?? 'Setting'}
                    reason={plainWords(d.reason, labels)}
                    defaultValue={d.default}
                    value={values[g.id][d.key] ?? ''}
                    changed={changed.has(`${g.id}.${d.key}`)}
                    error={
                      errors[`${g.id}.${d.key}`] &&
                      plainWords(errors[`${g.id}.${d.key}`] ?? '', labels)
                    }
                    readOnly={!canEdit}
                    onInput={(v) => {
                      setConfirm(null);
                      setValues({ ...values, [g.id]: { ...values[g.id], [d.key]: v } });
                    }}
                  />
                ))}
              </div>
            </fieldset>
          );
        })}
        {canEdit ? (
          <div class="inline sticky-actions">
            <button type="button" class="button secondary" disabled={busy} onClick={showPreview}>
              Preview the effect
            </button>
            <button
              type="button"
              class="button"
              disabled={busy || changed.size === 0}
              onClick={askToSave}
            >
              Save as version {view.version + 1}
            </button>
            <span class="muted">
              {changed.size
                ? `${changed.size} setting${changed.size === 1 ? '' : 's'} changed`
                : 'No changes yet'}
            </span>
          </div>
        ) : null}
      </form>
      {confirm ? (
        <PolicySaveConfirm
          nextVersion={view.version + 1}
          changes={confirm.changes}
          labels={labels}
          preview={confirm.preview}
          busy={busy}
          error={errors.reason && plainWords(errors.reason, labels)}
          onConfirm={save}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
      {preview ? <PreviewTable preview={preview} /> : null}
      <ReassessmentSchedule
        view={view}
        canEdit={canEdit}
        onSaved={() => {
          policy.reload();
          setTick((n) => n + 1);
        }}
      />
      <PassportSharing
        view={view}
        canEdit={canEdit}
        onSaved={() => {
          policy.reload();
          setTick((n) => n + 1);
        }}
      />
      <PolicyVersions items={versions.data ?? []} labels={labels} />
    </>
  );
}
