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

/** Sends the browser to Cognito's hosted sign-in, which returns to /signin with tokens in the fragment. */
export function redirectToCognito(cognito: { domain: string; clientId: string }): void {
  const domain = cognito.domain.startsWith('http') ? cognito.domain : `https://${cognito.domain}`;
  const params = new URLSearchParams({
    response_type: 'token',
    client_id: cognito.clientId,
    redirect_uri: `${window.location.origin}/signin`,
    scope: 'openid email profile',
  });
  window.location.assign(`${domain}/oauth2/authorize?${params}`);
}

/** Reads a token Cognito put in the fragment after sign-in, clearing the fragment. */
export function takeCognitoToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('id_token') ?? params.get('access_token');
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}
