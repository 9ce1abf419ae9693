/** The organization's fingerprint library: known corpora matched against vendors' samples. */
import { useEffect, useState } from 'preact/hooks';
import { deletePack, listPacks, type PackInfo } from '../../api/fingerprints';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { PackForm } from './pack-form';

/** How often the list refreshes while a pack is uploading or building. */
const pollMs = 2000;

const statusLabel: Record<PackInfo['status'], string> = {
  awaiting_upload: 'Awaiting upload',
  building: 'Building',
  ready: 'Ready',
  failed: 'Refused',
};

const kindLabel: Record<PackInfo['kind'], string> = {
  synthetic: 'Synthetic corpus',
  eval: 'Evaluation set',
  echo: 'Your model outputs',
};

/** Upload, build, follow and delete fingerprint packs; built-in packs are listed read-only. */
export function FingerprintsPage() {
  const list = useAsync(() => listPacks().then((r) => r.items), []);
  const [error, setError] = useState<unknown>(undefined);
  const busy = (list.data ?? []).some(
    (p) => p.status === 'awaiting_upload' || p.status === 'building',
  );

  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(list.reload, pollMs);
    return () => clearTimeout(timer);
  }, [busy, list.data]);

  const remove = async (p: PackInfo) => {
    setError(undefined);
    try {
      await deletePack(p.packId);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1>Fingerprint packs</h1>
      <p class="lead">
        Hash-only fingerprints of known corpora. A match is measured evidence: records of a vendor's
        sample that copy a public machine-written corpus, your own evaluation questions, or your own
        model's outputs. Packs apply to every assessment through the scoring policy, or to one
        assessment when attached there.
      </p>
      <PackForm onUploaded={list.reload} />
      <section aria-labelledby="packs-heading" class="stack">
        <h2 id="packs-heading">Library</h2>
        <ErrorBanner error={error ?? list.error} onRetry={list.error ? list.reload : undefined} />
        {list.loading && !list.data ? <Loading what="Loading the packs" /> : null}
        {list.data && list.data.length === 0 ? (
          <p class="empty">No fingerprint packs yet.</p>
        ) : null}
        <ul class="samples">
          {(list.data ?? []).map((p) => (
            <PackRow key={p.packId} pack={p} onDelete={() => remove(p)} />
          ))}
        </ul>
      </section>
    </>
  );
}

function PackRow({ pack: p, onDelete }: { pack: PackInfo; onDelete: () => void }) {
  const uses = p.attachedTo.length;
  return (
    <li class="card sample-row" data-status={p.status} data-testid="pack-row">
      <div class="title-row">
        <h3 class="inline-heading">{p.name}</h3>
        <span class={`sample-status status-${p.status}`} role="status">
          {statusLabel[p.status]}
        </span>
      </div>
      <p class="small">
        {kindLabel[p.kind]}
        {p.keyed ? ', keyed' : ''}
        {p.builtin ? ', built in' : ''}
        {p.records !== null ? `, ${p.records.toLocaleString('en')} records` : ''}.{' '}
        <code>{p.packId}</code>
      </p>
      {p.builtin ? (
        <p class="small muted">
          Source: {p.origin}. Licence: {p.licence}.
        </p>
      ) : null}
      {p.error ? <p class="error-text">{p.error}</p> : null}
      {p.builtin ? null : (
        <>
          <p class="small muted">
            {p.fileName}, added by {p.createdBy}.{' '}
            {uses === 0
              ? 'Not attached to any assessment.'
              : `Attached to ${uses} assessment${uses === 1 ? '' : 's'}.`}
          </p>
          <button
            type="button"
            class="button secondary small"
            onClick={onDelete}
            disabled={uses > 0}
            title={uses > 0 ? 'Detach it from its assessments first' : undefined}
            aria-label={`Delete ${p.name}`}
          >
            Delete
          </button>
        </>
      )}
    </li>
  );
}
