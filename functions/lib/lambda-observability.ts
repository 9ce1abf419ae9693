import type { Context } from 'aws-lambda';
import type { Config } from './config';
import { powertoolsLogger } from './logger-powertools';
import { createProductMetrics, type ProductMetrics } from './metrics';

/** What every Lambda entry logs and measures with. */
export interface Observability {
  readonly logger: ReturnType<typeof powertoolsLogger>;
  readonly metrics: ProductMetrics;
}

/**
 * The one logger and metrics setup of every Lambda entry: Powertools JSON logs and EMF metrics,
 * named by POWERTOOLS_SERVICE_NAME and POWERTOOLS_METRICS_NAMESPACE (set by the function construct).
 */
export function lambdaObservability(config: Pick<Config, 'LOG_LEVEL'>): Observability {
  return { logger: powertoolsLogger(config.LOG_LEVEL), metrics: createProductMetrics() };
}

/**
 * Wraps an entry's handler: each log line carries the invocation's context (request id, cold
 * start), and the metrics recorded are published when it ends, failed or not.
 */
export function observed<E, R>(
  { logger, metrics }: Observability,
  handler: (event: E, context: Context) => Promise<R>,
): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    if (context) logger.powertools.addContext(context);
    try {
      return await handler(event, context);
    } finally {
      metrics.flush();
    }
  };
}
