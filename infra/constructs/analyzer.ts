import { Duration, Size } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  type AuthSettings,
  DiligenceFunction,
  type FunctionSource,
  type TableRef,
} from './function';
import { acknowledge, BASIC_EXECUTION_POLICY, cdkManagedHandlers } from './nag';

/** Key prefix under which vendors upload samples; only these objects trigger analysis. */
export const SAMPLES_PREFIX = 'samples/';

/** Props of the sample analyzer. */
export interface AnalyzerProps {
  readonly source: FunctionSource;
  readonly table: TableRef;
  readonly samples: IBucket;
  readonly reports: IBucket;
  readonly auth: AuthSettings;
  /** Most analyses running at once (SQS event source maximum concurrency, at least 2). */
  readonly maxConcurrency?: number;
}

const ANALYZE_TIMEOUT = Duration.minutes(15);

/** Samples bucket ObjectCreated → SQS (with DLQ) → analyze function sized for large samples. */
export class Analyzer extends Construct {
  readonly function: DiligenceFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: AnalyzerProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS guidance: at least six times the function timeout, so retries never overlap a running analysis.
      visibilityTimeout: Duration.seconds(ANALYZE_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 3 },
    });

    this.function = new DiligenceFunction(this, 'Analyze', {
      source: props.source,
      entry: 'functions/analyze/lambda.ts',
      description: 'Diligence sample analyzer',
      memorySize: 3008,
      timeout: ANALYZE_TIMEOUT,
      ephemeralStorageSize: Size.gibibytes(10),
    });
    this.function.bindTable(props.table, 'readWrite');
    // Reads the upload and writes analyses/ and partials/ beside it (outside SAMPLES_PREFIX, so no loop).
    this.function.bindBucket(props.samples, 'SAMPLES_BUCKET', 'readWrite');
    this.function.bindBucket(props.reports, 'REPORTS_BUCKET', 'write');
    this.function.bindAuth(props.auth);
    this.function.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: props.maxConcurrency ?? 5,
      }),
    );

    props.samples.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), {
      prefix: SAMPLES_PREFIX,
    });
    for (const handler of cdkManagedHandlers(this, 'BucketNotificationsHandler')) {
      acknowledge(
        handler,
        `AwsSolutions-IAM4[Policy::${BASIC_EXECUTION_POLICY}]`,
        'aws-cdk-lib bucket-notification handler (deploy time only): the AWS managed policy only lets it write its own logs.',
      );
    }
  }
}
