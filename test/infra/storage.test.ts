import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth';

let template: Template;

beforeAll(() => {
  ({ template } = synthStack());
});

function bucket(logicalId: string): Record<string, unknown> {
  const resource = template.toJSON().Resources[logicalId];
  expect(resource, `${logicalId} keeps its fixed logical id`).toBeDefined();
  return resource;
}

describe('storage', () => {
  it('keeps one on-demand table with PK/SK, GSI1 and GSI2, PITR and deletion protection, retained', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    const table = template.toJSON().Resources.Table;
    expect(table).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
    });
    const indexes = table.Properties.GlobalSecondaryIndexes as Array<{
      IndexName: string;
      KeySchema: unknown;
    }>;
    expect(indexes.map((i) => [i.IndexName, i.KeySchema])).toEqual([
      [
        'GSI1',
        [
          { AttributeName: 'GSI1PK', KeyType: 'HASH' },
          { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
        ],
      ],
      [
        'GSI2',
        [
          { AttributeName: 'GSI2PK', KeyType: 'HASH' },
          { AttributeName: 'GSI2SK', KeyType: 'RANGE' },
        ],
      ],
    ]);
  });

  it.each(['SamplesBucket', 'ReportsBucket'])(
    '%s blocks public access, is encrypted, versioned, logged, retained, and expires junk',
    (id) => {
      const resource = bucket(id);
      expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      expect(resource.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogsBucket' } },
        LifecycleConfiguration: {
          Rules: expect.arrayContaining([
            expect.objectContaining({
              Status: 'Enabled',
              // Samples: resumable multipart uploads of big files keep their parts a week.
              AbortIncompleteMultipartUpload: {
                DaysAfterInitiation: id === 'SamplesBucket' ? 7 : 1,
              },
              NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            }),
          ]),
        },
      });
    },
  );

  it.each(['SamplesBucket', 'ReportsBucket', 'AccessLogsBucket'])(
    '%s refuses requests without TLS',
    (id) => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    },
  );

  it('locks stored reports with a default governance retention', () => {
    expect(bucket('ReportsBucket').Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } },
      },
    });
    expect(bucket('SamplesBucket').Properties).not.toHaveProperty('ObjectLockEnabled');
  });

  it('lets only the web origin PUT samples from the browser, with the upload headers', () => {
    expect(bucket('SamplesBucket').Properties).toMatchObject({
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedMethods: ['PUT'],
            AllowedOrigins: [
              {
                'Fn::Join': [
                  '',
                  [
                    'https://',
                    { 'Fn::GetAtt': [expect.stringMatching(/^WebDistribution/), 'DomainName'] },
                  ],
                ],
              },
            ],
            AllowedHeaders: ['content-type', 'content-length', 'if-none-match', 'x-amz-*'],
            // The browser reads each part's ETag to complete a multipart upload.
            ExposedHeaders: ['ETag'],
          },
        ],
      },
    });
    expect(bucket('ReportsBucket').Properties).not.toHaveProperty('CorsConfiguration');
  });

  it('keeps access logs private, encrypted and expiring, and retains them', () => {
    const logs = bucket('AccessLogsBucket');
    expect(logs).toMatchObject({ DeletionPolicy: 'Retain' });
    expect(logs.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 365 })] },
    });
  });
});
