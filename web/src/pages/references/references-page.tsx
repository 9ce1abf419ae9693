/** The organization's reference library: known-human and known-machine samples that calibrate machine-text estimates. */
import { useEffect, useState } from 'preact/hooks';
import { deleteReference, listReferences, type ReferenceInfo } from '../../api/references';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { formatDateTime } from '../../format';
import { formatBytes, isFinal, sampleStatusLabel } from '../vendor/sample-model';
import { MachineReferenceHowTo } from './machine-reference-howto';
import { ReferenceForm } from './reference-form';
import { kindLabel, kindOf } from './reference-kind';
import { ReferenceReadField } from './reference-read-field';

/** How often the list refreshes while a reference is being uploaded or analyzed. */
const pollMs = 2000;

/** Upload, name, describe, follow and delete reference samples. */
export function ReferencesPage() {
  const list = useAsync(() => listReferences().then((r) => r.items), []);
  const [error, setError] = useState<unknown>(undefined);
  const busy = (list.data ?? []).some((r) => !isFinal(r.status));

  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(list.reload, pollMs);
    return () => clearTimeout(timer);
  }, [busy, list.data]);

  const remove = async (r: ReferenceInfo) => {
    setError(undefined);
    try {
      await deleteReference(r.referenceId);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1>Reference samples</h1>
      <p class="lead">
        Records your organization knows were written by people, from the same domain as the data you
        buy (for example your own support tickets from before AI tools). Attached to an assessment,
        a reference calibrates the machine-text estimate of the vendor's sample; without one, that
        estimate is a screening value only. Add known-machine references too, written by the models
        you suspect, and the estimate fits both.
      </p>
      <ReferenceForm onUploaded={list.reload} />
      <MachineReferenceHowTo />
      <section aria-labelledby="library-heading" class="stack">
        <h2 id="library-heading">Library</h2>
        <ErrorBanner error={error ?? list.error} onRetry={list.error ? list.reload : undefined} />
        {list.loading && !list.data ? <Loading what="Loading the library" /> : null}
        {list.data && list.data.length === 0 ? (
          <p class="empty">No reference samples yet.</p>
        ) : null}
        <ul class="samples">
          {(list.data ?? []).map((r) => (
            <ReferenceRow
              key={r.referenceId}
              reference={r}
              onDelete={() => remove(r)}
              onChanged={list.reload}
            />
          ))}
        </ul>
      </section>
    </>
  );
}

function ReferenceRow({
  reference: r,
  onDelete,
  onChanged,
}: {
  reference: ReferenceInfo;
  onDelete: () => void;
  onChanged: () => void;
}) {
  const uses = r.attachedTo.length;
  return (
    <li
      class="card sample-row"
      data-status={r.status}
      data-kind={kindOf(r)}
      data-testid="reference-row"
    >
      <div class="title-row">
        <h3 class="inline-heading">{r.name}</h3>
        <span class={`badge reference-kind kind-${kindOf(r)}`} data-testid="reference-kind">
          {kindLabel(r)}
        </span>
        <span class={`sample-status status-${r.status}`} role="status">
          {sampleStatusLabel(r.status)}
        </span>
      </div>
      {r.description ? <p class="prose">{r.description}</p> : null}
      {r.error ? <p class="error-text">{r.error}</p> : null}
      <p class="small muted">
        {r.fileName} ({formatBytes(r.sizeBytes)})
        {r.summary ? `, ${r.summary.records.toLocaleString('en')} records` : ''}, added{' '}
        {formatDateTime(r.createdAt)} by {r.createdBy}.{' '}
        {uses === 0
          ? 'Not attached to any assessment.'
          : `Attached to ${uses} assessment${uses === 1 ? '' : 's'}.`}
      </p>
      <ReferenceReadField reference={r} onChanged={onChanged} />
      <button
        type="button"
        class="button secondary small"
        onClick={onDelete}
        disabled={uses > 0}
        title={uses > 0 ? 'Detach it from its assessments first' : undefined}
        aria-label={`Delete ${r.name}`}
      >
        Delete
      </button>
    </li>
  );
}
