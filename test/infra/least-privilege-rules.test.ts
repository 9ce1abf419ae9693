import { describe, expect, it } from 'vitest';
import { asFunction, installRecorder, record, recordedCalls } from './aws-call-recorder';
import { OVER_GRANTED, UNREACHED } from './least-privilege-expectations';
import { grantResource } from './role-grants';

class UploadPartCommand {
  constructor(readonly input: Record<string, unknown>) {}
}
class ListObjectsV2Command {
  constructor(readonly input: Record<string, unknown>) {}
}
class RestoreObjectCommand {
  constructor(readonly input: Record<string, unknown>) {}
}
class QueryCommand {
  constructor(readonly input: Record<string, unknown>) {}
}
class GetObjectCommand {
  constructor(readonly input: Record<string, unknown>) {}
}
class DeleteObjectsCommand {
  constructor(readonly input: Record<string, unknown>) {}
}

describe('the AWS call recorder', () => {
  it('records a call as the IAM action and resource of the function running it', async () => {
    installRecorder({ 'my-samples': 'SamplesBucket' });
    const before = recordedCalls().length;
    record('S3', new UploadPartCommand({ Bucket: 'my-samples', Key: 'samples/o/a/s' }));
    await asFunction('api', async () => {
      record('S3', new UploadPartCommand({ Bucket: 'my-samples', Key: 'samples/o/a/s' }));
      record('S3', new ListObjectsV2Command({ Bucket: 'my-samples', Prefix: 'samples/' }));
      record('DynamoDB', new QueryCommand({ TableName: 't', IndexName: 'GSI2' }));
      record('S3', new RestoreObjectCommand({ Bucket: 'my-samples', Key: 'samples/x' }));
    });
    const calls = recordedCalls()
      .slice(before)
      .map((c) => `${c.fn} ${c.action} ${c.resource}`);
    expect(calls).toEqual([
      'api s3:PutObject SamplesBucket/samples/',
      'api s3:ListBucket SamplesBucket',
      'api dynamodb:Query Table',
      'api unmapped S3.RestoreObjectCommand SamplesBucket/samples/',
    ]);
  });
});

describe('versions and batches', () => {
  it('records a read naming a version as GetObjectVersion, and each DeleteObjects key on its own', async () => {
    installRecorder({ 'my-samples': 'SamplesBucket' });
    const before = recordedCalls().length;
    await asFunction('orphans', async () => {
      record(
        'S3',
        new GetObjectCommand({ Bucket: 'my-samples', Key: 'samples/a', VersionId: 'v' }),
      );
      const Objects = [{ Key: 'samples/a', VersionId: 'v' }, { Key: 'partials/b' }];
      record('S3', new DeleteObjectsCommand({ Bucket: 'my-samples', Delete: { Objects } }));
    });
    expect(
      recordedCalls()
        .slice(before)
        .map((c) => `${c.action} ${c.resource}`),
    ).toEqual([
      's3:GetObjectVersion SamplesBucket/samples/',
      's3:DeleteObjectVersion SamplesBucket/samples/',
      's3:DeleteObject SamplesBucket/partials/',
    ]);
  });
});

describe('the expectation lists', () => {
  it('give every accepted grant its reason or path', () => {
    for (const entries of Object.values(OVER_GRANTED))
      for (const e of entries ?? []) expect(e.reason.length, e.grant).toBeGreaterThan(20);
    for (const u of Object.values(UNREACHED)) expect(u?.path.length).toBeGreaterThan(20);
  });
});

describe('grant resources', () => {
  it('names table, index, bucket prefix, bucket, SES and wildcard grants as the recorder does', () => {
    const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
    const under = (id: string, suffix: string) => ({ 'Fn::Join': ['', [arn(id), suffix]] });
    expect(grantResource(arn('Table'))).toBe('Table');
    expect(grantResource(under('Table', '/index/GSI1'))).toBe('Table');
    expect(grantResource(under('SamplesBucket', '/analyses/*'))).toBe('SamplesBucket/analyses/');
    expect(grantResource(arn('ReportsBucket'))).toBe('ReportsBucket');
    expect(grantResource('*')).toBe('*');
    const ses = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:eu-west-1:1:identity/x']],
    };
    expect(grantResource(ses)).toBe('SES');
  });
});
