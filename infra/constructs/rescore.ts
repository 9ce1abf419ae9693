import { Duration } from 'aws-cdk-lib';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ACCESS } from './access';
import {
  type AuthSettings,
  DiligenceFunction,
  type FunctionSource,
  type TableRef,
} from './function';
import { queueDefaults, workQueue } from './queues';

/** Props of the re-score worker. */
export interface RescoreProps {
  readonly source: FunctionSource;
  readonly table: TableRef;
  readonly samples: IBucket;
  readonly reports: IBucket;
  readonly auth: AuthSettings;
  /** Re-scores running at once (reserved concurrency and the queue's maximum, ≥ 2); default 2. */
  readonly concurrency?: number;
}

/**
 * The worker's timeout. Its claim on a request (`rescoreLeaseMs` in functions/rescore/handler.ts,
 * 6 minutes) outlasts it, and the queue's visibility timeout outlasts both.
 */
const WORKER_TIMEOUT = Duration.minutes(5);

/**
 * Re-score requests → SQS → a worker that loads the samples' analyses and partials and stores a
 * report version, off the API's 28-second request. A message failing three times goes to the
 * dead-letter queue (kept 14 days; its request stays pending and the next request retries it).
 */
export class Rescore extends Construct {
  readonly function: DiligenceFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: RescoreProps) {
    super(scope, id);
    const concurrency = Math.max(2, props.concurrency ?? 2);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', queueDefaults);
    this.queue = workQueue(this, 'Queue', WORKER_TIMEOUT, this.deadLetterQueue);
    this.function = new DiligenceFunction(this, 'Worker', {
      source: props.source,
      entry: 'functions/rescore/lambda.ts',
      description: 'Diligence report re-scoring',
      serviceName: 'rescore',
      // Two samples' partials (223 MB for a 0.95 GB sample) plus the scoring itself.
      memorySize: 3008,
      timeout: WORKER_TIMEOUT,
      reservedConcurrency: concurrency,
    });
    this.function.bindAccess(ACCESS.rescore, props);
    this.function.bindAuth(props.auth);
    this.function.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: concurrency,
      }),
    );
  }

  /** Sets RESCORE_QUEUE_URL on `fn` and lets it send to the queue (sqs:SendMessage only). */
  bindSender(fn: DiligenceFunction): void {
    fn.fn.addEnvironment('RESCORE_QUEUE_URL', this.queue.queueUrl);
    Grant.addToPrincipal({
      grantee: fn.role,
      actions: ['sqs:SendMessage'],
      resourceArns: [this.queue.queueArn],
    });
  }
}
