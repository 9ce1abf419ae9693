/** How the organization's current assessments would score under the proposed policy. */
import type { PolicyPreview } from '../../api/staff-types';
import { TableScroll } from '../../components/table-scroll';
import { tierLabel } from '../../format';
import { Link } from '../../router';
import { rowDetails, tierMoves } from './preview-model';

/** The preview table, biggest moves first. */
export function PreviewTable({ preview }: { preview: PolicyPreview }) {
  const details = rowDetails(preview.items);
  const rows = [...preview.items].sort(
    (a, b) =>
      Math.abs(b.proposed.score - b.current.score) - Math.abs(a.proposed.score - a.current.score),
  );
  const moved = tierMoves(preview);
  return (
    <section class="card" aria-labelledby="preview-heading" data-testid="policy-preview">
      <h2 id="preview-heading">Effect on current assessments</h2>
      {rows.length === 0 ? (
        <p class="empty">No scored assessment yet, so nothing would move.</p>
      ) : (
        <>
          <p>
            {rows.length} scored assessment{rows.length === 1 ? '' : 's'}; {moved} would change
            tier. Nothing is saved until you save the policy.
            {preview.truncated ? ' Only the newest 100 are shown.' : ''}
          </p>
          <TableScroll label="Scores now and under the proposed policy">
            <table class="data">
              <caption class="visually-hidden">Scores now and under the proposed policy</caption>
              <thead>
                <tr>
                  <th scope="col">Vendor and dataset</th>
                  <th scope="col">Now</th>
                  <th scope="col">Proposed</th>
                  <th scope="col" class="num">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const delta = Math.round(r.proposed.score) - Math.round(r.current.score);
                  return (
                    <tr key={r.assessmentId}>
                      <th scope="row">
                        <Link href={`/assessments/${encodeURIComponent(r.assessmentId)}`}>
                          {r.vendorName}: {r.datasetName}
                        </Link>
                        {details.get(r.assessmentId) ? (
                          <div class="muted small" data-testid="preview-row-detail">
                            {details.get(r.assessmentId)}
                          </div>
                        ) : null}
                      </th>
                      <td>
                        {Math.round(r.current.score)} · {tierLabel(r.current.tier)}
                      </td>
                      <td>
                        {Math.round(r.proposed.score)} · {tierLabel(r.proposed.tier)}
                        {r.proposed.tier !== r.current.tier ? (
                          <strong> (tier changes)</strong>
                        ) : null}
                      </td>
                      <td class="num">{delta > 0 ? `+${delta}` : delta === 0 ? '±0' : delta}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
