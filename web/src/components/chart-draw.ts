/**
 * The chart.js side of ChartFigure, loaded on demand (a separate chunk), so pages without a chart
 * (the vendor's questionnaire) never download the chart library. Only bar and line charts are
 * registered, which keeps the chunk small.
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
import type { ChartSpec } from './chart-figure';
import { horizontalChartHeight, labelLineLength, wrapLabel } from './chart-labels';

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

/** Draws `spec` on `canvas`; returns a function that destroys the chart. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): () => void {
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  // Narrow screens get shorter lines: a label wraps instead of being cut at the canvas edge.
  const box = canvas.parentElement;
  let perLine = labelLineLength(Boolean(spec.horizontal), box?.clientWidth ?? 600);
  const wrapped = () => spec.labels.map((label) => wrapLabel(label, perLine));
  // A horizontal chart's box grows with its wrapped labels, so no two labels share a band.
  const fitBox = (labels: (string | string[])[]) => {
    if (spec.horizontal && box) box.style.height = `${horizontalChartHeight(labels)}px`;
    return labels;
  };
  const chart = new Chart(canvas, {
    type: spec.kind,
    data: {
      labels: fitBox(wrapped()),
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.color,
        borderColor: s.color,
        borderWidth: spec.kind === 'line' ? 2 : 0,
        ...(s.minBarLength ? { minBarLength: s.minBarLength } : {}),
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      layout: { padding: { right: 8 } },
      // A phone turned sideways (or a resized window) re-wraps the labels for the new width.
      onResize: (resized, size) => {
        const next = labelLineLength(Boolean(spec.horizontal), size.width);
        if (next === perLine) return;
        perLine = next;
        resized.data.labels = fitBox(wrapped());
        resized.update();
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom' },
        // The tooltip names the category in full, whatever the axis shows.
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
          },
        },
      },
      scales: {
        // Every category keeps its label, unrotated and wrapped; horizontal charts grow with
        // their bars instead.
        [categoryAxis]: { ticks: { autoSkip: false, maxRotation: 0, minRotation: 0 } },
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
}
