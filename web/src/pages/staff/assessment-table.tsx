/** A table of assessments: vendor, dataset, status, vendor progress, last activity, due date, risk. */
import type { Template } from '../../api/domain';
import type { Assessment } from '../../api/types';
import { DueDate, StatusBadge } from '../../components/badges';
import { TableScroll } from '../../components/table-scroll';
import { formatDateTime } from '../../format';
import { Link } from '../../router';
import { progress } from './list-model';
import { ListRisk } from './list-risk';

/** Renders assessments as rows; `caption` names the table for screen readers. */
export function AssessmentTable(props: {
  items: Assessment[];
  caption: string;
  templates: Template[];
}) {
  const { items, caption, templates } = props;
  const byId = new Map(templates.map((t) => [t.id, t]));
  return (
    <TableScroll label={caption}>
      <table class="data assessments card-rows">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            <th scope="col">Dataset</th>
            <th scope="col">Status</th>
            <th scope="col">Vendor progress</th>
            <th scope="col">Last activity</th>
            <th scope="col">Due</th>
            <th scope="col">Risk</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const p = progress(a, byId.get(a.templateId));
            return (
              <tr key={a.id}>
                <th scope="row">
                  <Link href={`/assessments/${encodeURIComponent(a.id)}`}>{a.vendor.name}</Link>
                  <div class="muted small">{a.vendor.contactEmail}</div>
                </th>
                <td data-label="Dataset">
                  {a.dataset.name}
                  {a.previousAssessmentId ? (
                    <div class="small">
                      <span class="badge reassessment">Re-assessment</span>{' '}
                      <Link href={`/assessments/${encodeURIComponent(a.previousAssessmentId)}`}>
                        original
                      </Link>
                    </div>
                  ) : null}
                </td>
                <td data-label="Status">
                  <StatusBadge status={a.status} />
                </td>
                <td data-label="Vendor progress" class="progress-text">
                  {a.status === 'draft' ? 'Not invited' : `${p.answered} of ${p.required} required`}
                </td>
                <td data-label="Last activity">
                  <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt)}</time>
                </td>
                <td data-label="Due">
                  <DueDate dueAt={a.dueAt} status={a.status} />
                </td>
                <td data-label="Risk">
                  <ListRisk status={a.status} tier={a.report?.tier} score={a.report?.score} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
