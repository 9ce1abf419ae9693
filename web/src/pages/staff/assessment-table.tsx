/** A table of assessments: vendor, dataset, status, due date, risk. Shared by list pages. */
import type { Assessment } from '../../api/types';
import { DueDate, StatusBadge, TierBadge } from '../../components/badges';
import { Link } from '../../router';

/** Renders assessments as rows; `caption` names the table for screen readers. */
export function AssessmentTable({ items, caption }: { items: Assessment[]; caption: string }) {
  return (
    <table class="data assessments">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Vendor</th>
          <th scope="col">Dataset</th>
          <th scope="col">Status</th>
          <th scope="col">Due</th>
          <th scope="col">Risk</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              <Link href={`/assessments/${encodeURIComponent(a.id)}`}>{a.vendor.name}</Link>
              <div class="muted small">{a.vendor.contactEmail}</div>
            </th>
            <td>{a.dataset.name}</td>
            <td>
              <StatusBadge status={a.status} />
            </td>
            <td>
              <DueDate dueAt={a.dueAt} status={a.status} />
            </td>
            <td>
              <TierBadge tier={a.report?.tier} score={a.report?.score} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
