import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRemoteJWKSet, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGroupRoles } from '../../functions/sso/groups';
import {
  createPreTokenHandler,
  IDP_GROUPS_ATTRIBUTE,
  type PreTokenEvent,
  type PreTokenSettings,
} from '../../functions/sso/pre-token';
import { newAssessmentBody, startTestPortal, type TestPortal } from './harness';
import { startTestIdp, type TestIdp } from './test-idp';

// The deployment's context, as docs/single-sign-on.md shows it for Okta or Entra ID (group names).
const PROVIDER = 'TestIdP';
const GROUPS_CLAIM = 'groups';
const settings: PreTokenSettings = {
  providerName: PROVIDER,
  organizationId: 'buyer',
  groupRoles: parseGroupRoles(
    '{"Diligence-Admins":"admin","Diligence-Buyers":"procurement","Risk Office":"governance"}',
  ),
};

let idp: TestIdp;
let portal: TestPortal;
beforeAll(async () => {
  idp = await startTestIdp({
    ana: { email: 'ana@buyer.example', groups: ['Diligence-Admins', 'All Staff'] },
    ben: { email: 'ben@buyer.example', groups: ['Diligence-Buyers'] },
    gus: { email: 'gus@buyer.example', groups: ['Risk Office', 'Diligence-Buyers'] },
    eve: { email: 'eve@buyer.example', groups: ['All Staff', 'admins', 'Admin'] },
  });
  portal = await startTestPortal();
});
afterAll(async () => {
  await idp?.close();
  await portal?.stop();
});

/** Signs in at the IdP and verifies the ID token as Cognito does (issuer, audience, keys, nonce). */
async function idTokenOf(accountId: string): Promise<JWTPayload> {
  const { idToken, nonce } = await idp.signIn(accountId);
  const discovery = (await (
    await fetch(`${idp.issuer}/.well-known/openid-configuration`)
  ).json()) as { jwks_uri: string };
  const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
    issuer: idp.issuer,
    audience: idp.clientId,
  });
  expect(payload.nonce).toBe(nonce);
  return payload;
}

/** How Cognito writes an array claim into the mapped string attribute (both seen in the wild). */
const stored = {
  bracketed: (groups: string[]) => `[${groups.join(', ')}]`,
  json: (groups: string[]) => JSON.stringify(groups),
};

/**
 * The V2_0 event Cognito sends after a federated sign-in: the attribute mapping
 * (idpGroupsClaim → custom:idp_groups, email → email) applied to the verified claims.
 */
function cognitoEvent(claims: JWTPayload, write: (groups: string[]) => string): PreTokenEvent {
  const groups = claims[GROUPS_CLAIM] as string[];
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_test',
    userName: `${PROVIDER}_${claims.sub}`,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web-client' },
    request: {
      userAttributes: {
        sub: `pool-${claims.sub}`,
        email: String(claims.email),
        'cognito:user_status': 'EXTERNAL_PROVIDER',
        identities: JSON.stringify([
          { userId: claims.sub, providerName: PROVIDER, providerType: 'OIDC', primary: 'true' },
        ]),
        [IDP_GROUPS_ATTRIBUTE]: write(groups),
      },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
      scopes: ['openid', 'email', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  } as unknown as PreTokenEvent;
}

/** Signs in at the IdP and runs the trigger: the roles and organization Cognito would issue. */
async function federatedSignIn(accountId: string, write = stored.bracketed) {
  const claims = await idTokenOf(accountId);
  const event = await createPreTokenHandler(settings)(cognitoEvent(claims, write));
  const details = event.response.claimsAndScopeOverrideDetails;
  return {
    email: String(claims.email),
    groups: details.groupOverrideDetails?.groupsToOverride ?? [],
    added: details.idTokenGeneration?.claimsToAddOrOverride ?? {},
    suppressed: details.idTokenGeneration?.claimsToSuppress ?? [],
  };
}

/**
 * The ID token Cognito would sign with the trigger's answer, signed here with the local portal's
 * own staff key (the API verifies it exactly as it verifies Cognito's in AWS).
 */
async function poolToken(user: Awaited<ReturnType<typeof federatedSignIn>>): Promise<string> {
  const { kid, privateJwk } = JSON.parse(
    await readFile(join(portal.dataDir, 'keys', 'jwt-signing-key.json'), 'utf8'),
  ) as { kid: string; privateJwk: JWK };
  const claims: Record<string, unknown> = { email: user.email, ...user.added };
  // Cognito leaves cognito:groups out when the list is empty.
  if (user.groups.length > 0) claims['cognito:groups'] = user.groups;
  for (const name of user.suppressed) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject(`pool-${user.email}`)
    .setIssuer(portal.portal.deps.config.AUTH_ISSUER)
    .setAudience(portal.portal.deps.config.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(privateJwk, 'ES256'));
}

describe('single sign-on against a local OIDC identity provider', () => {
  it('issues a verifiable ID token that carries the groups claim (authorization code + PKCE)', async () => {
    const claims = await idTokenOf('ana');
    expect(claims).toMatchObject({
      sub: 'ana',
      email: 'ana@buyer.example',
      groups: ['Diligence-Admins', 'All Staff'],
    });
  });

  it.each(Object.keys(stored) as Array<keyof typeof stored>)(
    'maps the IdP groups to roles and sets the organization (attribute written %s)',
    async (form) => {
      expect(await federatedSignIn('ana', stored[form])).toMatchObject({
        groups: ['admin'],
        added: { 'custom:organization': 'buyer' },
        suppressed: [IDP_GROUPS_ATTRIBUTE],
      });
      expect((await federatedSignIn('ben', stored[form])).groups).toEqual(['procurement']);
      expect((await federatedSignIn('gus', stored[form])).groups).toEqual([
        'procurement',
        'governance',
      ]);
    },
  );

  it('gives unknown groups no role (a near-miss name included)', async () => {
    expect((await federatedSignIn('eve')).groups).toEqual([]);
  });

  it('the API accepts the resulting token with the mapped role, in the configured organization', async () => {
    const admin = await poolToken(await federatedSignIn('ana'));
    const policy = await portal.call('GET', '/api/policy', { token: admin });
    expect(policy.status).toBe(200);
    const create = await portal.call('POST', '/api/assessments', {
      token: admin,
      body: newAssessmentBody(),
    });
    expect(create.status).toBe(403);
    expect(((await create.json()) as { detail: string }).detail).toMatch(/signed in as admin/);

    const buyer = await poolToken(await federatedSignIn('ben'));
    const created = await portal.call('POST', '/api/assessments', {
      token: buyer,
      body: newAssessmentBody(),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // Same organization: the admin signed in through the IdP sees the buyer's assessment.
    expect((await portal.call('GET', `/api/assessments/${id}`, { token: admin })).status).toBe(200);
  });

  it('the API refuses the token of a user whose groups map to no role', async () => {
    const none = await poolToken(await federatedSignIn('eve'));
    const res = await portal.call('GET', '/api/assessments', { token: none });
    expect(res.status).toBe(401);
  });
});
