import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth';
import type { CfnJson } from './template-tools';

let template: Template;

beforeAll(() => {
  ({ template } = synthStack({ alarmEmail: 'ops@diligence.example' }));
});

const entries = (type: string, from: Template = template): Array<[string, CfnJson]> =>
  Object.entries(from.findResources(type));
const fn = (prefix: string) =>
  entries('AWS::Lambda::Function').find(([id]) => id.startsWith(prefix))?.[1].Properties;

describe('dead letters', () => {
  it('consumes the dead-letter queue with its own function and parks what it cannot handle', () => {
    const dlq = entries('AWS::SQS::Queue').find(([id]) => id.startsWith('AnalyzerDeadLetterQueue'));
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [dlq?.[0], 'Arn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('^AnalyzerDeadLetters') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(dlq?.[1].Properties.RedrivePolicy).toMatchObject({
      deadLetterTargetArn: { 'Fn::GetAtt': [expect.stringMatching(/^AnalyzerParkedQueue/), 'Arn'] },
      maxReceiveCount: 3,
    });
  });

  it('keeps every queue message for the 14-day maximum', () => {
    for (const [id, q] of entries('AWS::SQS::Queue')) {
      expect(q.Properties.MessageRetentionPeriod, id).toBe(14 * 24 * 3600);
    }
  });

  it('lets S3 send upload events only from this account', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Condition: { StringNotEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });
});

describe('alarms', () => {
  const alarms = () => entries('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);

  it('publishes every alarm to one encrypted topic that the operator address subscribes to', () => {
    const topics = entries('AWS::SNS::Topic');
    expect(topics).toHaveLength(1);
    expect(topics[0]?.[1].Properties.KmsMasterKeyId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@diligence.example',
    });
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topics[0]?.[0] }]);
    }
  });

  it('alarms on dead letters, a dead-letter backlog, parked messages, dead-lettered re-scores and webhook wake-ups', () => {
    const byMetric = (name: string, namespace: string) =>
      alarms().filter((a) => a.MetricName === name && a.Namespace === namespace);
    expect(byMetric('Invocations', 'AWS/Lambda')).toHaveLength(1);
    expect(byMetric('ApproximateNumberOfMessagesVisible', 'AWS/SQS')).toHaveLength(4);
  });

  it.each(['Errors', 'Throttles'])(
    'alarms on %s of each of the thirteen functions (five of them the distributed analysis, one the orphan sweep, one the re-score worker, one the webhook worker)',
    (metric) => {
      const found = alarms().filter((a) => a.MetricName === metric);
      expect(found).toHaveLength(13);
      for (const a of found) expect(a).toMatchObject({ Threshold: 1, EvaluationPeriods: 1 });
    },
  );
});

describe('re-scoring', () => {
  it('feeds the worker from its queue, dead-letters after three receives and lets only the API, analyzer and merge send', () => {
    const queue = entries('AWS::SQS::Queue').find(([id]) => id.startsWith('RescoreQueue'));
    expect(queue?.[1].Properties).toMatchObject({
      VisibilityTimeout: 30 * 60,
      RedrivePolicy: {
        maxReceiveCount: 3,
        deadLetterTargetArn: {
          'Fn::GetAtt': [expect.stringMatching(/^RescoreDeadLetterQueue/), 'Arn'],
        },
      },
    });
    expect(fn('RescoreWorker')).toMatchObject({ Timeout: 300, MemorySize: 3008 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queue?.[0], 'Arn'] },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const senders = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(
        ([, p]) =>
          JSON.stringify(p.Properties.PolicyDocument).includes('"sqs:SendMessage"') &&
          JSON.stringify(p.Properties.PolicyDocument).includes(`"${queue?.[0]}"`),
      )
      .map(([id]) => id.replace(/RoleDefaultPolicy.*$/, ''));
    expect(senders.sort()).toEqual(['AnalyzerAnalyze', 'ApiFunction', 'DistributedMerge']);
    for (const prefix of ['ApiFunction', 'AnalyzerAnalyze', 'DistributedMerge']) {
      expect(fn(prefix)?.Environment.Variables.RESCORE_QUEUE_URL).toEqual({ Ref: queue?.[0] });
    }
  });
});

describe('functions in operation', () => {
  it('reserves concurrency for the analyzer and matches the queue maximum to it', () => {
    expect(fn('AnalyzerAnalyze')?.ReservedConcurrentExecutions).toBe(5);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });

  it.each([
    'ApiFunction',
    'AnalyzerAnalyze',
    'AnalyzerDeadLetters',
    'NotifierNotify',
    'RetentionPurge',
    'RescoreWorker',
  ])('%s traces with X-Ray and names its Powertools service and metrics namespace', (prefix) => {
    const props = fn(prefix);
    expect(props?.TracingConfig).toEqual({ Mode: 'Active' });
    expect(props?.Environment.Variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: expect.any(String),
      POWERTOOLS_METRICS_NAMESPACE: 'Diligence',
    });
  });
});

describe('mail', () => {
  it('sends through a configuration set that suppresses bounces and complaints and reports them', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        SnsDestination: Match.anyValue(),
      }),
    });
    for (const prefix of ['ApiFunction', 'AnalyzerDeadLetters', 'NotifierNotify']) {
      expect(fn(prefix)?.Environment.Variables.MAIL_CONFIGURATION_SET, prefix).toEqual({
        Ref: expect.stringMatching(/^MailConfigurationSet/),
      });
    }
  });

  it('sends Cognito e-mail through SES only when asked', () => {
    const pool = (t: Template) => t.toJSON().Resources.UserPool.Properties;
    expect(pool(template).EmailConfiguration).toBeUndefined();
    const { template: viaSes } = synthStack({ cognitoEmailViaSes: true });
    expect(pool(viaSes).EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: 'noreply@diligence.example',
      ConfigurationSet: { Ref: expect.stringMatching(/^MailConfigurationSet/) },
    });
  });
});

describe('retention', () => {
  const rules = (t: Template) =>
    t.toJSON().Resources.SamplesBucket.Properties.LifecycleConfiguration.Rules as CfnJson[];

  it('backstops never-decided assessments: uploads, analyses and partials go 365 days after upload', () => {
    for (const prefix of ['samples/', 'analyses/', 'partials/']) {
      expect(rules(template)).toContainEqual(
        expect.objectContaining({
          Prefix: prefix,
          ExpirationInDays: 365,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          Status: 'Enabled',
        }),
      );
    }
  });

  it('expires what a failed distributed run left under distributed/ after two weeks', () => {
    expect(rules(template)).toContainEqual(
      expect.objectContaining({ Prefix: 'distributed/', ExpirationInDays: 14, Status: 'Enabled' }),
    );
  });

  it('takes the backstop and the report lock mode from the props', () => {
    const { template: t } = synthStack({
      abandonedSampleRetentionDays: 400,
      reportLockMode: 'COMPLIANCE',
    });
    expect(rules(t)).toContainEqual(
      expect.objectContaining({ Prefix: 'samples/', ExpirationInDays: 400 }),
    );
    expect(t.toJSON().Resources.ReportsBucket.Properties.ObjectLockConfiguration.Rule).toEqual({
      DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 },
    });
  });
});
