/** Known-machine references of an assessment: several may be attached beside the human one. */
import { useState } from 'preact/hooks';
import {
  attachMachineReference,
  detachMachineReference,
  type ReferenceInfo,
} from '../../api/references';
import { ErrorBanner } from '../../components/feedback';
import { Link } from '../../router';
import { sampleStatusLabel } from '../vendor/sample-model';

/**
 * Lists the attached machine references with a Detach each, and attaches more from the library;
 * for an archive of `images` only what is attached shows (with Detach), nothing to attach.
 */
export function MachineReferenceAttach(props: {
  assessmentId: string;
  /** The library's machine references. */
  library: ReferenceInfo[];
  loading: boolean;
  readOnly: boolean;
  images?: boolean;
  onChange: () => void;
}) {
  const { assessmentId, library, loading, readOnly, images, onChange } = props;
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [working, setWorking] = useState(false);
  const isAttached = (r: ReferenceInfo) =>
    r.attachedTo.some((x) => x.assessmentId === assessmentId);
  const attached = library.filter(isAttached);
  const options = library.filter((r) => !isAttached(r));

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    setWorking(true);
    try {
      await action();
      setChoice('');
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setWorking(false);
    }
  };

  if (images && attached.length === 0) return null;
  return (
    <div class="stack" data-testid="machine-references">
      <h3 class="inline-heading">Known-machine</h3>
      {attached.length === 0 ? (
        <p class="small" data-testid="attached-machine-none">
          No machine reference attached: the estimate rests on the human reference alone (or on the
          style model when there is none).
        </p>
      ) : (
        <ul class="small machine-list">
          {attached.map((r) => (
            <li key={r.referenceId} data-testid="attached-machine-reference">
              <strong>{r.name}</strong> (written by {r.generator ?? 'an unnamed model'}
              {r.status === 'analyzed' ? '' : `; ${sampleStatusLabel(r.status).toLowerCase()}`})
              {readOnly ? null : (
                <>
                  {' '}
                  <button
                    type="button"
                    class="button secondary small"
                    disabled={working}
                    aria-label={`Detach ${r.name}`}
                    onClick={() => run(() => detachMachineReference(assessmentId, r.referenceId))}
                  >
                    Detach
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorBanner error={error} />
      {readOnly || images ? null : library.length === 0 && !loading ? (
        <p class="small">
          No known-machine reference in your library.{' '}
          <Link href="/references">How to make one</Link>.
        </p>
      ) : options.length > 0 ? (
        <div class="inline">
          <label for="machine-reference-choice">Attach a machine reference</label>
          <select
            id="machine-reference-choice"
            value={choice}
            onChange={(e) => setChoice(e.currentTarget.value)}
          >
            <option value="">Choose a machine reference…</option>
            {options.map((r) => (
              <option key={r.referenceId} value={r.referenceId}>
                {r.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="button small"
            disabled={!choice || working}
            onClick={() => run(() => attachMachineReference(assessmentId, choice))}
          >
            Attach machine reference
          </button>
        </div>
      ) : null}
    </div>
  );
}
