/** The facts of one sample file (role, upload time, size, SHA-256) and analysis progress. */
import type { SampleInfo } from '../../api/types';
import { formatDateTime } from '../../format';
import { formatBytes, progressText, roleLabel } from './sample-model';

/** What the report will name this sample by, and whether it counts. */
export function SampleFacts({ info }: { info: SampleInfo }) {
  const counts = info.counts ?? info.status === 'analyzed';
  return (
    <dl class="sample-facts small">
      <div>
        <dt>Role</dt>
        <dd>
          {roleLabel(info.role)}
          {counts ? (
            <span class="counts-badge" data-testid="counts-badge">
              counts for the report
            </span>
          ) : null}
        </dd>
      </div>
      {info.createdAt ? (
        <div>
          <dt>Uploaded</dt>
          <dd>{formatDateTime(info.createdAt)}</dd>
        </div>
      ) : null}
      {info.sizeBytes !== undefined ? (
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(info.sizeBytes)}</dd>
        </div>
      ) : null}
      {info.sha256 ? (
        <div>
          <dt>SHA-256</dt>
          <dd>
            <code class="hash">{info.sha256}</code>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The analysis stage and how much of the file was read, as a bar and a sentence. */
export function AnalysisProgress({ info }: { info: SampleInfo }) {
  if (info.status !== 'analyzing') return null;
  const p = info.progress;
  const share =
    p && p.totalBytes > 0 ? Math.min(100, Math.round((p.bytesRead / p.totalBytes) * 100)) : 0;
  return (
    <div class="analysis-progress" data-testid="analysis-progress">
      <p class="small" aria-live="polite">
        {p ? progressText(p) : 'Starting the analysis…'}
      </p>
      <progress
        max={100}
        value={p?.stage === 'reading' ? share : p ? 100 : undefined}
        aria-label="Analysis progress"
      />
    </div>
  );
}
