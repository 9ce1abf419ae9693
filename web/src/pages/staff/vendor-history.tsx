/** "This vendor's other assessments": the per-vendor history on an assessment's page. */
import { getVendorHistory } from '../../api/staff';
import { StatusBadge } from '../../components/badges';
import { ErrorBanner } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAsync } from '../../components/use-async';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { ListRisk } from './list-risk';

const decided = { approve: 'Approved', reject: 'Rejected', request_changes: 'Changes requested' };

/** The other assessments of the same vendor (name or contact e-mail), newest first. */
export function VendorHistory({ id, refresh }: { id: string; refresh: number }) {
  const history = useAsync(() => getVendorHistory(id), [id, refresh]);
  const items = history.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="vendor-history-heading">
      <h2 id="vendor-history-heading">This vendor's other assessments</h2>
      <ErrorBanner error={history.error} onRetry={history.reload} />
      {history.data && items.length === 0 ? (
        <p class="empty">None: this is the first assessment of {history.data.vendor.name}.</p>
      ) : null}
      {items.length ? (
        <TableScroll label="Other assessments of this vendor">
          <table class="data vendor-history">
            <caption class="visually-hidden">
              Other assessments of {history.data?.vendor.name}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
                <th scope="col">Risk</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    <Link href={`/assessments/${encodeURIComponent(x.id)}`}>{x.datasetName}</Link>
                    {x.archived ? <span class="badge archived">Archived</span> : null}
                  </th>
                  <td>
                    <StatusBadge status={x.status} />
                  </td>
                  <td>{formatDate(x.dueAt)}</td>
                  <td>
                    <ListRisk status={x.status} tier={x.tier} score={x.score} />
                  </td>
                  <td>
                    {x.decision
                      ? `${decided[x.decision.decision]}, ${formatDate(x.decision.at)}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
