/** After a decision: what was recorded, and the next assessment of the queue with the same filters. */
import { listAllAssessments } from '../../api/staff';
import type { Assessment } from '../../api/types';
import { TierBadge } from '../../components/badges';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { Link } from '../../router';
import { nextInQueue, queueFiltersFrom, queueSearch } from './queue-model';

/**
 * The notice shown once governance has decided `current`: a link to the next undecided
 * assessment in the queue's order under the filters in `search` (the URL's query), or back to
 * the queue when nothing else waits.
 */
export function NextInQueue({ current, search }: { current: Assessment; search: string }) {
  const filters = queueFiltersFrom(search);
  const keep = queueSearch(filters);
  const queue = useAsync(() => listAllAssessments('submitted'), [current.id]);
  const next = queue.data ? nextInQueue(queue.data, current, filters) : null;
  return (
    <section
      class="card banner banner-success next-in-queue"
      aria-labelledby="next-heading"
      data-testid="next-in-queue"
    >
      <h2 id="next-heading">Decision recorded</h2>
      <ErrorBanner error={queue.error} onRetry={queue.reload} />
      {queue.loading && !queue.data ? <Loading what="Finding the next in the queue" /> : null}
      {queue.data && next ? (
        <p class="inline">
          <Link class="button" href={`/assessments/${encodeURIComponent(next.id)}${keep}`}>
            Next in queue
          </Link>
          <span>
            {next.vendor.name}: {next.dataset.name}{' '}
            <TierBadge tier={next.report?.tier} score={next.report?.score} />
          </span>
        </p>
      ) : null}
      {queue.data && !next ? (
        <p>Nothing else waits for a decision{keep ? ' under these filters' : ''}.</p>
      ) : null}
      <p>
        <Link href={`/governance${keep}`}>Back to the review queue</Link>
      </p>
    </section>
  );
}
