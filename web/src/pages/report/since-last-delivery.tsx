/** "Since last delivery": a re-assessment's delivery compared with the one it re-assesses. */
import type {
  DeliveryComparison,
  MetricChange,
} from '../../../../functions/core/analysis/compare/types';
import { ChartFigure, type ChartSpec } from '../../components/chart-figure';
import { percent } from '../../format';

/** Words for each compared measurement (analysis paths stay in the JSON). */
const METRIC_NAMES: Record<string, { name: string; worse: 1 | -1 | 0; share?: boolean }> = {
  'diversity.distinct1': { name: 'Distinct words', worse: -1 },
  'diversity.distinct2': { name: 'Distinct word pairs', worse: -1 },
  'diversity.distinct3': { name: 'Distinct word triples', worse: -1 },
  'diversity.compressionRatio': { name: 'Compression ratio', worse: 1 },
  'diversity.mattr': { name: 'Type-token ratio (MATTR)', worse: -1 },
  'synthetic.estimatedShare': { name: 'Estimated machine text', worse: 1, share: true },
  'synthetic.declaredShare': { name: 'Records flagged synthetic', worse: 1, share: true },
  'synthetic.markerRate': { name: 'Machine-text markers', worse: 1, share: true },
  'duplicates.exactRate': { name: 'Exact duplicates', worse: 1, share: true },
  'duplicates.nearRate': { name: 'Near-duplicates', worse: 1, share: true },
  'labels.normalizedEntropy': { name: 'Label balance (entropy)', worse: -1 },
  'labels.rareClasses': { name: 'Rare classes', worse: 0 },
  'provenance.completeness': { name: 'Provenance completeness', worse: -1, share: true },
  'freshness.newest': { name: 'Newest record', worse: 0 },
};

const nameOf = (m: string) => METRIC_NAMES[m]?.name ?? m;

function show(m: MetricChange, v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return METRIC_NAMES[m.metric]?.share ? percent(v) : String(Math.round(v * 1000) / 1000);
}

/** Relative change of the diversity measurements, worse in red. */
export function diversityChangeSpec(changes: MetricChange[]): ChartSpec {
  const rows = changes.filter(
    (c) => c.metric.startsWith('diversity.') && typeof c.previous === 'number' && c.previous !== 0,
  );
  const rel = rows.map(
    (c) => (((c.current as number) - (c.previous as number)) / (c.previous as number)) * 100,
  );
  return {
    kind: 'bar',
    horizontal: true,
    labels: rows.map((c) => nameOf(c.metric)),
    series: [
      {
        label: 'Change since the last delivery (%)',
        values: rel.map((r) => Math.round(r * 10) / 10),
        color: rows.map((c, i) =>
          (rel[i] as number) * (METRIC_NAMES[c.metric]?.worse ?? 0) > 0 ? '#b3261e' : '#1d4f91',
        ),
      },
    ],
    valueLabel: 'Change (%)',
    format: (v) => `${v} %`,
  };
}

/** The section; renders nothing for a first assessment. */
export function SinceLastDelivery({ comparison }: { comparison?: DeliveryComparison }) {
  if (!comparison) return null;
  const c = comparison;
  return (
    <section class="card print-section since-last-delivery" aria-labelledby="since-heading">
      <h3 id="since-heading">Since last delivery</h3>
      <p
        class={c.degraded ? 'verdict verdict-bad' : 'verdict verdict-ok'}
        data-testid="delivery-verdict"
      >
        {c.degraded
          ? 'Degraded since the previous delivery.'
          : 'No sign of degradation since the previous delivery.'}
      </p>
      <ul class="findings">
        {c.findings.map((f, i) => (
          <li key={`${f.id}-${i}`}>
            <span class={`severity severity-${f.severity}`}>{f.severity}</span> {f.message}
          </li>
        ))}
      </ul>
      <p class="small">
        Recycled: {percent(c.overlap.nearRate)} of the new records repeat the previous delivery (
        {percent(c.overlap.exactRate)} exactly). Word drift (Jensen–Shannon){' '}
        {c.drift.vocabularyJsd.toFixed(3)}
        {c.drift.labelJsd === null ? '' : `, label drift ${c.drift.labelJsd.toFixed(3)}`}. Diversity
        is compared on {c.basis.diversityTokens.toLocaleString('en-US')} words of each delivery; its
        noise is the spread between random halves of each.
      </p>
      <ChartFigure
        id="chart-since-last-delivery"
        title="Diversity since the last delivery"
        summary="Relative change of each diversity measurement; red bars are changes for the worse."
        spec={diversityChangeSpec(c.changes)}
      />
      <div class="table-scroll">
        <table class="data">
          <caption class="visually-hidden">
            Measurements of the previous and the current delivery
          </caption>
          <thead>
            <tr>
              <th scope="col">Measurement</th>
              <th scope="col" class="num">
                Previous
              </th>
              <th scope="col" class="num">
                Current
              </th>
              <th scope="col" class="num">
                Noise
              </th>
            </tr>
          </thead>
          <tbody>
            {c.changes.map((m) => (
              <tr key={m.metric}>
                <th scope="row">{nameOf(m.metric)}</th>
                <td class="num">{show(m, m.previous)}</td>
                <td class="num">{show(m, m.current)}</td>
                <td class="num">{m.noise === undefined ? '' : `±${m.noise.toFixed(3)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
