import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  type AlarmProps,
  AlarmRule,
  ComparisonOperator,
  CompositeAlarm,
  type IAlarm,
  type IMetric,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { DiligenceFunction } from './function';

/** Props of the operator alarms. */
export interface AlarmsProps {
  /** Every function of the stack: each gets an errors and a throttles alarm. */
  readonly functions: Record<string, DiligenceFunction>;
  /** Dead letters of the analyzer (the consumer drains it; a backlog means it cannot). */
  readonly deadLetterQueue: IQueue;
  /** Dead letters the consumer itself failed on. */
  readonly parkedQueue: IQueue;
  /** The function that handles dead letters: each invocation is a failed analysis. */
  readonly deadLetterFunction: DiligenceFunction;
  /** Address subscribed to the alarm topic (it must confirm the subscription). */
  readonly email?: string;
  /** The distributed-analysis state machine: a failed, timed-out or aborted execution alarms. */
  readonly stateMachine?: IStateMachine;
  /** Re-score requests that failed three times (their report stays "updating"). */
  readonly rescoreDeadLetterQueue?: IQueue;
}

/**
 * An SNS topic CloudWatch alarms can publish to (encrypted with its own key: CloudWatch cannot use
 * the AWS managed SNS key), TLS only, with `email` subscribed (it must confirm the subscription).
 */
export function alarmTopic(scope: Construct, email?: string): { topic: Topic; key: Key } {
  const key = new Key(scope, 'TopicKey', {
    enableKeyRotation: true,
    description: 'Diligence alarm topic',
  });
  key.grant(
    new ServicePrincipal('cloudwatch.amazonaws.com'),
    'kms:Decrypt',
    'kms:GenerateDataKey*',
  );
  const topic = new Topic(scope, 'Topic', {
    displayName: 'Diligence alarms',
    masterKey: key,
    enforceSSL: true,
  });
  if (email) topic.addSubscription(new EmailSubscription(email));
  return { topic, key };
}

/** What `Alarms.watch` needs: the metric, what to do when it fires, and any non-default threshold. */
export type WatchOptions = Partial<Omit<AlarmProps, 'metric' | 'alarmDescription'>> & {
  readonly metric: IMetric;
  /** What it means and what to do, in a sentence or two. */
  readonly description: string;
  /** Anchor of its section in docs/operations.md (the runbook), appended to the description. */
  readonly runbook: string;
};

/** Where the runbook lives, relative to the repository root. */
export const RUNBOOK = 'docs/operations.md';

/** One SNS topic, and alarms on dead letters, function errors and throttles that publish to it. */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly topicKey: Key;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    ({ topic: this.topic, key: this.topicKey } = alarmTopic(this, props.email));
    this.action = new SnsAction(this.topic);
    const add = (name: string, metric: IMetric, description: string, periods = 1) =>
      this.watch(name, {
        metric,
        description,
        evaluationPeriods: periods,
        runbook: /(Errors|Throttles)$/.test(name)
          ? 'function-errors-and-throttles'
          : name.toLowerCase(),
      });

    const fiveMinutes = { period: Duration.minutes(5) };
    add(
      'AnalysesDeadLettered',
      props.deadLetterFunction.fn.metricInvocations({ ...fiveMinutes, statistic: 'Sum' }),
      'An analysis failed three times and was dead-lettered: the sample is marked failed and vendor and procurement were told. Read the dead-letter function log for the sample and the cause.',
    );
    add(
      'DeadLetterBacklog',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        ...fiveMinutes,
        statistic: 'Maximum',
      }),
      'Dead letters have waited 15 minutes: the dead-letter function is not draining its queue (see its errors).',
      3,
    );
    add(
      'DeadLettersParked',
      props.parkedQueue.metricApproximateNumberOfMessagesVisible({
        ...fiveMinutes,
        statistic: 'Maximum',
      }),
      'A dead letter could not be handled three times and is parked: the sample may still show "analyzing". Follow the runbook.',
    );
    if (props.rescoreDeadLetterQueue) {
      add(
        'RescoresDeadLettered',
        props.rescoreDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
          ...fiveMinutes,
          statistic: 'Maximum',
        }),
        'A re-score failed three times: the report shows "updating" and keeps its previous version. Read the Rescore function log for the assessment and the cause; once fixed, redrive the dead-letter queue.',
      );
    }
    if (props.stateMachine) {
      const sm = props.stateMachine;
      const stat = { ...fiveMinutes, statistic: 'Sum' };
      add(
        'DistributedAnalysisFailed',
        new MathExpression({
          expression: 'failed + timedOut + aborted',
          usingMetrics: {
            failed: sm.metricFailed(stat),
            timedOut: sm.metricTimedOut(stat),
            aborted: sm.metricAborted(stat),
          },
          period: Duration.minutes(5),
          label: 'Distributed analyses failed',
        }),
        'A distributed analysis (a sample beyond one machine) failed, timed out or was aborted: the sample is marked failed and vendor and procurement were told. Open the execution (named after the sample id) in the Step Functions console; see docs/distributed-analysis.md.',
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      add(
        `${name}Errors`,
        fn.fn.metricErrors({ ...fiveMinutes, statistic: 'Sum' }),
        `The ${name} function failed (an uncaught error or a timeout). See its log group.`,
      );
      add(
        `${name}Throttles`,
        fn.fn.metricThrottles({ ...fiveMinutes, statistic: 'Sum' }),
        `The ${name} function was throttled: raise its (or the account's) concurrency.`,
      );
    }
  }

  /**
   * An alarm publishing to the topic (and back to OK): `threshold` defaults to 1, reached or
   * exceeded; missing data is not breaching. The description says what to do (docs/operations.md).
   */
  watch(name: string, options: WatchOptions): Alarm {
    const { description, runbook, ...props } = options;
    const alarm = new Alarm(this, name, {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      ...props,
      alarmDescription: `${description} Runbook: ${RUNBOOK}#${runbook}`,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** One alarm that fires when any of `alarms` does, for the people who only want one page. */
  composite(name: string, alarms: IAlarm[], description: string): CompositeAlarm {
    const composite = new CompositeAlarm(this, name, {
      alarmRule: AlarmRule.anyOf(...alarms),
      alarmDescription: `${description} Runbook: ${RUNBOOK}#${name.toLowerCase()}`,
    });
    composite.addAlarmAction(this.action);
    composite.addOkAction(this.action);
    return composite;
  }
}
