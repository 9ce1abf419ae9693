import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth';
import { asList, type CfnJson, policyStatements } from './template-tools';

let template: Template;
beforeAll(() => {
  ({ template } = synthStack());
});

const purgeFunction = (t: Template) =>
  Object.entries(t.findResources('AWS::Lambda::Function')).find(([id]) =>
    id.startsWith('RetentionPurge'),
  ) as [string, CfnJson];

describe('retention sweep', () => {
  it('runs its own function once a day from an EventBridge rule, with retries', () => {
    const [id] = purgeFunction(template);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(17 3 * * ? *)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [id, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 6 * 3600 },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [id, 'Arn'] },
      Principal: 'events.amazonaws.com',
    });
  });

  it('counts 180 days after the decision by default, or the sampleRetentionDays prop', () => {
    const env = (t: Template) => purgeFunction(t)[1].Properties.Environment.Variables;
    expect(env(template)).toMatchObject({
      SAMPLE_RETENTION_DAYS: '180',
      SAMPLES_BUCKET: { Ref: 'SamplesBucket' },
      TABLE_NAME: { Ref: 'Table' },
    });
    expect(env(synthStack({ sampleRetentionDays: 30 }).template).SAMPLE_RETENTION_DAYS).toBe('30');
    expect(purgeFunction(template)[1].Properties.ReservedConcurrentExecutions).toBe(1);
  });

  it('may only delete sample objects and touch items, never read a sample or a report', () => {
    const statements = policyStatements(template)
      .filter(({ owner }) => owner.startsWith('RetentionPurgeRole'))
      .map(({ statement }) => statement);
    const s3 = statements
      .flatMap((s) => asList(s.Action).map(String))
      .filter((a) => a.startsWith('s3:'));
    expect([...new Set(s3)]).toEqual(['s3:DeleteObject']);
    const resources = statements
      .filter((s) => asList(s.Action).includes('s3:DeleteObject'))
      .flatMap((s) => asList(s.Resource).map((r) => JSON.stringify(r)));
    expect(resources).toHaveLength(3);
    for (const prefix of ['samples/', 'analyses/', 'partials/']) {
      expect(
        resources.some((r) => r.includes('"SamplesBucket"') && r.includes(`"/${prefix}*"`)),
      ).toBe(true);
    }
    expect(resources.some((r) => r.includes('ReportsBucket'))).toBe(false);
  });

  it('has an errors alarm like every function', () => {
    const [id] = purgeFunction(template);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: id } }],
    });
  });
});
