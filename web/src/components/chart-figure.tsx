/**
 * A chart.js chart inside a figure with a caption, an accessible name and the same numbers as a
 * table, so the chart is never the only way to read the data. The chart library is imported on
 * first use (./chart-draw, its own chunk): the vendor's pages, which draw no chart, never load it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { horizontalChartHeight } from './chart-labels';

/** One data series; `colors` may colour each bar separately. */
export interface Series {
  label: string;
  values: (number | null)[];
  color: string | string[];
  /** Bars shorter than this many pixels are drawn this long (a level of 0 stays visible). */
  minBarLength?: number;
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
    const target = canvas.current;
    if (!target) return;
    let destroy: (() => void) | undefined;
    let gone = false;
    void import('./chart-draw').then(({ drawChart }) => {
      if (!gone) destroy = drawChart(target, spec);
    });
    return () => {
      gone = true;
      destroy?.();
    };
  }, [dataKey]);

  const show = spec.format ?? ((value: number) => String(value));
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div
        class="chart-box"
        // A first guess; the chart sets the height its wrapped labels need once drawn.
        style={spec.horizontal ? { height: `${horizontalChartHeight(spec.labels)}px` } : undefined}
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
