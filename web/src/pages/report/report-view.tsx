/** The scored report: score, tier, maturity, factors, claims vs evidence, samples, versions. */
import { useMemo } from 'preact/hooks';
import type { ScoredReport, Template } from '../../api/domain';
import { listReports } from '../../api/staff';
import { TierBadge } from '../../components/badges';
import { ChartFigure } from '../../components/chart-figure';
import { useAsync } from '../../components/use-async';
import { displayValue, formatDateTime, humanize } from '../../format';
import { factorSpec, maturitySpec } from './chart-specs';
import { type ClaimCheckView, DiscrepancyTable } from './discrepancy-table';
import { ReferenceNote, UnusableSampleWarning } from './evidence-warnings';
import { FactorTable } from './factor-table';
import { SampleAnalysis } from './sample-analysis';

/** Renders one report; `template` supplies question prompts where available. */
export function ReportView(props: {
  report: ScoredReport;
  template: Template | null;
  assessmentId: string;
}) {
  const { report, template, assessmentId } = props;
  const prompts = useMemo(() => {
    const map = new Map<string, string>();
    for (const q of template?.sections.flatMap((s) => s.questions) ?? []) map.set(q.id, q.prompt);
    return map;
  }, [template]);
  const versions = useAsync(
    () => listReports(assessmentId).then((r) => r.items),
    [assessmentId, report.sha256],
  );
  const factors = report.risk.factors;
  const total = factors.reduce((sum, f) => sum + f.points, 0);

  return (
    <div class="report stack">
      <UnusableSampleWarning report={report} />
      <div class="score-row">
        <div class="score card">
          <p class="score-label">Collapse-risk score</p>
          <p class="score-value" data-testid="risk-score">
            {Math.round(report.risk.score)}
            <span class="muted"> / 100</span>
          </p>
          <TierBadge tier={report.risk.tier} />
        </div>
        <div class="score card">
          <p class="score-label">Maturity</p>
          <p class="score-value">
            {report.maturity.level}
            <span class="muted"> / 4</span>
          </p>
          <p class="muted small">The weakest critical dimension caps the overall level.</p>
        </div>
        <div class="card meta">
          <p>
            Report version {report.version}, generated {formatDateTime(report.generatedAt)} with
            policy version {report.policyVersion}.
          </p>
          <p class="small">
            SHA-256 <code class="hash">{report.sha256}</code>
          </p>
          {versions.data && versions.data.length > 1 ? (
            <details>
              <summary>Earlier versions ({versions.data.length - 1})</summary>
              <ul>
                {versions.data.map((v) => (
                  <li key={v.version}>
                    Version {v.version}, {formatDateTime(v.generatedAt)}: score{' '}
                    {Math.round(v.score)}, {v.tier}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      </div>

      <div class="chart-grid">
        <ChartFigure
          id="chart-factors"
          title="Risk factor breakdown"
          summary={`${factors.length} factors add up to ${Math.round(total)} points (the score is capped at 100).`}
          spec={factorSpec(factors)}
        />
        <ChartFigure
          id="chart-maturity"
          title="Maturity by dimension"
          summary={report.maturity.dimensions
            .map((d) => `${humanize(d.id)}: level ${d.level}`)
            .join('; ')}
          spec={maturitySpec(report.maturity.dimensions)}
        />
      </div>

      <FactorTable factors={factors} />
      <DiscrepancyTable
        discrepancies={report.discrepancies}
        claimChecks={(report as { claimChecks?: ClaimCheckView[] }).claimChecks}
        prompts={prompts}
      />
      <ReferenceNote report={report} />
      <MaturityEvidence report={report} prompts={prompts} />
      {report.samples.length === 0 ? (
        <p class="empty">
          No sample was analyzed for this report; a missing sample carries risk of its own.
        </p>
      ) : (
        report.samples.map((sample, i) => (
          <SampleAnalysis key={sample.sampleId ?? i} sample={sample} index={i} />
        ))
      )}
    </div>
  );
}

function MaturityEvidence({
  report,
  prompts,
}: {
  report: ScoredReport;
  prompts: Map<string, string>;
}) {
  return (
    <section class="card" aria-labelledby="maturity-heading">
      <details>
        <summary>
          <h3 id="maturity-heading" class="inline-heading">
            Maturity evidence by dimension
          </h3>
        </summary>
        {report.maturity.dimensions.map((d) => (
          <table class="data evidence" key={d.id}>
            <caption>
              {humanize(d.id)}: level {d.level} of 4
            </caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
                <th scope="col">Requirement</th>
                <th scope="col">Met</th>
              </tr>
            </thead>
            <tbody>
              {d.evidence.map((e) => (
                <tr key={`${e.questionId}-${e.requirement}`}>
                  <th scope="row">{prompts.get(e.questionId) ?? e.questionId}</th>
                  <td class="prose">{displayValue(e.answer)}</td>
                  <td>
                    {e.requirement}
                    {e.note ? <div class="muted small">{e.note}</div> : null}
                  </td>
                  <td>{e.met ? '✔ Met' : '✖ Not met'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </details>
    </section>
  );
}
