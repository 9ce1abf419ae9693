/** Governance's summary-and-decide panel at the top of a submitted assessment. */
import { useMemo } from 'preact/hooks';
import type { ScoredReport, Template } from '../../api/domain';
import type { Assessment } from '../../api/types';
import { TierBadge } from '../../components/badges';
import { labelMap, questionTitles, useScoringMethod } from '../report/vocabulary';
import { decideLines } from './decide-model';
import { DecisionForm } from './decision-form';

/**
 * Score, tier, maturity and the few most telling lines of the report, then the decision form, so
 * a reviewer decides without scrolling past the whole report. `report` is null while loading.
 */
export function DecidePanel(props: {
  assessment: Assessment;
  report: ScoredReport | null | undefined;
  template: Template | null;
  onDone: () => void;
}) {
  const { assessment: a, report, template, onDone } = props;
  const method = useScoringMethod();
  const labels = useMemo(() => labelMap(method.data), [method.data]);
  const titles = useMemo(() => questionTitles(template), [template]);
  const lines = report ? decideLines(report, { labels, questionTitles: titles }, 3) : [];
  const summary = a.report;
  return (
    <div class="decide-panel stack" data-testid="decide-panel">
      <section class="card decide-summary" aria-labelledby="decide-heading">
        <h2 id="decide-heading">At a glance</h2>
        {summary ? (
          <p class="decide-scores">
            <span>
              Collapse risk <strong>{Math.round(summary.score)}</strong> of 100
            </span>{' '}
            <TierBadge tier={summary.tier} />{' '}
            <span>
              · Maturity <strong>{summary.maturity}</strong> of 4
            </span>
          </p>
        ) : (
          <p class="empty">Not scored yet: read the answers before deciding.</p>
        )}
        {lines.length ? (
          <ul class="decide-lines" data-testid="decide-lines">
            {lines.map((l) => (
              <li key={l.text} class={`decide-line decide-${l.kind}`}>
                {l.text}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <DecisionForm assessment={a} template={template} onDone={onDone} />
      <p class="small">
        <a href="#report-heading">Read the full report</a> ·{' '}
        <a href="#answers-heading">the vendor’s answers</a>
      </p>
    </div>
  );
}
