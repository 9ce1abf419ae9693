/**
 * The largest duplicate clusters. When the report carries their (masked) texts they are shown side
 * by side, as text; otherwise the clusters list the record numbers to look up in the sample.
 */
import type { ReportSample } from '../../api/domain';

const SHOWN = 4;

/** The duplicate-examples disclosure of one sample. */
export function DuplicateExamples({ sample }: { sample: ReportSample }) {
  const clusters = [...sample.duplicates.clusters].sort((a, b) => b.size - a.size).slice(0, SHOWN);
  const texts = clusters
    .filter((c) => (c.texts?.length ?? 0) > 0)
    .map((c) => ({ size: c.size, texts: c.texts ?? [] }));
  if (!texts.length && !clusters.length) return null;
  return (
    <details class="duplicates">
      <summary>
        Duplicate examples (largest {Math.max(texts.length, clusters.length)} clusters)
      </summary>
      {texts.length ? (
        texts.map((cluster, i) => (
          <div class="cluster" key={`${i}-${cluster.size}`}>
            <p class="small muted">
              Cluster {i + 1}: {cluster.size} records (personal data masked)
            </p>
            <div class="side-by-side">
              {cluster.texts.slice(0, 2).map((text, j) => (
                <blockquote class="example" key={`${j}-${text.length}`}>
                  {text}
                </blockquote>
              ))}
            </div>
          </div>
        ))
      ) : (
        <ul class="small">
          {clusters.map((c, i) => (
            <li key={`${i}-${c.size}`}>
              Cluster {i + 1}: {c.size} records, for example record numbers{' '}
              {c.examples.map((index) => index + 1).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
