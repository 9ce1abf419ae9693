import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffVerifier, remoteKeys } from '../../../functions/api/auth/staff-jwt';

const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test';
const audience = 'client-id';
let server: Server;
let jwksUrl: string;
let requests = 0;
let sign: (claims: Record<string, unknown>) => Promise<string>;
let signWithOtherKey: (claims: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  const pool = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(pool.publicKey)), kid: 'pool-key', alg: 'RS256', use: 'sig' };
  // A JWKS endpoint as Cognito publishes one, on loopback.
  server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  const signer = (key: CryptoKey) => (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'pool-key' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
  sign = signer(pool.privateKey);
  signWithOtherKey = signer(other.privateKey);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const claims = {
  email: 'ana@buyer.example',
  'cognito:groups': ['governance'],
  'custom:organization': 'buyer',
};

describe('staff tokens verified against a remote JWKS (the AWS path)', () => {
  it('fetches the keys on the first verification only, and accepts a token the pool signed', async () => {
    const verify = createStaffVerifier({ issuer, audience, keys: remoteKeys(jwksUrl) });
    expect(requests).toBe(0);
    const identity = await verify(await sign(claims));
    expect(identity).toEqual({
      kind: 'staff',
      subject: 'user-1',
      email: 'ana@buyer.example',
      role: 'governance',
      organizationId: 'buyer',
    });
    await verify(await sign(claims));
    expect(requests).toBe(1);
  });

  it('rejects a token signed by another key, and one without an organization', async () => {
    const verify = createStaffVerifier({ issuer, audience, keys: remoteKeys(jwksUrl) });
    await expect(verify(await signWithOtherKey(claims))).rejects.toThrow(
      'Sign in again: the token is invalid.',
    );
    const { 'custom:organization': _, ...withoutOrganization } = claims;
    await expect(verify(await sign(withoutOrganization))).rejects.toThrow(
      'Sign in again: the token lacks role or organization.',
    );
  });
});
