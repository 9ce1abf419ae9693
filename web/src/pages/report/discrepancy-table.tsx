/** Claims the vendor made next to what the sample shows, with the tolerance applied. */
import type { Discrepancy } from '../../api/domain';
import { displayValue } from '../../format';

/** The claims-vs-evidence table. */
export function DiscrepancyTable(props: {
  discrepancies: Discrepancy[];
  prompts: Map<string, string>;
}) {
  const { discrepancies, prompts } = props;
  return (
    <section class="card" aria-labelledby="claims-heading">
      <h3 id="claims-heading">Claims vs evidence</h3>
      {discrepancies.length === 0 ? (
        <p class="empty">No claim is contradicted by the analyzed samples.</p>
      ) : (
        <table class="data claims">
          <caption class="visually-hidden">Claims the samples contradict</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Claimed</th>
              <th scope="col">Measured</th>
              <th scope="col">Tolerance</th>
              <th scope="col">Finding</th>
            </tr>
          </thead>
          <tbody>
            {discrepancies.map((d) => (
              <tr key={d.questionId + d.message}>
                <th scope="row">{prompts.get(d.questionId) ?? 'A claim'}</th>
                <td>{displayValue(d.claimed)}</td>
                <td>{displayValue(d.measured)}</td>
                <td>
                  ± {d.tolerance} {d.unit}
                </td>
                <td class="prose">
                  <span aria-hidden="true">⚠ </span>
                  {d.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
