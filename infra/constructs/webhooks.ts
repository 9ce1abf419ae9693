import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ACCESS } from './access';
import type { Alarms } from './alarms';
import {
  type AuthSettings,
  DiligenceFunction,
  type FunctionSource,
  type TableRef,
} from './function';
import { queueDefaults, workQueue } from './queues';

/** Props of the webhook worker. */
export interface WebhooksProps {
  readonly source: FunctionSource;
  readonly table: TableRef;
  readonly auth: AuthSettings;
  /** Functions that emit events: they get WEBHOOK_QUEUE_URL and sqs:SendMessage. */
  readonly senders: readonly DiligenceFunction[];
  /** Sender of the "endpoint paused" e-mail, when mail is configured. */
  readonly mail?: { from: string; configurationSet?: string };
  readonly publicBaseUrl: string;
}

const WORKER_TIMEOUT = Duration.minutes(2);

/**
 * Signed webhook deliveries: emitting functions record a pending delivery and send its id to
 * an SQS queue; the worker attempts it at once, and a one-minute schedule attempts every due
 * delivery (retries with backoff, and any wake-up that was lost). Loopback targets stay off.
 */
export class Webhooks extends Construct {
  readonly function: DiligenceFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', queueDefaults);
    this.queue = workQueue(this, 'Queue', WORKER_TIMEOUT, this.deadLetterQueue);
    this.function = new DiligenceFunction(this, 'Worker', {
      source: props.source,
      entry: 'functions/webhooks/lambda.ts',
      description: 'Diligence webhook deliveries',
      serviceName: 'webhooks',
      memorySize: 256,
      timeout: WORKER_TIMEOUT,
      reservedConcurrency: 2,
    });
    this.function.bindAccess(ACCESS.webhooks, { table: props.table });
    this.function.bindAuth(props.auth);
    this.function.bindPublicBaseUrl(props.publicBaseUrl);
    if (props.mail) this.function.bindMail(props.mail.from, props.mail.configurationSet);
    this.function.fn.addEnvironment('WEBHOOK_ALLOW_LOOPBACK', 'off');
    this.function.fn.addEventSource(new SqsEventSource(this.queue, { batchSize: 5 }));
    new Rule(this, 'Schedule', {
      description: 'Diligence webhook retries',
      schedule: Schedule.rate(Duration.minutes(1)),
    }).addTarget(
      new LambdaFunction(this.function.fn, { retryAttempts: 0, maxEventAge: Duration.minutes(5) }),
    );
    for (const sender of props.senders) {
      sender.fn.addEnvironment('WEBHOOK_QUEUE_URL', this.queue.queueUrl);
      sender.fn.addEnvironment('WEBHOOK_ALLOW_LOOPBACK', 'off');
      Grant.addToPrincipal({
        grantee: sender.role,
        actions: ['sqs:SendMessage'],
        resourceArns: [this.queue.queueArn],
      });
    }
  }

  /**
   * Pages on the worker: its errors and throttles, and wake-ups it failed three times (in the
   * dead-letter queue; the deliveries stay pending and the one-minute schedule keeps retrying them).
   */
  watch(alarms: Alarms): Alarm[] {
    const fiveMinutes = { period: Duration.minutes(5) };
    return [
      alarms.watch('WebhookWakeupsDeadLettered', {
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          ...fiveMinutes,
          statistic: 'Maximum',
        }),
        description:
          'The webhook worker failed a wake-up three times: deliveries wait for the one-minute schedule. Read the Webhooks function log.',
        runbook: 'webhookwakeupsdeadlettered',
      }),
      alarms.watch('WebhooksErrors', {
        metric: this.function.fn.metricErrors({ ...fiveMinutes, statistic: 'Sum' }),
        description:
          'The Webhooks function failed (an uncaught error or a timeout). See its log group.',
        runbook: 'function-errors-and-throttles',
      }),
      alarms.watch('WebhooksThrottles', {
        metric: this.function.fn.metricThrottles({ ...fiveMinutes, statistic: 'Sum' }),
        description: 'The Webhooks function was throttled: raise its reserved concurrency (2).',
        runbook: 'function-errors-and-throttles',
      }),
    ];
  }
}
