/** Governance review queue: submitted assessments, highest risk first. */
import { listAllAssessments } from '../../api/staff';
import { DueDate, TierBadge } from '../../components/badges';
import { ErrorBanner, Loading } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { formatDateTime } from '../../format';
import { Link } from '../../router';
import { byRiskDescending } from './portfolio-model';

/** The review queue. */
export function GovernancePage() {
  const queue = useAsync(
    () => listAllAssessments('submitted').then((items) => items.sort(byRiskDescending)),
    [],
  );
  return (
    <>
      <h1>Review queue</h1>
      <p class="lead">Submitted assessments waiting for a decision, highest collapse risk first.</p>
      <ErrorBanner error={queue.error} onRetry={queue.reload} />
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data && queue.data.length === 0 ? (
        <p class="empty">Nothing is waiting for review.</p>
      ) : null}
      {queue.data?.length ? (
        <table class="data queue">
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
              <th scope="col">Submitted</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((a) => (
              <tr key={a.id}>
                <td class="num">{a.report ? Math.round(a.report.score) : '—'}</td>
                <td>
                  <TierBadge tier={a.report?.tier} />
                </td>
                <th scope="row">
                  <Link href={`/assessments/${encodeURIComponent(a.id)}`}>
                    {a.vendor.name}: {a.dataset.name}
                  </Link>
                </th>
                <td>{formatDateTime(a.submittedAt)}</td>
                <td>
                  <DueDate dueAt={a.dueAt} status={a.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
