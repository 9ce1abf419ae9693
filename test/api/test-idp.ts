import { createHash, randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Account } from 'oidc-provider';

/** A person the test identity provider knows, with the claims it issues about them. */
export interface TestAccount {
  email: string;
  /** The groups claim (an array, as Okta and Entra ID send it). */
  groups: string[];
}

/** An OpenID Connect provider on loopback, standing in for the organization's IdP. */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /**
   * Signs `accountId` in through the authorization-code flow with PKCE, as Cognito does against
   * a real IdP (login form, consent, code, token endpoint), and returns the raw ID token.
   */
  signIn(accountId: string, scope?: string): Promise<{ idToken: string; nonce: string }>;
  close(): Promise<void>;
}

/** Cookies the provider sets between the steps of one sign-in (no path or expiry subtleties). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /expires=.*1970/i.test(a) || /max-age=0\b/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * Starts oidc-provider on 127.0.0.1 (a free port) with one confidential client, `accounts`, a
 * `groups` scope and claim, PKCE required, and the provider's own development login and consent
 * pages (any password; the account id is the login).
 */
export async function startTestIdp(accounts: Record<string, TestAccount>): Promise<TestIdp> {
  let listener: RequestListener = (_req, res) => res.end();
  const server: Server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'cognito-user-pool';
  const clientSecret = base64url(randomBytes(32));
  // Where Cognito receives the IdP's answer (never called here: the code is read off the redirect).
  const redirectUri = 'https://diligence-test.auth.eu-west-1.amazoncognito.com/oauth2/idpresponse';

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: 'test-idp',
    alg: 'RS256',
    use: 'sig',
  };
  const provider = new Provider(issuer, {
    jwks: { keys: [signingKey] },
    ttl: { Interaction: 300, Session: 300, Grant: 300, AccessToken: 300, IdToken: 300 },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: unknown, id: string): Promise<Account | undefined> {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: true,
          groups: account.groups,
        }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
    scopes: ['openid', 'email', 'groups'],
    // Put the scope's claims in the ID token too (Okta and Entra ID send groups there).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [base64url(randomBytes(32))] },
  });
  listener = provider.callback();

  async function signIn(accountId: string, scope = 'openid email groups') {
    const jar = new CookieJar();
    const verifier = base64url(randomBytes(32));
    const challenge = base64url(createHash('sha256').update(verifier).digest());
    const state = base64url(randomBytes(16));
    const nonce = base64url(randomBytes(16));
    const request = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(new URL(url, issuer), {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
      });
      jar.take(res);
      return res;
    };
    const form = (fields: Record<string, string>): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const authorize = new URL('/auth', issuer);
    authorize.search = new URLSearchParams({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope,
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();

    // Follow the provider's redirects, answering its login and consent pages, until it sends
    // the browser back to the redirect URI with the code.
    let res = await request(authorize.href);
    for (let step = 0; step < 12; step++) {
      const location = res.headers.get('location');
      if (!location)
        throw new Error(`test IdP: no redirect (HTTP ${res.status}): ${await res.text()}`);
      if (location.startsWith(redirectUri)) {
        const answer = new URL(location).searchParams;
        if (answer.get('error')) throw new Error(`test IdP: ${answer.get('error_description')}`);
        if (answer.get('state') !== state) throw new Error('test IdP: state mismatch');
        const token = await fetch(new URL('/token', issuer), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: answer.get('code') ?? '',
            redirect_uri: redirectUri,
            code_verifier: verifier,
          }).toString(),
        });
        const body = (await token.json()) as { id_token?: string; error_description?: string };
        if (!body.id_token) throw new Error(`test IdP token endpoint: ${body.error_description}`);
        return { idToken: body.id_token, nonce };
      }
      const interaction = /^\/interaction\/([^/?]+)$/.exec(new URL(location, issuer).pathname);
      if (interaction) {
        const page = await (await request(location)).text();
        const fields: Record<string, string> = page.includes('name="login"')
          ? { prompt: 'login', login: accountId, password: 'any' }
          : { prompt: 'consent' };
        res = await request(location, form(fields));
      } else {
        res = await request(location);
      }
    }
    throw new Error('test IdP: too many redirects');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    signIn,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
