/**
 * The short summary of an analyzed sample on the vendor's upload list. A text sample shows its
 * records, copies and machine-made estimate with the fields the analyzer read; an archive of
 * images shows its image measures instead (records, fields and the estimate do not apply).
 */
import { imageMeasures } from '../../../../functions/core/report/image-words';
import type { SampleInfo } from '../../api/types';
import { percent } from '../../format';
import { MalformedLines } from './malformed-lines';
import { mappingOf } from './sample-model';

type Summary = NonNullable<SampleInfo['summary']>;

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The measures of one analyzed sample, for text or for images. */
export function SampleSummary({ summary }: { summary: Summary }) {
  if (summary.images)
    return (
      <dl class="stats" data-testid="sample-summary">
        {imageMeasures(summary.images).map((m) => (
          <Stat key={m.label} label={m.label} value={m.value} />
        ))}
      </dl>
    );
  const detected = mappingOf(summary.fields);
  return (
    <>
      <dl class="stats" data-testid="sample-summary">
        <Stat label="Records" value={summary.records.toLocaleString('en')} />
        <Stat label="Exact duplicates" value={percent(summary.exactRate)} />
        <Stat label="Near duplicates" value={percent(summary.nearRate)} />
        <Stat label="Estimated machine-generated" value={percent(summary.estimatedShare)} />
      </dl>
      <p class="small">
        Fields the analyzer used: text <code>{detected.text || '—'}</code>, label{' '}
        <code>{detected.label || 'none'}</code>.
      </p>
      <MalformedLines summary={summary} />
    </>
  );
}
