import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Logger, LogLevel } from './logger';

/**
 * The Logger shape over Powertools' logger, for the Lambda entry points: JSON lines with the
 * service, cold start, function and X-Ray trace ids that CloudWatch Logs Insights understands.
 * The local runtime keeps `createLogger`; both take the same calls.
 */
export function powertoolsLogger(
  level: LogLevel | 'silent',
  base: Record<string, unknown> = {},
  inner: PowertoolsLogger = new PowertoolsLogger({
    logLevel: level === 'silent' ? 'SILENT' : (level.toUpperCase() as 'INFO'),
    persistentKeys: base,
  }),
): Logger & { powertools: PowertoolsLogger } {
  return {
    powertools: inner,
    debug: (m, f) => inner.debug(m, f ?? {}),
    info: (m, f) => inner.info(m, f ?? {}),
    warn: (m, f) => inner.warn(m, f ?? {}),
    error: (m, f) => inner.error(m, f ?? {}),
    child: (fields) =>
      powertoolsLogger(level, fields, inner.createChild({ persistentKeys: fields })),
  };
}
