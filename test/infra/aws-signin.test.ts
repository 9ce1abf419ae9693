import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../functions/api/create-router';
import type { AppDeps } from '../../functions/api/env';
import {
  createOriginGuard,
  extensionSecret,
  ORIGIN_HEADER,
} from '../../functions/api/origin-guard';
import { metaRoutes } from '../../functions/api/routes/meta';
import { loadConfig } from '../../functions/lib/config';
import { resolveEnvironment, resolveValue } from './resolve';
import { synthStack } from './synth';
import { asList, type CfnJson, policyStatements } from './template-tools';

// What the browser does in AWS mode (web/src/auth.ts), checked against the synthesized stack:
// GET /api/config without a token → hosted sign-in at COGNITO_DOMAIN with the app client →
// back to <portal>/signin → token exchange at COGNITO_DOMAIN → staff calls with the ID token.
let template: Template;
let env: Record<string, string>;

function resources(type: string): Array<[string, CfnJson]> {
  return Object.entries(template.findResources(type));
}
function route(key: string): CfnJson | undefined {
  return resources('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === key)?.[1];
}

beforeAll(() => {
  ({ template } = synthStack({ cognitoDomainPrefix: 'diligence-test' }));
  const api = resources('AWS::Lambda::Function').find(([id]) => id.startsWith('ApiFunction'));
  env = resolveEnvironment(api?.[1].Properties.Environment.Variables ?? {});
});

async function clientConfig() {
  const app = createRouter();
  const config = loadConfig(env);
  app.use('*', async (c, next) => {
    c.set('deps', { config } as AppDeps);
    await next();
  });
  app.route('/api', metaRoutes());
  const res = await app.request('/api/config');
  return {
    status: res.status,
    body: (await res.json()) as { mode: string; cognito?: Record<string, string> },
  };
}

describe('staff sign-in in AWS', () => {
  it('lets an anonymous browser read GET /api/config (no JWT authorizer on the route)', () => {
    const r = route('GET /api/config');
    expect(r?.Properties).toMatchObject({ AuthorizationType: 'NONE' });
    expect(r?.Properties).not.toHaveProperty('AuthorizerId');
  });

  it('answers /api/config with the hosted domain and app client from the function environment', async () => {
    const { status, body } = await clientConfig();
    expect(status).toBe(200);
    const domain = resources('AWS::Cognito::UserPoolDomain')[0]?.[0] ?? '';
    expect(body).toEqual({
      mode: 'aws',
      cognito: {
        domain: `https://${domain.toLowerCase()}.auth.eu-west-1.amazoncognito.com`,
        clientId: env.AUTH_AUDIENCE,
      },
    });
    const client = resources('AWS::Cognito::UserPoolClient')[0]?.[0] ?? '';
    expect(env.AUTH_AUDIENCE).toBe(client.toLowerCase());
  });

  it('returns the browser to a registered callback URL on the portal origin', () => {
    const client = resources('AWS::Cognito::UserPoolClient')[0]?.[1].Properties;
    const callbacks = (client.CallbackURLs as unknown[]).map(resolveValue);
    expect(callbacks).toContain(`${env.PUBLIC_BASE_URL}/signin`);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
  });

  it('allows the token exchange with the hosted domain in the CSP', async () => {
    const { body } = await clientConfig();
    const policy = resources('AWS::CloudFront::ResponseHeadersPolicy').find(
      ([, p]) =>
        p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig?.ContentSecurityPolicy,
    )?.[1];
    const csp = resolveValue(
      policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy
        .ContentSecurityPolicy,
    );
    const connect = csp.split('; ').find((d) => d.startsWith('connect-src')) ?? '';
    expect(connect.split(' ')).toContain(body.cognito?.domain);
  });

  it('accepts the ID token of that client on staff routes', async () => {
    const { body } = await clientConfig();
    const authorizer = resources('AWS::ApiGatewayV2::Authorizer')[0]?.[1].Properties;
    expect(authorizer.JwtConfiguration.Audience.map(resolveValue)).toEqual([
      body.cognito?.clientId,
    ]);
    expect(resolveValue(authorizer.JwtConfiguration.Issuer)).toBe(env.AUTH_ISSUER);
    expect(route('ANY /api/{proxy+}')?.Properties).toMatchObject({ AuthorizationType: 'JWT' });
  });

  it('lets requests from CloudFront through the origin guard and no others', async () => {
    const distribution = resources('AWS::CloudFront::Distribution')[0]?.[1].Properties;
    const origin = distribution.DistributionConfig.Origins.find(
      (o: Record<string, unknown>) => 'CustomOriginConfig' in o,
    );
    const header = origin.OriginCustomHeaders.find(
      (h: { HeaderName: string }) => h.HeaderName === ORIGIN_HEADER,
    );
    const sent = resolveValue(header.HeaderValue);
    expect(sent).toMatch(/^\{\{resolve:secretsmanager:/);
    // The function reads the very secret CloudFront sends, through the extension on localhost.
    const secretArn = sent.replace(/^\{\{resolve:secretsmanager:(.*):SecretString:::\}\}$/, '$1');
    expect(env.ORIGIN_SECRET_ARN).toBe(secretArn);
    const config = loadConfig({ ...env, AWS_SESSION_TOKEN: 'session' });
    const asked: string[] = [];
    const fetcher = (async (url: string, init: { headers: Record<string, string> }) => {
      asked.push(url, init.headers['X-Aws-Parameters-Secrets-Token'] ?? '');
      return Response.json({ SecretString: sent });
    }) as unknown as typeof fetch;
    const guard = createOriginGuard(
      extensionSecret(
        {
          secretArn: config.ORIGIN_SECRET_ARN ?? '',
          port: config.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT,
          sessionToken: config.AWS_SESSION_TOKEN ?? '',
        },
        fetcher,
      ),
    );
    expect(await guard({ [ORIGIN_HEADER]: sent })).toBe(true);
    expect(await guard({})).toBe(false);
    expect(asked).toEqual([
      `http://localhost:2773/secretsmanager/get?secretId=${encodeURIComponent(secretArn)}`,
      'session',
    ]);
  });

  it('keeps the origin secret out of the function configuration and lets only the API read it', () => {
    expect(Object.values(env).join(' ')).not.toContain('resolve:secretsmanager');
    const api = resources('AWS::Lambda::Function').find(([id]) => id.startsWith('ApiFunction'));
    expect(api?.[1].Properties.Layers).toHaveLength(1);
    const readers = policyStatements(template)
      .filter(({ statement }) => asList(statement.Action).includes('secretsmanager:GetSecretValue'))
      .map(({ owner, statement }) => [owner, statement.Resource]);
    expect(readers).toEqual([
      [expect.stringMatching(/^ApiFunctionRole/), { Ref: expect.stringMatching(/^OriginSecret/) }],
    ]);
  });

  it('without a hosted domain, /api/config offers no hosted sign-in', async () => {
    const { template: plain } = synthStack();
    const api = Object.entries(plain.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('ApiFunction'),
    );
    expect(api?.[1].Properties.Environment.Variables).not.toHaveProperty('COGNITO_DOMAIN');
  });
});
