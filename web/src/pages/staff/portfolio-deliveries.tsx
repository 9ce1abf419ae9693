/** The portfolio's delivery measurements: per vendor dataset, what each delivery measured. */
import { useState } from 'preact/hooks';
import {
  type DeliverySeries,
  type DeliverySeriesPage,
  listDeliverySeries,
} from '../../api/delivery-series';
import { ChartFigure } from '../../components/chart-figure';
import { ErrorBanner, Loading } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAsync } from '../../components/use-async';
import { percent } from '../../format';
import { Link } from '../../router';
import { evidenceWords } from '../report/evidence-words';
import {
  deliveryName,
  deliverySpec,
  diversityText,
  machineTextText,
  seriesSummary,
  verdictText,
} from './portfolio-deliveries-model';

function SeriesCard({ series, index }: { series: DeliverySeries; index: number }) {
  const title = `${series.vendor}: ${series.dataset}`;
  const measured = series.deliveries.filter((p) => p.diversity).length;
  const degraded = series.deliveries.filter((p) => p.sincePrevious?.degraded);
  return (
    <section class="card delivery-series" aria-labelledby={`series-${index}`}>
      <h3 id={`series-${index}`}>{title}</h3>
      <p class={series.degradedCount ? 'verdict verdict-bad' : 'verdict verdict-ok'}>
        {seriesSummary(series)}
        {series.omitted ? ` The ${series.omitted} earliest are not shown.` : ''}
      </p>
      {measured >= 2 ? (
        <ChartFigure
          id={`chart-deliveries-${index}`}
          title={`Measurements across deliveries: ${title}`}
          summary="Diversity, machine text, near-duplicates and repeats of the previous delivery, in percent, for each delivery in order."
          spec={deliverySpec(series)}
        />
      ) : null}
      <TableScroll label={`Measurements of each delivery of ${title}`}>
        <table class="data deliveries" style={{ minWidth: '52rem' }}>
          <caption class="visually-hidden">Measurements of each delivery of {title}</caption>
          <thead>
            <tr>
              <th scope="col">Delivery</th>
              <th scope="col" class="num">
                Records or images
              </th>
              <th scope="col">Variety of word pairs</th>
              <th scope="col">Variety of words in running text</th>
              <th scope="col">Machine text (95 % interval)</th>
              <th scope="col" class="num">
                Near-duplicates
              </th>
              <th scope="col" class="num">
                Repeats the previous delivery
              </th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {series.deliveries.map((p) => (
              <tr key={p.assessmentId}>
                <th scope="row">
                  <Link href={`/assessments/${encodeURIComponent(p.assessmentId)}`}>
                    {deliveryName(p)}
                  </Link>
                </th>
                <td class="num">{p.records ?? '—'}</td>
                <td>{diversityText(p, 'distinct2')}</td>
                <td>{diversityText(p, 'mattr')}</td>
                <td>
                  {machineTextText(p)}
                  {p.machineText ? (
                    <>
                      {' '}
                      <span
                        class={`badge evidence evidence-${p.machineText.evidence}`}
                        title={evidenceWords(p.machineText.evidence).explain}
                      >
                        {evidenceWords(p.machineText.evidence).label}
                      </span>
                    </>
                  ) : null}
                </td>
                <td class="num">{percent(p.nearDuplicateRate)}</td>
                <td class="num">
                  {p.sincePrevious
                    ? `${percent(p.sincePrevious.overlap.nearRate)} (${percent(p.sincePrevious.overlap.exactRate)} exactly)`
                    : '—'}
                </td>
                <td>
                  <span
                    class={p.sincePrevious?.degraded ? 'verdict verdict-bad' : undefined}
                    data-testid={p.sincePrevious?.degraded ? 'delivery-degraded' : undefined}
                  >
                    {verdictText(p)}
                  </span>
                  {p.notMeasured || p.notCompared ? (
                    <p class="muted small">{p.notMeasured ?? p.notCompared}</p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {degraded.length ? (
        <ul class="findings degraded-deliveries">
          {degraded.map((p) => (
            <li key={p.assessmentId} data-testid="degraded-findings">
              <strong>
                {deliveryName(p)}: degraded since the previous delivery
                {p.sincePrevious?.riskPoints
                  ? ` (+${p.sincePrevious.riskPoints.toFixed(1)} risk points)`
                  : ''}
                .
              </strong>
              <ul>
                {p.sincePrevious?.findings.map((f) => (
                  <li key={f.message} class={`severity-${f.severity}`}>
                    <span class="severity">{f.severity}</span> {f.message}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Every dataset's delivery series, a page at a time. */
export function PortfolioDeliveries() {
  const [pages, setPages] = useState<DeliverySeriesPage[]>([]);
  const first = useAsync(() => listDeliverySeries(0).then((p) => setPages([p])), []);
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({
    loading: false,
    error: undefined,
  });
  const items = pages.flatMap((p) => p.items);
  const next = pages.at(-1)?.nextOffset ?? null;
  const loadMore = async () => {
    if (next === null) return;
    setMore({ loading: true, error: undefined });
    try {
      const page = await listDeliverySeries(next);
      setPages((done) => [...done, page]);
      setMore({ loading: false, error: undefined });
    } catch (error) {
      setMore({ loading: false, error });
    }
  };
  return (
    <section class="stack" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Delivery over delivery</h2>
      <p class="lead">
        What each delivery measured and how it compared with the one before: falling diversity,
        rising machine text or recycled records are how a dataset degrades while every single report
        looks acceptable.
      </p>
      <ErrorBanner error={first.error} onRetry={first.reload} />
      {first.loading && pages.length === 0 ? (
        <Loading what="Loading the delivery measurements" />
      ) : null}
      {!first.loading && pages.length > 0 && items.length === 0 ? (
        <p class="empty">No deliveries yet.</p>
      ) : null}
      {items.map((s, i) => (
        <SeriesCard
          key={`${s.vendor}-${s.dataset}-${s.deliveries[0]?.assessmentId}`}
          series={s}
          index={i}
        />
      ))}
      <ErrorBanner error={more.error} onRetry={loadMore} />
      {next !== null ? (
        <button type="button" class="button secondary" disabled={more.loading} onClick={loadMore}>
          {more.loading
            ? 'Loading…'
            : `Show more datasets (${items.length} of ${pages.at(-1)?.total})`}
        </button>
      ) : null}
    </section>
  );
}
