/** One analyzed sample: key measures, charts, findings and duplicate examples. */
import type { ReportSample } from '../../api/domain';
import { ChartFigure } from '../../components/chart-figure';
import { formatDate, percent } from '../../format';
import { clusterSpec, dateSpec, diversitySpec, labelSpec } from './chart-specs';
import { DuplicateExamples } from './duplicate-examples';
import { diversityReference } from './reference';

/** The sample section of a report. */
export function SampleAnalysis({ sample, index }: { sample: ReportSample; index: number }) {
  const id = `sample-${index}`;
  const name = sample.fileName ?? `Sample ${index + 1}`;
  const { duplicates, diversity, synthetic, labels, freshness, provenance, contamination, pii } =
    sample;
  return (
    <section class="card sample" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {name}
        {sample.role ? <span class="muted"> ({sample.role})</span> : null}
      </h3>
      <dl class="stats">
        <Stat label="Records" value={sample.input.records.toLocaleString('en')} />
        <Stat label="Exact duplicates" value={percent(duplicates.exactRate)} />
        <Stat label="Near duplicates" value={percent(duplicates.nearRate)} />
        <Stat label="Estimated machine-generated" value={`${percent(synthetic.estimatedShare)}`} />
        <Stat label="Machine-text markers" value={percent(synthetic.markerRate)} />
        <Stat label="Provenance complete" value={percent(provenance.completeness)} />
        <Stat label="Records with personal data" value={percent(pii.recordShare)} />
        {freshness ? (
          <Stat
            label="Dates"
            value={`${formatDate(freshness.oldest)} – ${formatDate(freshness.newest)}`}
          />
        ) : null}
        {contamination ? (
          <Stat label="Holdout overlap" value={percent(contamination.overlapRate)} />
        ) : null}
      </dl>
      <p class="small muted">
        Fields used: {describeFields(sample.input.fields)}. Method for the machine-generated
        estimate: {synthetic.method}
      </p>
      <div class="chart-grid">
        {labels ? (
          <ChartFigure
            id={`${id}-labels`}
            title="Label distribution"
            summary={`${Object.keys(labels.classes).length} classes; rare: ${labels.rareClasses.join(', ') || 'none'}; label conflicts in duplicates ${percent(labels.conflictRate)}.`}
            spec={labelSpec(labels)}
          />
        ) : null}
        {duplicates.clusters.length ? (
          <ChartFigure
            id={`${id}-clusters`}
            title="Duplicate-cluster sizes"
            summary={`${duplicates.clusters.length} clusters; the largest holds ${Math.max(...duplicates.clusters.map((c) => c.size))} records.`}
            spec={clusterSpec(duplicates.clusters)}
          />
        ) : (
          <p class="chart-empty card">
            <strong>Duplicate-cluster sizes:</strong> no duplicate clusters found.
          </p>
        )}
        <ChartFigure
          id={`${id}-diversity`}
          title="Diversity against a reference"
          summary={`Distinct word pairs ${percent(diversity.distinct2)} vs ${percent(diversityReference.distinct2)} in human-written reference text; compression ratio ${diversity.compressionRatio.toFixed(2)}.`}
          spec={diversitySpec(diversity)}
        />
        {freshness?.histogram?.length ? (
          <ChartFigure
            id={`${id}-dates`}
            title="Records by creation month"
            summary={`From ${formatDate(freshness.oldest)} to ${formatDate(freshness.newest)}; median age ${Math.round(freshness.medianAgeDays)} days.`}
            spec={dateSpec(freshness.histogram)}
          />
        ) : null}
      </div>
      {sample.findings.length ? (
        <>
          <h4>Findings</h4>
          <ul class="findings">
            {sample.findings.map((f) => (
              <li key={f.id} class={`finding severity-${f.severity}`}>
                <span class="severity">{f.severity}</span> {f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <DuplicateExamples sample={sample} />
    </section>
  );
}

function describeFields(fields: object): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([role, value]) => `${role}: ${Array.isArray(value) ? value.join(' + ') : String(value)}`)
    .join('; ');
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
