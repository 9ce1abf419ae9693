/** The attach control of an assessment: which library reference calibrates its machine-text estimate. */
import { useState } from 'preact/hooks';
import { attachReference, detachReference, listReferences } from '../../api/references';
import { ErrorBanner } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router';
import { ImageReferenceNote } from '../report/image-assessment';
import { MachineReferenceAttach } from './machine-reference-attach';
import { kindOf } from './reference-kind';

/**
 * Shows the attached reference and lets procurement or governance attach, change or detach it. For
 * an archive of `images` (no text to calibrate) it says so and offers only Detach of what is attached.
 */
export function ReferenceAttach(props: {
  assessmentId: string;
  readOnly: boolean;
  images?: boolean;
  onChange: () => void;
}) {
  const { assessmentId, readOnly, images, onChange } = props;
  const list = useAsync(() => listReferences().then((r) => r.items), [assessmentId]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [working, setWorking] = useState(false);
  const all = list.data ?? [];
  const library = all.filter((r) => kindOf(r) === 'human');
  const attached = library.find((r) => r.attachedTo.some((x) => x.assessmentId === assessmentId));
  const options = library.filter((r) => r.referenceId !== attached?.referenceId);

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
    <section class="card stack" aria-labelledby="reference-heading">
      <h2 id="reference-heading">Reference samples</h2>
      {images ? <ImageReferenceNote /> : null}
      {images && !attached ? null : (
        <>
          <h3 class="inline-heading">Known-human</h3>
          <p class="small" data-testid="attached-reference">
            {attached ? (
              <>
                Attached: <strong>{attached.name}</strong>
                {attached.status === 'analyzed' ? '.' : ` (${attached.status.replace('_', ' ')}).`}
              </>
            ) : (
              'No reference attached: the machine-text estimate is a screening value only.'
            )}
          </p>
        </>
      )}
      <ErrorBanner error={error ?? list.error} />
      {readOnly ? null : images ? (
        attached ? (
          <button
            type="button"
            class="button secondary small"
            disabled={working}
            onClick={() => run(() => detachReference(assessmentId))}
          >
            Detach {attached.name}
          </button>
        ) : null
      ) : library.length === 0 && !list.loading ? (
        <p class="small">
          Your library has no known-human reference.{' '}
          <Link href="/references">Add a reference sample</Link> first.
        </p>
      ) : (
        <div class="inline">
          <label for="reference-choice">{attached ? 'Use instead' : 'Attach'}</label>
          <select
            id="reference-choice"
            value={choice}
            onChange={(e) => setChoice(e.currentTarget.value)}
          >
            <option value="">Choose a reference…</option>
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
            onClick={() => run(() => attachReference(assessmentId, choice))}
          >
            Attach
          </button>
          {attached ? (
            <button
              type="button"
              class="button secondary small"
              disabled={working}
              onClick={() => run(() => detachReference(assessmentId))}
            >
              Detach
            </button>
          ) : null}
        </div>
      )}
      <MachineReferenceAttach
        assessmentId={assessmentId}
        library={all.filter((r) => kindOf(r) === 'machine')}
        loading={list.loading}
        readOnly={readOnly}
        images={images}
        onChange={() => {
          list.reload();
          onChange();
        }}
      />
    </section>
  );
}
