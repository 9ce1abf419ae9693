/** The signed-in staff member, the portal mode, and where each role starts. */
import { createContext } from 'preact';
import { getConfig } from './api/dev';
import type { Me, PortalConfig, StaffRole } from './api/types';

/** The signed-in staff member (set by the staff shell once `/api/me` answered). */
export const MeContext = createContext<Me | null>(null);

/** The page each role lands on. */
export function roleHome(role: StaffRole): string {
  if (role === 'governance') return '/governance';
  if (role === 'admin') return '/portfolio';
  return '/procurement';
}

let config: Promise<PortalConfig> | undefined;

/** `GET /api/config`, fetched once per page load; assumes local mode if the route is missing. */
export function portalConfig(): Promise<PortalConfig> {
  config ??= getConfig().catch((): PortalConfig => ({ mode: 'local' }));
  return config;
}

const verifierKey = 'diligence.pkce';
const domainOf = (d: string) => (d.startsWith('http') ? d : `https://${d}`);
const redirectUri = () => `${window.location.origin}/signin`;

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Sends the browser to Cognito's hosted sign-in with the authorization-code flow and PKCE
 * (no tokens ever travel in a URL); it returns to /signin with a one-time code.
 */
export async function redirectToCognito(cognito: {
  domain: string;
  clientId: string;
}): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(verifierKey, verifier);
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  window.location.assign(`${domainOf(cognito.domain)}/oauth2/authorize?${params}`);
}

/** Exchanges the code Cognito returned for an ID token (the API checks its audience); null when none. */
export async function takeCognitoToken(
  cognito: { domain: string; clientId: string } | undefined,
): Promise<string | null> {
  const code = new URLSearchParams(window.location.search).get('code');
  const verifier = sessionStorage.getItem(verifierKey);
  if (!code || !verifier || !cognito) return null;
  window.history.replaceState(null, '', window.location.pathname);
  sessionStorage.removeItem(verifierKey);
  const res = await fetch(`${domainOf(cognito.domain)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cognito.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: verifier,
    }),
  });
  if (!res.ok) throw new Error('Sign-in failed: the sign-in code was refused. Try again.');
  const tokens = (await res.json()) as { id_token?: string };
  return tokens.id_token ?? null;
}
