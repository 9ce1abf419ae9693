/** Every risk factor with its points, reason, source and remediation. */
import { plainText } from '../../../../functions/core/report/plain-words';
import type { RiskFactor } from '../../api/domain';
import { TableScroll } from '../../components/table-scroll';
import { humanize } from '../../format';
import { plainWords } from './vocabulary';

const sourceLabels: Record<RiskFactor['source'], string> = {
  answer: 'Answer',
  sample: 'Sample',
  discrepancy: 'Claim vs sample',
  missing: 'Missing or unknown',
};

/** The factor list, largest first. */
export function FactorTable(props: { factors: RiskFactor[]; labels?: Map<string, string> }) {
  const { factors, labels = new Map<string, string>() } = props;
  const sorted = [...factors].sort((a, b) => b.points - a.points);
  return (
    <section class="card" aria-labelledby="factors-heading">
      <h3 id="factors-heading">Risk factors</h3>
      {sorted.length === 0 ? (
        <p class="empty">No risk factors.</p>
      ) : (
        <TableScroll label="Risk factors, largest first">
          {/* On a phone each factor becomes a card of labelled lines (card-rows): nothing scrolls sideways. */}
          <table class="data factors card-rows">
            <caption class="visually-hidden">Risk factors, largest first</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  Points
                </th>
                <th scope="col">Factor</th>
                <th scope="col">Source</th>
                <th scope="col">Reason</th>
                <th scope="col">Remediation</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((f) => (
                <tr key={f.id}>
                  <td class="num" data-label="Points">
                    {formatPoints(f.points)}
                  </td>
                  <th scope="row">{labels.get(f.id) ?? humanize(f.id)}</th>
                  <td data-label="Source">
                    <span class={`source source-${f.source}`}>
                      {sourceLabels[f.source] ?? f.source}
                    </span>
                  </td>
                  <td class="prose" data-label="Reason">
                    {plainWords(plainText(f.reason), labels)}
                  </td>
                  <td class="prose" data-label="Remediation">
                    {f.remediation ? plainWords(plainText(f.remediation), labels) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}
