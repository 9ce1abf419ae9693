import { describe, expect, it } from 'vitest';
import { cognitoLogoutUrl, signOutTarget } from '../../../web/src/sign-out';

const cognito = {
  domain: 'https://diligence-test.auth.eu-west-1.amazoncognito.com',
  clientId: 'client123',
};

describe('staff sign-out', () => {
  it('ends the Cognito session and returns to the registered sign-in page', () => {
    const url = new URL(cognitoLogoutUrl(cognito, 'https://d111.cloudfront.net'));
    expect(url.origin).toBe(cognito.domain);
    expect(url.pathname).toBe('/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client123',
      logout_uri: 'https://d111.cloudfront.net/signin',
    });
  });

  it('accepts a bare domain as /api/config may give it', () => {
    expect(
      cognitoLogoutUrl({ ...cognito, domain: 'x.auth.eu-west-1.amazoncognito.com' }, 'https://p'),
    ).toMatch(/^https:\/\/x\.auth\.eu-west-1\.amazoncognito\.com\/logout\?/);
  });

  it('goes through Cognito in AWS mode and straight to /signin locally', () => {
    expect(signOutTarget(cognito, 'https://p')).toEqual({
      external: cognitoLogoutUrl(cognito, 'https://p'),
    });
    expect(signOutTarget(undefined, 'http://localhost:3000')).toEqual({ page: '/signin' });
  });
});
