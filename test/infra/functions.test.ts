import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth';
import { asList, type CfnJson, policyStatements } from './template-tools';

let template: Template;
let withoutMail: Template;

beforeAll(() => {
  ({ template } = synthStack());
  ({ template: withoutMail } = synthStack({ mailFrom: undefined }));
});

/** Properties of our function whose logical id starts with `prefix`. */
function fn(prefix: string, from: Template = template): CfnJson {
  const all = from.findResources('AWS::Lambda::Function');
  const match = Object.entries(all).filter(([id]) => id.startsWith(prefix));
  expect(match, `one function named ${prefix}*`).toHaveLength(1);
  return match[0]?.[1].Properties;
}

const OURS = [
  'ApiFunction',
  'AnalyzerAnalyze',
  'AnalyzerDeadLetters',
  'NotifierNotify',
  'RetentionPurge',
];

describe('functions', () => {
  it.each(OURS)('%s runs Node 22 on ARM64 with its own retained log group', (prefix) => {
    const props = fn(prefix);
    expect(props).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    expect(props.LoggingConfig.LogGroup.Ref).toMatch(/Logs/);
    expect(props.Environment.Variables).toMatchObject({
      DILIGENCE_MODE: 'aws',
      TABLE_NAME: { Ref: 'Table' },
      AUTH_ISSUER: { 'Fn::GetAtt': ['UserPool', 'ProviderURL'] },
      AUTH_AUDIENCE: { Ref: expect.stringMatching(/^AuthUserPoolWebClient/) },
      AUTH_JWKS_URL: {
        'Fn::Join': ['', [{ 'Fn::GetAtt': ['UserPool', 'ProviderURL'] }, '/.well-known/jwks.json']],
      },
    });
    // --enable-source-maps costs every cold start (see infra/bundle.ts and test/bench/lambda.ts).
    expect(props.Environment.Variables.NODE_OPTIONS).toBeUndefined();
  });

  it('log groups have a retention', () => {
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('gives the API function the buckets, the public URL and the sender', () => {
    expect(fn('ApiFunction')).toMatchObject({ Timeout: 28 });
    expect(fn('ApiFunction').Environment.Variables).toMatchObject({
      SAMPLES_BUCKET: { Ref: 'SamplesBucket' },
      REPORTS_BUCKET: { Ref: 'ReportsBucket' },
      PUBLIC_BASE_URL: {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^WebDistribution/), 'DomainName'] }],
        ],
      },
      MAIL_FROM: 'noreply@diligence.example',
    });
  });

  it('sizes the analyzer for big samples', () => {
    expect(fn('AnalyzerAnalyze')).toMatchObject({
      MemorySize: 3008,
      Timeout: 900,
      EphemeralStorage: { Size: 10240 },
    });
  });

  it('allows no service-wide wildcard anywhere and no Resource "*" to our roles', () => {
    const allows = policyStatements(template).filter(
      ({ statement }) => statement.Effect === 'Allow',
    );
    expect(allows.length).toBeGreaterThan(10);
    for (const { owner, statement } of allows) {
      const actions = asList(statement.Action).map(String);
      expect(actions, owner).not.toContain('*');
      expect(
        actions.filter((a) => /^(dynamodb|s3|ses|sqs|logs):\*$/.test(a)),
        owner,
      ).toEqual([]);
      // X-Ray trace writes support no resource-level permissions; nothing else may use "*".
      if (OURS.some((p) => owner.startsWith(p)) && !actions.every((a) => a.startsWith('xray:'))) {
        expect(asList(statement.Resource), owner).not.toContain('*');
      }
    }
  });

  it('never allows Scan and limits index access to Query on the named GSIs', () => {
    const statements = policyStatements(template).filter(({ owner }) =>
      OURS.some((p) => owner.startsWith(p)),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const { statement } of statements) {
      expect(asList(statement.Action)).not.toContain('dynamodb:Scan');
    }
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: 'dynamodb:Query',
            Resource: [
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Table', 'Arn'] }, '/index/GSI1']] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Table', 'Arn'] }, '/index/GSI2']] },
            ],
          },
        ]),
      },
    });
  });

  it('scopes ses:SendEmail to the configured sender identity', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'ses:SendEmail',
            Condition: { StringEquals: { 'ses:FromAddress': 'noreply@diligence.example' } },
            Resource: Match.arrayWith([
              { 'Fn::Join': ['', Match.arrayWith([':identity/noreply@diligence.example'])] },
            ]),
          }),
        ]),
      },
    });
  });

  it('grants no SES permission and sets no MAIL_FROM when no sender is configured', () => {
    const ses = policyStatements(withoutMail).filter(({ statement }) =>
      asList(statement.Action).some((a) => String(a).startsWith('ses:')),
    );
    expect(ses).toEqual([]);
    expect(fn('NotifierNotify', withoutMail).Environment.Variables).not.toHaveProperty('MAIL_FROM');
  });
});

describe('analyzer pipeline', () => {
  function queues(): Array<[string, CfnJson]> {
    return Object.entries(template.findResources('AWS::SQS::Queue'));
  }

  it('sends ObjectCreated events under samples/ to the queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: 'SamplesBucket' },
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'samples/' }] } },
            QueueArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AnalyzerQueue'), 'Arn'] },
          },
        ],
      },
    });
  });

  it('uses an encrypted queue with a dead-letter queue after 3 receives and a 6x visibility timeout', () => {
    const [main, dlq] = [
      queues().find(([id]) => id.startsWith('AnalyzerQueue')),
      queues().find(([id]) => id.startsWith('AnalyzerDeadLetterQueue')),
    ];
    expect(main && dlq).toBeTruthy();
    expect(main?.[1].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 900 * 6,
      RedrivePolicy: {
        maxReceiveCount: 3,
        deadLetterTargetArn: { 'Fn::GetAtt': [dlq?.[0], 'Arn'] },
      },
    });
    expect(dlq?.[1].Properties).toMatchObject({ SqsManagedSseEnabled: true });
  });

  it.each(['AnalyzerQueue', 'AnalyzerDeadLetterQueue'])(
    '%s refuses requests without TLS',
    (prefix) => {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: Match.stringLikeRegexp(`^${prefix}`) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    },
  );

  it('feeds the analyze function one message at a time with partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AnalyzerQueue'), 'Arn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('^AnalyzerAnalyzeFunction') },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('notifier', () => {
  it('runs the notify function every hour', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NotifierNotifyFunction'), 'Arn'] },
        }),
      ],
    });
    expect(fn('NotifierNotify').Environment.Variables).toMatchObject({
      MAIL_FROM: 'noreply@diligence.example',
    });
  });
});
