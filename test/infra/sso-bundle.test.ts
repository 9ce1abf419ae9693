import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bundle, bundleLambda } from '../../infra/bundle';
import { runModule } from './bundle-tools';
import { projectRoot } from './synth';

let bundle: Bundle;
beforeAll(() => {
  // The trigger bundled as the SingleSignOn construct deploys it (esbuild, no Docker or network).
  bundle = bundleLambda({
    projectRoot,
    entry: 'functions/sso/lambda.ts',
    outdir: mkdtempSync(join(tmpdir(), 'diligence-sso-')),
  });
}, 120_000);
afterAll(() => rmSync(bundle.outdir, { recursive: true, force: true }));

/** Invokes the bundled handler in plain Node with `env` and a V2_0 event for a federated user. */
function invoke(env: Record<string, string>, groups: string): unknown {
  const event = {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    userName: 'Okta_00u1',
    request: {
      userAttributes: {
        'cognito:user_status': 'EXTERNAL_PROVIDER',
        identities: JSON.stringify([{ providerName: 'Okta', providerType: 'OIDC' }]),
        'custom:idp_groups': groups,
      },
      groupConfiguration: { groupsToOverride: [] },
    },
    response: { claimsAndScopeOverrideDetails: null },
  };
  const script = `const { handler } = await import(${JSON.stringify(join(bundle.outdir, 'index.mjs'))});
    const out = await handler(${JSON.stringify(event)}, {});
    process.stdout.write(JSON.stringify(out.response.claimsAndScopeOverrideDetails));`;
  return JSON.parse(runModule(script, env));
}

describe('the bundled Pre Token Generation trigger', () => {
  const env = { SSO_PROVIDER_NAME: 'Okta', SSO_ORGANIZATION_ID: 'buyer' };

  it('loads in plain Node and maps groups to roles with the mapping from its environment', () => {
    const details = invoke(
      { ...env, SSO_GROUP_ROLES: '{"Diligence-Admins":"admin"}' },
      '[Diligence-Admins, Everyone]',
    );
    expect(details).toMatchObject({
      groupOverrideDetails: { groupsToOverride: ['admin'] },
      idTokenGeneration: { claimsToAddOrOverride: { 'custom:organization': 'buyer' } },
    });
  });

  it('uses the default mapping (group names equal role names) without SSO_GROUP_ROLES', () => {
    expect(invoke(env, 'governance,Diligence-Admins')).toMatchObject({
      groupOverrideDetails: { groupsToOverride: ['governance'] },
    });
  });

  it('refuses to start without its organization, naming the variable', () => {
    expect(() => invoke({ SSO_PROVIDER_NAME: 'Okta' }, 'admin')).toThrow(/SSO_ORGANIZATION_ID/);
  });
});
