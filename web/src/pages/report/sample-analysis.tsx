/** One analyzed sample: key measures, charts, findings and duplicate examples. */
import { imageFacts, imageMeasures } from '../../../../functions/core/report/image-words';
import { isMethodNote, plainText } from '../../../../functions/core/report/plain-words';
import type { ReportSample } from '../../api/domain';
import { ChartFigure } from '../../components/chart-figure';
import { formatDate, percent } from '../../format';
import { clusterSpec, dateSpec, diversitySpec, labelSpec } from './chart-specs';
import { DuplicateExamples } from './duplicate-examples';
import { ImageSection } from './image-section';
import { diversityReference } from './reference';

/** A sample's name: its file (older reports kept none: then its role). */
export function sampleName(sample: ReportSample, index: number): string {
  return sample.file?.fileName ?? sample.fileName ?? `Sample ${index + 1}`;
}

/**
 * The sample section of a report: the file (name, SHA-256) in the heading, buyer measures
 * (machine-made, recycled, source, personal data), then the method under "How this was measured".
 */
export function SampleAnalysis({
  sample,
  index,
  assessmentId,
}: {
  sample: ReportSample;
  index: number;
  /** The report's assessment: with the sample's id, where its image thumbnails come from. */
  assessmentId?: string;
}) {
  const id = `sample-${index}`;
  const name = sampleName(sample, index);
  const { duplicates, diversity, synthetic, labels, freshness, contamination, images } = sample;
  const findings = sample.findings.filter((f) => !isMethodNote(f));
  const methodNotes = sample.findings.filter(isMethodNote);
  return (
    <section class="card sample" aria-labelledby={`${id}-heading`} data-testid="report-sample">
      <h3 id={`${id}-heading`}>
        {name}
        {sample.role ? <span class="muted"> ({sample.role} sample)</span> : null}
      </h3>
      {sample.file ? (
        <p class="small muted">
          Uploaded {formatDate(sample.file.uploadedAt)} · SHA-256{' '}
          <code class="hash" data-testid="sample-sha256">
            {sample.file.sha256 || 'not recorded'}
          </code>
        </p>
      ) : null}
      {images ? (
        <>
          <dl class="stats" data-testid="sample-measures">
            {imageMeasures(imageFacts(images)).map((m) => (
              <Stat key={m.label} label={m.label} value={m.value} />
            ))}
            {contamination ? (
              <Stat
                label="Holdout images also in training"
                value={percent(contamination.overlapRate)}
              />
            ) : null}
          </dl>
          <ImageSection
            images={images}
            source={
              assessmentId && sample.file?.sampleId
                ? { assessmentId, sampleId: sample.file.sampleId }
                : null
            }
          />
        </>
      ) : (
        <TextMeasures sample={sample} />
      )}
      <div class="chart-grid">
        {labels ? (
          <ChartFigure
            id={`${id}-labels`}
            title="Label distribution"
            summary={
              images
                ? `${Object.keys(labels.classes).length} labels, as the archive's list of images gives them.`
                : `${Object.keys(labels.classes).length} classes; rare: ${labels.rareClasses.join(', ') || 'none'}; label conflicts in duplicates ${percent(labels.conflictRate)}.`
            }
            spec={labelSpec(labels)}
          />
        ) : null}
        {images ? null : duplicates.clusters.length ? (
          <ChartFigure
            id={`${id}-clusters`}
            title="Groups of copied records"
            summary={`${duplicates.clusters.length} groups; the largest holds ${Math.max(...duplicates.clusters.map((c) => c.size))} records.`}
            spec={clusterSpec(duplicates.clusters)}
          />
        ) : (
          <p class="chart-empty card">
            <strong>Groups of copied records:</strong> none found.
          </p>
        )}
        {freshness?.histogram?.length ? (
          <ChartFigure
            id={`${id}-dates`}
            title="Records by creation month"
            summary={`From ${formatDate(freshness.oldest)} to ${formatDate(freshness.newest)}; median age ${Math.round(freshness.medianAgeDays)} days.`}
            spec={dateSpec(freshness.histogram)}
          />
        ) : null}
      </div>
      {findings.length ? (
        <>
          <h4>Findings</h4>
          <ul class="findings">
            {findings.map((f) => (
              <li key={f.id} class={`finding severity-${f.severity}`}>
                <span class="severity">{f.severity}</span> {plainText(f.message)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {images ? null : <DuplicateExamples sample={sample} />}
      <details class="method" data-testid="how-measured">
        <summary>How this was measured</summary>
        {images ? (
          <p class="small">
            Declared AI-made: {synthetic.method}. Copies: {images.duplicates.method}
          </p>
        ) : (
          <>
            <p class="small">
              Fields used: {describeFields(sample.input.fields)}. Machine-made estimate:{' '}
              {synthetic.method}
            </p>
            <ChartFigure
              id={`${id}-diversity`}
              title="Diversity against a reference"
              summary={`Distinct word pairs (distinct-2) ${percent(diversity.distinct2)} vs ${percent(diversityReference.distinct2)} in human-written reference text; compression ratio ${diversity.compressionRatio.toFixed(2)}; MATTR ${diversity.mattr.toFixed(2)}.`}
              spec={diversitySpec(diversity)}
            />
          </>
        )}
        <ul class="small">
          {methodNotes.map((f) => (
            <li key={f.id}>{f.message}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function describeFields(fields: object): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([role, value]) => `${role}: ${Array.isArray(value) ? value.join(' + ') : String(value)}`)
    .join('; ');
}

/** The measures of a text sample: records, machine-made estimate, copies, sources, personal data. */
function TextMeasures({ sample }: { sample: ReportSample }) {
  const { duplicates, synthetic, freshness, provenance, contamination, pii } = sample;
  return (
    <dl class="stats" data-testid="sample-measures">
      <Stat label="Records" value={sample.input.records.toLocaleString('en')} />
      <Stat label="Machine-made (estimate)" value={percent(synthetic.estimatedShare)} />
      <Stat label="Recycled: near copies" value={percent(duplicates.nearRate)} />
      <Stat label="Recycled: exact copies" value={percent(duplicates.exactRate)} />
      <Stat label="Records with machine-text phrases" value={percent(synthetic.markerRate)} />
      <Stat label="Records with a recorded source" value={percent(provenance.completeness)} />
      <Stat label="Records with personal data" value={percent(pii.recordShare)} />
      {freshness ? (
        <Stat
          label="Dates"
          value={`${formatDate(freshness.oldest)} – ${formatDate(freshness.newest)}`}
        />
      ) : null}
      {contamination ? (
        <Stat label="Holdout records also in training" value={percent(contamination.overlapRate)} />
      ) : null}
    </dl>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
