/** The assessment page's spot-check panel: start one (governance, admin) and list earlier ones. */
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { listSpotChecks, startSpotCheck } from '../../api/spot-checks';
import { ErrorBanner } from '../../components/feedback';
import { Field } from '../../components/field';
import { useAsync } from '../../components/use-async';
import { formatDateTime, percent } from '../../format';
import { Link, navigate } from '../../router';
import { ImageSpotCheckNote } from '../report/image-assessment';
import { sizeProblem, spotCheckDefaultSize } from './spot-check-model';

/**
 * Lists the assessment's spot-checks; `canStart` shows the size input and the Start button, except
 * for an archive of `images`, which has no text to read (the panel says where to look instead).
 */
export function SpotCheckStart(props: {
  assessmentId: string;
  canStart: boolean;
  images?: boolean;
}) {
  const { assessmentId, canStart, images } = props;
  const offerStart = canStart && !images;
  const list = useAsync(() => listSpotChecks(assessmentId).then((r) => r.items), [assessmentId]);
  const [size, setSize] = useState(String(spotCheckDefaultSize));
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [working, setWorking] = useState(false);
  const local = checked ? sizeProblem(size) : undefined;
  const serverField = error instanceof ApiError ? error.fieldErrors().size : undefined;
  const href = (spotCheckId: string) =>
    `/assessments/${encodeURIComponent(assessmentId)}/spot-checks/${encodeURIComponent(spotCheckId)}`;

  const start = async (event: Event) => {
    event.preventDefault();
    setChecked(true);
    if (sizeProblem(size)) {
      document.getElementById('spot-size')?.focus();
      return;
    }
    setError(undefined);
    setWorking(true);
    try {
      const created = await startSpotCheck(assessmentId, Number(size));
      navigate(href(created.spotCheckId));
    } catch (e) {
      setError(e);
      setWorking(false);
    }
  };

  const items = list.data ?? [];
  return (
    <section class="card stack" aria-labelledby="spot-heading" data-testid="spot-checks">
      <h2 id="spot-heading">Reviewer spot-check</h2>
      {images ? (
        <ImageSpotCheckNote />
      ) : (
        <p class="small">
          A person reads a stratified random draw of the sample's records, one at a time, and tags
          each machine-made, human or can't tell. The result is the report's strongest evidence on
          machine text short of a count.
        </p>
      )}
      <ErrorBanner error={list.error} />
      {items.length > 0 ? (
        <ul class="small">
          {items.map((c) => (
            <li key={c.spotCheckId} data-testid="spot-check-item">
              {formatDateTime(c.createdAt)}, {c.size} records:{' '}
              {c.status === 'finished' && c.result ? (
                <>
                  about {percent(c.result.share)} machine-made ({percent(c.result.interval[0])}–
                  {percent(c.result.interval[1])}).{' '}
                  <Link href={href(c.spotCheckId)}>See the result</Link>
                </>
              ) : (
                <>
                  {c.tagged} of {c.size} tagged.{' '}
                  {canStart ? (
                    <Link href={href(c.spotCheckId)}>Continue the spot-check</Link>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {offerStart ? (
        <form class="inline" onSubmit={start} noValidate>
          <Field
            id="spot-size"
            label="Records to review"
            hint="100 by default; more narrows the result's range."
            error={local ?? serverField}
          >
            <input
              id="spot-size"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={size}
              aria-describedby={`spot-size-hint${(local ?? serverField) ? ' spot-size-error' : ''}`}
              aria-invalid={(local ?? serverField) ? 'true' : undefined}
              onInput={(e) => setSize(e.currentTarget.value)}
            />
          </Field>
          <button type="submit" class="button" disabled={working}>
            Start a spot-check
          </button>
        </form>
      ) : null}
      {offerStart ? <ErrorBanner error={serverField ? undefined : error} /> : null}
    </section>
  );
}
