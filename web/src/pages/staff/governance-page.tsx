/** Governance review queue: submitted assessments, highest risk first, with URL-kept filters and waiting time. */
import { useState } from 'preact/hooks';
import { listAllAssessments } from '../../api/staff';
import type { Tier } from '../../api/types';
import { DueDate, TierBadge } from '../../components/badges';
import { ErrorBanner, Loading } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAsync } from '../../components/use-async';
import { formatDateTime, tierLabel } from '../../format';
import { Link, navigate } from '../../router';
import {
  isQueueFiltered,
  type QueueFilters,
  queueFiltersFrom,
  queueRows,
  queueSearch,
  timeInQueue,
} from './queue-model';

const tiers: Tier[] = ['critical', 'high', 'moderate', 'low'];

/** The review queue. */
export function GovernancePage() {
  const queue = useAsync(() => listAllAssessments('submitted'), []);
  const [f, setFilters] = useState<QueueFilters>(() => queueFiltersFrom(window.location.search));
  // Filters live in the URL (replaced, not pushed), so reload and back keep them.
  const setF = (next: QueueFilters) => {
    setFilters(next);
    navigate(`${window.location.pathname}${queueSearch(next)}`, true);
  };
  const rows = queueRows(queue.data ?? [], f);
  const filtered = isQueueFiltered(f);
  // Each assessment link carries the filters: its "next in queue" follows the same ones.
  const search = queueSearch(f);
  return (
    <>
      <h1>Review queue</h1>
      <p class="lead">Submitted assessments waiting for a decision, highest collapse risk first.</p>
      <search class="filters">
        <div class="field">
          <label for="queue-search">Search vendor or dataset</label>
          <input
            id="queue-search"
            type="search"
            value={f.q}
            onInput={(e) => setF({ ...f, q: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="queue-tier">Risk tier</label>
          <select
            id="queue-tier"
            value={f.tier}
            onChange={(e) => setF({ ...f, tier: e.currentTarget.value as Tier | '' })}
          >
            <option value="">Every tier</option>
            {tiers.map((t) => (
              <option key={t} value={t}>
                {tierLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-waiting">Waiting</label>
          <select
            id="queue-waiting"
            value={f.waiting}
            onChange={(e) => setF({ ...f, waiting: e.currentTarget.value as '' | 'week' })}
          >
            <option value="">Any time</option>
            <option value="week">More than a week</option>
          </select>
        </div>
      </search>
      <ErrorBanner error={queue.error} onRetry={queue.reload} />
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data && rows.length === 0 ? (
        <p class="empty">
          {filtered
            ? 'No submitted assessment matches these filters.'
            : 'Nothing is waiting for review.'}
        </p>
      ) : null}
      {rows.length ? (
        <TableScroll label="Review queue">
          <table class="data queue card-rows">
            <caption class="visually-hidden">
              Review queue sorted by risk score, highest first
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  Risk score
                </th>
                <th scope="col">Tier</th>
                <th scope="col">Vendor and dataset</th>
                <th scope="col">In queue</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td class="num">{a.report ? Math.round(a.report.score) : '—'}</td>
                  <td>
                    <TierBadge tier={a.report?.tier} />
                  </td>
                  <th scope="row">
                    <Link href={`/assessments/${encodeURIComponent(a.id)}${search}`}>
                      {a.vendor.name}: {a.dataset.name}
                    </Link>
                    {a.previousAssessmentId ? (
                      <span class="badge reassessment">Re-assessment</span>
                    ) : null}
                  </th>
                  <td>
                    {timeInQueue(a.submittedAt)}
                    <div class="muted small">since {formatDateTime(a.submittedAt)}</div>
                  </td>
                  <td>
                    <DueDate dueAt={a.dueAt} status={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
