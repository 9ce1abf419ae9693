/** The top of the report: a one-sentence summary, evidence warnings, findings by severity. */
import type { ScoredReport } from '../../api/domain';
import { Notice } from '../../components/feedback';
import {
  evidenceWarnings,
  type HeadlineContext,
  rankedFindings,
  summarySentence,
} from './headline-model';

const severityWords = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Note',
} as const;

/** Renders the headline; `ctx` carries the labels people read instead of ids. */
export function ReportHeadline({ report, ctx }: { report: ScoredReport; ctx: HeadlineContext }) {
  const warnings = evidenceWarnings(report, ctx);
  const findings = rankedFindings(report);
  const shown = findings.filter((f) => f.severity !== 'info');
  return (
    <section class="card headline" aria-labelledby="headline-heading">
      <h3 id="headline-heading">In short</h3>
      <p class="summary" data-testid="report-summary">
        {summarySentence(report, ctx)}
      </p>
      {warnings.length ? (
        <Notice kind="warning">
          <p>
            <strong>Weak or broken evidence:</strong> read the scores with care.
          </p>
          <ul data-testid="evidence-warnings">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {shown.length ? (
        <>
          <h4>Findings, most severe first</h4>
          <ul class="findings" data-testid="ranked-findings">
            {shown.map((f, i) => (
              <li key={`${f.role}-${f.id}-${i}`} class={`finding severity-${f.severity}`}>
                <span class="severity">{severityWords[f.severity]}</span>{' '}
                {f.role === 'holdout' ? '(holdout) ' : ''}
                {f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
