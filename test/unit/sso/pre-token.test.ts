import { describe, expect, it } from 'vitest';
import { parseGroupRoles } from '../../../functions/sso/groups';
import {
  applyPreToken,
  createPreTokenHandler,
  federatedProviders,
  type PreTokenEvent,
  type PreTokenSettings,
} from '../../../functions/sso/pre-token';

const settings: PreTokenSettings = {
  providerName: 'Contoso',
  organizationId: 'buyer',
  groupRoles: parseGroupRoles('{"Diligence-Admins":"admin","Buyers":"procurement"}'),
};

/** A V2_0 event as Cognito sends it (see docs/single-sign-on.md). */
function event(userAttributes: Record<string, string>, groups: string[] = []): PreTokenEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_test',
    userName: 'Contoso_abc',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    request: {
      userAttributes,
      groupConfiguration: {
        groupsToOverride: groups,
        iamRolesToOverride: [],
        preferredRole: undefined,
      },
      scopes: ['openid', 'email'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  } as unknown as PreTokenEvent;
}

const identities = (providerName: string) =>
  JSON.stringify([
    {
      userId: 'abc',
      providerName,
      providerType: 'OIDC',
      issuer: null,
      primary: 'true',
      dateCreated: '1',
    },
  ]);

function federated(groups: string, provider = 'Contoso', cognitoGroups: string[] = []) {
  return event(
    {
      sub: 'u-1',
      email: 'ana@buyer.example',
      identities: identities(provider),
      'cognito:user_status': 'EXTERNAL_PROVIDER',
      'custom:idp_groups': groups,
    },
    cognitoGroups,
  );
}

describe('the Pre Token Generation trigger (V2_0)', () => {
  it('turns the mapped IdP groups into cognito:groups and sets the organization', () => {
    const e = federated('[Diligence-Admins, Everyone]');
    expect(applyPreToken(e, settings)).toEqual({
      federated: true,
      provider: 'Contoso',
      groups: 2,
      roles: ['admin'],
    });
    expect(e.response.claimsAndScopeOverrideDetails).toEqual({
      groupOverrideDetails: { groupsToOverride: ['admin'] },
      idTokenGeneration: {
        claimsToAddOrOverride: { 'custom:organization': 'buyer' },
        claimsToSuppress: ['custom:idp_groups'],
      },
      accessTokenGeneration: {
        claimsToAddOrOverride: { 'custom:organization': 'buyer' },
        claimsToSuppress: [],
      },
    });
  });

  it('gives an unknown group no role, and replaces Cognito groups set by hand (the IdP decides)', () => {
    const e = federated('["Everyone"]', 'Contoso', ['admin']);
    expect(applyPreToken(e, settings).roles).toEqual([]);
    expect(e.response.claimsAndScopeOverrideDetails.groupOverrideDetails).toEqual({
      groupsToOverride: [],
    });
  });

  it('grants nothing to a user of another provider, whatever the groups say', () => {
    const e = federated('Diligence-Admins', 'SomeoneElse');
    expect(applyPreToken(e, settings)).toMatchObject({ federated: true, roles: [] });
    const details = e.response.claimsAndScopeOverrideDetails;
    expect(details.groupOverrideDetails?.groupsToOverride).toEqual([]);
    expect(details.idTokenGeneration?.claimsToAddOrOverride).toEqual({});
    expect(details.idTokenGeneration?.claimsToSuppress).toContain('custom:organization');
  });

  it('grants nothing to an external user whose provider cannot be read', () => {
    const e = event({
      'cognito:user_status': 'EXTERNAL_PROVIDER',
      identities: 'not json',
      'custom:idp_groups': 'Diligence-Admins',
    });
    expect(applyPreToken(e, settings)).toMatchObject({ federated: true, roles: [] });
  });

  it('leaves a local user alone, even one who wrote the groups attribute themselves', () => {
    const e = event(
      {
        sub: 'u-2',
        email: 'pat@buyer.example',
        'cognito:user_status': 'CONFIRMED',
        'custom:organization': 'buyer',
        'custom:idp_groups': 'Diligence-Admins',
      },
      ['procurement'],
    );
    expect(applyPreToken(e, settings)).toEqual({ federated: false, groups: 0, roles: [] });
    expect(e.response).toEqual({ claimsAndScopeOverrideDetails: {} });
  });

  it('the handler returns the event and logs only federated decisions, without names or e-mail', async () => {
    const logged: unknown[] = [];
    const handler = createPreTokenHandler(settings, (d) => logged.push(d));
    const out = await handler(federated('Buyers'));
    expect(
      out.response.claimsAndScopeOverrideDetails.groupOverrideDetails?.groupsToOverride,
    ).toEqual(['procurement']);
    await handler(event({ 'cognito:user_status': 'CONFIRMED' }));
    expect(logged).toEqual([
      {
        federated: true,
        provider: 'Contoso',
        groups: 1,
        roles: ['procurement'],
        trigger: 'TokenGeneration_HostedAuth',
      },
    ]);
  });
});

describe('federatedProviders', () => {
  it('reads provider names from the identities attribute', () => {
    expect(federatedProviders({ identities: identities('Okta') })).toEqual(['Okta']);
    expect(federatedProviders({})).toEqual([]);
    expect(federatedProviders({ identities: '{"providerName":"Okta"}' })).toEqual([]);
  });
});
