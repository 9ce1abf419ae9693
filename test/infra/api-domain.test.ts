import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCustomDomain } from '../../infra/constructs/api';
import { ORIGIN_HEADER } from '../../infra/constructs/origin-secret';
import { synthStack } from './synth';
import type { CfnJson } from './template-tools';

const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
let plain: Template;
let custom: Template;
let customApp: ReturnType<typeof synthStack>['app'];
beforeAll(() => {
  plain = synthStack().template;
  ({ template: custom, app: customApp } = synthStack({
    apiDomain: { domainName: 'api.diligence.example', certificateArn: CERT },
  }));
});

const one = (t: Template, type: string): CfnJson => {
  const found = Object.values(t.findResources(type));
  expect(found, type).toHaveLength(1);
  return found[0]?.Properties;
};
const apiOrigin = (t: Template) => {
  const config = one(t, 'AWS::CloudFront::Distribution').DistributionConfig;
  const behavior = config.CacheBehaviors.find((b: CfnJson) => b.PathPattern === '/api/*');
  return config.Origins.find((o: CfnJson) => o.Id === behavior.TargetOriginId);
};
const originHeaders = (t: Template) =>
  (apiOrigin(t).OriginCustomHeaders ?? []).map((h: CfnJson) => h.HeaderName);

describe('API endpoint shapes', () => {
  it('without a custom domain: execute-api stays on, guarded by the origin secret', () => {
    expect(one(plain, 'AWS::ApiGatewayV2::Api').DisableExecuteApiEndpoint).toBe(false);
    expect(plain.findResources('AWS::ApiGatewayV2::DomainName')).toEqual({});
    expect(JSON.stringify(apiOrigin(plain).DomainName)).toMatch(/execute-api/);
    expect(originHeaders(plain)).toEqual([ORIGIN_HEADER]);
  });

  it('with apiDomainName and apiCertificateArn: a TLS 1.2 custom domain, mapped, execute-api off', () => {
    expect(one(custom, 'AWS::ApiGatewayV2::Api').DisableExecuteApiEndpoint).toBe(true);
    expect(one(custom, 'AWS::ApiGatewayV2::DomainName')).toEqual({
      DomainName: 'api.diligence.example',
      DomainNameConfigurations: [
        { CertificateArn: CERT, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
      ],
    });
    const mapping = one(custom, 'AWS::ApiGatewayV2::ApiMapping');
    expect(mapping).toEqual({
      ApiId: { Ref: expect.stringMatching(/^ApiHttpApi/) },
      DomainName: { Ref: expect.stringMatching(/^ApiDomain/) },
      Stage: '$default',
    });
    // CloudFront reaches the API by its own name (the certificate's), still with the secret header.
    expect(apiOrigin(custom).DomainName).toBe('api.diligence.example');
    expect(originHeaders(custom)).toEqual([ORIGIN_HEADER]);
    const outputs = custom.toJSON().Outputs;
    expect(outputs.ApiDomainTarget.Value).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^ApiDomain/), 'RegionalDomainName'],
    });
  });

  it('stays cdk-nag clean with the custom domain', () => {
    const report = new AwsSolutionsChecks().validateScope(customApp);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('refuses half a custom domain, a bad host name or a bad certificate ARN, naming the context', () => {
    expect(apiCustomDomain(undefined, undefined)).toBeUndefined();
    expect(() => apiCustomDomain('api.diligence.example', undefined)).toThrow(/go together/);
    expect(() => apiCustomDomain(undefined, CERT)).toThrow(/go together/);
    expect(() => apiCustomDomain('https://api.diligence.example', CERT)).toThrow(
      /"apiDomainName" must be a host name/,
    );
    expect(() => apiCustomDomain('api.diligence.example', 'cert-123')).toThrow(
      /"apiCertificateArn" must be an ACM certificate ARN/,
    );
    expect(apiCustomDomain('API.Diligence.example', CERT)).toEqual({
      domainName: 'api.diligence.example',
      certificateArn: CERT,
    });
  });
});
