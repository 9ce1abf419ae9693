import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiligenceStack } from '../../infra/diligence-stack';
import { cdkContext, fakeWebDist, projectRoot } from './synth';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:diligence/oidc-AbC123';
const OIDC = {
  oidcIssuer: 'https://login.microsoftonline.com/0000-tenant/v2.0',
  oidcClientId: 'diligence-portal',
  oidcClientSecretArn: SECRET_ARN,
  idpGroupsClaim: 'groups',
  idpGroupRoles: '{"Diligence-Admins":"admin","Diligence-Buyers":"procurement"}',
  ssoOrganizationId: 'buyer',
};
const SAML = {
  samlMetadataUrl: 'https://idp.example.com/app/abc/sso/saml/metadata',
  idpGroupsClaim: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  ssoOrganizationId: 'buyer',
  idpName: 'Contoso',
};

const METADATA_FILE = 'test/infra/fixtures/google-saml-metadata.xml';

/** The whole stack synthesized with `context` on top of cdk.json's (as `-c key=value` does). */
function synth(context: Record<string, unknown>, domain = true) {
  const app = new App({ context: { ...cdkContext(), ...context } });
  const stack = new DiligenceStack(app, 'DiligenceStack', {
    projectRoot,
    webDistPath: fakeWebDist(),
    mailFrom: 'noreply@diligence.example',
    code: 'stub',
    cognitoDomainPrefix: domain ? 'diligence-test' : undefined,
  });
  return { app, template: Template.fromStack(stack) };
}

/** Findings cdk-nag still reports (acknowledged ones are not). */
function openFindings(app: App): string[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
  return report.violations.map(
    (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
  );
}

function only<T>(record: Record<string, T>): [string, T] {
  const entries = Object.entries(record);
  expect(entries).toHaveLength(1);
  return entries[0] as [string, T];
}

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation resources are untyped JSON.
type Resource = { Properties: Record<string, any> };

function trigger(template: Template): [string, Resource] {
  return only(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { SSO_ORGANIZATION_ID: Match.anyValue() } } },
    }) as Record<string, Resource>,
  );
}

describe('single sign-on with OIDC context', () => {
  let app: App;
  let template: Template;
  beforeAll(() => {
    ({ app, template } = synth(OIDC));
  }, 120_000);

  it('federates the OIDC provider, its secret read from Secrets Manager at deploy time', () => {
    const [, idp] = only(
      template.findResources('AWS::Cognito::UserPoolIdentityProvider') as Record<string, Resource>,
    );
    expect(idp.Properties.ProviderType).toBe('OIDC');
    expect(idp.Properties.ProviderName).toBe('SSO');
    const details = idp.Properties.ProviderDetails;
    expect(details).toMatchObject({
      client_id: 'diligence-portal',
      oidc_issuer: OIDC.oidcIssuer,
      authorize_scopes: 'openid email profile',
    });
    // A dynamic reference naming the secret, never a value.
    expect(JSON.stringify(details.client_secret)).toContain(
      `{{resolve:secretsmanager:${SECRET_ARN}:SecretString:::}}`,
    );
  });

  it('maps the groups claim to a mutable custom attribute, and the e-mail', () => {
    const [, idp] = only(
      template.findResources('AWS::Cognito::UserPoolIdentityProvider') as Record<string, Resource>,
    );
    expect(idp.Properties.AttributeMapping).toEqual({
      email: 'email',
      'custom:idp_groups': 'groups',
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'organization', Mutable: false }),
        Match.objectLike({ Name: 'idp_groups', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('offers the provider to the web client next to local sign-in', () => {
    const [logicalId] = only(template.findResources('AWS::Cognito::UserPoolIdentityProvider'));
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: ['COGNITO', { Ref: logicalId }],
    });
  });

  it('attaches the Pre Token Generation trigger (V2_0) with the mapping and organization', () => {
    const [logicalId, fn] = trigger(template);
    expect(fn.Properties.Environment.Variables).toMatchObject({
      SSO_PROVIDER_NAME: 'SSO',
      SSO_ORGANIZATION_ID: 'buyer',
      SSO_GROUP_ROLES: JSON.stringify({
        'Diligence-Admins': 'admin',
        'Diligence-Buyers': 'procurement',
      }),
    });
    expect(fn.Properties.Timeout).toBe(5);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { 'Fn::GetAtt': [logicalId, 'Arn'] },
          LambdaVersion: 'V2_0',
        },
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [logicalId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
    });
  });

  it('pages on the trigger errors and throttles, pointing at the runbook', () => {
    const [logicalId] = trigger(template);
    for (const metric of ['Errors', 'Throttles']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId } }],
        AlarmDescription: Match.stringLikeRegexp(
          'docs/operations.md#function-errors-and-throttles$',
        ),
        AlarmActions: Match.anyValue(),
      });
    }
  });

  it('keeps cdk-nag clean', () => {
    expect(openFindings(app)).toEqual([]);
  }, 120_000);
});

describe('single sign-on with SAML context', () => {
  let app: App;
  let template: Template;
  beforeAll(() => {
    ({ app, template } = synth(SAML));
  }, 120_000);

  it('federates the SAML provider from its metadata URL and maps groups and e-mail', () => {
    const [logicalId, idp] = only(
      template.findResources('AWS::Cognito::UserPoolIdentityProvider') as Record<string, Resource>,
    );
    expect(idp.Properties).toMatchObject({
      ProviderType: 'SAML',
      ProviderName: 'Contoso',
      ProviderDetails: { MetadataURL: SAML.samlMetadataUrl },
      AttributeMapping: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        'custom:idp_groups': SAML.idpGroupsClaim,
      },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: ['COGNITO', { Ref: logicalId }],
    });
  });

  it('attaches the trigger with the default mapping (group names equal role names)', () => {
    const [, fn] = trigger(template);
    expect(JSON.parse(fn.Properties.Environment.Variables.SSO_GROUP_ROLES)).toEqual({
      procurement: 'procurement',
      governance: 'governance',
      admin: 'admin',
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0' } },
    });
  });

  it('keeps cdk-nag clean', () => {
    expect(openFindings(app)).toEqual([]);
  }, 120_000);
});

describe('single sign-on with a SAML metadata file (Google Workspace)', () => {
  it('puts the metadata document itself in the provider', () => {
    const { template } = synth({
      samlMetadataFile: METADATA_FILE,
      idpGroupsClaim: 'groups',
      idpEmailClaim: 'email',
      ssoOrganizationId: 'buyer',
      idpName: 'GoogleWorkspace',
    });
    const [, idp] = only(
      template.findResources('AWS::Cognito::UserPoolIdentityProvider') as Record<string, Resource>,
    );
    expect(idp.Properties.ProviderDetails.MetadataFile).toContain('accounts.google.com/o/saml2');
    expect(idp.Properties.AttributeMapping).toEqual({
      email: 'email',
      'custom:idp_groups': 'groups',
    });
  }, 120_000);
});

describe('without single sign-on context', () => {
  it('adds no provider, no attribute, no trigger, and keeps local sign-in only', () => {
    const { template } = synth({});
    expect(template.findResources('AWS::Cognito::UserPoolIdentityProvider')).toEqual({});
    const [, pool] = only(
      template.findResources('AWS::Cognito::UserPool') as Record<string, Resource>,
    );
    expect(pool.Properties.LambdaConfig).toBeUndefined();
    expect(pool.Properties.Schema.map((a: { Name: string }) => a.Name)).toEqual([
      'email',
      'organization',
    ]);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Environment: { Variables: { SSO_ORGANIZATION_ID: Match.anyValue() } } },
      }),
    ).toEqual({});
  }, 120_000);
});

describe('context combinations that stop the synth', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'OIDC without its secret',
      { ...OIDC, oidcClientSecretArn: undefined },
      /missing "oidcClientSecretArn"/,
    ],
    [
      'OIDC without issuer and client',
      { oidcClientSecretArn: SECRET_ARN, idpGroupsClaim: 'groups', ssoOrganizationId: 'buyer' },
      /missing "oidcIssuer", "oidcClientId"/,
    ],
    [
      'both OIDC and SAML',
      { ...OIDC, samlMetadataUrl: SAML.samlMetadataUrl },
      /both OIDC .* and SAML/,
    ],
    ['no groups claim', { ...OIDC, idpGroupsClaim: undefined }, /"idpGroupsClaim" is required/],
    [
      'no organization',
      { ...SAML, ssoOrganizationId: undefined },
      /"ssoOrganizationId" is required/,
    ],
    [
      'a secret value instead of its ARN',
      { ...OIDC, oidcClientSecretArn: 's3cr3t-value' },
      /complete ARN of a Secrets Manager secret/,
    ],
    [
      'an http issuer',
      { ...OIDC, oidcIssuer: 'http://login.example.com' },
      /"oidcIssuer" must be an https:\/\/ URL/,
    ],
    [
      'an unknown role in the mapping',
      { ...OIDC, idpGroupRoles: '{"Everyone":"superuser"}' },
      /group "Everyone" maps to "superuser"/,
    ],
    ['a mapping that is not JSON', { ...OIDC, idpGroupRoles: 'Admins=admin' }, /not valid JSON/],
    [
      'both SAML metadata URL and file',
      { ...SAML, samlMetadataFile: METADATA_FILE },
      /samlMetadataUrl or samlMetadataFile, not both/,
    ],
    [
      'a metadata file that is not metadata',
      { ...SAML, samlMetadataUrl: undefined, samlMetadataFile: 'package.json' },
      /is not SAML metadata/,
    ],
    [
      'a missing metadata file',
      { ...SAML, samlMetadataUrl: undefined, samlMetadataFile: 'nowhere.xml' },
      /cannot read "nowhere.xml"/,
    ],
    [
      'mapping keys without a provider',
      { idpGroupsClaim: 'groups' },
      /"idpGroupsClaim" set without an identity provider/,
    ],
  ];
  it.each(cases)(
    '%s',
    (_name, context, message) => {
      const clean = Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined));
      expect(() => synth(clean)).toThrow(message);
    },
    60_000,
  );

  it('needs the hosted domain the identity provider returns to', () => {
    expect(() => synth(OIDC, false)).toThrow(/cognitoDomainPrefix/);
  });
});
