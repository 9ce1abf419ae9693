/** The scored report: score, tier, maturity, factors, claims vs evidence, samples, versions. */
import { useMemo } from 'preact/hooks';
import type { ScoredReport, Template } from '../../api/domain';
import type { ReportVersion } from '../../api/types';
import { TierBadge } from '../../components/badges';
import { ChartFigure } from '../../components/chart-figure';
import { formatDateTime, tierLabel } from '../../format';
import { factorSpec, maturitySpec } from './chart-specs';
import { type ClaimCheckView, DiscrepancyTable } from './discrepancy-table';
import { ReferenceNote, UnusableSampleWarning } from './evidence-warnings';
import { FactorTable } from './factor-table';
import { FingerprintMatches } from './fingerprint-matches';
import { FrameworkPanel } from './framework-panel';
import { MaturityEvidence } from './maturity-evidence';
import { ReportDownloads } from './report-downloads';
import { ReportHeadline } from './report-headline';
import { ReportVersions } from './report-versions';
import { SampleAnalysis } from './sample-analysis';
import { SinceLastDelivery } from './since-last-delivery';
import { SourceTable } from './source-table';
import { labelMap, questionMap, questionTitles, useScoringMethod } from './vocabulary';

/** Renders one report; `template` supplies question prompts where available. */
export function ReportView(props: {
  report: ScoredReport;
  /** Every stored version, fetched together with the report (see `report-loader.ts`). */
  versions: ReportVersion[];
  template: Template | null;
  assessmentId: string;
}) {
  const { report, versions, template, assessmentId } = props;
  const prompts = useMemo(() => questionTitles(template), [template]);
  const questions = useMemo(() => questionMap(template), [template]);
  const method = useScoringMethod();
  const labels = useMemo(() => labelMap(method.data), [method.data]);
  const headline = {
    labels,
    critical: new Set(method.data?.rubric.filter((d) => d.critical).map((d) => d.id)),
    questionTitles: prompts,
  };
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
          {versions.length > 1 ? (
            <details>
              <summary>Earlier versions ({versions.length - 1})</summary>
              <ul>
                {versions.map((v) => (
                  <li key={v.version}>
                    Version {v.version}, {formatDateTime(v.generatedAt)}: score{' '}
                    {Math.round(v.score)}, {tierLabel(v.tier).toLowerCase()}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      </div>

      <ReportHeadline report={report} ctx={headline} />

      <div class="chart-grid">
        <ChartFigure
          id="chart-factors"
          title="Risk factor breakdown"
          summary={`${factors.length} factors add up to ${Math.round(total)} points (the score is capped at 100).`}
          spec={factorSpec(factors, labels)}
        />
        <ChartFigure
          id="chart-maturity"
          title="Maturity by dimension"
          summary={report.maturity.dimensions
            .map((d) => `${labels.get(d.id) ?? 'Dimension'}: level ${d.level}`)
            .join('; ')}
          spec={maturitySpec(report.maturity.dimensions, labels)}
        />
      </div>

      <ReportDownloads assessmentId={assessmentId} version={report.version} />
      <SinceLastDelivery comparison={report.sinceLastDelivery} />
      <FactorTable factors={factors} labels={labels} />
      <DiscrepancyTable
        discrepancies={report.discrepancies}
        claimChecks={(report as { claimChecks?: ClaimCheckView[] }).claimChecks}
        prompts={prompts}
        questions={questions}
      />
      <ReferenceNote report={report} />
      <FingerprintMatches report={report} assessmentId={assessmentId} />
      <SourceTable samples={report.samples} />
      <MaturityEvidence report={report} template={template} labels={labels} />
      <FrameworkPanel assessmentId={assessmentId} version={report.version} />
      <ReportVersions
        assessmentId={assessmentId}
        current={report.version}
        versions={versions}
        prompts={prompts}
        questions={questions}
      />
      {report.samples.length === 0 ? (
        <p class="empty">
          No sample was analyzed for this report; a missing sample carries risk of its own.
        </p>
      ) : (
        report.samples.map((sample, i) => (
          <SampleAnalysis
            key={sample.sampleId ?? i}
            sample={sample}
            index={i}
            assessmentId={assessmentId}
          />
        ))
      )}
    </div>
  );
}
