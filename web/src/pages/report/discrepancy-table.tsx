/** Claims the vendor made next to what the sample shows, with the tolerance applied and how strong the evidence is. */
import { plainText } from '../../../../functions/core/report/plain-words';
import type { Discrepancy, Question } from '../../api/domain';
import { TableScroll } from '../../components/table-scroll';
import { displayValue, percent } from '../../format';
import { evidenceWords } from './evidence-words';
import { answerText } from './vocabulary';

/** A discrepancy, with the evidence strength the scoring adds when it has one. */
export type CheckedDiscrepancy = Discrepancy & { evidence?: string };

/** One claim check of the report (`claimChecks`), when the scoring provides them. */
export interface ClaimCheckView {
  questionId: string;
  claimed: unknown;
  measured: number;
  lowerBound?: number;
  status: string;
  evidence?: string;
  message: string;
}

/** A measurement with its unit: shares as percentages, percentage points as "%", days as days. */
export function measuredText(d: Pick<Discrepancy, 'measured' | 'unit'>): string {
  if (typeof d.measured !== 'number') return displayValue(d.measured);
  if (d.unit === 'share') return percent(d.measured);
  if (d.unit === 'days') return `${d.measured} days`;
  return `${Math.round(d.measured * 10) / 10} %`;
}

/** A small badge naming the evidence strength, with its explanation as a tooltip and for screen readers. */
export function EvidenceBadge({ strength }: { strength: string | undefined }) {
  if (!strength) return <span class="muted">—</span>;
  const { label, explain } = evidenceWords(strength);
  return (
    <span class={`badge evidence evidence-${strength}`} title={explain}>
      {label}
      <span class="visually-hidden">: {explain}</span>
    </span>
  );
}

/** The claims-vs-evidence table, then the claims the evidence could not settle. */
export function DiscrepancyTable(props: {
  discrepancies: CheckedDiscrepancy[];
  claimChecks?: ClaimCheckView[];
  prompts: Map<string, string>;
  /** Questions by id: claimed answers read as option labels and units. */
  questions?: Map<string, Question>;
}) {
  const { discrepancies, prompts } = props;
  const claimed = (id: string, v: unknown) => answerText(props.questions?.get(id), v);
  const unverified = (props.claimChecks ?? []).filter((c) => c.status === 'unverified');
  const withEvidence = discrepancies.some((d) => d.evidence);
  return (
    <section class="card" aria-labelledby="claims-heading">
      <h3 id="claims-heading">Claims vs evidence</h3>
      {discrepancies.length === 0 ? (
        <p class="empty">No claim is contradicted by the analyzed samples.</p>
      ) : (
        <TableScroll label="Claims the samples contradict">
          {/* On a phone each claim becomes a card of labelled lines (card-rows): nothing scrolls sideways. */}
          <table class="data claims card-rows">
            <caption class="visually-hidden">Claims the samples contradict</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Claimed</th>
                <th scope="col">Measured</th>
                <th scope="col">Tolerance</th>
                {withEvidence ? <th scope="col">Evidence</th> : null}
                <th scope="col">Finding</th>
              </tr>
            </thead>
            <tbody>
              {discrepancies.map((d) => (
                <tr key={d.questionId + d.message}>
                  <th scope="row">{prompts.get(d.questionId) ?? 'A claim'}</th>
                  <td data-label="Claimed">{claimed(d.questionId, d.claimed)}</td>
                  <td data-label="Measured">{measuredText(d)}</td>
                  <td data-label="Tolerance">
                    ± {d.tolerance} {d.unit}
                  </td>
                  {withEvidence ? (
                    <td data-label="Evidence">
                      <EvidenceBadge strength={d.evidence} />
                    </td>
                  ) : null}
                  <td class="prose" data-label="Finding">
                    <span aria-hidden="true">⚠ </span>
                    {plainText(d.message)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {unverified.length > 0 ? (
        <UnverifiedClaims checks={unverified} prompts={prompts} claimed={claimed} />
      ) : null}
    </section>
  );
}

function UnverifiedClaims({
  checks,
  prompts,
  claimed,
}: {
  checks: ClaimCheckView[];
  prompts: Map<string, string>;
  claimed: (id: string, v: unknown) => string;
}) {
  return (
    <div class="stack" data-testid="unverified-claims">
      <h4>Unverified claims</h4>
      <p class="small">
        The evidence leans against these claims but is too weak to contradict them; they are not
        counted as contradictions.
      </p>
      <TableScroll label="Claims the evidence could not settle">
        {/* On a phone each claim becomes a card of labelled lines (card-rows): nothing scrolls sideways. */}
        <table class="data claims card-rows">
          <caption class="visually-hidden">Claims the evidence could not settle</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Claimed</th>
              <th scope="col">Estimate</th>
              <th scope="col">Evidence</th>
              <th scope="col">Why unverified</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.questionId + c.message}>
                <th scope="row">
                  {prompts.get(c.questionId) ?? c.questionId}
                  <div class="muted small">{c.questionId}</div>
                </th>
                <td>{claimed(c.questionId, c.claimed)}</td>
                <td>
                  {displayValue(c.measured)}
                  {c.lowerBound !== undefined ? (
                    <div class="muted small">at least {displayValue(c.lowerBound)}</div>
                  ) : null}
                </td>
                <td>
                  <EvidenceBadge strength={c.evidence} />
                </td>
                <td class="prose">{plainText(c.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
