/**
 * "Since last delivery": a re-assessment's delivery compared with the one it re-assesses, in
 * buyer words (machine-made, recycled, what changed, what to do); the method and its measures
 * (word variety, drift, noise) only under "How this was measured".
 */
import type {
  DeliveryComparison,
  MetricChange,
} from '../../../../functions/core/analysis/compare/types';
import {
  deliveryWords,
  metricName,
  metricValue,
  metricWorse,
} from '../../../../functions/core/report/plain-words';
import { ChartFigure, type ChartSpec } from '../../components/chart-figure';
import { TableScroll } from '../../components/table-scroll';

/** Relative change of the word-variety measurements, worse in red. */
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
    labels: rows.map((c) => metricName(c.metric)),
    series: [
      {
        label: 'Change since the last delivery (%)',
        values: rel.map((r) => Math.round(r * 10) / 10),
        color: rows.map((c, i) =>
          (rel[i] as number) * metricWorse(c.metric) > 0 ? '#b3261e' : '#1d4f91',
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
  const words = deliveryWords(c);
  return (
    <section class="card print-section since-last-delivery" aria-labelledby="since-heading">
      <h3 id="since-heading">Since last delivery</h3>
      <div data-testid="delivery-main">
        <p
          class={c.degraded ? 'verdict verdict-bad' : 'verdict verdict-ok'}
          data-testid="delivery-verdict"
        >
          {words.verdict}
        </p>
        <ul class="findings delivery-words">
          <li>{words.machineMade}</li>
          <li>{words.recycled}</li>
          {words.changed.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>
          <strong>{words.todo}</strong>
        </p>
        <TableScroll label="Measurements of the previous and the current delivery">
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
              </tr>
            </thead>
            <tbody>
              {c.changes.map((m) => (
                <tr key={m.metric}>
                  <th scope="row">{metricName(m.metric)}</th>
                  <td class="num">{metricValue(m.metric, m.previous)}</td>
                  <td class="num">{metricValue(m.metric, m.current)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <details class="method" data-testid="how-measured">
        <summary>How this was measured</summary>
        <p class="small">
          Word drift (Jensen–Shannon divergence) {c.drift.vocabularyJsd.toFixed(3)}
          {c.drift.labelJsd === null ? '' : `, label drift ${c.drift.labelJsd.toFixed(3)}`}. Word
          variety (distinct-n, MATTR, compression ratio) is compared on{' '}
          {c.basis.diversityTokens.toLocaleString('en-US')} words of each delivery; its noise is the
          spread between random halves of each.
        </p>
        <ul class="small">
          {c.findings.map((f, i) => (
            <li key={`${f.id}-${i}`}>{f.message}</li>
          ))}
          {c.changes
            .filter((m) => m.noise !== undefined)
            .map((m) => (
              <li key={m.metric}>
                {metricName(m.metric)}: noise ±{m.noise?.toFixed(3)}
              </li>
            ))}
        </ul>
        <ChartFigure
          id="chart-since-last-delivery"
          title="Word variety since the last delivery"
          summary="Relative change of each word-variety measurement; red bars are changes for the worse."
          spec={diversityChangeSpec(c.changes)}
        />
      </details>
    </section>
  );
}
