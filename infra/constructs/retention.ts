import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ACCESS } from './access';
import {
  type AuthSettings,
  DiligenceFunction,
  type FunctionSource,
  type TableRef,
} from './function';

/** Props of the retention sweep. */
export interface RetentionProps {
  readonly source: FunctionSource;
  readonly table: TableRef;
  readonly samples: IBucket;
  readonly auth: AuthSettings;
  /** Days sample data is kept after the decision (default 180). */
  readonly sampleRetentionDays?: number;
  /** When the sweep runs (default daily at 03:17 UTC). */
  readonly schedule?: Schedule;
  /** When the orphan sweep runs (default hourly, at minute 41). */
  readonly orphanSchedule?: Schedule;
}

/**
 * The daily retention sweep: its own small function rather than the reminder sender, because it is
 * the only one that deletes vendor data. Its role holds DeleteObject on the sample prefixes and the
 * four item actions its code calls, nothing to read a sample or send mail.
 */
export class Retention extends Construct {
  readonly function: DiligenceFunction;
  readonly rule: Rule;
  /** The orphan sweep: versions and multipart uploads no live sample or reference owns. */
  readonly orphans: DiligenceFunction;
  readonly orphanRule: Rule;

  constructor(scope: Construct, id: string, props: RetentionProps) {
    super(scope, id);
    this.function = new DiligenceFunction(this, 'Purge', {
      source: props.source,
      entry: 'functions/retention/lambda.ts',
      description: 'Diligence retention sweep (deletes sample data after the decision)',
      serviceName: 'retention',
      memorySize: 512,
      timeout: Duration.minutes(10),
      // One sweep at a time: a second would only meet the first's conditional writes.
      reservedConcurrency: 1,
    });
    this.function.bindAccess(ACCESS.purge, { table: props.table, samples: props.samples });
    this.function.bindAuth(props.auth);
    this.function.fn.addEnvironment(
      'SAMPLE_RETENTION_DAYS',
      String(props.sampleRetentionDays ?? 180),
    );

    this.rule = new Rule(this, 'Schedule', {
      description: 'Diligence sample retention: delete sample data past its retention',
      schedule: props.schedule ?? Schedule.cron({ minute: '17', hour: '3' }),
    });
    this.rule.addTarget(
      new LambdaFunction(this.function.fn, { retryAttempts: 2, maxEventAge: Duration.hours(6) }),
    );

    // Its own function and role: the only one that lists the bucket and deletes object versions.
    this.orphans = new DiligenceFunction(this, 'Orphans', {
      source: props.source,
      entry: 'functions/retention/orphan-lambda.ts',
      description: 'Diligence orphan sweep (objects and uploads no live sample owns)',
      serviceName: 'orphans',
      memorySize: 512,
      timeout: Duration.minutes(10),
      // One run at a time: runs share the listing cursors.
      reservedConcurrency: 1,
    });
    this.orphans.bindAccess(ACCESS.orphans, { table: props.table, samples: props.samples });
    this.orphans.bindAuth(props.auth);
    this.orphanRule = new Rule(this, 'OrphanSchedule', {
      description:
        'Diligence orphan sweep: remove sample objects and uploads without a live record',
      schedule: props.orphanSchedule ?? Schedule.cron({ minute: '41' }),
    });
    // A missed run is no loss: the next hour's goes on from the stored cursor.
    this.orphanRule.addTarget(
      new LambdaFunction(this.orphans.fn, { retryAttempts: 0, maxEventAge: Duration.hours(1) }),
    );
  }
}
