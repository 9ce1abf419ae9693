/** The attach control of an assessment: which library packs are matched against its samples. */
import { useState } from 'preact/hooks';
import { attachPack, detachPack, listPacks } from '../../api/fingerprints';
import { ErrorBanner } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router';

/** Lists attached packs and lets procurement or governance attach or detach library packs. */
export function PackAttach(props: {
  assessmentId: string;
  readOnly: boolean;
  onChange: () => void;
}) {
  const { assessmentId, readOnly, onChange } = props;
  const list = useAsync(() => listPacks().then((r) => r.items), [assessmentId]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [working, setWorking] = useState(false);
  const library = (list.data ?? []).filter((p) => !p.builtin);
  const attached = library.filter((p) => p.attachedTo.some((x) => x.assessmentId === assessmentId));
  const options = library.filter((p) => !attached.includes(p) && p.status !== 'failed');

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    setWorking(true);
    try {
      await action();
      setChoice('');
      list.reload();
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setWorking(false);
    }
  };

  return (
    <section class="card stack" aria-labelledby="packs-attach-heading">
      <h2 id="packs-attach-heading">Fingerprint packs</h2>
      <p class="small">
        Packs named in the scoring policy apply to every assessment; these are matched against this
        one too.
      </p>
      <ul class="small" data-testid="attached-packs">
        {attached.length === 0 ? <li>None attached.</li> : null}
        {attached.map((p) => (
          <li key={p.packId}>
            <strong>{p.name}</strong> ({p.kind}
            {p.status === 'ready' ? '' : `, ${p.status.replace('_', ' ')}`}){' '}
            {readOnly ? null : (
              <button
                type="button"
                class="button secondary small"
                disabled={working}
                onClick={() => run(() => detachPack(assessmentId, p.packId))}
              >
                Detach
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorBanner error={error ?? list.error} />
      {readOnly ? null : options.length === 0 && !list.loading ? (
        <p class="small">
          No other pack to attach. <Link href="/fingerprints">Add a fingerprint pack</Link>.
        </p>
      ) : (
        <div class="inline">
          <label for="pack-choice">Attach</label>
          <select
            id="pack-choice"
            value={choice}
            onChange={(e) => setChoice(e.currentTarget.value)}
          >
            <option value="">Choose a pack…</option>
            {options.map((p) => (
              <option key={p.packId} value={p.packId}>
                {p.name} ({p.kind})
              </option>
            ))}
          </select>
          <button
            type="button"
            class="button small"
            disabled={!choice || working}
            onClick={() => run(() => attachPack(assessmentId, choice))}
          >
            Attach pack
          </button>
        </div>
      )}
    </section>
  );
}
