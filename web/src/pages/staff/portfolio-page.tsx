/** Portfolio: every vendor dataset's latest tier and score, and the trend across re-assessments. */
import { listAllAssessments } from '../../api/staff';
import { StatusBadge } from '../../components/badges';
import { ChartFigure, type ChartSpec } from '../../components/chart-figure';
import { ErrorBanner, Loading } from '../../components/feedback';
import { TableScroll } from '../../components/table-scroll';
import { useAsync } from '../../components/use-async';
import { statusLabel } from '../../format';
import { Link } from '../../router';
import { ListRisk } from './list-risk';
import { PortfolioDeliveries } from './portfolio-deliveries';
import { buildChains, type Chain, trendText } from './portfolio-model';

const palette = ['#1d4f91', '#b3261e', '#1d6b5f', '#6a3d9a', '#b35900', '#5f6b76'];

function trendSpec(chains: Chain[]): ChartSpec {
  const rounds = Math.max(...chains.map((c) => c.trend.length));
  return {
    kind: 'line',
    labels: Array.from({ length: rounds }, (_, i) =>
      i === 0 ? 'First assessment' : `Re-assessment ${i}`,
    ),
    series: chains.slice(0, palette.length).map((c, i) => ({
      label: `${c.vendor}: ${c.dataset}`,
      values: c.trend,
      color: palette[i] ?? '#5f6b76',
    })),
    max: 100,
    valueLabel: 'Risk score',
  };
}

/** The portfolio page. */
export function PortfolioPage() {
  const chains = useAsync(() => listAllAssessments().then(buildChains), []);
  const withHistory =
    chains.data?.filter((c) => c.trend.filter((s) => s !== null).length > 1) ?? [];
  return (
    <>
      <h1>Portfolio</h1>
      <p class="lead">
        Every vendor dataset at a glance: the latest risk, how it moved across re-assessments, and
        what each delivery measured.
      </p>
      <ErrorBanner error={chains.error} onRetry={chains.reload} />
      {chains.loading && !chains.data ? <Loading /> : null}
      {chains.data && chains.data.length === 0 ? <p class="empty">No assessments yet.</p> : null}
      {chains.data?.length ? (
        <TableScroll label="Vendor datasets, highest latest risk first">
          <table class="data portfolio">
            <caption class="visually-hidden">Vendor datasets, highest latest risk first</caption>
            <thead>
              <tr>
                <th scope="col">Vendor</th>
                <th scope="col">Dataset</th>
                <th scope="col">Latest risk</th>
                <th scope="col">Status of that assessment</th>
                <th scope="col">Trend across assessments</th>
              </tr>
            </thead>
            <tbody>
              {chains.data.map((c) => (
                <tr key={c.latest.id}>
                  <th scope="row">
                    <Link href={`/assessments/${encodeURIComponent(c.latest.id)}`}>{c.vendor}</Link>
                  </th>
                  <td>{c.dataset}</td>
                  <td>
                    <ListRisk
                      status={(c.scored ?? c.latest).status}
                      tier={c.tier}
                      score={c.score}
                    />
                  </td>
                  <td>
                    <StatusBadge status={(c.scored ?? c.latest).status} />
                    {c.scored && c.pending ? (
                      <div class="small" data-testid="portfolio-pending">
                        <Link href={`/assessments/${encodeURIComponent(c.pending.id)}`}>
                          Re-assessment
                        </Link>
                        : {statusLabel(c.pending.status).toLowerCase()}, not scored yet
                      </div>
                    ) : null}
                  </td>
                  <td>{trendText(c.trend)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {withHistory.length ? (
        <ChartFigure
          id="chart-trend"
          title="Risk score across re-assessments"
          summary={withHistory.map((c) => `${c.vendor}: ${trendText(c.trend)}`).join('; ')}
          spec={trendSpec(withHistory)}
        />
      ) : null}
      <PortfolioDeliveries />
    </>
  );
}
