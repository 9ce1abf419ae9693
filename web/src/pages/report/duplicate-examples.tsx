/** Duplicate clusters shown side by side; texts arrive masked from the API and render as text. */
import type { ReportSample } from '../../api/domain';

/** Normalizes whatever a cluster's examples hold into displayable strings. */
export function exampleTexts(examples: unknown[]): string[] {
  return examples.map((e) => {
    if (typeof e === 'string') return e;
    if (typeof e === 'number') return `Record ${e + 1} (text not included in the report)`;
    if (e && typeof e === 'object' && 'text' in e) return String((e as { text: unknown }).text);
    return JSON.stringify(e);
  });
}

/** The largest few duplicate clusters. */
export function DuplicateExamples({ sample }: { sample: ReportSample }) {
  const fromSample = sample.examples ?? [];
  const fromClusters = [...sample.duplicates.clusters]
    .sort((a, b) => b.size - a.size)
    .map((c) => ({ size: c.size, texts: exampleTexts(c.examples as unknown[]) }));
  const clusters = (fromSample.length ? fromSample : fromClusters).slice(0, 4);
  if (!clusters.length) return null;
  return (
    <details class="duplicates">
      <summary>
        Duplicate examples (largest {clusters.length} clusters, personal data masked)
      </summary>
      {clusters.map((cluster, i) => (
        <div class="cluster" key={`${i}-${cluster.size}`}>
          <p class="small muted">
            Cluster {i + 1}: {cluster.size} records
          </p>
          <div class="side-by-side">
            {cluster.texts.slice(0, 2).map((text, j) => (
              <blockquote class="example" key={`${j}-${text.length}`}>
                {text}
              </blockquote>
            ))}
          </div>
        </div>
      ))}
    </details>
  );
}
