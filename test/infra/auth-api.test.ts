import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth';

let template: Template;

beforeAll(() => {
  ({ template } = synthStack({ cognitoDomainPrefix: 'diligence-test' }));
});

function routes(): Map<string, Record<string, unknown>> {
  const found = template.findResources('AWS::ApiGatewayV2::Route');
  return new Map(
    Object.values(found).map((r) => [
      r.Properties.RouteKey as string,
      r.Properties as Record<string, unknown>,
    ]),
  );
}

describe('auth', () => {
  it('creates a retained pool with admin-only sign-up, strong passwords and required TOTP MFA', () => {
    const pool = template.toJSON().Resources.UserPool;
    expect(pool).toMatchObject({ DeletionPolicy: 'Retain' });
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      DeletionProtection: 'ACTIVE',
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
  });

  it('declares an immutable organization attribute', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'organization', AttributeDataType: 'String', Mutable: false }),
      ]),
    });
  });

  it('has one group per staff role', () => {
    const groups = template.findResources('AWS::Cognito::UserPoolGroup');
    const names = Object.values(groups).map((g) => g.Properties.GroupName);
    expect(names.sort()).toEqual(['admin', 'governance', 'procurement']);
  });

  it('gives the SPA a public code-flow client (PKCE) that returns to the sign-in page', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [
        {
          'Fn::Join': [
            '',
            [
              'https://',
              { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebDistribution'), 'DomainName'] },
              '/signin',
            ],
          ],
        },
      ],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'diligence-test' });
  });
});

describe('api', () => {
  it('checks staff JWTs against the pool issuer and the app client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::GetAtt': ['UserPool', 'ProviderURL'] },
        Audience: [{ Ref: Match.stringLikeRegexp('^AuthUserPoolWebClient') }],
      },
    });
  });

  it.each(['ANY /api/{proxy+}', '$default'])('requires a staff JWT on %s', (key) => {
    expect(routes().get(key)).toMatchObject({
      AuthorizationType: 'JWT',
      AuthorizerId: expect.anything(),
    });
  });

  it.each([
    'GET /api/health',
    'GET /api/config',
    'GET /api/openapi.json',
    'GET /api/docs',
    'ANY /api/vendor/{proxy+}',
    'GET /api/passports/{token}',
    'GET /.well-known/diligence-keys.json',
  ])('leaves %s to the app (no gateway authorizer)', (key) => {
    const route = routes().get(key);
    expect(route).toMatchObject({ AuthorizationType: 'NONE' });
    expect(route).not.toHaveProperty('AuthorizerId');
  });

  it('declares no other routes', () => {
    expect(routes().size).toBe(9);
  });

  it('throttles the default stage and writes JSON access logs', () => {
    const stages = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties;
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
    });
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('integrates every route with the API function (payload v2)', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiFunction'), 'Arn'] },
    });
  });
});
