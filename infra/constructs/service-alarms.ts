import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type Alarm,
  type CompositeAlarm,
  type IAlarm,
  type IMetric,
  MathExpression,
  Metric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Alarms } from './alarms';
import { type DiligenceFunction, METRICS_NAMESPACE, type TableRef } from './function';

/** What the service-level alarms watch. */
export interface ServiceAlarmsProps {
  /** The HTTP API: Hono turns exceptions into 500s, so only its own 5xx count sees them. */
  readonly api: IHttpApi;
  /** The upload queue the analyzer consumes. */
  readonly analysisQueue: IQueue;
  readonly table: TableRef;
  /** Every function of the stack: each gets a duration-near-timeout alarm. */
  readonly functions: Record<string, DiligenceFunction>;
  /** Powertools service names of the functions that store reports (`ReportStoreFailures`). */
  readonly reportWriters: readonly string[];
  /** Whether the stack sends e-mail (SES reputation alarms). */
  readonly mail: boolean;
}

/** Share of the timeout at which a function's longest invocation alarms. */
export const NEAR_TIMEOUT = 0.8;
const period = Duration.minutes(5);

/**
 * Metrics summed into one series (missing ones count as nothing); their ids derive from the label,
 * so several sums can share one graph.
 */
function sumOf(label: string, metrics: IMetric[]): MathExpression {
  const prefix = label.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return new MathExpression({
    expression: 'SUM(METRICS())',
    usingMetrics: Object.fromEntries(metrics.map((m, i) => [`${prefix}${i}`, m])),
    period,
    label,
  });
}

/** The custom metric `name` of each Powertools service, summed. */
export function productMetric(name: string, services: readonly string[]): MathExpression {
  return sumOf(
    name,
    services.map(
      (service) =>
        new Metric({
          namespace: METRICS_NAMESPACE,
          metricName: name,
          dimensionsMap: { service },
          statistic: 'Sum',
          period,
        }),
    ),
  );
}

/** Read and write throttle events of the table and each of its indexes, summed. */
export function tableThrottles(ref: TableRef): MathExpression {
  const dims = [
    { TableName: ref.table.tableName },
    ...ref.indexNames.map((i) => ({ TableName: ref.table.tableName, GlobalSecondaryIndexName: i })),
  ];
  const metrics = dims.flatMap((dimensionsMap) =>
    ['ReadThrottleEvents', 'WriteThrottleEvents'].map(
      (metricName) =>
        new Metric({
          namespace: 'AWS/DynamoDB',
          metricName,
          dimensionsMap,
          statistic: 'Sum',
          period,
        }),
    ),
  );
  return sumOf('DynamoDB throttle events', metrics);
}

/** The HTTP API's 5xx share of requests in percent; 0 below 20 requests, so one error is no rate. */
export function apiServerErrorRate(api: IHttpApi): MathExpression {
  return new MathExpression({
    expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
    usingMetrics: {
      requests: api.metricCount({ period, statistic: 'Sum' }),
      errors: api.metricServerError({ period, statistic: 'Sum' }),
    },
    period,
    label: 'API 5xx (% of requests)',
  });
}

/**
 * Alarms on what users feel (API 5xx rate and p99 latency, analysis queue age, table throttles,
 * report-store failures, functions near their timeout, SES reputation) and one composite,
 * `PortalUnhealthy`, over the ones that mean the portal is failing its users.
 */
export function watchService(
  alarms: Alarms,
  props: ServiceAlarmsProps,
): { unhealthy: CompositeAlarm; watched: Alarm[] } {
  // HTTP API metrics (namespace AWS/ApiGateway, dimension ApiId):
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
  const apiErrors = alarms.watch('Api5xxRate', {
    metric: apiServerErrorRate(props.api),
    threshold: 5,
    description:
      'Over 5% of API requests answered 5xx in 5 minutes (Hono answers 500 for an exception, so the function Errors metric stays 0): read the API log group for "request failed" lines.',
    runbook: 'api5xxrate',
  });
  const apiLatency = alarms.watch('ApiLatencyP99', {
    metric: props.api.metricLatency({ period, statistic: 'p99' }),
    threshold: 3000,
    evaluationPeriods: 3,
    description:
      'The slowest 1% of API requests took over 3 s for 15 minutes: check DynamoDB throttles, the API function duration and cold starts.',
    runbook: 'apilatencyp99',
  });
  const queueAge = alarms.watch('AnalysisQueueAge', {
    metric: props.analysisQueue.metricApproximateAgeOfOldestMessage({
      period,
      statistic: 'Maximum',
    }),
    threshold: 1800,
    description:
      'An upload has waited over 30 minutes for its analysis: the analyzer is saturated (reserved concurrency) or failing.',
    runbook: 'analysisqueueage',
  });
  const throttles = alarms.watch('TableThrottles', {
    metric: tableThrottles(props.table),
    description:
      'DynamoDB throttled reads or writes on the table or an index: a hot partition or the account table limit. The SDK retries; users may see slow pages or 500s.',
    runbook: 'tablethrottles',
  });
  const reportStore = alarms.watch('ReportStoreFailures', {
    metric: productMetric('ReportStoreFailures', props.reportWriters),
    description:
      'A scored report could not be stored in the reports bucket (Object Lock): the assessment shows no report for that score.',
    runbook: 'reportstorefailures',
  });
  for (const [name, fn] of Object.entries(props.functions)) {
    const timeout = fn.fn.timeout ?? Duration.seconds(3);
    alarms.watch(`${name}NearTimeout`, {
      metric: fn.fn.metricDuration({ period, statistic: 'Maximum' }),
      threshold: Math.round(timeout.toMilliseconds() * NEAR_TIMEOUT),
      description: `An invocation of the ${name} function ran past ${NEAR_TIMEOUT * 100}% of its ${timeout.toHumanString()} timeout: the next bigger input times out.`,
      runbook: 'function-near-timeout',
    });
  }
  if (props.mail) watchMail(alarms);
  const watched = [apiErrors, apiLatency, queueAge, throttles, reportStore];
  const apiFunctionErrors = alarms.node.tryFindChild('ApiErrors') as IAlarm | undefined;
  const unhealthy = alarms.composite(
    'PortalUnhealthy',
    [...watched, ...(apiFunctionErrors ? [apiFunctionErrors] : [])],
    'The portal is failing its users: API errors or latency, a stuck analysis queue, table throttles or lost reports. The child alarm in ALARM says which.',
  );
  return { unhealthy, watched };
}

/**
 * SES reputation (account-wide, this region): SES reviews an account from a 5% bounce or 0.1%
 * complaint rate. https://docs.aws.amazon.com/ses/latest/dg/reputationdashboard-cloudwatch-alarm.html
 */
function watchMail(alarms: Alarms): void {
  const rate = (metricName: string) =>
    new Metric({
      namespace: 'AWS/SES',
      metricName,
      statistic: 'Maximum',
      period: Duration.hours(1),
    });
  alarms.watch('SesBounceRate', {
    metric: rate('Reputation.BounceRate'),
    threshold: 0.04,
    description:
      'The SES bounce rate reached 4% (SES reviews the account at 5%): stop inviting unknown addresses and read the bounces on the alarm topic.',
    runbook: 'sesbouncerate',
  });
  alarms.watch('SesComplaintRate', {
    metric: rate('Reputation.ComplaintRate'),
    threshold: 0.0008,
    description:
      'The SES complaint rate reached 0.08% (SES reviews the account at 0.1%): recipients mark reminders as spam.',
    runbook: 'sescomplaintrate',
  });
}
