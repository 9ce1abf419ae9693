import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth';
import { asList, type CfnJson, policyStatements } from './template-tools';

let template: Template;
beforeAll(() => {
  ({ template } = synthStack());
});

const orphanFunction = () =>
  Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
    id.startsWith('RetentionOrphans'),
  ) as [string, CfnJson];
const statementsOf = (role: string) =>
  policyStatements(template)
    .filter(({ owner }) => owner.startsWith(role))
    .map(({ statement }) => statement);
const samplesRules = (): CfnJson[] =>
  template.findResources('AWS::S3::Bucket').SamplesBucket?.Properties.LifecycleConfiguration.Rules;

describe('orphan sweep in AWS', () => {
  it('runs its own function every hour from an EventBridge rule', () => {
    const [id, fn] = orphanFunction();
    expect(fn.Properties.ReservedConcurrentExecutions).toBe(1);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(41 * * * ? *)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: id } }],
    });
  });

  it('lists the samples bucket and deletes versions under the sample prefixes, never a report', () => {
    const statements = statementsOf('RetentionOrphansRole');
    const on = (match: (r: string) => boolean) =>
      statements
        .filter((s) => asList(s.Resource).some((r) => match(JSON.stringify(r))))
        .flatMap((s) => asList(s.Action).map(String))
        .sort();
    expect(on((r) => r === '{"Fn::GetAtt":["SamplesBucket","Arn"]}')).toEqual([
      's3:ListBucketMultipartUploads',
      's3:ListBucketVersions',
    ]);
    for (const prefix of ['samples/', 'analyses/', 'partials/'])
      expect(on((r) => r.includes(`"/${prefix}*"`))).toEqual(
        expect.arrayContaining(['s3:DeleteObject', 's3:DeleteObjectVersion']),
      );
    expect(on((r) => r.includes('ReportsBucket'))).toEqual([]);
    expect(on(() => true)).not.toContain('s3:GetObject');
  });

  it('lets every reader of uploads read the version an analysis pinned', () => {
    for (const role of ['AnalyzerAnalyzeRole', 'DistributedFoldRole', 'ApiFunctionRole']) {
      const reads = statementsOf(role)
        .filter((s) => asList(s.Resource).some((r) => JSON.stringify(r).includes('"/samples/*"')))
        .flatMap((s) => asList(s.Action).map(String));
      expect(reads, role).toContain('s3:GetObjectVersion');
    }
  });
});

describe('samples bucket lifecycle', () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html
  it('aborts incomplete multipart uploads and expires old versions and lone delete markers', () => {
    const rules = samplesRules();
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
        expect.objectContaining({
          Prefix: 'samples/',
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        }),
        // https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleExpiration.html — removes a
        // delete marker with no noncurrent versions; not allowed beside Days, hence its own rule.
        expect.objectContaining({ ExpiredObjectDeleteMarker: true, Status: 'Enabled' }),
      ]),
    );
  });
});
