import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IWidget,
  MathExpression,
  Metric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type DiligenceFunction, METRICS_NAMESPACE, type TableRef } from './function';
import { apiServerErrorRate, productMetric, tableThrottles } from './service-alarms';

/** What the operations dashboard shows. */
export interface OperationsDashboardProps {
  readonly api: IHttpApi;
  readonly functions: Record<string, DiligenceFunction>;
  /** Queues by label (the analysis queue, dead letters, parked). */
  readonly queues: Record<string, IQueue>;
  readonly table: TableRef;
  /** Every alarm, the composite first: the status row at the top. */
  readonly alarms: IAlarm[];
  /** Powertools service names whose product metrics are graphed. */
  readonly services: readonly string[];
}

const period = Duration.minutes(5);
const wide = { width: 12, height: 6 };

/** One CloudWatch dashboard: alarm states, the API, functions, queues, the table, product metrics. */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const fns = Object.entries(props.functions);
    const perFunction = (metric: (fn: DiligenceFunction) => Metric) =>
      fns.map(([name, fn]) => metric(fn).with({ label: name, period }));
    const rows: IWidget[][] = [
      [new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 4 })],
      [
        new GraphWidget({
          title: 'API requests and errors',
          left: [
            props.api.metricCount({ period, statistic: 'Sum', label: 'requests' }),
            props.api.metricClientError({ period, statistic: 'Sum', label: '4xx' }),
            props.api.metricServerError({ period, statistic: 'Sum', label: '5xx' }),
          ],
          right: [apiServerErrorRate(props.api)],
          ...wide,
        }),
        new GraphWidget({
          title: 'API latency (ms)',
          left: ['p50', 'p99'].map((statistic) =>
            props.api.metricLatency({ period, statistic, label: statistic }),
          ),
          ...wide,
        }),
      ],
      [
        new GraphWidget({
          title: 'Function errors',
          left: perFunction((fn) => fn.fn.metricErrors({ statistic: 'Sum' })),
          ...wide,
        }),
        new GraphWidget({
          title: 'Function duration, longest (ms)',
          left: perFunction((fn) => fn.fn.metricDuration({ statistic: 'Maximum' })),
          ...wide,
        }),
      ],
      [
        new GraphWidget({
          title: 'Queues: messages waiting',
          left: Object.entries(props.queues).map(([label, q]) =>
            q.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum', label }),
          ),
          ...wide,
        }),
        new GraphWidget({
          title: 'Queues: oldest message (s)',
          left: Object.entries(props.queues).map(([label, q]) =>
            q.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum', label }),
          ),
          ...wide,
        }),
      ],
      [
        new GraphWidget({
          title: 'DynamoDB: throttles and consumed capacity',
          left: [tableThrottles(props.table)],
          right: ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits'].map((metricName) =>
            props.table.table.metric(metricName, { period, statistic: 'Sum' }),
          ),
          ...wide,
        }),
        new GraphWidget({
          title: 'Product metrics (Powertools)',
          left: [
            ...['SamplesAnalyzed', 'ReportsScored', 'ReportStoreFailures'].map((name) =>
              productMetric(name, props.services),
            ),
            // Failures carry a `reason` dimension too: one line per reason and service.
            new MathExpression({
              expression: `SEARCH('{${METRICS_NAMESPACE},reason,service} MetricName="AnalysisFailures"', 'Sum', 300)`,
              period,
              label: 'AnalysisFailures',
            }),
          ],
          right: [
            new Metric({
              namespace: METRICS_NAMESPACE,
              metricName: 'AnalysisSeconds',
              dimensionsMap: { service: 'analyze' },
              statistic: 'p90',
              period,
              label: 'analysis seconds (p90)',
            }),
          ],
          ...wide,
        }),
      ],
    ];
    this.dashboard = new Dashboard(this, 'Dashboard', { widgets: rows });
  }
}
