import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPA_FALLBACK_SOURCE } from '../../infra/constructs/spa-fallback';
import { DiligenceStack } from '../../infra/diligence-stack';
import { resolveValue } from './resolve';
import { cdkContext, projectRoot, synthStack } from './synth';
import { type CfnJson, findCycle } from './template-tools';

let template: Template;
let distribution: CfnJson;

beforeAll(() => {
  ({ template } = synthStack());
  const found = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  expect(found).toHaveLength(1);
  distribution = found[0]?.Properties.DistributionConfig;
});

// connect-src: the portal, and S3 in the stack's region only (presigned uploads), not all of AWS.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' https://*.s3.eu-west-1.amazonaws.com; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

describe('web', () => {
  it('serves a private, encrypted, TLS-only bucket through origin access control', () => {
    const s3Origin = distribution.Origins.find(
      (o: Record<string, unknown>) => 'S3OriginConfig' in o,
    );
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    const bucketId = s3Origin.DomainName['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[bucketId].Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: expect.anything(),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('serves index.html at the root and rewrites app routes to it on the web behavior only', () => {
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] },
      },
    ]);
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: SPA_FALLBACK_SOURCE,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    // Distribution-wide error pages would turn the API's problem+json 403/404 into index.html.
    expect(distribution).not.toHaveProperty('CustomErrorResponses');
  });

  it.each([
    ['/vendor', '/index.html'],
    ['/assessments/42', '/index.html'],
    ['/', '/index.html'],
    ['/assets/app-1a2b.js', '/assets/app-1a2b.js'],
    ['/favicon.ico', '/favicon.ico'],
  ])('the SPA fallback sends %s to %s', (uri, expected) => {
    const handler = new Function(`${SPA_FALLBACK_SOURCE}; return handler;`)() as (
      event: unknown,
    ) => {
      uri: string;
    };
    expect(handler({ request: { uri } }).uri).toBe(expected);
  });

  it('routes /api/* to the HTTP API uncached, with every method and all viewer headers but Host', () => {
    expect(distribution.CacheBehaviors).toHaveLength(2);
    const api = distribution.CacheBehaviors[0];
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      // Managed-AllViewerExceptHostHeader: every viewer header but Host, and the CloudFront
      // headers, CloudFront-Viewer-Address (client IP:port for the vendor rate limit) among them.
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      ViewerProtocolPolicy: 'https-only',
    });
    const origin = distribution.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(JSON.stringify(origin.DomainName)).toMatch(/ApiHttpApi.*execute-api/);
  });

  it('routes /.well-known/* (the report-signing JWKS) to the same API origin, GET and HEAD only', () => {
    const api = distribution.CacheBehaviors[0];
    const keys = distribution.CacheBehaviors[1];
    expect(keys).toMatchObject({
      PathPattern: '/.well-known/*',
      AllowedMethods: ['GET', 'HEAD'],
      ViewerProtocolPolicy: 'https-only',
      TargetOriginId: api.TargetOriginId,
    });
  });

  it('sends the strict CSP, nosniff, no-referrer and HSTS with the web app', () => {
    const policyId = distribution.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref;
    const config = template.toJSON().Resources[policyId].Properties.ResponseHeadersPolicyConfig;
    expect(
      resolveValue(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy),
    ).toBe(CSP);
    expect(config.SecurityHeadersConfig).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63072000,
        IncludeSubdomains: true,
        Override: true,
      },
    });
  });

  it('lets the SPA reach the Cognito hosted domain when one is configured', () => {
    const { template: withDomain } = synthStack({ cognitoDomainPrefix: 'diligence-test' });
    withDomain.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.objectLike({
              'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('connect-src')])],
            }),
            Override: true,
          },
        }),
      },
    });
  });

  it('logs requests to the access-log bucket', () => {
    expect(distribution.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': ['AccessLogsBucket', 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
  });

  it('deploys the built app and invalidates the cache', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: true,
      DistributionPaths: ['/*'],
      DistributionId: { Ref: Match.stringLikeRegexp('^WebDistribution') },
    });
  });

  it('stops with a clear message when the web app is not built', () => {
    const app = new App({ context: cdkContext() });
    const empty = mkdtempSync(join(tmpdir(), 'diligence-empty-'));
    expect(
      () => new DiligenceStack(app, 'NoWeb', { projectRoot, webDistPath: empty, code: 'stub' }),
    ).toThrow(/npm run web:build/);
  });
});

describe('stack', () => {
  it('outputs the web URL, API URL, alarm topic, user pool id and client id, but no execute-api URL', () => {
    const outputs = template.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining([
        'WebUrl',
        'ApiUrl',
        'AlarmTopicArn',
        'UserPoolId',
        'UserPoolClientId',
      ]),
    );
    expect(JSON.stringify(outputs)).not.toMatch(/execute-api|ApiEndpoint/);
    expect(outputs.ApiUrl.Value['Fn::Join'][1]).toContain('/api');
  });

  it('has no circular references between resources', () => {
    expect(findCycle(template)).toBeNull();
  });

  it('leaves resource names to CloudFormation', () => {
    const named = Object.entries(
      template.toJSON().Resources as Record<
        string,
        { Type: string; Properties?: Record<string, unknown> }
      >,
    )
      .filter(([, r]) =>
        [
          'AWS::S3::Bucket',
          'AWS::DynamoDB::Table',
          'AWS::Lambda::Function',
          'AWS::SQS::Queue',
        ].includes(r.Type),
      )
      .filter(
        ([, r]) =>
          r.Properties &&
          ['BucketName', 'TableName', 'FunctionName', 'QueueName'].some(
            (k) => k in (r.Properties ?? {}),
          ),
      );
    expect(named).toEqual([]);
  });
});
