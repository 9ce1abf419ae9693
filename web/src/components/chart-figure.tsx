/**
 * A chart.js chart inside a figure with a caption, an accessible name and the same numbers as a
 * table, so the chart is never the only way to read the data. Only bar and line charts are
 * registered, which keeps the bundle small.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1f2933';

/** One data series; `colors` may colour each bar separately. */
export interface Series {
  label: string;
  values: (number | null)[];
  color: string | string[];
}

/** What a chart shows. */
export interface ChartSpec {
  kind: 'bar' | 'line';
  labels: string[];
  series: Series[];
  horizontal?: boolean;
  max?: number;
  valueLabel?: string;
  format?: (value: number) => string;
}

/** The chart, its caption and a data table for people who would rather read. */
export function ChartFigure(props: {
  id: string;
  title: string;
  summary: string;
  spec: ChartSpec;
}) {
  const { id, title, summary, spec } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const dataKey = JSON.stringify([spec.kind, spec.labels, spec.series, spec.horizontal, spec.max]);

  useEffect(() => {
    if (!canvas.current) return;
    const valueAxis = spec.horizontal ? 'x' : 'y';
    const chart = new Chart(canvas.current, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s) => ({
          label: s.label,
          data: s.values,
          backgroundColor: s.color,
          borderColor: s.color,
          borderWidth: spec.kind === 'line' ? 2 : 0,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        plugins: { legend: { display: spec.series.length > 1, position: 'bottom' } },
        scales: {
          // Every category keeps its label; horizontal charts grow with their bars instead.
          [spec.horizontal ? 'y' : 'x']: { ticks: { autoSkip: false } },
          [valueAxis]: {
            beginAtZero: true,
            max: spec.max,
            title: { display: Boolean(spec.valueLabel), text: spec.valueLabel ?? '' },
            // Counts and levels are whole numbers: no 0.5 ticks.
            ticks: spec.format
              ? { callback: (value: string | number) => spec.format?.(Number(value)) }
              : { precision: 0 },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [dataKey]);

  const show = spec.format ?? ((value: number) => String(value));
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div
        class="chart-box"
        style={
          spec.horizontal
            ? { height: `${Math.max(260, 26 * spec.labels.length + 70)}px` }
            : undefined
        }
      >
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} data-chart={id} />
      </div>
      <p class="chart-summary">{summary}</p>
      <details>
        <summary>Show the data as a table</summary>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Item</th>
              {spec.series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.labels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {spec.series.map((s) => {
                  const value = s.values[row];
                  return (
                    <td key={s.label}>
                      {value === null || value === undefined ? '—' : show(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
