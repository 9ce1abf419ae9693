import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * The product metrics, emitted in CloudWatch Embedded Metric Format by Powertools (namespace from
 * POWERTOOLS_METRICS_NAMESPACE, dimension `service`). Listed in docs/deploying.md.
 */
export interface ProductMetrics {
  /** A sample was analyzed, taking `seconds`. */
  sampleAnalyzed(seconds: number): void;
  /** An analysis failed; `reason` is a short fixed word (input, timeout, dead-letter, size). */
  analysisFailed(reason: string): void;
  /** A report was scored and stored. */
  reportScored(): void;
  /**
   * A report could not be stored (`ReportStoreFailures`, published at once: no flush needed).
   * Optional so test doubles written before it still fit.
   */
  reportStoreFailed?(): void;
  /** Writes what was recorded (call at the end of each invocation). */
  flush(): void;
}

/** Metrics over Powertools; `metrics` may be injected in tests. */
export function createProductMetrics(metrics: Metrics = new Metrics()): ProductMetrics {
  return {
    sampleAnalyzed(seconds) {
      metrics.addMetric('SamplesAnalyzed', MetricUnit.Count, 1);
      metrics.addMetric('AnalysisSeconds', MetricUnit.Seconds, seconds);
    },
    analysisFailed(reason) {
      // A dimension per reason: one single-metric blob each, so reasons never mix.
      const single = metrics.singleMetric();
      single.addDimension('reason', reason);
      single.addMetric('AnalysisFailures', MetricUnit.Count, 1);
    },
    reportScored() {
      metrics.addMetric('ReportsScored', MetricUnit.Count, 1);
    },
    reportStoreFailed() {
      // A single-metric blob is written immediately: the API Lambda, where most reports are
      // stored, never flushes, and the alarm must not wait for an invocation's end.
      metrics.singleMetric().addMetric('ReportStoreFailures', MetricUnit.Count, 1);
    },
    flush() {
      // Publishing nothing makes Powertools warn on every invocation of a quiet function.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
}

/** Records nothing (the local runtime and tests that do not look at metrics). */
export const noMetrics: ProductMetrics = {
  sampleAnalyzed: () => {},
  analysisFailed: () => {},
  reportScored: () => {},
  reportStoreFailed: () => {},
  flush: () => {},
};
