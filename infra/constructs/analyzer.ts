import { Duration, Size, Stack } from 'aws-cdk-lib';
import { Effect, Grant, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ACCESS } from './access';
import {
  type AuthSettings,
  DiligenceFunction,
  type FunctionSource,
  type TableRef,
} from './function';
import { acknowledge, BASIC_EXECUTION_POLICY, cdkManagedHandlers } from './nag';
import { queueDefaults, workQueue } from './queues';

/** Key prefix under which vendors upload samples; only these objects trigger analysis. */
export const SAMPLES_PREFIX = 'samples/';

/** Props of the sample analyzer. */
export interface AnalyzerProps {
  readonly source: FunctionSource;
  readonly table: TableRef;
  readonly samples: IBucket;
  readonly reports: IBucket;
  readonly auth: AuthSettings;
  /** Sender (and SES configuration set) for the dead-letter notices; none = log only. */
  readonly mail?: { from: string; configurationSet?: string };
  /** Analyses running at once: reserved concurrency of the function and the queue's maximum (≥ 2). */
  readonly concurrency?: number;
}

const ANALYZE_TIMEOUT = Duration.minutes(15);
/** SQS keeps messages 14 days (the maximum), so a long outage loses no upload event. */

/**
 * Worker-thread entries of the analyzer bundle: big JSON Lines/text samples fan out over shard
 * workers when ANALYSIS_WORKERS > 1, and the bundle carries `worker.mjs` for them.
 */
export const ANALYZE_WORKERS = { worker: 'functions/analyze/shards/worker.ts' } as const;

/**
 * Samples bucket ObjectCreated → SQS → analyze function sized for large samples. After three
 * failed attempts a message moves to the dead-letter queue, whose consumer marks the sample
 * failed and notifies vendor and procurement; a message that consumer cannot handle is parked.
 */
export class Analyzer extends Construct {
  readonly function: DiligenceFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  /** Dead letters the consumer failed on three times: an operator must look (see docs/operations.md#deadlettersparked). */
  readonly parkedQueue: Queue;
  readonly deadLetterFunction: DiligenceFunction;

  constructor(scope: Construct, id: string, props: AnalyzerProps) {
    super(scope, id);
    const concurrency = Math.max(2, props.concurrency ?? 5);
    this.parkedQueue = new Queue(this, 'ParkedQueue', queueDefaults);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      ...queueDefaults,
      visibilityTimeout: Duration.minutes(6),
      deadLetterQueue: { queue: this.parkedQueue, maxReceiveCount: 3 },
    });
    this.queue = workQueue(this, 'Queue', ANALYZE_TIMEOUT, this.deadLetterQueue);

    this.function = new DiligenceFunction(this, 'Analyze', {
      source: props.source,
      entry: 'functions/analyze/lambda.ts',
      workers: ANALYZE_WORKERS,
      description: 'Diligence sample analyzer',
      serviceName: 'analyze',
      memorySize: 3008,
      timeout: ANALYZE_TIMEOUT,
      ephemeralStorageSize: Size.gibibytes(10),
      reservedConcurrency: concurrency,
    });
    // Reads uploads and writes analyses/ and partials/ beside them (outside SAMPLES_PREFIX, so no loop).
    this.function.bindAccess(ACCESS.analyze, props);
    this.function.bindAuth(props.auth);
    this.function.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: concurrency,
      }),
    );

    this.deadLetterFunction = new DiligenceFunction(this, 'DeadLetters', {
      source: props.source,
      entry: 'functions/analyze/dead-letters/lambda.ts',
      description: 'Diligence dead-letter handler',
      serviceName: 'dead-letters',
      memorySize: 512,
      timeout: Duration.minutes(1),
    });
    this.deadLetterFunction.bindAccess(ACCESS.deadLetters, props);
    this.deadLetterFunction.bindAuth(props.auth);
    this.deadLetterFunction.fn.addEnvironment('SAMPLES_BUCKET', props.samples.bucketName);
    this.deadLetterFunction.fn.addEventSource(
      new SqsEventSource(this.deadLetterQueue, { batchSize: 10, reportBatchItemFailures: true }),
    );

    this.notifyOnUploads(props.samples);
  }

  /**
   * Samples over the threshold go to the distributed workflow: the analyzer gets its ARN and
   * states:StartExecution on it (ACCESS.analyze.startsWorkflow), nothing else.
   */
  startsWorkflow(stateMachine: IStateMachine): void {
    if (!ACCESS.analyze.startsWorkflow) return;
    this.function.fn.addEnvironment('DISTRIBUTED_STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    stateMachine.grantStartExecution(this.function.fn);
  }

  /**
   * Sets ANALYSIS_QUEUE_URL on `fn` and lets it send to the analysis queue (sqs:SendMessage only):
   * the API queues a stored file again when its field mapping changes.
   */
  bindRequester(fn: DiligenceFunction): void {
    fn.fn.addEnvironment('ANALYSIS_QUEUE_URL', this.queue.queueUrl);
    Grant.addToPrincipal({
      grantee: fn.role,
      actions: ['sqs:SendMessage'],
      resourceArns: [this.queue.queueArn],
    });
  }

  private notifyOnUploads(samples: IBucket): void {
    samples.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), {
      prefix: SAMPLES_PREFIX,
    });
    // SqsDestination allows s3.amazonaws.com from this bucket; also pin the account (confused deputy).
    this.queue.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        principals: [new ServicePrincipal('s3.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
        conditions: { StringNotEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    for (const handler of cdkManagedHandlers(this, 'BucketNotificationsHandler')) {
      acknowledge(
        handler,
        `AwsSolutions-IAM4[Policy::${BASIC_EXECUTION_POLICY}]`,
        'aws-cdk-lib bucket-notification handler (deploy time only): the AWS managed policy only lets it write its own logs.',
      );
    }
  }
}
