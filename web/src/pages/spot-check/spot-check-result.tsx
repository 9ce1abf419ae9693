/** A finished spot-check's result: the share and its range in plain words, the method behind a disclosure. */
import type { RefObject } from 'preact';
import type { SpotCheck } from '../../api/spot-checks';
import { formatDateTime } from '../../format';
import { resultWords } from './spot-check-model';

/** The result card; `headingRef` lets the page move focus to it when the check finishes. */
export function SpotCheckResult(props: {
  check: SpotCheck;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const { check, headingRef } = props;
  if (!check.result) {
    return <p class="empty">This spot-check has no result yet.</p>;
  }
  const words = resultWords(check.result);
  return (
    <section class="card stack" aria-labelledby="spot-result-heading" data-testid="spot-result">
      <h2 id="spot-result-heading" tabIndex={-1} ref={headingRef}>
        Result
      </h2>
      <p class="lead" data-testid="spot-result-share">
        {words.share}
      </p>
      <p>{words.range}</p>
      <p class="small">{words.counts}</p>
      <p class="small muted">
        Finished {formatDateTime(check.finishedAt)}. The assessment's report now uses this result as
        reviewed evidence.
      </p>
      <details>
        <summary>How this was measured</summary>
        <p class="small prose">{check.result.method}</p>
      </details>
    </section>
  );
}
